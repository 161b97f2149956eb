package chart

import (
	"encoding/xml"
	"io"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/bl-digital/kompass/controlling"
	"github.com/bl-digital/kompass/examples"
	"github.com/bl-digital/kompass/internal/golden"
	"github.com/bl-digital/kompass/portfolio"
	"github.com/bl-digital/kompass/strategy"
)

// blReport is the controlling of the embedded BL example data.
func blReport(t testing.TB) *controlling.Report {
	t.Helper()
	s, err := strategy.DecodeBytes(examples.StrategyJSON)
	require.NoError(t, err)
	p, err := portfolio.DecodeBytes(examples.PortfolioJSON)
	require.NoError(t, err)
	r, err := controlling.Compute(s, p, controlling.Options{})
	require.NoError(t, err)
	return r
}

func f64(v float64) *float64 { return &v }

func date(t testing.TB, s string) strategy.Date {
	t.Helper()
	d, err := strategy.ParseDate(s)
	require.NoError(t, err)
	return d
}

// sampleIndicator is an indicator with two actuals, behind its plan.
func sampleIndicator(t testing.TB) Indicator {
	return Indicator{
		Title: "Anteil online eingereichter Gesuche", Unit: "%",
		Baseline: Point{date(t, "2024"), 12}, Target: Point{date(t, "2028-12"), 80},
		Actuals: []Point{{date(t, "2025-06-30"), 25}, {date(t, "2026-06-30"), 38}},
		AsOf:    date(t, "2026-10-31"), Expected: f64(0.57),
	}
}

// allCharts returns every chart once, in every language, from real data.
func allCharts(t testing.TB, lang string) []*Node {
	r := blReport(t)
	o := Options{ID: "c-" + lang, Lang: lang}
	out := Overview(r, o)
	for i, fa := range r.FocusAreas {
		p := o
		p.ID = o.ID + "-fa" + itoa(i)
		p.Compact = true
		out = append(out, StatusBar(p, FocusAreaLabel(r, fa.ID, lang), fa.Counts))
	}
	p := o
	p.ID = o.ID + "-ind"
	out = append(out, IndicatorChart(p, sampleIndicator(t)))
	return out
}

func render(nodes []*Node) string {
	var b strings.Builder
	for _, n := range nodes {
		b.WriteString(n.HTML())
		b.WriteByte('\n')
	}
	return b.String()
}

func TestGolden(t *testing.T) {
	for _, lang := range Langs {
		t.Run(lang, func(t *testing.T) {
			golden.Check(t, "testdata/golden/charts."+lang+".html", []byte(render(allCharts(t, lang))))
		})
	}
}

// TestSamplePage writes a page with every chart and the CSS, the page the
// screenshots in the README are taken from (see docs/charts.md).
func TestSamplePage(t *testing.T) {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Kompass charts</title>\n<style>\nbody{font-family:system-ui,sans-serif;margin:1rem;color:#1a1a1a}\n")
	b.WriteString(CSS)
	b.WriteString("</style>\n</head>\n<body>\n<main>\n<h1>Kompass charts</h1>\n")
	b.WriteString(render(allCharts(t, "de")))
	b.WriteString("</main>\n</body>\n</html>\n")
	golden.Check(t, "testdata/golden/sample.html", []byte(b.String()))
}

// TestWellFormed parses every chart as XML: each element closed, every
// attribute quoted, ids unique.
func TestWellFormed(t *testing.T) {
	for _, lang := range Langs {
		nodes := allCharts(t, lang)
		dec := xml.NewDecoder(strings.NewReader("<root>" + render(nodes) + "</root>"))
		ids := map[string]bool{}
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				break
			}
			require.NoError(t, err, lang)
			if se, ok := tok.(xml.StartElement); ok {
				for _, at := range se.Attr {
					if at.Name.Local == "id" {
						assert.False(t, ids[at.Value], "duplicate id %q", at.Value)
						ids[at.Value] = true
					}
				}
			}
		}
	}
}

