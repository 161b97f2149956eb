package sheet

import (
	"bytes"
	"encoding/json"
	"strconv"
	"unicode/utf8"
)

// object is a JSON object that keeps its members in insertion order, so
// that the portfolio written reads like one written by hand: id first.
// Values are string, float64, bool, *object, []any or json.RawMessage.
type object struct {
	keys []string
	vals map[string]any
}

func newObject() *object { return &object{vals: map[string]any{}} }

func (o *object) set(k string, v any) {
	if _, ok := o.vals[k]; !ok {
		o.keys = append(o.keys, k)
	}
	o.vals[k] = v
}

func (o *object) get(k string) (any, bool) {
	v, ok := o.vals[k]
	return v, ok
}

// child returns the object member k, creating it when missing.
func (o *object) child(k string) *object {
	if v, ok := o.vals[k].(*object); ok {
		return v
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
			if err := writeJSON(b, v.vals[k]); err != nil {
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
