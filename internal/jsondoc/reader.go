package jsondoc

import (
	"strconv"

	"github.com/bl-digital/kompass/diag"
)

// Reader reads a JSON text for a hand-written, reflection-free decoder,
// strictly: each read names the JSON type it wants, and a value of another
// type (rule "type"), a member the decoder does not know (Unknown, rule
// "unknown-property") or a value the decoder rejects (Invalid, rule
// "value") is a problem with the JSON pointer and position of the value
// (of the name, for unknown members). Reading goes on after such problems,
// so that one pass reports all of them. A syntax error is reported once
// (rule "syntax") and ends reading: every later read returns a zero value.
//
// A JSON null reads as the zero value of whatever was wanted, without a
// problem, as package encoding/json and its v2 do.
type Reader struct {
	lex      lexer
	problems diag.List
	offsets  []int
	valueOff int // where the value being read starts
	strs     map[string]string
	buf      []byte
	more     int // problems not listed, over diag.MaxProblems
}

// NewReader returns a Reader of text, which has no byte order mark.
func NewReader(text []byte) *Reader {
	return &Reader{lex: lexer{text: text}}
}

// Problems returns the problems found so far, in the order of the text,
// with lines and columns; nil if there are none.
func (r *Reader) Problems() diag.List {
	l := r.problems
	offs := r.offsets
	if r.lex.failed {
		l = append(l[:len(l):len(l)], diag.Problem{Pointer: r.lex.errPtr, Rule: diag.RuleSyntax, Message: r.lex.errMsg})
		offs = append(offs[:len(offs):len(offs)], r.lex.errOff)
	}
	if len(l) == 0 {
		return nil
	}
	idx := newLineIndex(r.lex.text)
	for i := range l {
		l[i].Line, l[i].Column = idx.position(offs[i])
	}
	if r.more > 0 {
		l = append(l, diag.More(r.more))
	}
	return l
}

// End reports data after the top-level value as a syntax error.
func (r *Reader) End() {
	if r.lex.more() {
		r.lex.fail(r.lex.pos, afterEnd)
	}
}

func (r *Reader) add(off int, rule diag.Rule, msg string) {
	if len(r.problems) >= diag.MaxProblems {
		r.more++
		return
	}
	r.problems = append(r.problems, diag.Problem{Pointer: r.lex.pointer(), Rule: rule, Message: msg})
	r.offsets = append(r.offsets, off)
}

// want starts reading a value of kind ('{', '[', '"', '0' for a number,
// 't' for a boolean): it returns true if the next value is one; else it
// reads the value, reports a "type" problem unless it is null, and
// returns false.
func (r *Reader) want(kind byte, name string) bool {
	c := r.lex.peek()
	r.valueOff = r.lex.pos
	got := kindOf(c)
	if got == kind {
		return true
	}
	r.lex.skip()
	if got != 'n' && !r.lex.failed {
		r.add(r.valueOff, diag.RuleType, "expected "+name+", but got "+kindName(got))
	}
	return false
}

// kindOf is the kind of a value that starts with c, as want takes it.
func kindOf(c byte) byte {
	switch c {
	case '{', '[', '"', 'n':
		return c
	case 't', 'f':
		return 't'
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return '0'
	}
	return 0 // not the start of a value
}

// kindName names a kind as JSON Schema does.
func kindName(k byte) string {
	switch k {
	case 'n':
		return "null"
	case 't':
		return "boolean"
	case '"':
		return "string"
	case '{':
		return "object"
	case '[':
		return "array"
	}
	return "number"
}

// Null reads a null and returns true, if the next value is one.
func (r *Reader) Null() bool {
	if r.lex.peek() != 'n' {
		return false
	}
	r.lex.literal()
	return true
}

// Object reads an object, calling member with the name of each member in
// turn; member must read the member's value, with Unknown if it has no use
// for it. name is valid only during the call. Object returns false, without
// calling member, for null and for a value that is not an object.
func (r *Reader) Object(member func(name []byte)) bool {
	if !r.want('{', "object") {
		return false
	}
	l := &r.lex
	l.open(false)
	for l.member() {
		f := l.top()
		name := f.name
		if f.escaped {
			r.buf = unquote(r.buf[:0], name)
			name = r.buf
		}
		member(name)
	}
	return !l.failed
}

