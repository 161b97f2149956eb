package diag_test

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/bl-digital/kompass/diag"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRulesAreDistinctAndDocumented(t *testing.T) {
	rules := diag.Rules()
	src, err := os.ReadFile("rules.go")
	require.NoError(t, err)
	// Every constant declared in rules.go is listed by Rules, once, and has
	// a doc comment naming it.
	decl := regexp.MustCompile(`(?m)^\t// (Rule\w+): .+\n(?:\t//.*\n)*\t(Rule\w+) +Rule = "([a-z0-9-]+)"$`)
	found := decl.FindAllStringSubmatch(string(src), -1)
	require.Len(t, found, len(rules), "each rule constant is documented and listed by Rules")
	for _, m := range found {
		assert.Equal(t, m[1], m[2], "the comment names its constant")
		assert.True(t, diag.Rule(m[3]).Known(), "%s is listed by Rules", m[2])
	}
	assert.Len(t, slices.Compact(slices.Sorted(slices.Values(rules))), len(rules), "no rule name twice")
	assert.False(t, diag.Rule("period").Known(), "not a rule: folded into end-before-start")
}

func TestRulesIsACopy(t *testing.T) {
	r := diag.Rules()
	r[0] = "changed"
	assert.Equal(t, diag.RuleUnreadable, diag.Rules()[0], "a caller cannot change the list")
}

// TestRulesInDocs checks that docs/validation.md describes every rule,
// under a heading of its name, with an example line.
func TestRulesInDocs(t *testing.T) {
	doc, err := os.ReadFile("../docs/validation.md")
	require.NoError(t, err)
	for _, r := range diag.Rules() {
		assert.Contains(t, string(doc), "\n#### `"+string(r)+"`\n", "docs/validation.md has a section for %s", r)
	}
	headings := regexp.MustCompile("(?m)^#### `([a-z0-9-]+)`$").FindAllStringSubmatch(string(doc), -1)
	assert.Len(t, headings, len(diag.Rules()), "and no section for a rule that does not exist")
}

func TestLimit(t *testing.T) {
	var l diag.List
	for i := range 5 {
		l = append(l, diag.Problem{File: "f.json", Pointer: diag.Pointer("measures", i), Rule: diag.RuleSchema, Message: "x"})
	}
	got := append(l[:3:3], diag.More(7)).Limit(2)
	require.Len(t, got, 3)
	assert.Equal(t, l[:2], got[:2], "the first problems, in order")
	assert.Equal(t, diag.RuleTruncated, got[2].Rule)
	assert.Equal(t, 8, got[2].Omitted(), "one over the limit and the 7 a check left out")
	assert.Equal(t, "f.json: 8 more problems not listed: at most 1000 are listed per file; fix these and run again", got[2].String())
	assert.Equal(t, l, l.Limit(0), "under the limit, nothing changes")
}

func TestEscapeAndQuote(t *testing.T) {
	assert.Equal(t, `a\x1b[31mb\x07c\x7f\u202ed\xff`, diag.Escape("a\x1b[31mb\x07c\x7f\u202ed\xff"), "controls, DEL, bidi and invalid UTF-8")
	assert.Equal(t, "äöü – ok", diag.Escape("äöü – ok"), "other text is unchanged")
	long := strings.Repeat("é", 100)
	assert.Equal(t, `"`+strings.Repeat("é", 80)+`…"`, diag.Quote(long), "cut to 80 characters, not bytes")
}