// TestAccessible checks what every chart promises: an svg with role img,
// named by a title that exists and says something, marks hidden from
// assistive technology, no inline style, no NaN, references that resolve.
func TestAccessible(t *testing.T) {
	for _, lang := range Langs {
		for _, n := range allCharts(t, lang) {
			html := n.HTML()
			assert.NotContains(t, html, "style=", "no inline style (CSP style-src 'self')")
			assert.NotContains(t, html, "NaN")
			assert.NotContains(t, html, "Inf\"")
			checkAccessible(t, n)
		}
	}
}

func checkAccessible(t *testing.T, n *Node) {
	t.Helper()
	svg := n.Find("svg")
	require.NotNil(t, svg)
	role, _ := svg.Attr("role")
	assert.Equal(t, "img", role)
	ref, ok := svg.Attr("aria-labelledby")
	require.True(t, ok)
	var title *Node
	svg.Walk(func(c *Node) bool {
		if id, _ := c.Attr("id"); c.Tag == "title" && id == ref {
			title = c
		}
		return true
	})
	require.NotNil(t, title, "aria-labelledby %q names the svg's title", ref)
	assert.Greater(t, len(strings.TrimSpace(title.TextContent())), 10)
	for _, c := range svg.Children {
		if c.Tag == "g" {
			v, _ := c.Attr("aria-hidden")
			assert.Equal(t, "true", v, "marks are decorative; name and table carry the figures")
		}
	}
	// Every url(#…) in a fill refers to a pattern in the same figure.
	ids := map[string]bool{}
	n.Walk(func(c *Node) bool {
		if id, ok := c.Attr("id"); ok {
			ids[id] = true
		}
		return true
	})
	n.Walk(func(c *Node) bool {
		if f, _ := c.Attr("fill"); strings.HasPrefix(f, "url(#") {
			assert.True(t, ids[strings.TrimSuffix(strings.TrimPrefix(f, "url(#"), ")")], "pattern %s is defined", f)
		}
		return true
	})
	w, _ := svg.Attr("width")
	assert.Equal(t, "100%", w, "no fixed pixel width: the chart reflows")
}

func TestStatusSegments(t *testing.T) {
	tests := []struct {
		name   string
		counts map[controlling.ScheduleStatus]int
		want   []Segment
		why    string
	}{
		{"empty", nil, nil, "no measures draw no segment"},
		{"order", map[controlling.ScheduleStatus]int{controlling.Done: 1, controlling.Late: 1, controlling.OnTrack: 2},
			[]Segment{{controlling.Late, 1, 0, 0.25}, {controlling.OnTrack, 2, 0.25, 0.5}, {controlling.Done, 1, 0.75, 0.25}},
			"worst first, whatever the map order; zero counts left out"},
		{"negative", map[controlling.ScheduleStatus]int{controlling.AtRisk: -3, controlling.NotStarted: 2},
			[]Segment{{controlling.NotStarted, 2, 0, 1}}, "a negative count counts as none"},
		{"others", map[controlling.ScheduleStatus]int{controlling.Cancelled: 4, controlling.Uncovered: 1, controlling.OnTrack: 1},
			[]Segment{{controlling.OnTrack, 1, 0, 1}}, "cancelled and uncovered are not part of the bar"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, StatusSegments(tt.counts), tt.why)
		})
	}
}

