package strategy

import "unicode"

// VisiblePattern is the JSON Schema pattern of a Text's "de": at least one
// character that is not white space. Visible is the full rule, which also
// counts invisible characters (zero-width spaces, controls) as empty.
const VisiblePattern = `\S`

// Visible reports whether s holds visible text: a character that is
// neither white space nor invisible (a control, a zero-width space or
// joiner, a byte order mark).
func Visible(s string) bool {
	for _, r := range s {
		switch {
		case unicode.IsSpace(r), unicode.IsControl(r):
		case r == 0x200B, r == 0x200C, r == 0x200D, r == 0x2060, r == 0xFEFF, r == 0x00AD:
		default:
			return true
		}
	}
	return false
}
