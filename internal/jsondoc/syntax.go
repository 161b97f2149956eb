package jsondoc

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"
)

// expect is what the lexer was about to read when it met a syntax error.
type expect int

const (
	value       expect = iota // a value
	memberName                // a member's name, after '{' (or after ',', see afterComma)
	colon                     // the ':' after a member's name
	afterMember               // ',' or '}' after a member's value
	afterItem                 // ',' or ']' after an item
	afterComma                // a member or item after ','
	inString                  // the rest of a string that starts at strStart
	inNumber                  // the digits of a number
)

// syntaxMessage says in plain words what is wrong at the current position,
// where the lexer expected what ctx says, and where the problem is: mostly
// the current position, a trailing comma's own position, the start of an
// unclosed string. Positions in messages are line:column.
func (l *lexer) syntaxMessage(ctx expect) (int, string) {
	at := l.pos
	if at >= len(l.text) {
		switch ctx {
		case inString:
			return l.strStart, "a string that starts at " + l.lineCol(l.strStart) + " is not closed: add the closing '\"'"
		}
		return len(l.text), "the file ends too early" + l.unclosed()
	}
	c := l.text[at]
	word := l.word(at)
	switch {
	case ctx == inString && (c == '\n' || c == '\r'):
		return l.strStart, "a string that starts at " + l.lineCol(l.strStart) +
			" is not closed before the end of its line: add the closing '\"' (a line break inside a string is written \\n)"
	case ctx == inString:
		return at, "a control character (" + uPlus(rune(c)) + ") inside a string: write it as \\u" +
			strconv.FormatUint(uint64(c)|0x10000, 16)[1:]
	case ctx == afterComma:
		closer := string(c)
		return l.comma, "a comma before '" + closer + "' at " + l.lineCol(at) + ": remove it"
	case c == '/' || c == '#':
		return at, "comments are not allowed in JSON: remove the comment"
	case c == '\'':
		return at, "strings and names must be in double quotes (\"), not single quotes (')"
	case ctx == memberName && word != "":
		return at, "the member name " + quoteCut([]byte(word)) + " is not in double quotes: write \"" + cut(word) + "\""
	case ctx == memberName && c == '}' && l.top() != nil && l.top().n > 0:
		return l.comma, "a comma before '}' at " + l.lineCol(at) + ": remove it"
	case ctx == memberName:
		return at, "expected a member name in double quotes, but found " + quoteChar(l.text[at:])
	case ctx == colon && c == '=':
		return at, "use ':' between a member's name and its value, not '='"
	case ctx == colon:
		return at, "a ':' is missing after the member name " + l.memberName() + " (found " + quoteChar(l.text[at:]) + ")"
	case (ctx == afterMember || ctx == afterItem) && startsValue(c):
		prev := l.prevEnd(at)
		return at, "a comma is missing here, after the value that ends at " + l.lineCol(prev) + ": add ','"
	case ctx == afterMember:
		return at, "expected ',' or '}' after the value of " + l.memberName() + ", but found " + quoteChar(l.text[at:])
	case ctx == afterItem:
		return at, "expected ',' or ']' after an item, but found " + quoteChar(l.text[at:])
	case ctx == inNumber:
		return at, "a number needs a digit here, but found " + quoteChar(l.text[at:]) + " (write numbers like 12, -3.5 or 1e6)"
	case c == '+':
		return at, "a number cannot start with '+': remove it"
	case c == '.':
		return at, "a number cannot start with '.': write 0" + cut(l.wordOrNumber(at))
	case word != "" && isPrefixOfLiteral(word):
		return at, quoteCut([]byte(word)) + " is not a JSON value: did you mean " + literalFor(word) + "?"
	case word != "":
		switch word {
		case "True", "TRUE", "False", "FALSE", "Null", "NULL", "None", "nil":
			return at, quoteCut([]byte(word)) + " is not a JSON value: write " + jsonWord(word)
		case "NaN", "Infinity", "undefined":
			return at, quoteCut([]byte(word)) + " is not allowed in JSON: write a number, or null"
		}
		return at, "the word " + quoteCut([]byte(word)) + " is not a JSON value: text must be in double quotes"
	case c == '}' || c == ']':
		return at, "expected a value, but found " + quoteChar(l.text[at:])
	}
	return at, "expected a value, but found " + quoteChar(l.text[at:])
}

