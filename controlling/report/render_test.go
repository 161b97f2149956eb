package report_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"io"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/bl-digital/kompass/controlling"
	"github.com/bl-digital/kompass/controlling/report"
	"github.com/bl-digital/kompass/examples"
	goldenfile "github.com/bl-digital/kompass/internal/golden"
	"github.com/bl-digital/kompass/portfolio"
	"github.com/bl-digital/kompass/strategy"
)

func f64(v float64) *float64 { return &v }

// handReport is a small report built by hand, with the sources renderers
// name things from. Its texts carry markup, separators and a formula.
func handReport() *controlling.Report {
	purpose := portfolio.FewerVisits
	src := &strategy.Strategy{
		ID: "s", Title: strategy.Text{"de": "Strategie <b>digital</b>", "fr": "Stratégie numérique"},
		FocusAreas: []strategy.FocusArea{{
			ID: "FA", Title: strategy.Text{"de": "Dienste | Daten"},
			Goals: []strategy.Goal{
				{ID: "G1", Title: strategy.Text{"de": "Ziel *eins*"}},
				{ID: "G2", Title: strategy.Text{"de": "Ziel zwei", "fr": "Objectif deux"}},
			},
		}},
	}
	pf := &portfolio.Portfolio{
		ID: "p", Title: strategy.Text{"de": "Portfolio"}, Strategy: "s",
		Organisations: []portfolio.Organisation{{ID: "ORG", Name: strategy.Text{"de": "Amt für Tests"}}},
		Measures: []portfolio.Measure{
			{ID: "M1", Title: strategy.Text{"de": "=HYPERLINK(\"x\")"}, Goals: []strategy.ID{"G1"}, Owner: "ORG",
				Status: portfolio.Active, Start: strategy.MustParseDate("2025"), End: strategy.MustParseDate("2026-06"),
				Budget: &portfolio.Budget{Planned: 1_200_000, Spent: 300_000}, Purpose: purpose,
				Updated:        strategy.MustParseDate("2025-01-10"),
				SelfAssessment: &portfolio.SelfAssessment{Status: portfolio.OnTrack, Date: strategy.MustParseDate("2026-01")}},
			{ID: "M2", Title: strategy.Text{"de": "<script>alert(1)</script>"}, Goals: []strategy.ID{"G2"}, Owner: "ORG",
				Status: portfolio.Cancelled, Start: strategy.MustParseDate("2025"), End: strategy.MustParseDate("2026")},
		},
	}
	roll := controlling.Rollup{
		Progress: f64(42.456), Coverage: controlling.Coverage{Covered: 1, Total: 2}, Status: controlling.Late,
		Counts: map[controlling.ScheduleStatus]int{controlling.Late: 1},
		FTE:    controlling.FTE{Expected: 2.380952, Realized: 0},
		Budget: controlling.Budget{Planned: 1_200_000, Spent: 300_000, EarnedValue: 509_472, CPI: f64(1.69824)},
	}
	return &controlling.Report{
		AsOf:     strategy.MustParseDate("2026-03-31"),
		Strategy: controlling.StrategyFigures{ID: "s", Rollup: roll},
		FocusAreas: []controlling.FocusArea{{ID: "FA", Rollup: roll, Goals: []controlling.Goal{
			{ID: "G1", Rollup: roll, Measures: []strategy.ID{"M1"},
				Contributions: []controlling.Contribution{{ID: "M1", Weight: 1, Progress: 42.456}}},
			{ID: "G2", Rollup: controlling.Rollup{Coverage: controlling.Coverage{Total: 1}, Status: controlling.Uncovered},
				Measures: []strategy.ID{}, Contributions: []controlling.Contribution{}},
		}}},
		Measures: []controlling.Measure{
			{ID: "M1", Progress: 42.456, PlannedProgress: 83.3, Status: controlling.Late, Stale: true, Divergent: true,
				FTE: 2.380952, EarnedValue: f64(509_472), CPI: f64(1.69824), Indicators: []controlling.IndicatorFigures{}},
			{ID: "M2", Progress: 20, Status: controlling.Cancelled, Indicators: []controlling.IndicatorFigures{}},
		},
		Purposes:  []controlling.PurposeFigures{{Purpose: &purpose, Measures: 1, Budget: roll.Budget, FTE: roll.FTE}},
		Cancelled: []strategy.ID{"M2"}, Uncovered: []strategy.ID{"G2"},
		Stale: []strategy.ID{"M1"}, Divergent: []strategy.ID{"M1"},
		Source: src, Portfolio: pf,
	}
}

