package schema

import (
	"bytes"

	"github.com/bl-digital/kompass/strategy"
	"github.com/go-json-experiment/json/jsontext"
)

// Kind is the kind of a Kompass data file.
type Kind int

const (
	Unknown   Kind = iota // neither: no top-level "focusAreas" or "measures"
	Strategy              // a strategy file: it has "focusAreas"
	Portfolio             // a portfolio file: it has "measures"
)

func (k Kind) String() string {
	switch k {
	case Strategy:
		return "strategy"
	case Portfolio:
		return "portfolio"
	}
	return "unknown"
}

// Detect tells a strategy file from a portfolio file by its content: a
// top-level "measures" member makes a portfolio, else a "focusAreas" member
// a strategy. For a portfolio it also returns the id of the strategy it
// names in "strategy" (or "" if none). It reads only the top level, skipping
// what is below, stops as soon as it knows both, and tells what it could
// from a broken file.
func Detect(data []byte) (Kind, strategy.ID) {
	dec := jsontext.NewDecoder(bytes.NewBuffer(bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))),
		jsontext.AllowDuplicateNames(true), jsontext.AllowInvalidUTF8(true))
	var hasMeasures, hasFocusAreas bool
	var ref strategy.ID
	if tok, err := dec.ReadToken(); err == nil && tok.Kind() == '{' {
		for dec.PeekKind() == '"' {
			name, err := dec.ReadToken()
			if err != nil {
				break
			}
			switch name.String() {
			case "measures":
				hasMeasures = true
				if ref != "" {
					// All that is wanted is known: no need to read
					// the measures, the bulk of the file.
					return Portfolio, ref
				}
			case "focusAreas":
				hasFocusAreas = true
			case "strategy":
				if dec.PeekKind() == '"' {
					v, err := dec.ReadToken()
					if err != nil {
						break
					}
					ref = strategy.ID(v.String())
					continue
				}
			}
			if dec.SkipValue() != nil {
				break
			}
		}
	}
	switch {
	case hasMeasures:
		return Portfolio, ref
	case hasFocusAreas:
		return Strategy, ""
	}
	return Unknown, ""
}
