package jsondoc

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// lexer reads JSON text (RFC 8259) and keeps track of where it is: the
// containers it is in, as a stack of frames, from which the JSON pointer of
// a problem is made. It is the one JSON reader of the package, shared by
// Check, Locate and Reader; it uses no reflection and no JSON library, to
// keep the WebAssembly widget small.
//
// The first syntax error stops it: every later read fails at once.
type lexer struct {
	text  []byte
	pos   int
	stack []frame

	comma    int // where the last ',' read is
	strStart int // where the string being read starts, for its syntax error

	failed bool
	errOff int    // where the syntax error is
	errPtr string // the pointer of the container (or member) it is in
	errMsg string
}

// frame is an object or array being read.
type frame struct {
	array   bool
	n       int    // members or items begun so far
	in      bool   // inside a member's or item's value
	name    []byte // the current member's name as written, without quotes
	escaped bool   // name has escape sequences
	nameOff int    // where the current member's name starts
}

// space skips whitespace.
func (l *lexer) space() {
	for l.pos < len(l.text) {
		switch l.text[l.pos] {
		case ' ', '\t', '\r', '\n':
			l.pos++
		default:
			return
		}
	}
}

// peek skips whitespace and returns the next byte, or 0 at the end of the
// text or after a syntax error.
func (l *lexer) peek() byte {
	if l.failed {
		return 0
	}
	l.space()
	if l.pos >= len(l.text) {
		return 0
	}
	return l.text[l.pos]
}

// more skips whitespace and reports whether there is more text to read
// (false after a syntax error).
func (l *lexer) more() bool {
	l.space()
	return !l.failed && l.pos < len(l.text)
}

// fail records a syntax error at off, unless there is one already.
func (l *lexer) fail(off int, msg string) {
	if l.failed {
		return
	}
	l.failed = true
	l.errOff, l.errMsg, l.errPtr = off, msg, l.pointer()
}

// failAt records a syntax error at the current byte, the end of the file
// or an unexpected character, found where the lexer expected what ctx
// says; syntaxMessage puts it in plain words.
func (l *lexer) failAt(ctx expect) {
	if l.failed {
		return
	}
	off, msg := l.syntaxMessage(ctx)
	l.fail(off, msg)
}

// quoteChar quotes the character at the start of b for a message: 'x'.
func quoteChar(b []byte) string {
	r, n := utf8.DecodeRune(b)
	if r == utf8.RuneError && n <= 1 {
		return `'\x` + strconv.FormatUint(uint64(b[0])|0x100, 16)[1:] + `'`
	}
	return strconv.QuoteRune(r)
}

// pointer is the JSON pointer of where the lexer is: the containers, and
// the member or item whose value it is in.
func (l *lexer) pointer() string {
	if len(l.stack) == 0 {
		return ""
	}
	var b strings.Builder
	for _, f := range l.stack {
		if !f.in {
			break
		}
		b.WriteByte('/')
		if f.array {
			b.WriteString(strconv.Itoa(f.n - 1))
		} else {
			name := f.name
			if f.escaped {
				name = unquote(nil, name)
			}
			escapeToken(&b, strings.ToValidUTF8(string(name), "\uFFFD"))
		}
	}
	return b.String()
}

// escapeToken writes a reference token of a JSON pointer: ~ as ~0, / as ~1.
func escapeToken(b *strings.Builder, s string) {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '~':
			b.WriteString("~0")
		case '/':
			b.WriteString("~1")
		default:
			b.WriteByte(s[i])
		}
	}
}

// top is the innermost container, or nil at the top level.
func (l *lexer) top() *frame {
	if len(l.stack) == 0 {
		return nil
	}
	return &l.stack[len(l.stack)-1]
}

// maxNesting is the deepest nesting the lexer reads, whatever a caller's
// limit: it keeps the recursion of its readers bounded on any input.
const maxNesting = 10_000

// open reads '{' or '[' at the current position and enters the container.
func (l *lexer) open(array bool) {
	if len(l.stack) >= maxNesting {
		l.fail(l.pos, "nested deeper than "+strconv.Itoa(maxNesting)+" levels")
	}
	l.pos++
	l.stack = append(l.stack, frame{array: array})
}