func TestStatusName(t *testing.T) {
	counts := map[controlling.ScheduleStatus]int{controlling.Late: 2, controlling.OnTrack: 10}
	tests := []struct{ lang, subject, want, why string }{
		{"de", "DL Digitale Leistungen", "DL Digitale Leistungen: Massnahmen nach Status (12 Massnahmen): 2 im Verzug, 10 auf Kurs", "subject, total, counts worst first"},
		{"fr", "Stratégie", "Stratégie\u202f: Mesures par statut (12 mesures)\u202f: 2 en retard, 10 dans les temps", "French puts a narrow no-break space before the colon"},
		{"it", "", "Misure per stato (12 misure): 2 in ritardo, 10 nei tempi", "no subject, no prefix"},
		{"xx", "S", "S: Massnahmen nach Status (12 Massnahmen): 2 im Verzug, 10 auf Kurs", "unknown languages fall back to German"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, StatusName(tt.lang, tt.subject, counts), tt.why)
	}
	assert.Equal(t, "Measures by status: no measures", StatusName("en", "", nil), "an empty bar says so")
}

func TestStatusBarMarks(t *testing.T) {
	n := StatusBar(Options{ID: "s", Lang: "en"}, "Strategy", map[controlling.ScheduleStatus]int{
		controlling.Late: 1, controlling.AtRisk: 30, controlling.Done: 9})
	var counts, segs, pats []string
	n.Find("svg").Walk(func(c *Node) bool {
		cls, _ := c.Attr("class")
		switch {
		case c.Tag == "text":
			counts = append(counts, c.TextContent())
		case c.Tag == "rect" && strings.HasSuffix(cls, " kc-seg"):
			w, _ := c.Attr("width")
			segs = append(segs, strings.TrimSuffix(cls, " kc-seg")+"="+w)
		case c.Tag == "pattern":
			id, _ := c.Attr("id")
			pats = append(pats, id)
		}
		return true
	})
	assert.Equal(t, []string{"kc-late=2.5%", "kc-at-risk=75%", "kc-done=22.5%"}, segs, "widths are shares of the total")
	assert.Equal(t, []string{"30", "9"}, counts, "a count too narrow to write (1 of 40) is left to the legend and the name")
	assert.Equal(t, []string{"s-p-hatch", "s-p-dots", "s-p-grid"}, pats, "only the patterns used, with the chart's id prefix")
	assert.Contains(t, n.Find("ul").TextContent(), "late 1", "the legend holds every count")
	assert.Nil(t, StatusBar(Options{Compact: true}, "x", nil).Find("details"), "compact charts have no table")
}

func TestProgressRows(t *testing.T) {
	n := Progress(Options{ID: "p", Lang: "de"}, []ProgressRow{
		{Label: "DL Digitale Leistungen", Progress: f64(57.94), Planned: f64(62), Covered: 3, Total: 4},
		{Label: "KD Kultur", Progress: nil, Planned: nil, Covered: 0, Total: 3},
	})
	var bars, marks, texts []string
	n.Find("svg").Walk(func(c *Node) bool {
		cls, _ := c.Attr("class")
		switch {
		case cls == "kc-bar":
			w, _ := c.Attr("width")
			bars = append(bars, w)
		case cls == "kc-mark":
			x, _ := c.Attr("x1")
			marks = append(marks, x)
		case c.Tag == "text":
			texts = append(texts, c.TextContent())
		}
		return true
	})
	assert.Equal(t, []string{"57.94%"}, bars, "a bar only where progress is known")
	assert.Equal(t, []string{"62%"}, marks, "the Soll mark where the plan stands")
	assert.Equal(t, []string{"DL Digitale Leistungen", "57.9 % · Soll 62.0 % · 3/4 Ziele", "KD Kultur", "k. A. · Soll k. A. · 0/3 Ziele"}, texts,
		"figures as in the reports; unknown is k. A., never 0")
}

