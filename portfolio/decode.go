package portfolio

import (
	"io"

	"github.com/bl-digital/kompass/diag"
	"github.com/bl-digital/kompass/internal/jsondoc"
)

// MaxMeasures is the most measures a portfolio file may hold.
const MaxMeasures = 100_000

// checkLimits caps the measures of a portfolio file.
// size and nesting limits and at most MaxMeasures measures.
var checkLimits = []jsondoc.Limit{{Member: "measures", Max: MaxMeasures}}

// Decode reads a portfolio file from r: it checks the bytes (size, encoding,
// syntax, duplicate member names, nesting, at most MaxMeasures measures) and
// decodes strictly (unknown members, wrong types, bad enum values and dates
// are errors, one per bad measure or organisation). On failure the error is
// a diag.List of every problem found, with JSON pointers, lines and columns,
// and the Portfolio is nil. Warnings alone (a byte order mark) do not fail.
//
// Decode does not run Validate, which needs the portfolio's strategy, nor
// the JSON Schema, which package schema applies.
func Decode(r io.Reader) (*Portfolio, error) {
	data, err := jsondoc.Read(r, 0)
	if err != nil {
		return nil, err
	}
	return DecodeBytes(data)
}

// DecodeBytes is Decode for a file already in memory.
func DecodeBytes(data []byte) (*Portfolio, error) {
	doc, l := jsondoc.Check(data, CheckOptions(false))
	if doc != nil {
		p, ul := Unmarshal(doc.Text)
		l = append(l, ul...)
		if p != nil && !l.HasErrors() {
			return p, nil
		}
	}
	l.Sort()
	return nil, l
}

// CheckOptions are the byte-level checks of a portfolio file for
// internal/jsondoc: default limits and at most MaxMeasures measures; tree
// asks for the document's tree of plain values as well.
func CheckOptions(tree bool) jsondoc.Options {
	return jsondoc.Options{Limits: checkLimits, Tree: tree}
}

// Unmarshal decodes text strictly into a Portfolio, without the byte checks
// of Decode: for callers that checked the bytes themselves, as package
// schema does. It reports a problem for each bad measure and organisation,
// with pointers and positions in text, and returns a nil Portfolio when
// there is any.
func Unmarshal(text []byte) (*Portfolio, diag.List) {
	var p Portfolio
	l := jsondoc.Unmarshal(text, &p, jsondoc.Isolate[Measure](), jsondoc.Isolate[Organisation]())
	if len(l) > 0 {
		return nil, l
	}
	return &p, nil
}
