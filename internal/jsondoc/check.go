package jsondoc

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/bl-digital/kompass/diag"
	"github.com/go-json-experiment/json/jsontext"
)

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
}

// Doc is a document that passed Check well enough to be decoded: it may
// still carry problems that do not stop reading (a byte order mark, invalid
// UTF-8, duplicate member names).
type Doc struct {
	// Text is the document without its byte order mark.
	Text []byte
	// Tree is the document as plain values (map[string]any, []any,
	// json.Number, string, bool, nil), built when Options.Tree is set. Of
	// duplicate members the last one counts, as in decoding.
	Tree any
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
		return nil, diag.List{{Line: 1, Column: 1, Rule: "too-large",
			Message: fmt.Sprintf("the file is larger than the limit of %s", byteSize(opts.MaxSize))}}
	}
	s := scanner{opts: opts, badUTF8: -1}
	text := data
	if bytes.HasPrefix(text, bom) {
		text = text[len(bom):]
		s.add(0, "", "bom", diag.Warning, "the file starts with a UTF-8 byte order mark; it was ignored")
	}
	s.text = text
	decOpts := []jsontext.Options{jsontext.AllowDuplicateNames(true)}
	if !utf8.Valid(text) {
		s.badUTF8 = firstInvalidUTF8(text)
		decOpts = append(decOpts, jsontext.AllowInvalidUTF8(true))
	}
	s.dec = jsontext.NewDecoder(bytes.NewBuffer(text), decOpts...)
	tree, err := s.root()
	if err == nil && s.badUTF8 >= 0 && !s.utf8Reported {
		// The invalid byte is outside any string, where it should have
		// been a syntax error; report it all the same.
		s.add(s.badUTF8, "", "utf8", diag.Error, "invalid UTF-8")
	}
	problems := s.finish()
	if err != nil {
		return nil, problems
	}
	return &Doc{Text: text, Tree: tree}, problems
}

// errStop ends a scan after a problem that makes reading further pointless.
var errStop = errors.New("stop")

type scanner struct {
	text         []byte
	dec          *jsontext.Decoder
	opts         Options
	problems     diag.List
	offsets      []int // offsets[i] is where problems[i] is, in text
	badUTF8      int   // offset of the first invalid UTF-8 byte, or -1
	utf8Reported bool
	names        []map[string]struct{} // spare name sets when no tree is built
	strs         map[string]string     // interned short strings: member names, ids, enum values, dates
}

// Interning: strings up to maxIntern bytes, at most maxInterned of them.
const (
	maxIntern   = 24
	maxInterned = 4096
)

// str is the text of a string or number token that was read after offset
// before. Short ones without escapes are interned: a document repeats its
// member names, ids, enum values and dates many times, and each string
// allocated is work for the garbage collector.
func (s *scanner) str(tok jsontext.Token, before int) string {
	raw := s.text[start(s.text, before):s.dec.InputOffset()]
	if len(raw) > 0 && raw[0] == '"' {
		raw = raw[1 : len(raw)-1]
	}
	if len(raw) > maxIntern || bytes.IndexByte(raw, '\\') >= 0 || s.badUTF8 >= 0 {
		return tok.String()
	}
	if v, ok := s.strs[string(raw)]; ok {
		return v
	}
	v := string(raw)
	if s.strs == nil {
		s.strs = make(map[string]string, 256)
	}
	if len(s.strs) < maxInterned {
		s.strs[v] = v
	}
	return v
}

func (s *scanner) add(off int, ptr, rule string, sev diag.Severity, msg string) {
	s.problems = append(s.problems, diag.Problem{Pointer: ptr, Rule: rule, Severity: sev, Message: msg})
	s.offsets = append(s.offsets, off)
}

// finish fills Line and Column of the problems from their offsets.
func (s *scanner) finish() diag.List {
	if len(s.problems) == 0 {
		return nil
	}
	idx := newLineIndex(s.text)
	for i := range s.problems {
		s.problems[i].Line, s.problems[i].Column = idx.position(s.offsets[i])
	}
	return s.problems
}

func (s *scanner) root() (any, error) {
	before := int(s.dec.InputOffset())
	v, err := s.value(0, -1)
	if err == io.EOF && before == 0 {
		s.add(0, "", "empty", diag.Error, "the file is empty")
		return nil, errStop
	}
	if err != nil {
		return nil, s.fail(err)
	}
	before = int(s.dec.InputOffset())
	if _, err := s.dec.ReadToken(); err != io.EOF {
		if err != nil {
			return nil, s.fail(err)
		}
		s.add(start(s.text, before), "", "syntax", diag.Error, "unexpected data after the top-level value")
		return nil, errStop
	}
	return v, nil
}

