package sheet

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in     string
		want   float64
		errSub string // "" means no error
		reason string
	}{
		{"1200000", 1200000, "", "a plain number"},
		{"1'200'000", 1200000, "", "Swiss thousands separators are read"},
		{"1’200’000.50", 1200000.5, "", "the typographic apostrophe too, with decimals"},
		{"-1'000", -1000, "", "a sign before the groups"},
		{" 42 ", 42, "", "spaces around are trimmed"},
		{"1e6", 1e6, "", "an exponent, as spreadsheets write large numbers"},
		{"0.30000000000000004", 0.30000000000000004, "", "17 significant digits are kept exactly"},
		{"12'00", 0, "groups of three", "a badly placed separator is refused, not guessed"},
		{"1'2345", 0, "groups of three", "a group of four digits"},
		{"1,5", 0, "decimal mark as a point", "a decimal comma is ambiguous (1,500?) and refused"},
		{"50%", 0, "leave out the % sign", "a percent sign"},
		{"CHF 1200", 0, "leave out the currency", "a currency"},
		{"abc", 0, "is not a number", "text"},
		{"0x10", 0, "is not a number", "hex, which strconv would read"},
		{"NaN", 0, "is not a number", "not a finite number"},
		{"Inf", 0, "is not a number", "infinity"},
		{"1e400", 0, "out of the range", "too large for a float64, as in JSON files"},
		{"1e-400", 0, "too small", "so small it would silently become 0"},
		{"0e5", 0, "", "zero with an exponent is zero"},
		{"", 0, "missing", "an empty cell"},
	}
	for _, tt := range tests {
		got, err := parseNumber(tt.in)
		if tt.errSub != "" {
			if assert.Error(t, err, tt.reason) {
				assert.Contains(t, err.Error(), tt.errSub, tt.reason)
			}
			continue
		}
		assert.NoError(t, err, tt.reason)
		assert.Equal(t, tt.want, got, tt.reason)
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in, want, errSub, reason string
	}{
		{"31.12.2026", "2026-12-31", "", "the Swiss way"},
		{"1.2.2026", "2026-02-01", "", "without leading zeros"},
		{"2026-12-31", "2026-12-31", "", "ISO, as in the JSON file"},
		{"2026", "2026", "", "a year keeps its precision"},
		{"12.2026", "2026-12", "", "a month, the Swiss way"},
		{"2026-12", "2026-12", "", "a month, ISO"},
		{"46387", "2026-12-31", "", "an Excel date serial"},
		{"46387.0", "2026-12-31", "", "a serial written with a decimal"},
		{"2026-12-31T00:00:00", "2026-12-31", "", "an ISO date-time at midnight (strict OOXML)"},
		{"2027", "2027", "", "a number from 1900 to 2999 is a year, not a day in 1905"},
		{"46387.5", "", "time of day", "a date with a time is refused"},
		{"31.13.2026", "", "month 13", "no such month"},
		{"30.02.2026", "", "has no day 30", "no such day"},
		{"2026-02-30", "", "no day 30", "no such day, ISO"},
		{"12/31/2026", "", "is not a date", "the American way is ambiguous and refused"},
		{"morgen", "", "is not a date", "text"},
		{"0", "", "is not a date", "serial 0 is no day"},
		{"", "", "missing", "an empty cell"},
		{"1.1.1.2026", "", "is not a date", "four dotted parts are no date"},
		{"9.2026", "2026-09", "", "a month without its leading zero"},
		{"2026-1-31", "", "is not a date", "ISO needs two-digit months"},
		{"00.2026", "", "month 0", "no month 0, dotted"},
		{" 31.12.2026 ", "2026-12-31", "", "spaces around are dropped"},
	}
	for _, tt := range tests {
		got, err := parseDate(tt.in)
		if tt.errSub != "" {
			if assert.Error(t, err, tt.reason) {
				assert.Contains(t, err.Error(), tt.errSub, tt.reason)
			}
			continue
		}
		assert.NoError(t, err, tt.reason)
		assert.Equal(t, tt.want, got.String(), tt.reason)
	}
}

func TestParseBool(t *testing.T) {
	tests := []struct {
		in     string
		want   bool
		ok     bool
		reason string
	}{
		{"ja", true, true, "German, as the dropdown offers"},
		{"oui", true, true, "French"},
		{"sì", true, true, "Italian"},
		{"yes", true, true, "English"},
		{"1", true, true, "a boolean cell's raw value"},
		{"TRUE", true, true, "Excel's TRUE"},
		{"WAHR", true, true, "German Excel's TRUE"},
		{"x", true, true, "a cross"},
		{"nein", false, true, "German no"},
		{"0", false, true, "a boolean cell's raw false"},
		{"", false, true, "an empty cell is not done"},
		{"vielleicht", false, false, "anything else is refused"},
	}
	for _, tt := range tests {
		got, err := parseBool(tt.in)
		assert.Equal(t, tt.ok, err == nil, tt.reason)
		assert.Equal(t, tt.want, got, tt.reason)
	}
}

// TestEnumLabelsUnambiguous: a label read back always means the value it
// was written for, whatever the workbook's language.
func TestEnumLabelsUnambiguous(t *testing.T) {
	for _, e := range []*enum{statusEnum, fieldEnum, beneficiaryEnum, purposeEnum, ratingEnum} {
		for _, v := range e.values {
			for lang := range Languages {
				got, ok := e.parse(e.label(v, lang))
				assert.True(t, ok, "%s %s in %s", e.name, v, Languages[lang])
				assert.Equal(t, v, got, "%s label %q", e.name, e.label(v, lang))
			}
			got, ok := e.parse(v)
			assert.True(t, ok && got == v, "the JSON value %q is read too", v)
		}
	}
}
