package jsondoc

import (
	"strconv"
	"unicode/utf8"
)

const saveAsUTF8 = "save it as UTF-8 (in most editors: \"Save as\" or \"Save with encoding\", then UTF-8) and check again"

// utf16Problem names a UTF-16 (or UTF-32) file, with or without a byte
// order mark, or returns "". JSON text starts with ASCII, so a zero byte
// among its first bytes betrays a wider encoding.
func utf16Problem(data []byte) string {
	switch {
	case len(data) >= 4 && data[0] == 0xFF && data[1] == 0xFE && data[2] == 0 && data[3] == 0,
		len(data) >= 4 && data[0] == 0 && data[1] == 0 && data[2] == 0xFE && data[3] == 0xFF:
		return "the file is UTF-32 (it starts with a UTF-32 byte order mark), not UTF-8: " + saveAsUTF8
	case len(data) >= 2 && data[0] == 0xFF && data[1] == 0xFE:
		return "the file is UTF-16 little-endian (it starts with a UTF-16 byte order mark), not UTF-8: " + saveAsUTF8
	case len(data) >= 2 && data[0] == 0xFE && data[1] == 0xFF:
		return "the file is UTF-16 big-endian (it starts with a UTF-16 byte order mark), not UTF-8: " + saveAsUTF8
	}
	n := min(len(data), 64)
	zeros, even := 0, 0
	for i, c := range data[:n] {
		if c == 0 {
			zeros++
			if i%2 == 0 {
				even++
			}
		}
	}
	if n < 2 || zeros*4 < n {
		return ""
	}
	order := "little-endian"
	if even*2 > zeros {
		order = "big-endian"
	}
	return "the file is UTF-16 " + order + " (every other byte is zero), not UTF-8: " + saveAsUTF8
}

// latin1Text reports whether c, 0x80 or over, is a character of text in
// Windows-1252 or Latin-1: not one of the bytes Windows-1252 leaves
// undefined, nor 0xFF ('ÿ', rare in text, common in binary data).
func latin1Text(c byte) bool {
	switch c {
	case 0x81, 0x8D, 0x8F, 0x90, 0x9D, 0xFF:
		return false
	}
	return true
}

// latin1Problem tells whether text, which is not valid UTF-8, is Latin-1
// (ISO-8859-1) or Windows-1252: it holds bytes of 0x80 and over, all of
// them characters of text there, and none starts a valid UTF-8 sequence. It returns the offset of the first
// such byte and the one problem to report, or "" when the text is UTF-8
// with some broken bytes (reported string by string).
func latin1Problem(text []byte) (int, string) {
	first, c1 := -1, false
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(text[i:])
		if r != utf8.RuneError || n > 1 || !latin1Text(c) {
			return 0, "" // real UTF-8 somewhere, or a byte no text has: not a Latin-1 file
		}
		if first < 0 {
			first = i
		}
		c1 = c1 || c < 0xA0
		i++
	}
	if first < 0 {
		return 0, ""
	}
	b := text[first]
	enc := "Windows-1252 or Latin-1 (ISO-8859-1)"
	if c1 {
		enc = "Windows-1252"
	}
	example := "byte 0x" + strconv.FormatUint(uint64(b)|0x100, 16)[1:]
	if b >= 0xA0 {
		example += " would be " + strconv.QuoteRune(rune(b)) + " there"
	}
	return first, "the file is not UTF-8 but looks like " + enc + " (" + example + "): " + saveAsUTF8
}
