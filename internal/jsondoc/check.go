package jsondoc

import (
	"bytes"
	"strconv"
	"unicode/utf8"

	"github.com/bl-digital/kompass/diag"
)

// afterEnd is the message for data after the top-level value.
const afterEnd = "more data after the end of the JSON value: a file holds one value (remove what follows, or put the values in an array)"

// Limits of what Check reads.
const (
	DefaultMaxSize  = 32 << 20 // bytes: 32 MiB
	DefaultMaxDepth = 64       // nested objects and arrays
)

// bom is the UTF-8 byte order mark.
var bom = []byte("\xEF\xBB\xBF")

// Limit caps the number of items of an array that is a member of the
// top-level object, such as a portfolio's "measures".
type Limit struct {
	Member string // the member's name, such as "measures"
	Max    int    // the most items allowed
}

// Options configure Check. The zero value checks with the default limits and
// builds no tree.
type Options struct {
	// MaxSize is the largest document in bytes; 0 means DefaultMaxSize.
	MaxSize int
	// MaxDepth is the deepest nesting of objects and arrays; 0 means DefaultMaxDepth.
	MaxDepth int
	// Limits cap the length of arrays in the top-level object.
	Limits []Limit
	// Tree asks Check to build Doc.Tree.
	Tree bool
	// Spans names an array member of the top-level object (such as
	// "measures") whose items Check leaves out of Doc.Tree (the array is
	// empty there) and records in Doc.Spans instead, so that a caller can
	// build and drop their trees one at a time with Value. Its items are
	// checked all the same.
	Spans string
	// OnSpan, if set, is called with each item of the Spans array as soon
	// as it has been checked, with its index, on the goroutine of Check:
	// a caller can work on the items while the rest of the document is
	// read. The document may still turn out unreadable further on (Check
	// then returns a nil *Doc).
	OnSpan func(i int, sp Span)
	// MaxProblems is the most problems Check lists; the rest are counted
	// in one diag.More problem. 0 means diag.MaxProblems.
	MaxProblems int
	// Number makes a number of the tree from its literal; nil makes a
	// float64. A JSON Schema validator that wants exact numbers passes
	// func(s string) any { return json.Number(s) }, so that this package
	// (linked into the widget) does not link encoding/json.
	Number func(literal string) any
}

// Span is where a value is in Doc.Text: Text[Start:End].
type Span struct{ Start, End int }

// Doc is a document that passed Check well enough to be decoded: it may
// still carry problems that do not stop reading (a byte order mark, invalid
// UTF-8, duplicate member names).
type Doc struct {
	// Text is the document without its byte order mark.
	Text []byte
	// Tree is the document as plain values (map[string]any, []any,
	// numbers as Options.Number makes them, string, bool, nil), built when Options.Tree is set. Of
	// duplicate members the last one counts, as in decoding. A number that
	// Check refuses (rule diag.RuleNumber) is 0 in the tree, so that no
	// later layer reads it.
	Tree any
	// Spans are the items of the Options.Spans array, in order.
	Spans []Span
	// Latin1 is set when the text is Latin-1 or Windows-1252, not UTF-8
	// (reported once, rule diag.RuleEncoding).
	Latin1 bool
}

