package report

import (
	"fmt"
	"strconv"
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

// formatDate writes a date the way the language reads it, at the
// precision it has, the same way as the widget: 31.10.2026 (en: 31 October
// 2026), Oktober 2026, 2026.
func formatDate(d strategy.Date, lang string) string {
	switch d.Precision {
	case strategy.Year:
		return strconv.Itoa(d.Y)
	case strategy.Month:
		return locale.Month(lang, int(d.M)) + " " + strconv.Itoa(d.Y)
	case strategy.Day:
		if lang == "en" {
			return fmt.Sprintf("%d %s %d", d.D, locale.Month("en", int(d.M)), d.Y)
		}
		return fmt.Sprintf("%02d.%02d.%d", d.D, int(d.M), d.Y)
	}
	return ""
}
