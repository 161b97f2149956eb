package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/bl-digital/kompass/diag"
	goldenfile "github.com/bl-digital/kompass/internal/golden"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const validateDir = "testdata/validate"

// runCLI runs the command and returns stdout, stderr and the exit code.
func runCLI(args ...string) (string, string, int) {
	var stdout, stderr bytes.Buffer
	code := run(args, &stdout, &stderr)
	return stdout.String(), stderr.String(), code
}

func TestValidateFiles(t *testing.T) {
	tests := []struct {
		file   string
		rules  []diag.Rule // the rules of the problems, sorted and deduplicated
		exit   int
		reason string
	}{
		{"valid-portfolio.json", nil, exitOK, "the base of every broken portfolio is valid against the embedded BL strategy"},
		{"strategy-small.json", nil, exitOK, "a small valid strategy"},
		{"bom.json", []diag.Rule{diag.RuleBOM}, exitOK, "a byte order mark is a warning, and warnings do not fail"},
		{"empty.json", []diag.Rule{diag.RuleEmpty}, exitInvalid, "an empty file is an error of its own"},
		{"malformed.json", []diag.Rule{diag.RuleSyntax}, exitInvalid, "a missing comma is a syntax error with a position"},
		{"invalid-utf8.json", []diag.Rule{diag.RuleUTF8}, exitInvalid, "invalid UTF-8 in a string"},
		{"duplicate-key.json", []diag.Rule{diag.RuleDuplicateKey}, exitInvalid, "a member name twice in one object"},
		{"unknown-property.json", []diag.Rule{diag.RuleSchema}, exitInvalid, "additionalProperties false, reported once, not again by the decoder"},
		{"bad-enum.json", []diag.Rule{diag.RuleSchema}, exitInvalid, "a status not in the enum"},
		{"bad-date.json", []diag.Rule{diag.RuleValue}, exitInvalid, "February 30 matches the date pattern but is no date; the decoder finds it"},
		{"bad-date-pattern.json", []diag.Rule{diag.RuleSchema}, exitInvalid, "a date in the wrong format fails the pattern"},
		{"missing-required.json", []diag.Rule{diag.RuleSchema}, exitInvalid, "a measure without owner"},
		{"too-deep.json", []diag.Rule{diag.RuleTooDeep}, exitInvalid, "extensions nested 70 levels deep"},
		{"bad-id.json", []diag.Rule{diag.RuleSchema, diag.RuleUnknownMeasure}, exitInvalid, "an id with a space, and the dependsOn that no longer resolves"},
		{"wrong-type.json", []diag.Rule{diag.RuleSchema}, exitInvalid, "progress as a string"},
		{"unknown-goal.json", []diag.Rule{diag.RuleUnknownGoal}, exitInvalid, "a goal the BL strategy does not have"},
		{"unknown-owner.json", []diag.Rule{diag.RuleUnknownOwner}, exitInvalid, "an owner that is no organisation"},
		{"cycle.json", []diag.Rule{diag.RuleDependencyCycle}, exitInvalid, "M1 and M2 depend on each other"},
		{"end-before-start.json", []diag.Rule{diag.RuleEndBeforeStart}, exitInvalid, "end 2024 before start 2025"},
		{"planned-progress.json", []diag.Rule{diag.RuleProgressStatus}, exitInvalid, "a planned measure with progress 20"},
		{"completed-progress.json", []diag.Rule{diag.RuleProgressStatus}, exitInvalid, "a completed measure with progress 90"},
		{"duplicate-measure-id.json", []diag.Rule{diag.RuleDuplicateID}, exitInvalid, "two measures M1"},
		{"indicator-target.json", []diag.Rule{diag.RuleIndicatorTarget}, exitInvalid, "target equal to baseline"},
		{"other-strategy.json", []diag.Rule{diag.RuleStrategyUnknown}, exitInvalid, "a strategy that is not built in, without --strategy"},
		{"not-kompass.json", []diag.Rule{diag.RuleKind}, exitInvalid, "neither focusAreas nor measures"},
		{"strategy-broken.json", []diag.Rule{diag.RuleSchema}, exitInvalid, "an unknown language and an unknown beneficiary in a strategy"},
		{"strategy-semantic.json", []diag.Rule{diag.RuleDuplicateID, diag.RuleEndBeforeStart}, exitInvalid, "a goal id twice and a period that ends before it starts"},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			stdout, stderr, code := runCLI("validate", "--format", "json", filepath.Join(validateDir, tc.file))
			assert.Equal(t, tc.exit, code, tc.reason)
			assert.Empty(t, stderr, tc.reason)
			var out validateReport
			require.NoError(t, json.Unmarshal([]byte(stdout), &out), tc.reason)
			require.Len(t, out.Files, 1, tc.reason)
			var rules []diag.Rule
			for _, p := range out.Files[0].Problems {
				rules = append(rules, p.Rule)
				assert.Positive(t, p.Line, "every problem has a line: %+v", p)
				assert.Positive(t, p.Column, "every problem has a column: %+v", p)
			}
			slices.Sort(rules)
			assert.Equal(t, tc.rules, slices.Compact(rules), tc.reason)
			assert.Equal(t, tc.exit == exitOK, out.Valid, tc.reason)
		})
	}
}

// TestValidateGolden compares the whole output over every test file, in
// both formats, with golden files; -update rewrites them.
func TestValidateGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(validateDir, "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, format := range []string{"text", "json"} {
		t.Run(format, func(t *testing.T) {
			stdout, stderr, code := runCLI(append([]string{"validate", "--format", format}, files...)...)
			got := fmt.Sprintf("%s-- stderr --\n%s-- exit %d --\n", stdout, stderr, code)
			goldenfile.Check(t, filepath.Join(validateDir, "golden", "all."+format+".golden"), []byte(got))
		})
	}
}

