package report_test

import (
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/bl-digital/kompass/controlling/report"
)

// svgChart is what a reader of the html learns about one chart.
type svgChart struct {
	role, labelledBy, name string
}

// charts parses html (well-formed, as the report writes it) and returns its
// charts, failing on any style attribute.
func charts(t *testing.T, html string) []svgChart {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(strings.TrimPrefix(html, "<!DOCTYPE html>")))
	d.Strict = false
	d.AutoClose = xml.HTMLAutoClose
	d.Entity = xml.HTMLEntity
	var out []svgChart
	titles := map[string]string{}
	var inTitle string
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		switch tk := tok.(type) {
		case xml.StartElement:
			attr := map[string]string{}
			for _, a := range tk.Attr {
				attr[a.Name.Local] = a.Value
				assert.NotEqual(t, "style", a.Name.Local, "no inline style on <%s>", tk.Name.Local)
			}
			if tk.Name.Local == "svg" && attr["role"] == "img" {
				out = append(out, svgChart{role: attr["role"], labelledBy: attr["aria-labelledby"]})
			}
			if tk.Name.Local == "title" && attr["id"] != "" {
				inTitle = attr["id"]
			}
		case xml.CharData:
			if inTitle != "" {
				titles[inTitle] += string(tk)
			}
		case xml.EndElement:
			inTitle = ""
		}
	}
	for i := range out {
		out[i].name = titles[out[i].labelledBy]
	}
	return out
}

func TestHTMLCharts(t *testing.T) {
	_, _, r := example(t)
	for _, f := range []report.Format{report.HTML, report.HTMLFragment} {
		for _, lang := range []string{"de", "fr", "it", "en"} {
			var b strings.Builder
			require.NoError(t, report.Render(&b, r, f, lang))
			cs := charts(t, b.String())
			// strategy status, focus areas, budget, FTE, one status bar per
			// focus area (6), and the indicator charts.
			require.Greater(t, len(cs), 4+6, "%s %s: the report draws its charts", f, lang)
			for _, c := range cs {
				assert.NotEmpty(t, strings.TrimSpace(c.name), "%s %s: chart %q has an accessible name", f, lang, c.labelledBy)
			}
			assert.NotContains(t, b.String(), "style=", "%s: CSP style-src 'self' allows no style attribute", f)
		}
	}
}

func TestHTMLChartsNamed(t *testing.T) {
	_, _, r := example(t)
	var b strings.Builder
	require.NoError(t, report.Render(&b, r, report.HTMLFragment, "de"))
	names := []string{}
	for _, c := range charts(t, b.String()) {
		names = append(names, c.name)
	}
	joined := strings.Join(names, "\n")
	for _, want := range []string{
		"Massnahmen nach Status (48 Massnahmen): 6 im Verzug",
		"Fortschritt der Schwerpunkte gegenüber dem Soll",
		"Budget: geplant, ausgegeben und Fertigstellungswert",
		"Eingesparte Vollzeitstellen (erwartet / realisiert)",
		"DL Dienstleistungen: Massnahmen nach Status",
		": Ausgangswert ",
	} {
		assert.Contains(t, joined, want, "a chart says what it shows")
	}
}

func TestHTMLChartsWithoutData(t *testing.T) {
	// The hand report has no savings realized and one cancelled measure
	// without budget: every chart it draws is still named, no NaN, no style.
	out := render(t, handReport(), report.HTMLFragment, "en")
	for _, c := range charts(t, out) {
		assert.NotEmpty(t, c.name)
	}
	assert.NotContains(t, out, "NaN")
}
