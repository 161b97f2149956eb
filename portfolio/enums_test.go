package portfolio_test

import (
	"encoding"
	"testing"

	"github.com/bl-digital/kompass/portfolio"
	"github.com/bl-digital/kompass/strategy"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// roundTrip checks that every value marshals and unmarshals to itself and
// that an unknown value is rejected both ways.
func roundTrip[T ~string, P interface {
	*T
	encoding.TextUnmarshaler
}](t *testing.T, values []T, marshal func(T) ([]byte, error)) {
	t.Helper()
	for _, v := range values {
		b, err := marshal(v)
		require.NoError(t, err)
		var back T
		require.NoError(t, P(&back).UnmarshalText(b))
		assert.Equal(t, v, back)
	}
	var back T
	assert.Error(t, P(&back).UnmarshalText([]byte("bogus")), "unknown values are rejected when read")
	assert.Equal(t, T(""), back, "a rejected value leaves the target unchanged")
	_, err := marshal(T("bogus"))
	assert.Error(t, err, "unknown values are rejected when written")
}

func TestEnumRoundTrip(t *testing.T) {
	roundTrip[portfolio.Status](t, portfolio.Statuses(), portfolio.Status.MarshalText)
	roundTrip[portfolio.Field](t, portfolio.Fields(), portfolio.Field.MarshalText)
	roundTrip[portfolio.Purpose](t, portfolio.Purposes(), portfolio.Purpose.MarshalText)
	roundTrip[portfolio.Rating](t, portfolio.Ratings(), portfolio.Rating.MarshalText)
	roundTrip[portfolio.Currency](t, portfolio.Currencies(), portfolio.Currency.MarshalText)
}

func TestEnumError(t *testing.T) {
	var s portfolio.Status
	assert.EqualError(t, s.UnmarshalText([]byte("done")),
		`unknown status "done" (allowed: planned, active, paused, completed, cancelled)`)
}

func TestEnumListsCannotBeChanged(t *testing.T) {
	portfolio.Statuses()[0] = "finished"
	portfolio.Fields()[0] = "x"
	strategy.Beneficiaries()[0] = "aliens"
	strategy.Languages()[0] = "rm"
	assert.Equal(t, portfolio.Planned, portfolio.Statuses()[0], "each call returns a new slice")
	assert.Equal(t, portfolio.Processes, portfolio.Fields()[0])
	assert.Equal(t, strategy.Population, strategy.Beneficiaries()[0])
	assert.Equal(t, "de", strategy.Languages()[0])
	var st portfolio.Status
	assert.Error(t, st.UnmarshalText([]byte("finished")), "and validation is unchanged")
}
