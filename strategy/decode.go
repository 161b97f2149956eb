package strategy

import (
	"io"

	"github.com/bl-digital/kompass/diag"
	"github.com/bl-digital/kompass/internal/jsondoc"
)

// Decode reads a strategy file from r: it checks the bytes (size, encoding,
// syntax, duplicate member names, nesting), decodes strictly (unknown
// members, wrong types, bad ids' enums and dates are errors) and runs
// Validate. On failure the error is a diag.List of every problem found, with
// JSON pointers, lines and columns, and the Strategy is nil. Warnings alone
// (a byte order mark) do not fail. Decode does not apply the JSON Schema;
// package schema does.
func Decode(r io.Reader) (*Strategy, error) {
	data, err := jsondoc.Read(r, 0)
	if err != nil {
		return nil, err
	}
	return DecodeBytes(data)
}

// DecodeBytes is Decode for a file already in memory.
func DecodeBytes(data []byte) (*Strategy, error) {
	doc, l := jsondoc.Check(data, jsondoc.Options{})
	if doc != nil {
		s, ul := Unmarshal(doc.Text)
		l = append(l, ul...)
		if s != nil {
			vl := s.Validate()
			jsondoc.Locate(data, vl)
			l = append(l, vl...)
			if !l.HasErrors() {
				return s, nil
			}
		}
	}
	l.Sort()
	return nil, l
}

// Unmarshal decodes text strictly into a Strategy, without the byte checks
// and semantic checks of Decode: for callers that checked the bytes
// themselves, as package schema does. It reports a problem for each bad
// maxim, goal and glossary entry, with pointers and positions in text, and
// returns a nil Strategy when there is any.
func Unmarshal(text []byte) (*Strategy, diag.List) {
	var s Strategy
	l := jsondoc.Unmarshal(text, &s,
		jsondoc.Isolate[Maxim](), jsondoc.Isolate[Goal](), jsondoc.Isolate[GlossaryEntry]())
	if len(l) > 0 {
		return nil, l
	}
	return &s, nil
}