// member moves to the next member of the object just opened: it reads
// the separator and the member's name up to its ':'. It returns false at
// the end of the object, which it leaves, and after a syntax error.
func (l *lexer) member() bool {
	f := l.top()
	f.in = false
	c := l.peek()
	if f.n > 0 && c != '}' {
		if c != ',' {
			l.failAt(afterMember)
			return false
		}
		l.comma = l.pos
		l.pos++
		c = l.peek()
		if c == '}' {
			l.failAt(afterComma)
			return false
		}
	} else if c == '}' {
		l.pos++
		l.stack = l.stack[:len(l.stack)-1]
		return false
	}
	if c != '"' {
		l.failAt(memberName)
		return false
	}
	f.nameOff = l.pos
	name, escaped, ok := l.str()
	if !ok {
		return false
	}
	f.n++
	f.in, f.name, f.escaped = true, name, escaped
	if l.peek() != ':' {
		l.failAt(colon)
		return false
	}
	l.pos++
	return true
}

// item moves to the next item of the array just opened, reading the
// separator. It returns false at the end of the array, which it leaves,
// and after a syntax error.
func (l *lexer) item() bool {
	f := l.top()
	f.in = false
	c := l.peek()
	if f.n > 0 && c != ']' {
		if c != ',' {
			l.failAt(afterItem)
			return false
		}
		l.comma = l.pos
		l.pos++
		c = l.peek()
		if c == ']' {
			l.failAt(afterComma)
			return false
		}
	} else if c == ']' {
		l.pos++
		l.stack = l.stack[:len(l.stack)-1]
		return false
	}
	if !l.more() {
		l.failAt(value) // the end of the file, or a syntax error already
		return false
	}
	f.n++
	f.in = true
	return true
}

// str reads the string that starts at the current '"' and returns its
// content as written, without the quotes, and whether it has escape
// sequences. It checks escapes and control characters, not UTF-8.
func (l *lexer) str() (raw []byte, escaped, ok bool) {
	start := l.pos + 1
	for i := start; i < len(l.text); i++ {
		switch c := l.text[i]; {
		case c == '"':
			l.pos = i + 1
			return l.text[start:i], escaped, true
		case c == '\\':
			escaped = true
			n := escapeLen(l.text[i:])
			if n == 0 {
				end := i + 2
				if i+1 < len(l.text) && l.text[i+1] == 'u' {
					end = i + 6
				}
				if end > len(l.text) {
					l.pos = len(l.text)
					l.strStart = start - 1
					l.failAt(inString)
					return nil, false, false
				}
				l.fail(i, "invalid escape sequence "+quoteCut(l.text[i:end])+" in a string: write \\\\ for a backslash, or one of \\\" \\n \\t \\uXXXX")
				return nil, false, false
			}
			if n == 6 && utf16.IsSurrogate(hex4(l.text[i+2:])) {
				// A surrogate must be the first half of a pair.
				end := min(i+12, len(l.text))
				if i+12 > len(l.text) && !bytes.ContainsRune(l.text[i+6:], '"') {
					l.pos = len(l.text)
					l.strStart = start - 1
					l.failAt(inString)
					return nil, false, false
				}
				if end-i < 12 || escapeLen(l.text[i+6:]) != 6 ||
					utf16.DecodeRune(hex4(l.text[i+2:]), hex4(l.text[i+8:])) == utf8.RuneError {
					l.fail(i, "invalid surrogate pair "+quoteCut(l.text[i:end])+" in a string: a \\uD800-\\uDFFF escape must be one half of a pair")
					return nil, false, false
				}
				n = 12
			}
			i += n - 1
		case c < 0x20:
			l.pos = i
			l.strStart = start - 1
			l.failAt(inString)
			return nil, false, false
		}
	}
	l.pos = len(l.text)
	l.strStart = start - 1
	l.failAt(inString)
	return nil, false, false
}