// Check reads data once and reports what is wrong with its bytes. It returns
// a nil *Doc when the document cannot be read further: it is empty, too
// large, not JSON, nested too deep or has too many items for a Limit. Every
// problem has Pointer, Rule, Line and Column set.
func Check(data []byte, opts Options) (*Doc, diag.List) {
	if opts.MaxSize <= 0 {
		opts.MaxSize = DefaultMaxSize
	}
	if opts.MaxDepth <= 0 {
		opts.MaxDepth = DefaultMaxDepth
	}
	if len(data) > opts.MaxSize {
		return nil, diag.List{{Line: 1, Column: 1, Rule: diag.RuleTooLarge,
			Message: "the file is larger than the limit of " + byteSize(opts.MaxSize)}}
	}
	if opts.MaxProblems <= 0 {
		opts.MaxProblems = diag.MaxProblems
	}
	if msg := utf16Problem(data); msg != "" {
		return nil, diag.List{{Line: 1, Column: 1, Rule: diag.RuleEncoding, Message: msg}}
	}
	s := scanner{opts: opts, tree: opts.Tree, num: opts.Number}
	text := data
	if bytes.HasPrefix(text, bom) {
		text = text[len(bom):]
		s.add(0, "", diag.RuleBOM, diag.Warning, "the file starts with a UTF-8 byte order mark; it was ignored")
	}
	s.lex.text = text
	s.badUTF8 = !utf8.Valid(text)
	latin1 := false
	if s.badUTF8 {
		if off, msg := latin1Problem(text); msg != "" {
			latin1 = true
			s.quietUTF8 = true
			s.add(off, "", diag.RuleEncoding, diag.Error, msg)
		}
	}
	tree, ok := s.root()
	problems := s.finish()
	if !ok {
		return nil, problems
	}
	return &Doc{Text: text, Tree: tree, Spans: s.spans, Latin1: latin1}, problems
}

// number makes a tree's number from its literal, which Check has passed.
func (s *scanner) number(lit string) any {
	if s.num != nil {
		return s.num(lit)
	}
	f, _ := strconv.ParseFloat(lit, 64)
	return f
}

// Value builds the tree of plain values of text, a JSON value that Check
// has passed (such as one of Doc.Spans), as Check builds Doc.Tree; it does
// not report problems. It returns nil for text that is not JSON.
func Value(text []byte) any {
	var b Builder
	return b.Value(text)
}

// Builder builds trees as Value does, one after the other, for a goroutine
// that builds, uses and drops the trees of many values (such as a
// portfolio's measures): it shares its interned strings (member names,
// enum values, ids), and the boxed values made of them, between the trees,
// and recycles the maps and slices of a tree for the next one. A tree is
// therefore valid only until the next call of Value on the same Builder.
// A Builder is not safe for concurrent use.
type Builder struct {
	// Number makes a number of the tree from its literal; nil makes a float64.
	Number func(literal string) any

	strs  map[string]string
	boxed map[string]any // interned strings and numbers as tree values
	buf   []byte
	stack []frame // the lexer's stack, kept for the next tree

	maps  []map[string]any // every map made, to be cleared and reused
	nmaps int              // how many of maps the current tree uses
	items []any            // the items of the arrays being built, a stack
	arena []any            // where finished arrays' items are kept
	used  int              // how much of arena the current tree uses
}

// Value is the package's Value, with b's interned strings and recycled
// maps and slices: the tree it returns is valid until the next call of
// Value or Reset.
func (b *Builder) Value(text []byte) any {
	b.Reset()
	return b.Add(text)
}

// Reset ends the trees built so far, so that their maps and arrays are
// recycled for the next ones.
func (b *Builder) Reset() {
	for _, m := range b.maps[:b.nmaps] {
		clear(m)
	}
	b.nmaps = 0
	clear(b.arena[:b.used])
	b.used = 0
}

// Add builds the tree of text as Value does, but keeps the trees built
// since the last Reset (or Value) valid: it lets a goroutine hold several
// trees at once, such as a chunk of measures to be validated together.
func (b *Builder) Add(text []byte) any {
	s := scanner{opts: Options{Tree: true, MaxDepth: maxNesting, MaxProblems: 1}, tree: true, quiet: true,
		strs: b.strs, buf: b.buf, num: b.Number, b: b}
	s.lex.text = text
	if largeFiles {
		s.lex.stack = b.stack[:0]
	}
	s.badUTF8 = !utf8.Valid(text)
	v, ok := s.value(0, -1)
	b.strs, b.buf = s.strs, s.buf
	if largeFiles {
		b.stack = s.lex.stack
	}
	b.items = b.items[:0]
	if !ok || s.lex.failed {
		return nil
	}
	return v
}