func render(t *testing.T, r *controlling.Report, f report.Format, lang string) string {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, report.Render(&b, r, f, lang))
	return b.String()
}

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		reason   string
		v        float64
		decimals int
		want     string
	}{
		{"small numbers are not grouped", 999, 0, "999"},
		{"thousands are grouped from 1'000 on", 1000, 0, "1'000"},
		{"millions have two separators", 1_200_000, 0, "1'200'000"},
		{"decimals follow a point", 1234567.891, 2, "1'234'567.89"},
		{"rounding may carry into a new group", 999999.5, 0, "1'000'000"},
		{"negative numbers keep their sign before the digits", -1234.5, 1, "-1'234.5"},
		{"a negative value that rounds to zero has no sign", -0.04, 1, "0.0"},
		{"negative decimals count as zero", 12.7, -1, "13"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, report.FormatNumber(tt.v, tt.decimals), tt.reason)
	}
}

func TestFormatHelpers(t *testing.T) {
	tests := []struct {
		reason string
		got    string
		want   string
	}{
		{"amounts are whole francs after CHF", report.FormatCHF(1_200_000.4), "CHF 1'200'000"},
		{"FormatAmount has no currency", report.FormatAmount(25_000), "25'000"},
		{"percentages have one decimal and a space before the sign", report.FormatPercent(42.456), "42.5 %"},
		{"100 is printed in full", report.FormatPercent(100), "100.0 %"},
		{"shares are percentages of 1", report.FormatShare(0.425), "42.5 %"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.got, tt.reason)
	}
}

func TestParseFormat(t *testing.T) {
	tests := []struct {
		reason string
		in     string
		want   report.Format
		err    bool
	}{
		{"text is a format", "text", report.Text, false},
		{"md is Markdown", "md", report.Markdown, false},
		{"markdown is an alias of md", "markdown", report.Markdown, false},
		{"html is the full page", "html", report.HTML, false},
		{"html-fragment is the content only", "html-fragment", report.HTMLFragment, false},
		{"csv is a format", "csv", report.CSV, false},
		{"json is a format", "json", report.JSON, false},
		{"names are case-sensitive", "JSON", "", true},
		{"unknown names fail", "pdf", "", true},
	}
	for _, tt := range tests {
		got, err := report.ParseFormat(tt.in)
		if tt.err {
			assert.ErrorIs(t, err, report.ErrUnknownFormat, tt.reason)
			continue
		}
		require.NoError(t, err, tt.reason)
		assert.Equal(t, tt.want, got, tt.reason)
	}
}

func TestLabels(t *testing.T) {
	tests := []struct {
		reason string
		got    string
		want   string
	}{
		{"statuses have German names", report.StatusLabel(controlling.AtRisk, "de"), "gefährdet"},
		{"statuses have French names", report.StatusLabel(controlling.Late, "fr"), "en retard"},
		{"an unknown language falls back to German", report.StatusLabel(controlling.OnTrack, "rm"), "auf Kurs"},
		{"an unknown status shows as itself", report.StatusLabel("weird", "de"), "weird"},
		{"life-cycle statuses are translated", report.LifecycleLabel(portfolio.Paused, "it"), "sospeso"},
		{"a nil purpose is the group without one", report.PurposeLabel(nil, "en"), "no purpose given"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.got, tt.reason)
	}
	// Every purpose carries its letter of the interpellation, a–d, in order.
	for i, p := range portfolio.Purposes() {
		for _, lang := range strategy.Languages() {
			assert.True(t, strings.HasPrefix(report.PurposeLabel(&p, lang), string(rune('a'+i))+") "),
				"purpose %s in %s", p, lang)
		}
	}
}