func TestBudgetAndFTEWithoutData(t *testing.T) {
	assert.Nil(t, Budget(Options{}, []BudgetRow{{Label: "S"}}, nil), "no money anywhere: no chart")
	assert.NotNil(t, Budget(Options{}, []BudgetRow{{Label: "S"}}, &Cancelled{Measures: 1, Spent: 10}), "money spent on cancelled measures is shown")
	assert.Nil(t, Budget(Options{}, []BudgetRow{{Label: "S"}}, &Cancelled{Measures: 0, Spent: 10}), "no cancelled measure, no cancelled money")
	assert.Nil(t, FTE(Options{}, []FTERow{{"S", 0, 0}, {"A", 0, 0}}), "no savings data anywhere: no chart")
	n := FTE(Options{Lang: "en"}, []FTERow{{"S", 2.38, 0.5}, {"A", 0, 0}, {"B", 2.38, 0.5}})
	assert.Len(t, n.Find("tbody").Children, 2, "rows without savings data are left out")
	assert.Contains(t, n.Find("svg").TextContent(), "0.50 of 2.38 realized")
}

func TestBudgetScale(t *testing.T) {
	n := Budget(Options{ID: "b"}, []BudgetRow{
		{Label: "S", Planned: 1000, Spent: 500, EarnedValue: 250, CPI: f64(0.5)},
		{Label: "A", Planned: 200, Spent: 0, EarnedValue: 0},
	}, &Cancelled{Measures: 2, Planned: 400, Spent: 100})
	var widths []string
	n.Find("g").Walk(func(c *Node) bool {
		if c.Tag == "rect" {
			w, _ := c.Attr("width")
			widths = append(widths, w)
		}
		return true
	})
	assert.Equal(t, []string{"100%", "50%", "20%", "0%", "40%", "10%", "10%"}, widths,
		"one scale for every row: planned then spent; the cancelled row (planned, spent, hatching) apart")
	var lines []string
	n.Find("g").Walk(func(c *Node) bool {
		if cls, _ := c.Attr("class"); cls == "kc-figures" {
			lines = append(lines, c.TextContent())
		}
		return true
	})
	assert.Equal(t, []string{"ausgegeben CHF 500 von CHF 1'000", "Fertigstellungswert CHF 250",
		"ausgegeben CHF 0 von CHF 200", "Fertigstellungswert CHF 0", "ausgegeben CHF 100 von CHF 400"}, lines,
		"two lines per row (one would not fit 320 px); a cancelled measure has no earned value")
	assert.Contains(t, n.Find("svg").TextContent(), "Abgebrochen (2 Massnahmen, nicht eingerechnet)")
}

func TestIndicatorChart(t *testing.T) {
	n := IndicatorChart(Options{ID: "i", Lang: "de"}, sampleIndicator(t))
	title := n.Find("title").TextContent()
	assert.Equal(t, "Anteil online eingereichter Gesuche: Ausgangswert 12\u00a0%, zuletzt 38\u00a0%, Ziel 80\u00a0%; erwartet per 31.10.2026 50.76\u00a0%", title,
		"name: baseline, latest, target and what is expected by now (12 + 0.57 × 68)")
	dots := 0
	n.Find("svg").Walk(func(c *Node) bool {
		if cls, _ := c.Attr("class"); cls == "kc-dot" {
			dots++
		}
		return true
	})
	assert.Equal(t, 2, dots, "one dot per actual")
	none := sampleIndicator(t)
	none.Actuals = nil
	assert.Contains(t, IndicatorChart(Options{Lang: "en"}, none).Find("title").TextContent(), "no actual value yet")
}

func TestFormat(t *testing.T) {
	tests := []struct{ lang, got, want, why string }{
		{"de", NewFormat("de").Amount(1200000), "CHF 1'200'000", "Swiss amounts"},
		{"de", NewFormat("de").Percent(57.94), "57.9 %", "one decimal, space before the sign"},
		{"fr", NewFormat("fr").Percent(57.94), "57.9\u202f%", "French: narrow no-break space"},
		{"de", NewFormat("de").Number(-0.001, 2), "0.00", "no minus sign on zero"},
		{"de", NewFormat("de").Number(math.NaN(), 2), "–", "never NaN"},
		{"de", NewFormat("de").Date(date(t, "2026-10")), "Oktober 2026", "a month by its name, as the reports and the widget write it"},
		{"en", NewFormat("en").Date(date(t, "2026-10-31")), "31 October 2026", "an English day as the English report writes it"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.got, tt.why)
	}
}

