package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	goldenfile "github.com/bl-digital/kompass/internal/golden"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/bl-digital/kompass/examples"
	"github.com/bl-digital/kompass/portfolio"
	"github.com/bl-digital/kompass/strategy"
)

// runKompass runs the command line and returns its exit code and output.
func runKompass(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

// reportGolden compares got with testdata/name, or rewrites it with -update.
func reportGolden(t *testing.T, name, got string) {
	t.Helper()
	goldenfile.Check(t, filepath.Join("testdata", name), []byte(got))
}

// renderGolden is where package report keeps the golden files of the
// example report: the command prints exactly what the renderer does, so it
// is checked against the same files rather than copies of them.
const renderGolden = "../../../controlling/report/testdata/golden/" // from testdata/

func TestReportFormats(t *testing.T) {
	tests := []struct {
		reason string
		args   []string
		golden string
	}{
		{"text is the default format", []string{"report"}, renderGolden + "report.txt"},
		{"Markdown for papers", []string{"report", "--format", "md"}, renderGolden + "report.md"},
		{"a full HTML page", []string{"report", "--format", "html"}, renderGolden + "report.html"},
		{"the HTML fragment for <kompass-explorer>", []string{"report", "--format", "html", "--fragment"}, renderGolden + "report.fragment.html"},
		{"CSV for Excel", []string{"report", "--format", "csv"}, renderGolden + "report.csv"},
		{"the JSON report", []string{"report", "--format", "json"}, renderGolden + "report.json"},
		{"French texts and labels", []string{"report", "--lang", "fr", "--format", "md"}, renderGolden + "report.fr.md"},
		{"figures at another date, ASCII bars", []string{"report", "--as-of", "2025-06-30", "--ascii"}, "report/example.2025-06-30.txt"},
		{"figures at a later date name both dates", []string{"report", "--as-of", "2027-06-30", "--format", "md"}, "report/example.2027-06-30.md"},
	}
	for _, tt := range tests {
		code, out, errs := runKompass(tt.args...)
		require.Equal(t, exitOK, code, "%s: %s", tt.reason, errs)
		assert.Empty(t, errs, tt.reason)
		reportGolden(t, tt.golden, out)
	}
}

// TestReportFiles reads the example from files, as a user would.
func TestReportFiles(t *testing.T) {
	dir := t.TempDir()
	pf := filepath.Join(dir, "portfolio.json")
	sf := filepath.Join(dir, "strategy.json")
	require.NoError(t, os.WriteFile(pf, examples.PortfolioJSON, 0o644))
	require.NoError(t, os.WriteFile(sf, examples.StrategyJSON, 0o644))
	_, embedded, _ := runKompass("report", "--format", "json")
	tests := []struct {
		reason string
		args   []string
	}{
		{"a portfolio of bl-dt-2026 uses the embedded strategy", []string{"report", "--format", "json", pf}},
		{"an explicit strategy file", []string{"report", "--strategy", sf, "--format", "json", pf}},
		{"flags may follow the file", []string{"report", pf, "--format", "json", "--strategy", sf}},
		{"-- ends the flags", []string{"report", "--format", "json", "--", pf}},
	}
	for _, tt := range tests {
		code, out, errs := runKompass(tt.args...)
		require.Equal(t, exitOK, code, "%s: %s", tt.reason, errs)
		assert.Equal(t, embedded, out, tt.reason)
	}
}

func TestReportErrors(t *testing.T) {
	dir := t.TempDir()
	other := filepath.Join(dir, "other.json")
	require.NoError(t, os.WriteFile(other,
		bytes.Replace(examples.PortfolioJSON, []byte(`"bl-dt-2026"`), []byte(`"zh-2030"`), 1), 0o644))
	badStrategy := filepath.Join(dir, "strategy.json")
	require.NoError(t, os.WriteFile(badStrategy, []byte(`{"id": "x"}`), 0o644))
	tests := []struct {
		reason string
		args   []string
		code   int
		stderr string // a part of the error output
	}{
		{"an unknown flag is a usage error", []string{"report", "--colour"}, exitUsage, "flag provided but not defined"},
		{"an unknown format is a usage error", []string{"report", "--format", "pdf"}, exitUsage, `unknown format "pdf"`},
		{"--fragment needs html", []string{"report", "--format", "md", "--fragment"}, exitUsage, "--fragment needs --format html"},
		{"a bad date is a usage error", []string{"report", "--as-of", "2025-13"}, exitUsage, "--as-of: invalid date"},
		{"an unknown language is a usage error", []string{"report", "--lang", "rm"}, exitUsage, `--lang "rm"`},
		{"one portfolio at most", []string{"report", "a.json", "b.json"}, exitUsage, "want at most one PORTFOLIO"},
		{"an unreadable file", []string{"report", filepath.Join(dir, "missing.json")}, exitUsage, "no such file"},
		{"another strategy needs --strategy", []string{"report", other}, exitUsage, `the portfolio is for strategy "zh-2030"`},
		{"an invalid strategy file", []string{"report", "--strategy", badStrategy}, exitInvalid, badStrategy + ":1:1: /: "},
	}
	for _, tt := range tests {
		code, out, errs := runKompass(tt.args...)
		assert.Equal(t, tt.code, code, tt.reason)
		assert.Empty(t, out, "%s: nothing on stdout", tt.reason)
		assert.Contains(t, errs, tt.stderr, tt.reason)
	}
}

// TestReportInvalidPortfolio prints every problem of an invalid portfolio
// as file:line:col: /pointer: message.
func TestReportInvalidPortfolio(t *testing.T) {
	code, out, errs := runKompass("report", filepath.Join("testdata", "report", "invalid-portfolio.json"))
	assert.Equal(t, exitInvalid, code)
	assert.Empty(t, out)
	reportGolden(t, "report/invalid-portfolio.stderr", errs)
	for _, line := range strings.Split(strings.TrimSpace(errs), "\n") {
		assert.Regexp(t, `^testdata/report/invalid-portfolio\.json:\d+:\d+: /\S*: `, line, "each problem has file, position and pointer")
	}
}

// oldSnapshot writes the example portfolio as it might have been a year
// before: 20 points less progress, its last measure not yet there, a
// measure since dropped, and a completed measure still active.
func oldSnapshot(t *testing.T, path string) {
	t.Helper()
	p, err := portfolio.DecodeBytes(examples.PortfolioJSON)
	require.NoError(t, err)
	p.AsOf = strategy.NewDate(p.AsOf.Y-1, p.AsOf.M, p.AsOf.D)
	for i := range p.Measures {
		if m := &p.Measures[i]; m.Progress != nil {
			v := max(0, *m.Progress-20)
			m.Progress = &v
		}
	}
	p.Measures = p.Measures[:len(p.Measures)-1]
	thirty := 30.0
	p.Measures = append(p.Measures, portfolio.Measure{ID: "PILOT-KI", Title: strategy.Text{"de": "Pilot KI-Chatbot"},
		Goals: p.Measures[0].Goals, Owner: p.Measures[0].Owner, Status: portfolio.Active, Progress: &thirty,
		Start: strategy.MustParseDate("2025-01"), End: strategy.MustParseDate("2026-06")})
	for i := range p.Measures {
		if m := &p.Measures[i]; m.Status == portfolio.Completed && m.End.Last().Year() >= p.AsOf.Y {
			eighty := 80.0
			m.Status, m.Progress = portfolio.Active, &eighty
			break
		}
	}
	// A measure served goal DI4 a year ago, which has no measure now: its
	// goals changed, and focus area DI's coverage with them.
	p.Measures[1].Goals = []strategy.ID{"DI4"}
	b, err := json.MarshalIndent(p, "", "  ")
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(path, b, 0o644))
}