// TestLabelsComplete renders the hand report in every language and checks
// that no label key leaks: a missing translation would print its key.
func TestLabelsComplete(t *testing.T) {
	keys := regexp.MustCompile(`\b(status|life|purpose):[a-z-]+\b|\b(staleIntro|coverageOf|fteExpected|budgetPlanned|measuresTitle)\b`)
	for _, lang := range strategy.Languages() {
		for _, f := range []report.Format{report.Text, report.Markdown, report.HTML, report.CSV} {
			out := render(t, handReport(), f, lang)
			assert.Empty(t, keys.FindAllString(out, -1), "label keys in %s %s", lang, f)
		}
	}
}

func TestRenderLanguages(t *testing.T) {
	r := handReport()
	fr := render(t, r, report.Text, "fr")
	assert.Contains(t, fr, "Stratégie numérique", "a data text in the asked language is used")
	assert.Contains(t, fr, "Objectif deux", "goal titles are in the asked language")
	assert.Contains(t, fr, "Dienste | Daten", "a data text missing in French falls back to German")
	assert.Contains(t, fr, "en retard", "labels are French")
	de := render(t, r, report.Text, "")
	assert.Contains(t, de, "im Verzug", "German is the default")
}

func TestRenderWithoutSources(t *testing.T) {
	r := handReport()
	r.Source, r.Portfolio = nil, nil
	for _, f := range report.Formats {
		out := render(t, r, f, "de")
		assert.NotEmpty(t, out, "format %s renders a report without sources", f)
		if f != report.JSON {
			assert.Contains(t, out, "G1", "format %s shows ids when names are unknown", f)
		}
	}
}