func TestValidateStrategyFlag(t *testing.T) {
	stdout, stderr, code := runCLI("validate",
		filepath.Join(validateDir, "other-strategy.json"), "--strategy", filepath.Join(validateDir, "strategy-small.json"))
	assert.Equal(t, exitInvalid, code, "flags may follow the files")
	assert.Empty(t, stderr)
	assert.Contains(t, stdout, `other-strategy.json:5:3: /strategy: portfolio is for strategy "zh-dt-2025", but the strategy is "small-2026"`,
		"the portfolio is checked against the given strategy, which it does not name")
	assert.Contains(t, stdout, `/measures/1/goals/0: goal "GK2" is not a goal of strategy "small-2026"`)
	assert.Contains(t, stdout, "strategy-small.json: valid strategy", "the strategy file is validated too")
}

func TestValidateStrategyBeside(t *testing.T) {
	dir := t.TempDir()
	small, err := os.ReadFile(filepath.Join(validateDir, "strategy-small.json"))
	require.NoError(t, err)
	port := `{"id": "p", "title": {"de": "P"}, "strategy": "small-2026", "asOf": "2026-06", "currency": "CHF",
  "organisations": [{"id": "O", "name": {"de": "O"}}],
  "measures": [{"id": "m", "title": {"de": "M"}, "goals": ["GK1", "GK7"], "owner": "O", "status": "planned", "start": "2027", "end": "2028"}]}`
	sf, pf := filepath.Join(dir, "s.json"), filepath.Join(dir, "p.json")
	require.NoError(t, os.WriteFile(sf, small, 0o644))
	require.NoError(t, os.WriteFile(pf, []byte(port), 0o644))

	stdout, stderr, code := runCLI("validate", pf, sf)
	assert.Equal(t, exitInvalid, code)
	assert.Empty(t, stderr)
	assert.Contains(t, stdout, pf+`:3:67: /measures/0/goals/1: goal "GK7" is not a goal of strategy "small-2026"`,
		"a portfolio is checked against the strategy file beside it, even one listed after it")
	assert.NotContains(t, stdout, "strategy-unknown")
	assert.NotContains(t, stdout, "goals/0:", "GK1 is a goal of the strategy beside it")
	assert.Contains(t, stdout, sf+": valid strategy")
	assert.Equal(t, 1, strings.Count(stdout, sf+":"), "the strategy is reported once")
}

func TestValidateUsage(t *testing.T) {
	tests := []struct {
		args   []string
		stderr string
		reason string
	}{
		{[]string{"validate"}, "usage: kompass validate", "no file"},
		{[]string{"validate", "--format", "xml", "x.json"}, `unknown format "xml"`, "an unknown format"},
		{[]string{"validate", "--nope", "x.json"}, "flag provided but not defined", "an unknown flag"},
		{[]string{"validate", filepath.Join(validateDir, "missing.json")}, "cannot read " + filepath.Join(validateDir, "missing.json"),
			"a missing file names the file"},
		{[]string{"validate", "--strategy", "missing-strategy.json", filepath.Join(validateDir, "valid-portfolio.json")},
			"cannot read missing-strategy.json", "a missing strategy file"},
		{[]string{"schema"}, "usage: kompass schema", "no schema named"},
		{[]string{"schema", "measures"}, `unknown schema "measures"`, "an unknown schema"},
	}
	for _, tc := range tests {
		_, stderr, code := runCLI(tc.args...)
		assert.Equal(t, exitUsage, code, tc.reason)
		assert.Contains(t, stderr, tc.stderr, tc.reason)
	}
}

func TestValidateMissingAmongOthers(t *testing.T) {
	stdout, _, code := runCLI("validate", "--format", "json",
		filepath.Join(validateDir, "valid-portfolio.json"), filepath.Join(validateDir, "missing.json"))
	assert.Equal(t, exitUsage, code, "an unreadable file makes exit 2 even when others are valid")
	var out validateReport
	require.NoError(t, json.Unmarshal([]byte(stdout), &out))
	require.Len(t, out.Files, 2)
	assert.True(t, out.Files[0].Valid, "the readable file is still validated")
	assert.False(t, out.Files[1].Valid)
	assert.Contains(t, out.Files[1].Error, "missing.json")
}

func TestValidateLeavesFilesAlone(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile(filepath.Join(validateDir, "bom.json"))
	require.NoError(t, err)
	name := filepath.Join(dir, "bom.json")
	require.NoError(t, os.WriteFile(name, src, 0o644))
	_, _, code := runCLI("validate", name)
	assert.Equal(t, exitOK, code)
	after, err := os.ReadFile(name)
	require.NoError(t, err)
	assert.Equal(t, src, after, "the byte order mark is reported, not removed from the file")
}

func TestSchemaCommand(t *testing.T) {
	for _, kind := range []string{"strategy", "portfolio"} {
		stdout, stderr, code := runCLI("schema", kind)
		assert.Equal(t, exitOK, code)
		assert.Empty(t, stderr)
		committed, err := os.ReadFile(filepath.Join("..", "..", "schema", kind+".schema.json"))
		require.NoError(t, err)
		assert.Equal(t, string(committed), stdout, "prints the committed schema")
		assert.True(t, strings.Contains(stdout, `"$id": "https://kompass.bl-digital.ch/schema/`+kind+`.schema.json"`))
	}
}

func TestValidateDoubleDash(t *testing.T) {
	stdout, stderr, code := runCLI("validate", "--format", "text", "--", filepath.Join(validateDir, "valid-portfolio.json"))
	assert.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stdout, "valid-portfolio.json: valid portfolio", "after -- every argument is a file, as in report and diff")
}
