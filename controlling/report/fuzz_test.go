package report_test

import (
	"bytes"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/bl-digital/kompass/controlling/report"
	"github.com/bl-digital/kompass/strategy"
)

// FuzzRenderDataText puts arbitrary data texts into a report and checks
// that no human format lets a control character, a bidirectional override
// or a byte that is not UTF-8 through, and that rendering never fails.
func FuzzRenderDataText(f *testing.F) {
	for _, s := range []string{"plain", "\x1b[2J\x07", "a\rb\nc\td", "\u202egnirts", "\xff\xfe", "\u0085\u009b", "=1+2", "<b>&amp;</b>", "a | b \\ *c*"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r := handReport()
		r.Source.Title = strategy.Text{"de": s, "fr": s}
		r.Portfolio.Measures[0].Title = strategy.Text{"de": s}
		r.Portfolio.Organisations[0].Name = strategy.Text{"de": s}
		for _, lang := range []string{"de", "fr"} {
			for _, f := range []report.Format{report.Text, report.Markdown, report.HTML, report.CSV} {
				var b bytes.Buffer
				if err := report.Render(&b, r, f, lang); err != nil {
					t.Fatalf("%s %s: %v", f, lang, err)
				}
				out := b.String()
				if !utf8.ValidString(out) {
					t.Fatalf("%s %s: output is not UTF-8", f, lang)
				}
				for _, c := range out {
					if c == '\n' || c == '\r' && f == report.CSV || c == '\ufeff' {
						continue
					}
					if unicode.IsControl(c) || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069 {
						t.Fatalf("%s %s: control character %U in the output", f, lang, c)
					}
				}
				if f == report.CSV && strings.Contains(strings.ReplaceAll(out, "\r\n", ""), "\r") {
					t.Fatalf("a bare CR in the CSV")
				}
			}
		}
	})
}
