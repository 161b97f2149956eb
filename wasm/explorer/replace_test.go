package explorer

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestReplacerAsStringsReplacer(t *testing.T) {
	pairs := []string{" :", "\u00a0:", "« ", "«\u00a0", " »", "\u00a0»", "ä", "a", "æ", "ae", "aa", "X"}
	want := strings.NewReplacer(pairs...)
	got := newReplacer(pairs...)
	for _, s := range []string{"", "plain", "Titre : texte", "« cité »", "« »", "Bäume", "æaa", " :: ", "aaa", "x ä", "ää :"} {
		assert.Equal(t, want.Replace(s), got.replace(s), "reason: the same result as strings.Replacer for %q", s)
	}
}

func FuzzReplacer(f *testing.F) {
	pairs := []string{" :", "\u00a0:", "« ", "«\u00a0", " »", "\u00a0»", "ä", "a", "æ", "ae", "aa", "X"}
	want, got := strings.NewReplacer(pairs...), newReplacer(pairs...)
	f.Add("« Bäume : aaa »")
	f.Fuzz(func(t *testing.T, s string) {
		if w, g := want.Replace(s), got.replace(s); w != g {
			t.Fatalf("replace(%q) = %q, strings.Replacer: %q", s, g, w)
		}
	})
}