func TestDiff(t *testing.T) {
	dir := t.TempDir()
	oldFile, newFile := filepath.Join(dir, "2025.json"), filepath.Join(dir, "2026.json")
	oldSnapshot(t, oldFile)
	require.NoError(t, os.WriteFile(newFile, examples.PortfolioJSON, 0o644))
	tests := []struct {
		reason string
		args   []string
		golden string
	}{
		{"text is the default format", []string{"diff", oldFile, newFile}, "diff/example.txt"},
		{"flags may follow the files", []string{"diff", oldFile, newFile, "--format", "md"}, "diff/example.md"},
		{"the JSON delta", []string{"diff", "--format", "json", oldFile, newFile}, "diff/example.json"},
		{"English labels", []string{"diff", "--lang", "en", oldFile, newFile}, "diff/example.en.txt"},
		{"French labels", []string{"diff", "--lang", "fr", oldFile, newFile}, "diff/example.fr.txt"},
		{"Italian Markdown", []string{"diff", "--lang", "it", "--format", "md", oldFile, newFile}, "diff/example.it.md"},
		{"every measure with --all", []string{"diff", "--all", oldFile, newFile}, "diff/example.all.txt"},
		{"swapped snapshots warn on the first line", []string{"diff", newFile, oldFile}, "diff/example.swapped.txt"},
	}
	for _, tt := range tests {
		code, out, errs := runKompass(tt.args...)
		require.Equal(t, exitOK, code, "%s: %s", tt.reason, errs)
		assert.Empty(t, errs, tt.reason)
		reportGolden(t, tt.golden, out)
	}
	_, out, _ := runKompass("diff", oldFile, newFile)
	assert.Contains(t, out, "PILOT-KI", "the dropped measure is listed")
	assert.Contains(t, out, "3/4 → 3/4", "coverage before and after")
	assert.Contains(t, out, "4/4 → 3/4", "a focus area that lost a covered goal shows it")
	assert.Contains(t, out, "neu: ", "a measure whose goals changed names the goals added")
	assert.Contains(t, out, "unveränderte Massnahmen sind nicht aufgeführt", "only changed measures are listed")
	_, all, _ := runKompass("diff", "--all", oldFile, newFile)
	assert.Greater(t, strings.Count(all, "\n"), strings.Count(out, "\n"), "--all lists more")
	_, swapped, _ := runKompass("diff", newFile, oldFile)
	assert.True(t, strings.HasPrefix(swapped, "Achtung: Der neue Stand (31.10.2025) liegt vor dem alten (31.10.2026)"),
		"the first line warns when NEW is older than OLD: %q", strings.SplitN(swapped, "\n", 2)[0])
	assert.False(t, strings.HasPrefix(out, "Achtung"), "no warning in the right order")
	assert.NotContains(t, out, dir, "no temporary paths in the output")
}