// escapeLen is the length of the valid escape sequence at the start of b,
// or 0.
func escapeLen(b []byte) int {
	if len(b) < 2 {
		return 0
	}
	switch b[1] {
	case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
		return 2
	case 'u':
		if len(b) < 6 {
			return 0
		}
		for _, h := range b[2:6] {
			if !isHex(h) {
				return 0
			}
		}
		return 6
	}
	return 0
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// unquote appends the text of a string's content with escape sequences
// (as str returned it) to dst. Unpaired surrogates become U+FFFD.
func unquote(dst, raw []byte) []byte {
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c != '\\' || i+1 >= len(raw) {
			dst = append(dst, c)
			continue
		}
		i++
		switch raw[i] {
		case 'b':
			dst = append(dst, '\b')
		case 'f':
			dst = append(dst, '\f')
		case 'n':
			dst = append(dst, '\n')
		case 'r':
			dst = append(dst, '\r')
		case 't':
			dst = append(dst, '\t')
		case 'u':
			r := hex4(raw[i+1:])
			i += 4
			if utf16.IsSurrogate(r) {
				r2 := rune(-1)
				if i+2 < len(raw) && raw[i+1] == '\\' && raw[i+2] == 'u' {
					r2 = hex4(raw[i+3:])
				}
				if d := utf16.DecodeRune(r, r2); d != utf8.RuneError {
					r = d
					i += 6
				} else {
					r = utf8.RuneError
				}
			}
			dst = utf8.AppendRune(dst, r)
		default: // '"', '\\', '/'
			dst = append(dst, raw[i])
		}
	}
	return dst
}

// hex4 is the value of the four hex digits at the start of b (-1 if b is
// shorter).
func hex4(b []byte) rune {
	if len(b) < 4 {
		return -1
	}
	var r rune
	for _, c := range b[:4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		default:
			c -= 'A' - 10
		}
		r = r<<4 | rune(c)
	}
	return r
}

// number reads the number at the current position and returns it as
// written.
func (l *lexer) number() ([]byte, bool) {
	start, i := l.pos, l.pos
	if i < len(l.text) && l.text[i] == '-' {
		i++
	}
	digits := func(need bool) bool {
		j := i
		for i < len(l.text) && '0' <= l.text[i] && l.text[i] <= '9' {
			i++
		}
		if need && i == j {
			l.pos = i
			l.failAt(inNumber)
			return false
		}
		return true
	}
	if i < len(l.text) && l.text[i] == '0' {
		i++
		if i < len(l.text) && '0' <= l.text[i] && l.text[i] <= '9' {
			l.fail(start, "a number cannot start with 0 ("+quoteCut(l.text[start:min(i+8, len(l.text))])+"): remove the leading zero")
			return nil, false
		}
	} else if !digits(true) {
		return nil, false
	}
	if i < len(l.text) && l.text[i] == '.' {
		i++
		if !digits(true) {
			return nil, false
		}
	}
	if i < len(l.text) && (l.text[i] == 'e' || l.text[i] == 'E') {
		i++
		if i < len(l.text) && (l.text[i] == '+' || l.text[i] == '-') {
			i++
		}
		if !digits(true) {
			return nil, false
		}
	}
	l.pos = i
	return l.text[start:i], true
}

// literal reads true, false or null, whichever starts at the current
// position.
func (l *lexer) literal() bool {
	var lit string
	switch l.text[l.pos] {
	case 't':
		lit = "true"
	case 'f':
		lit = "false"
	default:
		lit = "null"
	}
	for i := 1; i < len(lit); i++ {
		if l.pos+i >= len(l.text) || l.text[l.pos+i] != lit[i] {
			l.failAt(value)
			return false
		}
	}
	l.pos += len(lit)
	return true
}

// skip reads the value at the current position without keeping it.
func (l *lexer) skip() {
	switch c := l.peek(); c {
	case '{':
		l.open(false)
		for l.member() {
			l.skip()
		}
	case '[':
		l.open(true)
		for l.item() {
			l.skip()
		}
	case '"':
		l.str()
	case 't', 'f', 'n':
		l.literal()
	default:
		if c == '-' || '0' <= c && c <= '9' {
			l.number()
			return
		}
		l.failAt(value)
	}
}