// fail turns a decoder error into a problem, unless it was reported already.
func (s *scanner) fail(err error) error {
	if err == errStop {
		return err
	}
	var serr *jsontext.SyntacticError
	if errors.As(err, &serr) {
		msg := "syntax error"
		switch {
		case errors.Is(serr.Err, io.ErrUnexpectedEOF):
			msg = "unexpected end of the file"
		case serr.Err != nil:
			msg = serr.Err.Error()
		}
		off := int(serr.ByteOffset)
		if off == s.badUTF8 {
			s.utf8Reported = true
		}
		s.add(off, string(serr.JSONPointer), "syntax", diag.Error, msg)
		return errStop
	}
	if err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF) {
		s.add(len(s.text), "", "syntax", diag.Error, "unexpected end of the file")
		return errStop
	}
	s.add(int(s.dec.InputOffset()), "", "syntax", diag.Error, err.Error())
	return errStop
}

// value reads one value; max limits its items if it is an array (-1: no limit).
func (s *scanner) value(depth, max int) (any, error) {
	before := int(s.dec.InputOffset())
	tok, err := s.dec.ReadToken()
	if err != nil {
		return nil, err
	}
	switch tok.Kind() {
	case '{', '[':
		if depth+1 > s.opts.MaxDepth {
			s.add(start(s.text, before), string(s.dec.StackPointer()), "too-deep", diag.Error,
				fmt.Sprintf("nested deeper than the limit of %d levels", s.opts.MaxDepth))
			return nil, errStop
		}
		if tok.Kind() == '{' {
			return s.object(depth + 1)
		}
		return s.array(depth+1, max)
	case '"':
		s.checkUTF8(before)
		if !s.opts.Tree {
			return nil, nil
		}
		return s.str(tok, before), nil
	case '0':
		if !s.opts.Tree {
			return nil, nil
		}
		return json.Number(s.str(tok, before)), nil
	case 't':
		return true, nil
	case 'f':
		return false, nil
	}
	return nil, nil // null
}

func (s *scanner) object(depth int) (any, error) {
	var m map[string]any
	var names map[string]struct{}
	if s.opts.Tree {
		m = make(map[string]any)
	} else {
		names = s.nameSet()
		defer s.putNameSet(names)
	}
	for s.dec.PeekKind() != '}' {
		before := int(s.dec.InputOffset())
		tok, err := s.dec.ReadToken()
		if err != nil {
			return nil, err
		}
		name := s.str(tok, before)
		s.checkUTF8(before)
		var dup bool
		if m != nil {
			_, dup = m[name]
		} else {
			_, dup = names[name]
			names[name] = struct{}{}
		}
		if dup {
			s.add(start(s.text, before), string(s.dec.StackPointer()), "duplicate-key", diag.Error,
				fmt.Sprintf("duplicate member %q in one object", name))
		}
		max := -1
		if depth == 1 {
			for _, l := range s.opts.Limits {
				if l.Member == name {
					max = l.Max
				}
			}
		}
		v, err := s.value(depth, max)
		if err != nil {
			return nil, err
		}
		if m != nil {
			m[name] = v
		}
	}
	if _, err := s.dec.ReadToken(); err != nil {
		return nil, err
	}
	if m == nil {
		return nil, nil
	}
	return m, nil
}

func (s *scanner) array(depth, max int) (any, error) {
	var a []any
	if s.opts.Tree {
		a = []any{}
	}
	n := 0
	for s.dec.PeekKind() != ']' {
		if n == max {
			before := int(s.dec.InputOffset())
			ptr := string(s.dec.StackPointer())
			if n > 0 {
				ptr = string(jsontext.Pointer(ptr).Parent())
			}
			s.add(start(s.text, before), ptr, "too-many", diag.Error,
				fmt.Sprintf("more than %d items, the limit", max))
			return nil, errStop
		}
		v, err := s.value(depth, -1)
		if err != nil {
			return nil, err
		}
		if a != nil {
			a = append(a, v)
		}
		n++
	}
	if _, err := s.dec.ReadToken(); err != nil {
		return nil, err
	}
	if a == nil {
		return nil, nil
	}
	return a, nil
}

// checkUTF8 reports invalid UTF-8 in the string token that ends at the
// decoder's offset and starts after before. It costs nothing unless the
// document has invalid UTF-8.
func (s *scanner) checkUTF8(before int) {
	if s.badUTF8 < 0 {
		return
	}
	after := int(s.dec.InputOffset())
	if after <= s.badUTF8 {
		return
	}
	raw := s.text[before:after]
	if utf8.Valid(raw) {
		return
	}
	s.utf8Reported = true
	s.add(before+firstInvalidUTF8(raw), string(s.dec.StackPointer()), "utf8", diag.Error, "invalid UTF-8 in a string")
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

// start skips whitespace and the separators ',' and ':' from off: where the
// next token begins.
func start(text []byte, off int) int {
	for off < len(text) {
		switch text[off] {
		case ' ', '\t', '\r', '\n', ',', ':':
			off++
		default:
			return off
		}
	}
	return off
}

func byteSize(n int) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}