// Array reads an array, calling item for each item; item must read the
// item. Array returns false, without calling item, for null and for a
// value that is not an array.
func (r *Reader) Array(item func()) bool {
	if !r.want('[', "array") {
		return false
	}
	l := &r.lex
	l.open(true)
	for l.item() {
		item()
	}
	return !l.failed
}

// List reads an array into a slice with read reading each item: nil for
// null, an empty slice for [].
//
// A list is read into a slice of its length at once: at the first item,
// the items are counted with a quick scan of the text, rather than the
// slice copied each time it doubles: a portfolio's measures are large
// structs, and many, and each copy is memory in use twice; a measure's
// short lists (goals, fields) are then one allocation each. Should the
// count be short (the text is broken further on), the slice grows in
// chunks that are copied once into the result.
func List[T any](r *Reader, read func(*Reader) T) []T {
	const firstChunk = 64
	var s []T
	var full [][]T // filled chunks, before s
	n := 0
	counted := false
	if r.Array(func() {
		if largeFiles && !counted {
			// The first item: count them all.
			counted = true
			if c := min(countItems(r.lex.text, r.lex.pos), maxHint); c > 0 {
				s = make([]T, 0, c)
				adviseHugePages(s) // a long list of large items: fewer page faults
			}
		}
		if len(s) == cap(s) && len(s) >= firstChunk {
			full = append(full, s)
			s = make([]T, 0, 2*len(s))
		}
		s = append(s, read(r))
		n++
	}) && s == nil {
		s = []T{}
	}
	if full != nil {
		out := make([]T, 0, n)
		for _, c := range full {
			out = append(out, c...)
		}
		s = append(out, s...)
	}
	return s
}

// maxHint is the most items List makes room for at once: a text of
// millions of tiny items (refused elsewhere for having too many) must not
// make it allocate millions of large structs before reading one.
const maxHint = 1 << 17

// countItems counts the items of an array from text[pos], the start of an
// item, to the array's end, without checking them: it counts the commas
// outside strings and nested values, and stops at the ']' (or '}') that
// closes the array. It returns 0 if the text ends first: it is only a
// hint, for text that may be broken.
func countItems(text []byte, pos int) int {
	depth, n := 0, 1
	for i := pos; i < len(text); i++ {
		switch text[i] {
		case '"':
			for i++; i < len(text) && text[i] != '"'; i++ {
				if text[i] == '\\' {
					i++
				}
			}
		case '[', '{':
			depth++
		case ']', '}':
			if depth == 0 {
				return n
			}
			depth--
		case ',':
			if depth == 0 {
				n++
			}
		}
	}
	return 0
}

// Ptr reads a value with read and returns a pointer to it, or nil for null.
func Ptr[T any](r *Reader, read func(*Reader) T) *T {
	if r.Null() {
		return nil
	}
	v := read(r)
	return &v
}

// Unknown reports the current member as a member the decoder does not
// know, at its name, and skips its value.
func (r *Reader) Unknown() {
	f := r.lex.top()
	name := f.name
	if f.escaped {
		name = unquote(nil, name)
	}
	r.add(f.nameOff, diag.RuleUnknownProperty, "unknown property "+quoteCut(name))
	r.lex.skip()
}

// Invalid reports err as a "value" problem of the value just read.
func (r *Reader) Invalid(err error) {
	r.add(r.valueOff, diag.RuleValue, err.Error())
}

// Problem reports a problem of rule at the value just read.
func (r *Reader) Problem(rule diag.Rule, msg string) {
	r.add(r.valueOff, rule, msg)
}

// String reads a string ("" for null).
func (r *Reader) String() string {
	if !r.want('"', "string") {
		return ""
	}
	raw, escaped, ok := r.lex.str()
	if !ok {
		return ""
	}
	if escaped {
		r.buf = unquote(r.buf[:0], raw)
		return string(r.buf)
	}
	if len(raw) > maxIntern {
		return string(raw)
	}
	return intern(&r.strs, raw)
}

