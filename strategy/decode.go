package strategy

import (
	"io"

	"github.com/bl-digital/kompass/diag"
	"github.com/bl-digital/kompass/internal/enum"
	"github.com/bl-digital/kompass/internal/jsondoc"
)

// Decode reads a strategy file from r: it checks the bytes (size, encoding,
// syntax, duplicate member names, nesting), decodes strictly (unknown
// members, wrong types, bad enum values and dates are errors) and runs
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
// themselves, as package schema does. It reports every unknown member,
// value of the wrong JSON type and bad id, enum value or date, with
// pointers and positions in text, and returns a nil Strategy when there is
// any.
//
// The decoder is written out by hand, without reflection, to keep the
// WebAssembly widget small; a test checks that it decodes exactly as
// encoding/json/v2 does with unknown members rejected.
func Unmarshal(text []byte) (*Strategy, diag.List) {
	r := jsondoc.NewReader(text)
	s := readStrategy(r)
	r.End()
	if l := r.Problems(); len(l) > 0 {
		return nil, l
	}
	return &s, nil
}

func readStrategy(r *jsondoc.Reader) (s Strategy) {
	r.Object(func(name []byte) {
		switch string(name) {
		case "$schema":
			s.Schema = r.String()
		case "id":
			s.ID = readID(r)
		case "title":
			s.Title = r.StringMap()
		case "issuer":
			s.Issuer = r.StringMap()
		case "adopted":
			s.Adopted = readDate(r)
		case "period":
			s.Period = readPeriod(r)
		case "vision":
			s.Vision = r.StringMap()
		case "maxims":
			s.Maxims = jsondoc.List(r, readMaxim)
		case "focusAreas":
			s.FocusAreas = jsondoc.List(r, readFocusArea)
		case "glossary":
			s.Glossary = jsondoc.List(r, readGlossaryEntry)
		case "extensions":
			s.Extensions = r.Map()
		default:
			r.Unknown()
		}
	})
	return s
}

func readPeriod(r *jsondoc.Reader) (p Period) {
	r.Object(func(name []byte) {
		switch string(name) {
		case "start":
			p.Start = r.Int()
		case "end":
			p.End = r.Int()
		default:
			r.Unknown()
		}
	})
	return p
}

func readMaxim(r *jsondoc.Reader) (m Maxim) {
	r.Object(func(name []byte) {
		switch string(name) {
		case "id":
			m.ID = readID(r)
		case "title":
			m.Title = r.StringMap()
		case "text":
			m.Text = r.StringMap()
		case "extensions":
			m.Extensions = r.Map()
		default:
			r.Unknown()
		}
	})
	return m
}

func readFocusArea(r *jsondoc.Reader) (fa FocusArea) {
	r.Object(func(name []byte) {
		switch string(name) {
		case "id":
			fa.ID = readID(r)
		case "title":
			fa.Title = r.StringMap()
		case "motto":
			fa.Motto = r.StringMap()
		case "benefits":
			fa.Benefits = jsondoc.List(r, readText)
		case "goals":
			fa.Goals = jsondoc.List(r, readGoal)
		case "extensions":
			fa.Extensions = r.Map()
		default:
			r.Unknown()
		}
	})
	return fa
}

func readGoal(r *jsondoc.Reader) (g Goal) {
	r.Object(func(name []byte) {
		switch string(name) {
		case "id":
			g.ID = readID(r)
		case "title":
			g.Title = r.StringMap()
		case "text":
			g.Text = r.StringMap()
		case "beneficiaries":
			g.Beneficiaries = jsondoc.List(r, readBeneficiary)
		case "extensions":
			g.Extensions = r.Map()
		default:
			r.Unknown()
		}
	})
	return g
}

func readGlossaryEntry(r *jsondoc.Reader) (e GlossaryEntry) {
	r.Object(func(name []byte) {
		switch string(name) {
		case "term":
			e.Term = r.StringMap()
		case "definition":
			e.Definition = r.StringMap()
		default:
			r.Unknown()
		}
	})
	return e
}

func readText(r *jsondoc.Reader) Text { return r.StringMap() }

func readID(r *jsondoc.Reader) ID { return ID(r.String()) }

func readDate(r *jsondoc.Reader) Date { return jsondoc.Parse(r, ParseDate) }

func readBeneficiary(r *jsondoc.Reader) Beneficiary {
	return jsondoc.Parse(r, func(s string) (Beneficiary, error) {
		return enum.Parse("beneficiary", s, Beneficiaries)
	})
}
