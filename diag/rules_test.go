package diag_test

import (
	"os"
	"regexp"
	"slices"
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