// startsValue reports whether c can start a value (or a member name).
func startsValue(c byte) bool {
	return c == '"' || c == '{' || c == '[' || c == '-' || '0' <= c && c <= '9' || c == 't' || c == 'f' || c == 'n'
}

// jsonWord is the JSON literal a word from another language means.
func jsonWord(w string) string {
	switch strings.ToLower(w) {
	case "true":
		return "true"
	case "false":
		return "false"
	}
	return "null"
}

// word is the identifier (letters, digits, '_', '$') at off, or "".
func (l *lexer) word(off int) string {
	i := off
	for i < len(l.text) && i-off < 200 {
		c := l.text[i]
		if c == '_' || c == '$' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || i > off && '0' <= c && c <= '9' {
			i++
			continue
		}
		break
	}
	return string(l.text[off:i])
}

// wordOrNumber is the run of non-separator bytes at off, for quoting.
func (l *lexer) wordOrNumber(off int) string {
	i := off
	for i < len(l.text) && i-off < 40 && !strings.ContainsRune(" \t\r\n,]}:", rune(l.text[i])) {
		i++
	}
	return string(l.text[off:i])
}

// prevEnd is where the value before off ends: the last byte before off
// that is not white space.
func (l *lexer) prevEnd(off int) int {
	i := off - 1
	for i > 0 && strings.IndexByte(" \t\r\n", l.text[i]) >= 0 {
		i--
	}
	return max(i, 0)
}

// memberName is the current member's name, quoted, for messages.
func (l *lexer) memberName() string {
	f := l.top()
	if f == nil || f.array {
		return "?"
	}
	name := f.name
	if f.escaped {
		name = unquote(nil, name)
	}
	return quoteCut(name)
}

// unclosed says what is missing at the end of a file cut short.
func (l *lexer) unclosed() string {
	if len(l.stack) == 0 {
		return ""
	}
	var b strings.Builder
	for i := len(l.stack) - 1; i >= 0 && b.Len() < 40; i-- {
		if l.stack[i].array {
			b.WriteByte(']')
		} else {
			b.WriteByte('}')
		}
	}
	return ": " + strconv.Itoa(len(l.stack)) + " object(s) or array(s) are not closed (missing \"" + b.String() + "\")"
}

// lineCol is "line:column" of off, as problems print it.
func (l *lexer) lineCol(off int) string {
	off = min(max(off, 0), len(l.text))
	line := 1 + bytes.Count(l.text[:off], []byte{'\n'})
	col := off - (bytes.LastIndexByte(l.text[:off], '\n') + 1) + 1
	return strconv.Itoa(line) + ":" + strconv.Itoa(col)
}

// maxQuote is the most characters of a value a message quotes.
const maxQuote = 80

// cut shortens s to maxQuote characters, with "…" when cut.
func cut(s string) string {
	if utf8.RuneCountInString(s) <= maxQuote {
		return s
	}
	n := 0
	for i := range s {
		if n == maxQuote {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

// quoteCut quotes b for a message, cut to maxQuote characters.
func quoteCut(b []byte) string {
	if len(b) > 4*maxQuote {
		b = b[:4*maxQuote]
	}
	return strconv.Quote(cut(string(b)))
}

// uPlus writes r as U+XXXX, with at least four upper-case hex digits
// (without strings.ToUpper, which the widget would otherwise link only for this).
func uPlus(r rune) string {
	const digits = "0123456789ABCDEF"
	b := []byte{'U', '+', '0', '0', '0', '0', '0', '0'}
	n := 0
	for v := uint32(r); v > 0 || n < 4; v >>= 4 {
		n++
		b[len(b)-n] = digits[v&15]
	}
	return string(append(b[:2], b[len(b)-n:]...))
}

// isPrefixOfLiteral reports whether w begins true, false or null but is
// none of them: a literal misspelt or cut short.
func isPrefixOfLiteral(w string) bool {
	return literalFor(w) != ""
}

// literalFor is the literal that w begins, or "".
func literalFor(w string) string {
	for _, lit := range []string{"true", "false", "null"} {
		if w != lit && (strings.HasPrefix(lit, w) || len(w) > 1 && strings.HasPrefix(w, lit[:2])) {
			return lit
		}
	}
	return ""
}
