package report

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bl-digital/kompass/internal/locale"
	"github.com/bl-digital/kompass/strategy"
)

// clean makes a data text safe to show in any report: tabs and line
// breaks become spaces, and every other control character (ESC, BEL, CR,
// C1 controls), as well as the bidirectional overrides that could reorder
// what a reader sees, is written as a visible escape such as \x1b or
// \u202e. Nothing from the data reaches a terminal, a spreadsheet or a
// page raw.
func clean(s string) string {
	if utf8.ValidString(s) && !strings.ContainsFunc(s, needsEscape) {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"):
			fmt.Fprintf(&b, `\x%02x`, s[i]) // a byte that is not UTF-8
		case r == '\t' || r == '\n':
			b.WriteByte(' ')
		case !needsEscape(r):
			b.WriteRune(r)
		case r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
	}
	return b.String()
}

func needsEscape(r rune) bool {
	return unicode.IsControl(r) ||

		r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x2028 || r == 0x2029
}

// formatDate writes a date as the widget and the charts write it.
func formatDate(d strategy.Date, lang string) string { return locale.Date(lang, d) }
