package diag

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// MaxQuote is the most characters of a value from the data that a message
// quotes; Quote cuts longer ones and marks the cut with "…".
const MaxQuote = 80

// Quote quotes a value from the data for a message: cut to MaxQuote
// characters and with control characters and invalid UTF-8 escaped, as
// strconv.Quote does.
func Quote(s string) string {
	return strconv.Quote(Cut(s))
}

// Cut shortens s to MaxQuote characters, ending in "…" when it cut.
func Cut(s string) string {
	if len(s) <= MaxQuote {
		return s
	}
	n := 0
	for i := range s {
		if n == MaxQuote {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

// Escape returns s with every character that could act on a terminal or
// reorder text escaped: C0 controls (but not tab... none are kept), DEL,
// C1 controls, the Unicode bidirectional controls, and invalid UTF-8, as
// \xNN or \uNNNN. Other text, quotes included, is unchanged, so a message
// that quotes with Quote is escaped once only.
func Escape(s string) string {
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if unsafeRune(r, n) {
			break
		}
		i += n
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b.WriteString(`\x`)
			b.WriteString(strconv.FormatUint(uint64(s[i])|0x100, 16)[1:])
		case unsafeRune(r, n):
			if r < 0x100 {
				b.WriteString(`\x`)
				b.WriteString(strconv.FormatUint(uint64(r)|0x100, 16)[1:])
			} else {
				b.WriteString(`\u`)
				b.WriteString(strconv.FormatUint(uint64(r)|0x10000, 16)[1:])
			}
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// unsafeRune reports whether the rune r, n bytes long, must be escaped.
func unsafeRune(r rune, n int) bool {
	switch {
	case r == utf8.RuneError && n == 1:
		return true
	case r < 0x20, r == 0x7f, 0x80 <= r && r < 0xa0:
		return true
	case r == 0x061c, r == 0x200e, r == 0x200f, 0x202a <= r && r <= 0x202e, 0x2066 <= r && r <= 0x2069:
		return true // bidirectional controls
	}
	return false
}

// Escape escapes File, Pointer and Message of every problem in l with
// Escape, so that no control character from the data reaches a terminal
// or a report.
func (l List) Escape() {
	for i := range l {
		p := &l[i]
		p.File, p.Pointer, p.Message = Escape(p.File), Escape(p.Pointer), Escape(p.Message)
	}
}
