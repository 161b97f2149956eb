package strategy

import (
	"io"

	"github.com/bl-digital/kompass/diag"
	"github.com/bl-digital/kompass/internal/enum"
	"github.com/bl-digital/kompass/internal/jsondoc"
)

// Decode reads a strategy file from r, at most 32 MiB: it checks the bytes
// (size, encoding, syntax, numbers, duplicate member names, nesting) and
// decodes strictly (unknown members, wrong types, bad enum values and
// dates, texts without visible German are errors). On failure the error is
// a diag.List of every problem found (at most diag.MaxProblems), with JSON
// pointers, lines and columns, and the Strategy is nil. Warnings alone (a
// byte order mark) do not fail.
//
// Decode does what portfolio.Decode does for a portfolio: it reads. It
// does not run Validate (the rules across values, such as unique ids), nor
// the JSON Schema: schema.Validate runs every layer.
func Decode(r io.Reader) (*Strategy, error) {
	data, err := jsondoc.Read(r, 0)
	if err != nil {
		return nil, err
	}
	return DecodeBytes(data)
}

// DecodeBytes is Decode for a file already in memory.
func DecodeBytes(data []byte) (*Strategy, error) {
	doc, l := checkBytes(data)
	if doc != nil {
		s, ul := Unmarshal(doc.Text)
		l = append(l, ul...)
		if s != nil && !l.HasErrors() {
			return s, nil
		}
	}
	l.Sort()
	return nil, l.Limit(0)
}

// CheckBytes runs only the byte checks of DecodeBytes on data (size,
// encoding, syntax, numbers, duplicate member names, nesting) and
// returns their problems, errors and warnings, with lines and columns; nil
// if there are none. DecodeBytes is CheckBytes and Unmarshal: a caller that
// decoded with Unmarshal first (to show the data sooner, as the widget
// does) runs CheckBytes afterwards to find what only the bytes tell.
func CheckBytes(data []byte) diag.List {
	_, l := checkBytes(data)
	return l
}

func checkBytes(data []byte) (*jsondoc.Doc, diag.List) {
	return jsondoc.Check(data, jsondoc.Options{})
}

// Unmarshal decodes text strictly into a Strategy, without the byte checks
// of Decode: for callers that checked the bytes themselves, as package
// schema does. It reports every unknown member, value of the wrong JSON
// type, bad enum value or date and text without visible German, with
// pointers and positions in text, and reads on past them: it returns the
// Strategy as far as it decoded, the bad values left zero, so that
// Validate can check the rest. The Strategy is nil only for text that is
// not JSON (a syntax error ends decoding).
//
// The decoder is written out by hand, without reflection, to keep the
// WebAssembly widget small; a test checks that it decodes exactly as
// encoding/json/v2 does with unknown members rejected.
func Unmarshal(text []byte) (*Strategy, diag.List) {
	r := jsondoc.NewReader(text)
	s := readStrategy(r)
	r.End()
	l := r.Problems()
	if r.Failed() {
		return nil, l
	}
	return &s, l
}

func readStrategy(r *jsondoc.Reader) (s Strategy) {
	r.Object(func(name []byte) {
		switch string(name) {
		case "$schema":
			s.Schema = r.String()
		case "id":
			s.ID = readID(r)
		case "title":
			s.Title = readText(r)
		case "issuer":
			s.Issuer = readText(r)
		case "adopted":
			s.Adopted = readDate(r)
		case "period":
			s.Period = readPeriod(r)
		case "vision":
			s.Vision = readText(r)
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
			m.Title = readText(r)
		case "text":
			m.Text = readText(r)
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
			fa.Title = readText(r)
		case "motto":
			fa.Motto = readText(r)
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
			g.Title = readText(r)
		case "text":
			g.Text = readText(r)
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
			e.Term = readText(r)
		case "definition":
			e.Definition = readText(r)
		default:
			r.Unknown()
		}
	})
	return e
}

func readText(r *jsondoc.Reader) Text { return r.Text(Visible) }

func readID(r *jsondoc.Reader) ID { return ID(r.String()) }

func readDate(r *jsondoc.Reader) Date { return jsondoc.Parse(r, ParseDate) }

func readBeneficiary(r *jsondoc.Reader) Beneficiary {
	return jsondoc.Parse(r, func(s string) (Beneficiary, error) {
		return enum.Parse("beneficiary", s, beneficiaries[:])
	})
}