func TestRenderErrors(t *testing.T) {
	var b bytes.Buffer
	assert.Error(t, report.Render(&b, nil, report.Text, "de"), "a nil report is an error")
	assert.ErrorIs(t, report.Render(&b, handReport(), "pdf", "de"), report.ErrUnknownFormat,
		"an unknown format is an error")
	assert.ErrorIs(t, report.RenderDiff(&b, handReport(), handReport(), report.CSV, "de"),
		report.ErrUnknownFormat, "diffs have no CSV")
	assert.Error(t, report.RenderDiff(&b, nil, handReport(), report.Text, "de"), "a nil report is an error")
	for _, f := range report.Formats {
		assert.Error(t, report.Render(failWriter{}, handReport(), f, "de"), "format %s reports write errors", f)
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, io.ErrShortWrite }

func TestRenderText(t *testing.T) {
	out := render(t, handReport(), report.Text, "de")
	assert.Contains(t, out, "Strategie <b>digital</b>", "text is not escaped in a terminal")
	assert.Regexp(t, `Strategie  █{8}░{12} +42\.5 %`, out, "progress shows as a bar and one decimal")
	assert.Contains(t, out, "CHF 1'200'000", "amounts are Swiss")
	assert.Contains(t, out, "nachgeführt: 2025-01-10", "stale measures say when they were updated")
	assert.Contains(t, out, "Selbsteinschätzung: auf Kurs, berechnet: im Verzug", "divergent measures show both ratings")
	assert.Contains(t, out, "c) Weniger Behördengänge", "purposes carry their interpellation letter")
	for _, line := range strings.Split(out, "\n") {
		assert.Equal(t, strings.TrimRight(line, " "), line, "no trailing spaces")
	}
	var b bytes.Buffer
	require.NoError(t, report.Renderer{ASCII: true}.Render(&b, handReport(), report.Text))
	assert.Regexp(t, `#{8}\.{12} +42\.5 %`, b.String(), "ASCII bars")
	assert.NotContains(t, b.String(), "█", "no block characters in ASCII mode")
}

func TestRenderMarkdown(t *testing.T) {
	out := render(t, handReport(), report.Markdown, "de")
	assert.Contains(t, out, "# Strategie \\<b\\>digital\\</b\\>: Controlling", "markup in data is escaped")
	assert.Contains(t, out, "### FA Dienste \\| Daten", "a pipe in data cannot end a table cell")
	assert.Contains(t, out, "| G1 Ziel \\*eins\\* | 42.5 % |", "emphasis in data is escaped")
	assert.Contains(t, out, "## Ziele ohne Massnahmen (1)", "uncovered goals have a section")
	assert.Contains(t, out, "- **G2** Ziel zwei (FA Dienste \\| Daten)", "uncovered goals name their focus area")
	// Every table row has as many cells as its header.
	var cols int
	for _, line := range strings.Split(out, "\n") {
		if !strings.HasPrefix(line, "|") {
			cols = 0
			continue
		}
		n := strings.Count(strings.ReplaceAll(line, `\|`, ""), "|")
		if cols == 0 {
			cols = n
		}
		assert.Equal(t, cols, n, "row %q has the header's cells", line)
	}
}

func TestRenderCSV(t *testing.T) {
	out := render(t, handReport(), report.CSV, "de")
	require.True(t, strings.HasPrefix(out, "\ufeff"), "UTF-8 byte order mark for Excel")
	assert.Contains(t, out, "\r\n", "CRLF line ends")
	cr := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\ufeff")))
	cr.Comma = ';'
	rows, err := cr.ReadAll()
	require.NoError(t, err, "the CSV parses")
	require.Len(t, rows, 3, "a header and one row per measure")
	assert.Equal(t, []string{"ID", "Titel", "Schwerpunkte", "Ziele", "Verantwortlich", "Projektstatus", "Terminstatus",
		"Fortschritt", "Soll", "Beginn", "Ende", "Budget geplant", "Budget ausgegeben", "Fertigstellungswert", "CPI",
		"FTE", "veraltet", "abweichend"}, rows[0], "header in German")
	assert.Equal(t, []string{"M1", "'=HYPERLINK(\"x\")", "FA", "G1", "ORG", "laufend", "im Verzug", "42.5", "83.3",
		"2025-01-01", "2026-06-30", "1200000", "300000", "509472", "1.7", "2.38", "ja", "ja"}, rows[1],
		"plain numbers, full dates, a defused formula")
	assert.Equal(t, []string{"M2", "<script>alert(1)</script>", "FA", "G2", "ORG", "abgebrochen", "abgebrochen", "20.0",
		"0.0", "2025-01-01", "2026-12-31", "", "", "", "", "0", "nein", "nein"}, rows[2],
		"unknown figures are empty cells")
}

func TestRenderJSON(t *testing.T) {
	out := render(t, handReport(), report.JSON, "fr")
	var got map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	fa := got["focusAreas"].([]any)[0].(map[string]any)
	g2 := fa["goals"].([]any)[1].(map[string]any)
	assert.Nil(t, g2["progress"], "unknown progress is null")
	assert.Equal(t, 42.456, got["strategy"].(map[string]any)["progress"], "numbers are unrounded")
	m2 := got["measures"].([]any)[1].(map[string]any)
	assert.Nil(t, m2["cpi"], "a CPI without budget is null")
	assert.Equal(t, []any{"M2"}, got["cancelled"])
	assert.NotContains(t, out, "Stratégie", "JSON holds figures, not texts, whatever the language")
	assert.True(t, strings.HasSuffix(out, "}\n"), "ends with a newline")
}

// checkHTML parses an HTML document as tag soup and checks that every
// element that is not void is closed in order.
func checkHTML(t *testing.T, doc string) (tags []string) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(strings.TrimPrefix(doc, "<!DOCTYPE html>")))
	d.Strict = false
	d.AutoClose = xml.HTMLAutoClose
	d.Entity = xml.HTMLEntity
	var stack []string
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		switch tok := tok.(type) {
		case xml.StartElement:
			stack = append(stack, tok.Name.Local)
			tags = append(tags, tok.Name.Local)
		case xml.EndElement:
			require.NotEmpty(t, stack, "closing </%s> without opening", tok.Name.Local)
			require.Equal(t, stack[len(stack)-1], tok.Name.Local, "elements close in order")
			stack = stack[:len(stack)-1]
		}
	}
	assert.Empty(t, stack, "every element is closed")
	return tags
}

