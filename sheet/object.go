package sheet

import (
	"bytes"
	"encoding/json"
	"math"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// object is a JSON object that keeps its members in insertion order, so
// that the portfolio written reads like one written by hand: id first.
// Values are string, float64, bool, *object, []any or json.RawMessage.
// Its members are a plain list: objects of a portfolio have a few dozen
// members at most, and import builds one per row, where maps cost more
// than they save.
type object struct {
	keys []string
	vals []any // vals[i] is the value of keys[i]
}

func newObject() *object { return &object{} }

// newObjectCap returns an object with room for n members.
func newObjectCap(n int) *object {
	return &object{keys: make([]string, 0, n), vals: make([]any, 0, n)}
}

func (o *object) index(k string) int {
	for i, x := range o.keys {
		if x == k {
			return i
		}
	}
	return -1
}

func (o *object) set(k string, v any) {
	if i := o.index(k); i >= 0 {
		o.vals[i] = v
		return
	}
	o.keys = append(o.keys, k)
	o.vals = append(o.vals, v)
}

func (o *object) get(k string) (any, bool) {
	if i := o.index(k); i >= 0 {
		return o.vals[i], true
	}
	return nil, false
}

func (o *object) remove(k string) {
	if i := o.index(k); i >= 0 {
		o.keys = slices.Delete(o.keys, i, i+1)
		o.vals = slices.Delete(o.vals, i, i+1)
	}
}

// sortKeys orders the members as in order; members it does not name go
// last, in the order they have. It sorts in place by insertion: objects
// are small and read in nearly that order.
func (o *object) sortKeys(order []string) {
	rank := func(k string) int {
		if i := slices.Index(order, k); i >= 0 {
			return i
		}
		return len(order)
	}
	for i := 1; i < len(o.keys); i++ {
		k, v, r := o.keys[i], o.vals[i], rank(o.keys[i])
		j := i
		for j > 0 && rank(o.keys[j-1]) > r {
			o.keys[j], o.vals[j] = o.keys[j-1], o.vals[j-1]
			j--
		}
		o.keys[j], o.vals[j] = k, v
	}
}

// child returns the object member k, creating it when missing.
func (o *object) child(k string) *object {
	i := o.index(k)
	if i >= 0 {
		if v, ok := o.vals[i].(*object); ok {
			return v
		}
	}
	c := newObjectCap(4) // texts have four languages
	o.set(k, c)
	return c
}

// MarshalJSON writes the members in insertion order.
func (o *object) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	if err := writeJSON(&b, o); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func writeJSON(b *bytes.Buffer, v any) error {
	switch v := v.(type) {
	case *object:
		b.WriteByte('{')
		for i, k := range v.keys {
			if i > 0 {
				b.WriteByte(',')
			}
			writeString(b, k)
			b.WriteByte(':')
			if err := writeJSON(b, v.vals[i]); err != nil {
				return err
			}
		}
		b.WriteByte('}')
	case []any:
		b.WriteByte('[')
		for i, e := range v {
			if i > 0 {
				b.WriteByte(',')
			}
			if err := writeJSON(b, e); err != nil {
				return err
			}
		}
		b.WriteByte(']')
	case string:
		writeString(b, v)
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			_, err := json.Marshal(v) // its error
			return err
		}
		b.Write(appendFloat(b.AvailableBuffer(), v))
	case bool:
		b.WriteString(strconv.FormatBool(v))
	case json.RawMessage:
		b.Write(v)
	case nil:
		b.WriteString("null")
	default:
		e, err := json.Marshal(v)
		if err != nil {
			return err
		}
		b.Write(e)
	}
	return nil
}

// appendFloat appends a finite f as encoding/json writes it: the shortest
// text that reads back as f, with an exponent only for very small or
// large numbers.
func appendFloat(b []byte, f float64) []byte {
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// "1e-07" is written "1e-7".
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

// writeIndented writes v as json.Indent(writeJSON(v), "", "  ") does, at
// depth levels of indentation, without the compact copy.
func writeIndented(b *bytes.Buffer, v any, depth int) error {
	newline := func(d int) {
		b.WriteByte('\n')
		for range d {
			b.WriteString("  ")
		}
	}
	switch v := v.(type) {
	case *object:
		if len(v.keys) == 0 {
			b.WriteString("{}")
			return nil
		}
		b.WriteByte('{')
		for i, k := range v.keys {
			if i > 0 {
				b.WriteByte(',')
			}
			newline(depth + 1)
			writeString(b, k)
			b.WriteString(": ")
			if err := writeIndented(b, v.vals[i], depth+1); err != nil {
				return err
			}
		}
		newline(depth)
		b.WriteByte('}')
	case []any:
		if len(v) == 0 {
			b.WriteString("[]")
			return nil
		}
		b.WriteByte('[')
		if err := writeItems(b, v, depth+1); err != nil {
			return err
		}
		newline(depth)
		b.WriteByte(']')
	case string:
		writeString(b, v)
	case bool:
		b.WriteString(strconv.FormatBool(v))
	case nil:
		b.WriteString("null")
	case float64:
		return writeJSON(b, v)
	default: // raw JSON of a base, which may be laid out otherwise
		var raw bytes.Buffer
		if err := writeJSON(&raw, v); err != nil {
			return err
		}
		if err := json.Indent(b, bytes.TrimSpace(raw.Bytes()), strings.Repeat("  ", depth), "  "); err != nil {
			return err
		}
	}
	return nil
}

// writeItems writes the items of a list, each on a new line at depth: a
// long list (a portfolio's measures) in parts on all of GOMAXPROCS.
func writeItems(b *bytes.Buffer, items []any, depth int) error {
	one := func(b *bytes.Buffer, i int) error {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
		for range depth {
			b.WriteString("  ")
		}
		return writeIndented(b, items[i], depth)
	}
	parts := runtime.GOMAXPROCS(0)
	if len(items) < 1024 || parts < 2 {
		for i := range items {
			if err := one(b, i); err != nil {
				return err
			}
		}
		return nil
	}
	// The first part is written into b, the others into buffers of their
	// own, copied after it.
	bufs := make([]bytes.Buffer, parts)
	size := b.Available()/parts + 4096
	errs := make([]error, parts)
	var wg sync.WaitGroup
	for p := range parts {
		wg.Go(func() {
			lo, hi := p*len(items)/parts, (p+1)*len(items)/parts
			out := b
			if p > 0 {
				out = &bufs[p]
				out.Grow(size)
			}
			for i := lo; i < hi && errs[p] == nil; i++ {
				errs[p] = one(out, i)
			}
		})
	}
	wg.Wait()
	for p := range parts {
		if errs[p] != nil {
			return errs[p]
		}
		if p > 0 {
			b.Write(bufs[p].Bytes())
		}
	}
	return nil
}

func writeString(b *bytes.Buffer, s string) {
	plain := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == '"' || c == '\\' {
			plain = false
			break
		}
	}
	if plain && utf8.ValidString(s) {
		b.WriteByte('"')
		b.WriteString(s)
		b.WriteByte('"')
		return
	}
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	b.Truncate(b.Len() - 1)
}
