package strategy_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/bl-digital/kompass/strategy"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in, reason  string
		first, last string // YYYY-MM-DD; empty when in is invalid
	}{
		{"2026", "a year is its first to its last day", "2026-01-01", "2026-12-31"},
		{"2024-02", "a month ends on its last day, leap years included", "2024-02-01", "2024-02-29"},
		{"2025-02", "February of a common year has 28 days", "2025-02-01", "2025-02-28"},
		{"2026-12", "December ends on the 31st, not in the next year", "2026-12-01", "2026-12-31"},
		{"2026-10-31", "a day is itself", "2026-10-31", "2026-10-31"},
		{"2026-13", "there is no 13th month", "", ""},
		{"2026-00", "there is no month 0", "", ""},
		{"2026-04-31", "April has 30 days", "", ""},
		{"2026-1-01", "months have two digits", "", ""},
		{"26", "years have four digits", "", ""},
		{"2026-10-31T00:00", "times are not dates", "", ""},
		{"abcd", "letters are not a year", "", ""},
		{"", "empty is no date", "", ""},
		{"２０２６", "only ASCII digits", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d, err := strategy.ParseDate(tt.in)
			if tt.first == "" {
				assert.Error(t, err, tt.reason)
				return
			}
			require.NoError(t, err, tt.reason)
			assert.Equal(t, tt.first, d.First().Format(time.DateOnly), tt.reason)
			assert.Equal(t, tt.last, d.Last().Format(time.DateOnly), tt.reason)
			assert.Equal(t, tt.in, d.String(), "String round-trips")
		})
	}
}

func TestDateJSONRoundTrip(t *testing.T) {
	type doc struct {
		D strategy.Date `json:"d"`
		O strategy.Date `json:"o,omitzero"`
	}
	for _, s := range []string{"2026", "2026-07", "2026-07-04"} {
		var v doc
		require.NoError(t, json.Unmarshal([]byte(`{"d":"`+s+`"}`), &v))
		b, err := json.Marshal(v)
		require.NoError(t, err)
		assert.JSONEq(t, `{"d":"`+s+`"}`, string(b), "a zero optional date is left out, the precision is kept")
	}
	var v doc
	assert.Error(t, json.Unmarshal([]byte(`{"d":"2026-02-30"}`), &v), "invalid dates are rejected while decoding")
}

func TestBeneficiaryText(t *testing.T) {
	for _, b := range strategy.Beneficiaries() {
		text, err := b.MarshalText()
		require.NoError(t, err)
		var back strategy.Beneficiary
		require.NoError(t, back.UnmarshalText(text))
		assert.Equal(t, b, back)
	}
	var b strategy.Beneficiary
	err := b.UnmarshalText([]byte("citizens"))
	assert.EqualError(t, err, `unknown beneficiary "citizens" (allowed: population, business, staff)`)
	_, err = strategy.Beneficiary("x").MarshalText()
	assert.Error(t, err, "an unknown value is not written either")
}

func TestTextIn(t *testing.T) {
	assert.Equal(t, "", strategy.Text(nil).In("fr"), "a nil Text reads as empty")
	assert.Equal(t, "Only English", strategy.Text{"en": "Only English"}.In("it"), "without German, any language present beats nothing")
}

func TestIDValid(t *testing.T) {
	assert.True(t, strategy.ID("GK1").Valid())
	assert.True(t, strategy.ID("a.b_c-d").Valid())
	assert.False(t, strategy.ID("-x").Valid(), "ids start with a letter or digit")
	assert.False(t, strategy.ID("").Valid())
	assert.False(t, strategy.ID("a b").Valid())
	assert.True(t, strategy.ID(strings.Repeat("a", 64)).Valid(), "64 characters is the maximum")
	assert.False(t, strategy.ID(strings.Repeat("a", 65)).Valid(), "65 characters is one too many")
}