func TestDiffErrors(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.json")
	require.NoError(t, os.WriteFile(good, examples.PortfolioJSON, 0o644))
	invalid := filepath.Join("testdata", "report", "invalid-portfolio.json")
	tests := []struct {
		reason string
		args   []string
		code   int
		stderr string
	}{
		{"two files are needed", []string{"diff", good}, exitUsage, "want OLD and NEW, got 1 files"},
		{"a diff has no CSV", []string{"diff", "--format", "csv", good, good}, exitUsage, "a diff is text, md or json"},
		{"an unknown language", []string{"diff", "--lang", "xx", good, good}, exitUsage, `--lang "xx"`},
		{"an unreadable file", []string{"diff", good, filepath.Join(dir, "missing.json")}, exitUsage, "no such file"},
		{"an invalid snapshot", []string{"diff", invalid, good}, exitInvalid, "testdata/report/invalid-portfolio.json:"},
		{"problems of both files show", []string{"diff", invalid, invalid}, exitInvalid, ""},
	}
	for _, tt := range tests {
		code, out, errs := runKompass(tt.args...)
		assert.Equal(t, tt.code, code, tt.reason)
		assert.Empty(t, out, "%s: nothing on stdout", tt.reason)
		assert.Contains(t, errs, tt.stderr, tt.reason)
	}
	_, _, once := runKompass("report", invalid)
	_, _, twice := runKompass("diff", invalid, invalid)
	assert.Equal(t, once+once, twice, "diff reports the problems of both files")
}
