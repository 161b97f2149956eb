package sheet

import (
	"bytes"
	"encoding/json"
	"slices"
	"strconv"
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
// last, in the order they have.
func (o *object) sortKeys(order []string) {
	rank := func(k string) int {
		if i := slices.Index(order, k); i >= 0 {
			return i
		}
		return len(order)
	}
	idx := make([]int, len(o.keys))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return rank(o.keys[a]) - rank(o.keys[b]) })
	keys := make([]string, len(idx))
	vals := make([]any, len(idx))
	for i, j := range idx {
		keys[i], vals[i] = o.keys[j], o.vals[j]
	}
	o.keys, o.vals = keys, vals
}

// child returns the object member k, creating it when missing.
func (o *object) child(k string) *object {
	i := o.index(k)
	if i >= 0 {
		if v, ok := o.vals[i].(*object); ok {
			return v
		}
	}
	c := newObject()
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
		// encoding/json's float format: shortest round-trip text.
		e, err := json.Marshal(v)
		if err != nil {
			return err
		}
		b.Write(e)
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
