package strategy_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/bl-digital/kompass/strategy"
	"github.com/stretchr/testify/assert"
)

var idRE = regexp.MustCompile(strategy.IDPattern)

// TestIDValidIsPattern: the hand-written ID.Valid agrees with IDPattern,
// which the JSON Schema uses.
func TestIDValidIsPattern(t *testing.T) {
	tests := []struct{ id, reason string }{
		{"GK1", "letters and digits"},
		{"a.b_c-d", "dots, underscores and hyphens after the first character"},
		{"9", "a single digit"},
		{".x", "a dot does not start an id"},
		{"_x", "nor does an underscore"},
		{"-x", "nor a hyphen"},
		{"", "empty"},
		{"a b", "no spaces"},
		{"a/b", "no slashes"},
		{"ä", "ASCII only"},
		{"a\n", "no trailing newline, which $ in some regexp dialects would allow"},
		{strings.Repeat("a", 64), "64 characters is the maximum"},
		{strings.Repeat("a", 65), "65 is one too many"},
	}
	for _, tc := range tests {
		assert.Equal(t, idRE.MatchString(tc.id), strategy.ID(tc.id).Valid(), tc.reason)
	}
}

func FuzzIDValid(f *testing.F) {
	for _, s := range []string{"GK1", "a.b", "-x", "", strings.Repeat("z", 64)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := strategy.ID(s).Valid(), idRE.MatchString(s); got != want {
			t.Fatalf("ID(%q).Valid() = %v, IDPattern says %v", s, got, want)
		}
	})
}
