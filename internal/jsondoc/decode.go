package jsondoc

import (
	"encoding"
	"errors"
	"fmt"
	"reflect"
	"sync"

	"github.com/bl-digital/kompass/diag"
	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// strict are the options of every strict decode: unknown members are
// errors; duplicate names and invalid UTF-8 are not, because Check reports
// them already and decoding should still yield a value to check further.
var strict = json.JoinOptions(
	json.RejectUnknownMembers(true),
	jsontext.AllowDuplicateNames(true),
	jsontext.AllowInvalidUTF8(true),
)

// Isolator makes decoding go on past a bad value of one type; see Isolate.
type Isolator func(*collector) *json.Unmarshalers

// Isolate returns an Isolator for values of type T: a value of type T that
// fails to decode is reported as a problem, and decoding goes on with the
// next value, so that a list of T yields one problem per bad element rather
// than one for the whole document. Values nested inside a T are not isolated
// again.
func Isolate[T any]() Isolator {
	return func(c *collector) *json.Unmarshalers {
		return json.UnmarshalFromFunc(func(dec *jsontext.Decoder, v *T) error {
			val, err := dec.ReadValue()
			if err != nil {
				return err
			}
			end := int(dec.InputOffset())
			ptr := string(dec.StackPointer())
			if err := json.Unmarshal(val, v, strict); err != nil {
				c.add(err, ptr, end-len(val))
			}
			return nil
		})
	}
}

type collector struct {
	mu       sync.Mutex
	problems diag.List
	offsets  []int
}

func (c *collector) add(err error, prefix string, base int) {
	p, off := problemOf(err, prefix, base)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.problems = append(c.problems, p)
	c.offsets = append(c.offsets, off)
}

// Unmarshal decodes text strictly into v: members v's types do not know,
// values of the wrong JSON type and values their UnmarshalText methods
// reject become problems with pointer, line and column (rules
// "unknown-property", "type", "value"). Without isolators decoding stops at
// the first problem; see Isolate. Text should have passed Check: syntax
// errors are reported, but only the first.
func Unmarshal(text []byte, v any, isolate ...Isolator) diag.List {
	c := &collector{}
	opts := strict
	if len(isolate) > 0 {
		us := make([]*json.Unmarshalers, len(isolate))
		for i, f := range isolate {
			us[i] = f(c)
		}
		opts = json.JoinOptions(strict, json.WithUnmarshalers(json.JoinUnmarshalers(us...)))
	}
	if err := json.Unmarshal(text, v, opts); err != nil {
		c.add(err, "", 0)
	}
	if len(c.problems) == 0 {
		return nil
	}
	idx := newLineIndex(text)
	for i := range c.problems {
		c.problems[i].Line, c.problems[i].Column = idx.position(c.offsets[i])
	}
	return c.problems
}

// problemOf turns a decoding error at a value that starts at offset base
// and has the JSON pointer prefix into a problem and the offset it is at.
func problemOf(err error, prefix string, base int) (diag.Problem, int) {
	var serr *json.SemanticError
	if errors.As(err, &serr) {
		p := diag.Problem{Pointer: prefix + string(serr.JSONPointer)}
		off := base + int(serr.ByteOffset)
		want, got := jsonType(serr.GoType), kindName(serr.JSONKind)
		switch {
		case errors.Is(serr.Err, json.ErrUnknownName):
			p.Rule = "unknown-property"
			p.Message = fmt.Sprintf("unknown property %q", serr.JSONPointer.LastToken())
		case serr.JSONKind == '0' && serr.JSONValue != nil && isInteger(serr.GoType):
			p.Rule = "type"
			p.Message = fmt.Sprintf("expected integer, but got %s", serr.JSONValue)
		case serr.JSONKind != 0 && want != "another type" && want != got && (want != "integer" || got != "number"):
			p.Rule = "type"
			p.Message = fmt.Sprintf("expected %s, but got %s", want, got)
		case serr.Err != nil:
			p.Rule = "value"
			p.Message = serr.Err.Error()
		default:
			p.Rule = "type"
			p.Message = fmt.Sprintf("expected %s, but got %s", want, got)
		}
		return p, off
	}
	var synErr *jsontext.SyntacticError
	if errors.As(err, &synErr) {
		msg := "syntax error"
		if synErr.Err != nil {
			msg = synErr.Err.Error()
		}
		return diag.Problem{Pointer: prefix + string(synErr.JSONPointer), Rule: "syntax", Message: msg},
			base + int(synErr.ByteOffset)
	}
	return diag.Problem{Pointer: prefix, Rule: "value", Message: err.Error()}, base
}

var textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()

func isInteger(t reflect.Type) bool {
	if t == nil {
		return false
	}
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return true
	}
	return false
}

// jsonType names the JSON type a Go type decodes from.
func jsonType(t reflect.Type) string {
	if t == nil {
		return "another type"
	}
	if reflect.PointerTo(t).Implements(textUnmarshaler) {
		return "string"
	}
	switch t.Kind() {
	case reflect.Pointer:
		return jsonType(t.Elem())
	case reflect.Struct, reflect.Map:
		return "object"
	case reflect.Slice, reflect.Array:
		return "array"
	case reflect.String:
		return "string"
	case reflect.Bool:
		return "boolean"
	case reflect.Float32, reflect.Float64:
		return "number"
	}
	if isInteger(t) {
		return "integer"
	}
	return "another type"
}

// kindName names a JSON kind as JSON Schema does.
func kindName(k jsontext.Kind) string {
	switch k {
	case 'n':
		return "null"
	case 't', 'f':
		return "boolean"
	case '"':
		return "string"
	case '0':
		return "number"
	case '{', '}':
		return "object"
	case '[', ']':
		return "array"
	}
	return "something else"
}
