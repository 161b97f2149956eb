package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/bl-digital/kompass/diag"
	goldenfile "github.com/bl-digital/kompass/internal/golden"
	"github.com/bl-digital/kompass/schema"

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
		{"strategy-broken.json", []diag.Rule{diag.RuleDuplicateID, diag.RuleEndBeforeStart, diag.RuleSchema}, exitInvalid, "an unknown language and an unknown beneficiary in a strategy, and its semantic problems all the same"},
		{"trailing-comma.json", []diag.Rule{diag.RuleSyntax}, exitInvalid, "a comma before '}', said in plain words, at the comma"},
		{"comment.json", []diag.Rule{diag.RuleSyntax}, exitInvalid, "comments are not allowed in JSON"},
		{"unquoted-key.json", []diag.Rule{diag.RuleSyntax}, exitInvalid, "a member name without quotes"},
		{"single-quotes.json", []diag.Rule{diag.RuleSyntax}, exitInvalid, "single quotes"},
		{"missing-comma.json", []diag.Rule{diag.RuleSyntax}, exitInvalid, "a missing comma between members"},
		{"unterminated-string.json", []diag.Rule{diag.RuleSyntax}, exitInvalid, "a string not closed before the end of its line"},
		{"number-out-of-range.json", []diag.Rule{diag.RuleNumber}, exitInvalid, "1e400 is out of float64 range"},
		{"number-too-long.json", []diag.Rule{diag.RuleNumber}, exitInvalid, "a number literal of 150 characters"},
		{"utf16.json", []diag.Rule{diag.RuleEncoding}, exitInvalid, "UTF-16 with a byte order mark, named once"},
		{"latin1.json", []diag.Rule{diag.RuleEncoding}, exitInvalid, "Latin-1, named once, not once per string"},
		{"link-without-host.json", []diag.Rule{diag.RuleSchema}, exitInvalid, "https:// without a host and mailto: without an address"},
		{"empty-german.json", []diag.Rule{diag.RuleSchema}, exitInvalid, "a de text of spaces"},
		{"control-characters.json", []diag.Rule{diag.RuleSchema}, exitInvalid, "ESC and BEL from the data, escaped in the output"},
		{"long-value.json", []diag.Rule{diag.RuleSchema}, exitInvalid, "a 720-character value, quoted cut to 80 characters"},
		{"eight-defects.json", []diag.Rule{diag.RuleEndBeforeStart, diag.RuleProgressStatus, diag.RuleSchema, diag.RuleUnknownGoal, diag.RuleUnknownOwner, diag.RuleValue},
			exitInvalid, "eight defects in eight measures, of every layer, all reported in one run"},
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

// TestHelpListsEveryFlag checks that `kompass help` and each command's -h
// name every flag of the command.
func TestHelpListsEveryFlag(t *testing.T) {
	flags := map[string][]string{
		"validate": {"strategy", "format"},
		"report":   {"strategy", "format", "fragment", "as-of", "lang", "ascii"},
		"diff":     {"strategy", "format", "lang"},
		"schema":   {},
		"serve":    {"addr", "strategy", "portfolio", "dist"},
	}
	help, _, code := runCLI("help")
	require.Equal(t, exitOK, code)
	for cmd, names := range flags {
		stdout, stderr, _ := runCLI(cmd, "-h")
		out := stdout + stderr
		assert.Contains(t, help, "\n  "+cmd+" ", "kompass help lists %s", cmd)
		line := help[strings.Index(help, "\n  "+cmd+" ")+1:]
		if end := regexp.MustCompile(`\n(  [a-z]|\n)`).FindStringIndex(line); end != nil {
			line = line[:end[0]] // up to the next command
		}
		for _, f := range names {
			assert.Contains(t, out, "-"+f, "%s -h lists --%s", cmd, f)
			assert.Contains(t, line, "--"+f, "kompass help lists %s --%s", cmd, f)
		}
	}
}

// TestValidateEightDefects checks that a file with eight defects in eight
// measures reports all eight, each at its measure.
func TestValidateEightDefects(t *testing.T) {
	stdout, _, code := runCLI("validate", "--format", "json", filepath.Join(validateDir, "eight-defects.json"))
	assert.Equal(t, exitInvalid, code)
	var out validateReport
	require.NoError(t, json.Unmarshal([]byte(stdout), &out))
	var ptrs []string
	for _, p := range out.Files[0].Problems {
		ptrs = append(ptrs, p.Pointer)
	}
	assert.Equal(t, []string{"/measures/0/end", "/measures/1/goals/0", "/measures/2/owner", "/measures/3/status",
		"/measures/4/progress", "/measures/5/end", "/measures/6/progress", "/measures/7/prio"}, ptrs)
}

// TestValidateRefusesEndlessInput checks that an endless stream and a file
// over 32 MiB are refused as too large, and that reading stops one byte
// over the limit.
func TestValidateRefusesEndlessInput(t *testing.T) {
	big := filepath.Join(t.TempDir(), "big.json")
	f, err := os.Create(big)
	require.NoError(t, err)
	require.NoError(t, f.Truncate(1<<30), "a sparse 1 GiB file")
	require.NoError(t, f.Close())
	for _, name := range []string{"/dev/zero", big} {
		stdout, _, code := runCLI("validate", name)
		assert.Equal(t, exitInvalid, code, name)
		assert.Contains(t, stdout, "larger than the limit of 32 MiB", name)
	}
	var endless countingZeros
	data, err := readLimited(&endless, 0)
	require.NoError(t, err)
	assert.Len(t, data, schema.ReadLimit, "32 MiB and one byte")
	assert.Equal(t, int64(schema.ReadLimit), endless.n, "not a byte more is read")
}

// countingZeros is an endless stream of zeros that counts what is read.
type countingZeros struct{ n int64 }

func (z *countingZeros) Read(p []byte) (int, error) {
	clear(p)
	z.n += int64(len(p))
	return len(p), nil
}

// TestValidateEscapesControlCharacters checks that ESC and BEL from the
// data never reach the terminal raw, in text or JSON.
func TestValidateEscapesControlCharacters(t *testing.T) {
	for _, format := range []string{"text", "json"} {
		stdout, _, _ := runCLI("validate", "--format", format, filepath.Join(validateDir, "control-characters.json"))
		assert.NotContains(t, stdout, "\x1b", format)
		assert.NotContains(t, stdout, "\a", format)
		assert.Contains(t, stdout, "pwned", format)
	}
}

// TestReadFileLarge checks that a file larger than a huge page, read into
// a buffer advised for huge pages, comes back whole and unchanged, without
// room left over for a second buffer.
func TestReadFileLarge(t *testing.T) {
	want := make([]byte, 5<<20+123)
	for i := range want {
		want[i] = byte(i % 251)
	}
	name := filepath.Join(t.TempDir(), "large.json")
	require.NoError(t, os.WriteFile(name, want, 0o644))
	got, err := readFile(name)
	require.NoError(t, err)
	assert.True(t, bytes.Equal(want, got), "the bytes read differ from the file's")
	assert.LessOrEqual(t, cap(got), len(want)+bytes.MinRead, "one buffer of the file's size")
}