func TestEscape(t *testing.T) {
	n := el("text", a("data-x", `"<&>`), text("a<b>&c\x1bd"))
	assert.Equal(t, `<text data-x="&#34;&lt;&amp;&gt;">a&lt;b&gt;&amp;c`+"\uFFFD"+`d</text>`, n.HTML(),
		"data never becomes markup; control characters never reach the page")
	assert.Equal(t, "kc-1-2", sanitizeID("1 2"), "ids are safe in url(#…) and start with a letter")
}

// TestBadNumbers feeds NaN, infinities, negatives and zeros to every chart:
// no panic, no NaN in the output, still an accessible chart.
func TestBadNumbers(t *testing.T) {
	bad := []float64{math.NaN(), math.Inf(1), math.Inf(-1), -5, 0, 1e308, -1e308}
	for _, v := range bad {
		nodes := []*Node{
			StatusBar(Options{}, "x", map[controlling.ScheduleStatus]int{controlling.Late: int(clean(v)) % 1000}),
			Progress(Options{}, []ProgressRow{{Label: "x", Progress: f64(v), Planned: f64(v)}}),
			Budget(Options{}, []BudgetRow{{Label: "x", Planned: v, Spent: v, EarnedValue: v, CPI: f64(v)}, {Label: "y", Planned: 1}}, &Cancelled{1, v, v}),
			FTE(Options{}, []FTERow{{"x", v, v}, {"y", 1, 0}}),
			IndicatorChart(Options{}, Indicator{Title: "x", Baseline: Point{Value: v}, Target: Point{Value: v},
				Actuals: []Point{{Value: v}, {date(t, "2026"), v}}, Expected: f64(v), AsOf: date(t, "2026")}),
		}
		for _, n := range nodes {
			require.NotNil(t, n)
			h := n.HTML()
			assert.NotContains(t, h, "NaN", "value %v", v)
			assert.NotContains(t, h, "Inf\"", "value %v", v)
			assert.NotContains(t, h, "Inf<", "value %v", v)
			assert.NotContains(t, h, "e+", "no exponent in coordinates: %v", v)
			checkAccessible(t, n)
		}
	}
}

func FuzzCharts(f *testing.F) {
	f.Add(1.0, 2.0, 3.0, 4, "DL", int64(2026))
	f.Add(math.NaN(), math.Inf(1), -1.0, -3, "<&\x00>", int64(0))
	f.Fuzz(func(t *testing.T, x, y, z float64, n int, label string, year int64) {
		d := strategy.Date{Y: int(year % 10000), Precision: strategy.Year}
		nodes := []*Node{
			StatusBar(Options{ID: label, Lang: label}, label, map[controlling.ScheduleStatus]int{controlling.Late: n, controlling.Done: n / 2}),
			Progress(Options{ID: label}, []ProgressRow{{Label: label, Progress: &x, Planned: &y, Covered: n, Total: n}}),
			Budget(Options{}, []BudgetRow{{Label: label, Planned: x, Spent: y, EarnedValue: z}}, &Cancelled{n, x, y}),
			FTE(Options{}, []FTERow{{label, x, y}}),
			IndicatorChart(Options{}, Indicator{Title: label, Unit: label, Baseline: Point{d, x}, Target: Point{strategy.Date{}, y},
				Actuals: []Point{{d, z}}, AsOf: d, Expected: &z}),
		}
		for _, c := range nodes {
			if c == nil {
				continue
			}
			h := c.HTML()
			if strings.Contains(h, "NaN") && !strings.Contains(label, "NaN") {
				t.Fatalf("NaN in %s", h)
			}
			if err := xml.NewDecoder(strings.NewReader(h)).Decode(new(any)); err != nil && !strings.Contains(err.Error(), "EOF") {
				t.Fatalf("not well-formed: %v\n%s", err, h)
			}
		}
	})
}