func TestRenderHTML(t *testing.T) {
	out := render(t, handReport(), report.HTML, "fr")
	tags := checkHTML(t, out)
	assert.Contains(t, out, `<html lang="fr">`, "the page has the report's language")
	assert.Equal(t, 1, strings.Count(out, "<main>"), "one main landmark")
	assert.Equal(t, strings.Count(out, "<table>"), strings.Count(out, "<caption>"), "every table has a caption")
	assert.Equal(t, len(regexp.MustCompile(`<th[ >]`).FindAllString(out, -1)), strings.Count(out, `<th scope="`),
		"every header cell has a scope")
	assert.NotContains(t, tags, "script", "no JavaScript")
	assert.NotContains(t, out, "<script>alert", "data text is escaped")
	assert.Contains(t, out, "&lt;script&gt;alert(1)&lt;/script&gt;", "data text shows as text")
	assert.NotRegexp(t, `(src|href)=`, out, "no external resources")
	assert.Contains(t, out, `<progress max="100" value="42.5">42.5 %</progress>42.5 %`, "progress as a bar and as text")
	assert.Contains(t, out, "<h1>", "the page starts at h1")
	assert.Less(t, strings.Index(out, "<h1>"), strings.Index(out, "<h2>"), "headings in order")
}

func TestRenderHTMLFragment(t *testing.T) {
	out := render(t, handReport(), report.HTMLFragment, "de")
	tags := checkHTML(t, out)
	for _, tag := range []string{"html", "head", "body", "style", "main", "script", "h1"} {
		assert.NotContains(t, tags, tag, "a fragment has no <%s>", tag)
	}
	assert.True(t, strings.HasPrefix(out, `<section class="kompass-report" lang="de">`), "one root element with the language")
	assert.Contains(t, out, "<h2>", "headings start at h2 to fit under the page's h1")
	page := render(t, handReport(), report.HTML, "de")
	assert.Equal(t, strings.Count(page, "<table>"), strings.Count(out, "<table>"), "the fragment has the page's content")
}

// example is the controlling of the embedded example portfolio.
func example(t *testing.T) (*strategy.Strategy, *portfolio.Portfolio, *controlling.Report) {
	t.Helper()
	s, err := strategy.DecodeBytes(examples.StrategyJSON)
	require.NoError(t, err)
	p, err := portfolio.DecodeBytes(examples.PortfolioJSON)
	require.NoError(t, err)
	r, err := controlling.Compute(s, p, controlling.Options{})
	require.NoError(t, err)
	return s, p, r
}

func TestGoldenReport(t *testing.T) {
	_, _, r := example(t)
	names := map[report.Format]string{
		report.Text: "report.txt", report.Markdown: "report.md",
		report.HTML: "report.html", report.HTMLFragment: "report.fragment.html",
		report.CSV: "report.csv", report.JSON: "report.json",
	}
	for _, f := range report.Formats {
		golden(t, names[f], []byte(render(t, r, f, "de")))
	}
	golden(t, "report.fr.md", []byte(render(t, r, report.Markdown, "fr")))
	golden(t, "report.en.txt", []byte(render(t, r, report.Text, "en")))
}