// newMap returns an empty map, a recycled one if there is one.
func (b *Builder) newMap() map[string]any {
	if b.nmaps < len(b.maps) {
		b.nmaps++
		return b.maps[b.nmaps-1]
	}
	m := make(map[string]any)
	if len(b.maps) < maxRecycled {
		b.maps = append(b.maps, m)
		b.nmaps++
	}
	return m
}

// array returns items as an array of the tree, kept in b's arena.
func (b *Builder) array(items []any) []any {
	n := len(items)
	if b.arena == nil || b.used+n > len(b.arena) {
		if n > maxRecycled {
			return append([]any{}, items...)
		}
		// A new arena; the arrays in the old one stay valid.
		b.arena = make([]any, max(2*len(b.arena), 256, 2*n))
		b.used = 0
	}
	a := b.arena[b.used : b.used+n : b.used+n]
	copy(a, items)
	b.used += n
	return a
}

// box returns the tree value of a string or number literal that can be
// interned, the same one each time.
func (b *Builder) box(raw []byte, number bool, mk func(string) any) any {
	if v, ok := b.boxed[string(raw)]; ok {
		if _, isString := v.(string); isString != number {
			return v
		}
	}
	v := mk(string(raw))
	if b.boxed == nil {
		b.boxed = make(map[string]any, 256)
	}
	if len(b.boxed) < maxInterned {
		b.boxed[string(raw)] = v
	}
	return v
}

// maxRecycled is the most maps a Builder keeps for reuse, and the longest
// array it keeps in its arena.
const maxRecycled = 4096

type scanner struct {
	lex      lexer
	opts     Options
	problems diag.List
	offsets  []int                 // offsets[i] is where problems[i] is, in the text
	badUTF8  bool                  // the text has invalid UTF-8 somewhere
	names    []map[string]struct{} // spare name sets when no tree is built
	strs     map[string]string     // interned short strings: member names, ids, enum values, dates
	buf      []byte

	tree      bool             // build the tree of the value being read
	num       func(string) any // makes a number of the tree (Options.Number)
	spans     []Span           // the items of Options.Spans
	more      int              // problems not listed, over Options.MaxProblems
	quiet     bool             // record no problems (Value)
	quietUTF8 bool             // the text is Latin-1, reported once: no problem per string
	b         *Builder         // recycles maps and slices, boxes values (Builder.Value)
}

// Interning: strings up to maxIntern bytes, at most maxInterned of them.
const (
	maxIntern   = 24
	maxInterned = 4096
)

// str is the text of a string's or number's raw content. Short ones
// without escapes are interned: a document repeats its member names, ids,
// enum values and dates many times, and each string allocated is work for
// the garbage collector.
func (s *scanner) str(raw []byte, escaped bool) string {
	switch {
	case s.badUTF8 && !utf8.Valid(raw):
		s.buf = unquote(s.buf[:0], raw)
		return string(bytes.ToValidUTF8(s.buf, []byte("\uFFFD")))
	case escaped:
		s.buf = unquote(s.buf[:0], raw)
		return string(s.buf)
	case len(raw) > maxIntern:
		return string(raw)
	}
	return intern(&s.strs, raw)
}

func boxString(s string) any { return s }

// recycle reports whether the scanner builds its tree with a Builder's
// recycled maps and arrays and boxed values (never in the widget).
func (s *scanner) recycle() bool { return largeFiles && s.b != nil }

// intern returns raw as a string, the same string for the same bytes, up
// to maxInterned of them.
func intern(strs *map[string]string, raw []byte) string {
	if v, ok := (*strs)[string(raw)]; ok {
		return v
	}
	v := string(raw)
	if *strs == nil {
		*strs = make(map[string]string, 256)
	}
	if len(*strs) < maxInterned {
		(*strs)[v] = v
	}
	return v
}