// Parse reads a string and parses it with parse, reporting its error as a
// "value" problem. A null is the zero T, not parsed.
func Parse[T any](r *Reader, parse func(string) (T, error)) T {
	var zero T
	if r.Null() || !r.want('"', "string") {
		return zero
	}
	s := r.String()
	if r.lex.failed {
		return zero
	}
	v, err := parse(s)
	if err != nil {
		r.Invalid(err)
		return zero
	}
	return v
}

// number reads a number as written; nil for null and other types.
func (r *Reader) number(want string) []byte {
	if !r.want('0', want) {
		return nil
	}
	raw, _ := r.lex.number()
	return raw
}

// Float reads a number (0 for null).
func (r *Reader) Float() float64 {
	raw := r.number("number")
	if raw == nil {
		return 0
	}
	if msg := numberProblem(raw); msg != "" {
		r.add(r.valueOff, diag.RuleNumber, msg)
		return 0
	}
	f, _ := strconv.ParseFloat(string(raw), 64) // numberProblem ruled out errors
	return f
}

// FloatPtr reads a number, or nil for null and for a value it reports as
// a problem.
func (r *Reader) FloatPtr() *float64 {
	if r.Null() {
		return nil
	}
	n := len(r.problems) + r.more
	f := r.Float()
	if len(r.problems)+r.more > n {
		return nil
	}
	return &f
}

// Int reads an integer (0 for null): a number without fraction or
// exponent.
func (r *Reader) Int() int {
	raw := r.number("integer")
	if raw == nil {
		return 0
	}
	if msg := numberProblem(raw); msg != "" {
		r.add(r.valueOff, diag.RuleNumber, msg)
		return 0
	}
	for _, c := range raw {
		if c == '.' || c == 'e' || c == 'E' {
			r.add(r.valueOff, diag.RuleType, "expected integer, but got "+string(raw))
			return 0
		}
	}
	n, err := strconv.ParseInt(string(raw), 10, strconv.IntSize)
	if err != nil {
		r.add(r.valueOff, diag.RuleValue, "the integer "+string(raw)+" is out of range")
		return 0
	}
	return int(n)
}

// Bool reads true or false (false for null).
func (r *Reader) Bool() bool {
	if !r.want('t', "boolean") {
		return false
	}
	t := r.lex.text[r.lex.pos] == 't'
	r.lex.literal()
	return t
}

// StringMap reads an object of strings (nil for null).
func (r *Reader) StringMap() map[string]string {
	var m map[string]string
	if r.Object(func(name []byte) {
		if m == nil {
			m = make(map[string]string, 4)
		}
		m[intern(&r.strs, name)] = r.String()
	}) && m == nil {
		m = map[string]string{}
	}
	return m
}

// Failed reports whether reading stopped at a syntax error.
func (r *Reader) Failed() bool { return r.lex.failed }

// Text reads a multilingual text, an object of strings by language (nil
// for null), as StringMap does, and reports a "de" without visible text
// (visible says) as a problem of rule diag.RuleText at "de".
func (r *Reader) Text(visible func(string) bool) map[string]string {
	var m map[string]string
	if r.Object(func(name []byte) {
		if m == nil {
			m = make(map[string]string, 4)
		}
		key := intern(&r.strs, name)
		v := r.String()
		if key == "de" && !r.lex.failed && r.lex.text[r.valueOff] == '"' && !visible(v) {
			r.add(r.valueOff, diag.RuleText, "the German text (de) is empty or only white space: every reader falls back to it, so it must hold visible text")
		}
		m[key] = v
	}) && m == nil {
		m = map[string]string{}
	}
	return m
}

// Map reads an object of any values (nil for null), as Any does.
func (r *Reader) Map() map[string]any {
	var m map[string]any
	if r.Object(func(name []byte) {
		if m == nil {
			m = make(map[string]any)
		}
		m[string(name)] = r.Any()
	}) && m == nil {
		m = map[string]any{}
	}
	return m
}

// Any reads any value as plain Go values: map[string]any, []any, string,
// float64, bool or nil.
func (r *Reader) Any() any {
	switch kindOf(r.lex.peek()) {
	case '{':
		return r.Map()
	case '[':
		return List(r, (*Reader).Any)
	case '"':
		return r.String()
	case 't':
		return r.Bool()
	case 'n':
		r.Null()
		return nil
	case '0':
		return r.Float()
	}
	r.lex.skip() // a syntax error
	return nil
}