func TestGoldenReportHTMLValid(t *testing.T) {
	_, _, r := example(t)
	for _, f := range []report.Format{report.HTML, report.HTMLFragment} {
		checkHTML(t, render(t, r, f, "de"))
	}
}

// oldSnapshot is the example portfolio a year earlier: less progress, one
// measure that was later dropped, one not yet in the portfolio, and one
// whose life-cycle status changed since.
func oldSnapshot(t *testing.T, p *portfolio.Portfolio) *portfolio.Portfolio {
	t.Helper()
	b, err := json.Marshal(p)
	require.NoError(t, err)
	old, err := portfolio.DecodeBytes(b)
	require.NoError(t, err)
	old.AsOf = strategy.NewDate(old.AsOf.Y-1, old.AsOf.M, old.AsOf.D)
	for i := range old.Measures {
		m := &old.Measures[i]
		if m.Progress != nil {
			m.Progress = f64(max(0, *m.Progress-20))
		}
	}
	require.GreaterOrEqual(t, len(old.Measures), 6, "the example has enough measures")
	// The new portfolio's last measure did not exist a year ago.
	old.Measures = old.Measures[:len(old.Measures)-1]
	// A measure of a year ago was dropped since.
	old.Measures = append(old.Measures, portfolio.Measure{ID: "PILOT-KI", Title: strategy.Text{"de": "Pilot KI-Chatbot"},
		Goals: old.Measures[0].Goals, Owner: old.Measures[0].Owner, Status: portfolio.Active, Progress: f64(30),
		Start: strategy.MustParseDate("2025-01"), End: strategy.MustParseDate("2026-06")})
	// A completed measure was still active with 80 %.
	for i := range old.Measures {
		if old.Measures[i].Status == portfolio.Completed && old.Measures[i].End.Last().Year() >= old.AsOf.Y {
			old.Measures[i].Status = portfolio.Active
			old.Measures[i].Progress = f64(80)
			break
		}
	}
	return old
}

func TestGoldenDiff(t *testing.T) {
	s, p, r := example(t)
	old, err := controlling.Compute(s, oldSnapshot(t, p), controlling.Options{})
	require.NoError(t, err)
	d := controlling.Diff(old, r)
	require.NotEmpty(t, d.Added, "the diff has added measures")
	require.NotEmpty(t, d.Removed, "the diff has removed measures")
	require.NotEmpty(t, d.StatusChanges, "the diff has status changes")
	for _, f := range report.DiffFormats {
		var b bytes.Buffer
		require.NoError(t, report.RenderDiff(&b, old, r, f, "de"))
		golden(t, "diff."+map[report.Format]string{"text": "txt", "md": "md", "json": "json"}[f], b.Bytes())
	}
	var b bytes.Buffer
	require.NoError(t, report.RenderDiff(&b, old, r, report.Text, "de"))
	out := b.String()
	assert.Contains(t, out, "PILOT-KI", "the removed measure is named")
	assert.Contains(t, out, "Pilot KI-Chatbot", "with its title from the old portfolio")
	assert.Contains(t, out, "+20.0 pp", "progress changes in percentage points")
}

func TestDiffJSONIsDelta(t *testing.T) {
	s, p, r := example(t)
	old, err := controlling.Compute(s, oldSnapshot(t, p), controlling.Options{})
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, report.RenderDiff(&b, old, r, report.JSON, "de"))
	var got controlling.Delta
	require.NoError(t, json.Unmarshal(b.Bytes(), &got))
	want := controlling.Diff(old, r)
	assert.Equal(t, want.Added, got.Added, "the JSON is the Delta")
	assert.Equal(t, want.Removed, got.Removed)
	assert.True(t, slices.EqualFunc(want.StatusChanges, got.StatusChanges,
		func(a, b controlling.StatusChange) bool { return a == b }))
}

// golden compares got with testdata/golden/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	goldenfile.Check(t, filepath.Join("testdata", "golden", name), got)
}