func (s *scanner) add(off int, ptr string, rule diag.Rule, sev diag.Severity, msg string) {
	switch {
	case s.quiet:
		return
	case len(s.problems) >= s.opts.MaxProblems && rule != diag.RuleSyntax:
		s.more++
		return
	}
	s.problems = append(s.problems, diag.Problem{Pointer: ptr, Rule: rule, Severity: sev, Message: msg})
	s.offsets = append(s.offsets, off)
}

// finish fills Line and Column of the problems from their offsets.
func (s *scanner) finish() diag.List {
	if len(s.problems) == 0 {
		return nil
	}
	idx := newLineIndex(s.lex.text)
	for i := range s.problems {
		s.problems[i].Line, s.problems[i].Column = idx.position(s.offsets[i])
	}
	if s.more > 0 {
		s.problems = append(s.problems, diag.More(s.more))
	}
	return s.problems
}

// root reads the top-level value and makes sure nothing follows it.
func (s *scanner) root() (any, bool) {
	l := &s.lex
	if !l.more() {
		s.add(0, "", diag.RuleEmpty, diag.Error, "the file is empty")
		return nil, false
	}
	v, ok := s.value(0, -1)
	if ok && l.more() {
		s.add(l.pos, "", diag.RuleSyntax, diag.Error, afterEnd)
		return nil, false
	}
	if l.failed {
		s.add(l.errOff, l.errPtr, diag.RuleSyntax, diag.Error, l.errMsg)
		return nil, false
	}
	return v, ok
}

// value reads one value; max limits its items if it is an array (-1: no
// limit). It returns false when reading cannot go on.
func (s *scanner) value(depth, max int) (any, bool) {
	l := &s.lex
	switch c := l.peek(); c {
	case '{', '[':
		if depth+1 > s.opts.MaxDepth {
			s.add(l.pos, l.pointer(), diag.RuleTooDeep, diag.Error,
				"nested deeper than the limit of "+strconv.Itoa(s.opts.MaxDepth)+" levels")
			return nil, false
		}
		if c == '{' {
			return s.object(depth + 1)
		}
		return s.array(depth+1, max)
	case '"':
		start := l.pos
		raw, escaped, ok := l.str()
		if !ok {
			return nil, false
		}
		s.checkUTF8(start+1, raw)
		if !s.tree {
			return nil, true
		}
		if s.recycle() && !escaped && len(raw) <= maxIntern && !s.badUTF8 {
			return s.b.box(raw, false, boxString), true
		}
		return s.str(raw, escaped), true
	case 't', 'f', 'n':
		if !l.literal() {
			return nil, false
		}
		switch c {
		case 't':
			return true, true
		case 'f':
			return false, true
		}
		return nil, true
	default:
		if c == '-' || '0' <= c && c <= '9' {
			start := l.pos
			raw, ok := l.number()
			if !ok {
				return nil, false
			}
			if msg := numberProblem(raw); msg != "" {
				s.add(start, l.pointer(), diag.RuleNumber, diag.Error, msg)
				raw = zero
			}
			if !s.tree {
				return nil, true
			}
			if s.recycle() && len(raw) <= maxIntern {
				return s.b.box(raw, true, s.number), true
			}
			return s.number(s.str(raw, false)), true
		}
		l.failAt(value)
		return nil, false
	}
}

func (s *scanner) object(depth int) (any, bool) {
	l := &s.lex
	var m map[string]any
	var names map[string]struct{}
	switch {
	case s.recycle():
		m = s.b.newMap()
	case s.tree:
		m = make(map[string]any)
	default:
		names = s.nameSet()
		defer s.putNameSet(names)
	}
	l.open(false)
	for l.member() {
		f := l.top()
		name := s.str(f.name, f.escaped)
		s.checkUTF8(f.nameOff+1, f.name)
		var dup bool
		switch {
		case s.quiet:
			// Builder.Value: the bytes were checked; a duplicate is
			// overwritten, as it is when reported.
		case m != nil:
			_, dup = m[name]
		default:
			_, dup = names[name]
			names[name] = struct{}{}
		}
		if dup {
			s.add(f.nameOff, l.pointer(), diag.RuleDuplicateKey, diag.Error,
				"duplicate member "+quoteCut([]byte(name))+" in one object")
		}
		max := -1
		if depth == 1 {
			for _, lim := range s.opts.Limits {
				if lim.Member == name {
					max = lim.Max
				}
			}
		}
		var v any
		ok := true
		if depth == 1 && s.opts.Spans != "" && name == s.opts.Spans && l.peek() == '[' {
			v, ok = s.spanItems(depth, max)
		} else {
			v, ok = s.value(depth, max)
		}
		if !ok {
			return nil, false
		}
		if m != nil {
			m[name] = v
		}
	}
	if l.failed || m == nil {
		return nil, !l.failed
	}
	return m, true
}

func (s *scanner) array(depth, max int) (any, bool) {
	l := &s.lex
	var a []any
	mark := 0
	switch {
	case s.recycle():
		mark = len(s.b.items)
	case s.tree:
		a = []any{}
	}
	l.open(true)
	for l.item() {
		if f := l.top(); f.n-1 == max {
			f.in = false
			s.add(l.pos, l.pointer(), diag.RuleTooMany, diag.Error,
				"more than "+strconv.Itoa(max)+" items, the limit")
			return nil, false
		}
		v, ok := s.value(depth, -1)
		if !ok {
			return nil, false
		}
		switch {
		case s.recycle():
			s.b.items = append(s.b.items, v)
		case a != nil:
			a = append(a, v)
		}
	}
	if s.recycle() && s.tree && !l.failed {
		a = s.b.array(s.b.items[mark:])
		clear(s.b.items[mark:])
		s.b.items = s.b.items[:mark]
	}
	if l.failed || a == nil {
		return nil, !l.failed
	}
	return a, true
}

// spanItems reads the array of Options.Spans: it checks its items
// without building their trees and records where each one is. In the tree
// the array is empty.
func (s *scanner) spanItems(depth, max int) (any, bool) {
	if depth+1 > s.opts.MaxDepth {
		return s.value(depth, max) // reports it
	}
	l := &s.lex
	tree := s.tree
	s.tree = false
	defer func() { s.tree = tree }()
	l.open(true)
	for l.item() {
		if f := l.top(); f.n-1 == max {
			f.in = false
			s.add(l.pos, l.pointer(), diag.RuleTooMany, diag.Error,
				"more than "+strconv.Itoa(max)+" items, the limit")
			return nil, false
		}
		l.peek()
		start := l.pos
		if _, ok := s.value(depth+1, -1); !ok {
			return nil, false
		}
		s.spans = append(s.spans, Span{start, l.pos})
		if largeFiles && s.opts.OnSpan != nil {
			s.opts.OnSpan(len(s.spans)-1, Span{start, l.pos})
		}
	}
	if l.failed {
		return nil, false
	}
	if tree {
		return []any{}, true
	}
	return nil, true
}

// checkUTF8 reports invalid UTF-8 in the content raw of a string that
// starts at off. It costs nothing unless the text has invalid UTF-8.
func (s *scanner) checkUTF8(off int, raw []byte) {
	if !s.badUTF8 || s.quietUTF8 || utf8.Valid(raw) {
		return
	}
	s.add(off+firstInvalidUTF8(raw), s.lex.pointer(), diag.RuleUTF8, diag.Error, "invalid UTF-8 in a string")
}

func (s *scanner) nameSet() map[string]struct{} {
	if n := len(s.names); n > 0 {
		m := s.names[n-1]
		s.names = s.names[:n-1]
		return m
	}
	return make(map[string]struct{})
}

func (s *scanner) putNameSet(m map[string]struct{}) {
	clear(m)
	s.names = append(s.names, m)
}

// firstInvalidUTF8 is the offset of the first byte of b that is not valid UTF-8, or -1.
func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

func byteSize(n int) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return strconv.Itoa(n>>20) + " MiB"
	}
	return strconv.Itoa(n) + " bytes"
}
