package portfolio

import (
	"io"

	"github.com/bl-digital/kompass/diag"
	"github.com/bl-digital/kompass/internal/enum"
	"github.com/bl-digital/kompass/internal/jsondoc"
	"github.com/bl-digital/kompass/strategy"
)

// MaxMeasures is the most measures a portfolio file may hold.
const MaxMeasures = 100_000

// checkLimits caps the measures of a portfolio file.
// size and nesting limits and at most MaxMeasures measures.
var checkLimits = []jsondoc.Limit{{Member: "measures", Max: MaxMeasures}}

// Decode reads a portfolio file from r, at most 32 MiB: it checks the bytes
// (size, encoding, syntax, numbers, duplicate member names, nesting, at most
// MaxMeasures measures) and decodes strictly (unknown members, wrong types,
// bad enum values and dates, texts without visible German are errors). On failure the error is a diag.List of every problem
// found (at most diag.MaxProblems), with JSON pointers, lines and columns,
// and the Portfolio is nil. Warnings alone (a byte order mark) do not fail.
//
// Decode does what strategy.Decode does for a strategy: it reads. It does
// not run Validate (the rules across values and against the strategy),
// nor the JSON Schema: schema.Validate runs every layer.
func Decode(r io.Reader) (*Portfolio, error) {
	data, err := jsondoc.Read(r, 0)
	if err != nil {
		return nil, err
	}
	return DecodeBytes(data)
}

// DecodeBytes is Decode for a file already in memory.
func DecodeBytes(data []byte) (*Portfolio, error) {
	doc, l := checkBytes(data)
	if doc != nil {
		p, ul := Unmarshal(doc.Text)
		l = append(l, ul...)
		if p != nil && !l.HasErrors() {
			return p, nil
		}
	}
	l.Sort()
	return nil, l.Limit(0)
}

// CheckBytes runs only the byte checks of DecodeBytes on data (size,
// encoding, syntax, numbers, duplicate member names, nesting, at most MaxMeasures measures) and
// returns their problems, errors and warnings, with lines and columns; nil
// if there are none. DecodeBytes is CheckBytes and Unmarshal: a caller that
// decoded with Unmarshal first (to show the data sooner, as the widget
// does) runs CheckBytes afterwards to find what only the bytes tell.
func CheckBytes(data []byte) diag.List {
	_, l := checkBytes(data)
	return l
}

func checkBytes(data []byte) (*jsondoc.Doc, diag.List) {
	return jsondoc.Check(data, jsondoc.Options{Limits: checkLimits})
}

// Unmarshal decodes text strictly into a Portfolio, without the byte checks
// of Decode: for callers that checked the bytes themselves, as package
// schema does. It reports every unknown member, value of the wrong JSON
// type, bad enum value or date and text without visible German, with pointers and positions in text, and reads on past
// them: it returns the Portfolio as far as it decoded, the bad values left
// zero, so that Validate can check the rest. The Portfolio is nil only for
// text that is not JSON (a syntax error ends decoding).
//
// The decoder is written out by hand, without reflection, to keep the
// WebAssembly widget small; a test checks that it decodes exactly as
// encoding/json/v2 does with unknown members rejected.
func Unmarshal(text []byte) (*Portfolio, diag.List) {
	r := jsondoc.NewReader(text)
	p := readPortfolio(r)
	r.End()
	l := r.Problems()
	if r.Failed() {
		return nil, l
	}
	return &p, l
}

func readPortfolio(r *jsondoc.Reader) (p Portfolio) {
	r.Object(func(name []byte) {
		switch string(name) {
		case "$schema":
			p.Schema = r.String()
		case "id":
			p.ID = readID(r)
		case "title":
			p.Title = readText(r)
		case "strategy":
			p.Strategy = readID(r)
		case "asOf":
			p.AsOf = readDate(r)
		case "currency":
			p.Currency = readEnum(r, "currency", currencies[:])
		case "organisations":
			p.Organisations = jsondoc.List(r, readOrganisation)
		case "measures":
			p.Measures = jsondoc.List(r, readMeasure)
		case "extensions":
			p.Extensions = r.Map()
		default:
			r.Unknown()
		}
	})
	return p
}

func readOrganisation(r *jsondoc.Reader) (o Organisation) {
	r.Object(func(name []byte) {
		switch string(name) {
		case "id":
			o.ID = readID(r)
		case "name":
			o.Name = readText(r)
		case "extensions":
			o.Extensions = r.Map()
		default:
			r.Unknown()
		}
	})
	return o
}

// readMeasure reads a measure through measureMembers, a table of one small
// function per member, rather than one switch over all of them: a
// measure's members are most of a portfolio file, and in the widget V8
// optimises a WebAssembly function by the size of the code it runs
// through. A switch over twenty-three members was one of the largest
// functions a first render optimised (on the core the render needs);
// each function here is too small for fifty measures to make it hot.
func readMeasure(r *jsondoc.Reader) (m Measure) {
	r.Object(func(name []byte) {
		if read, ok := measureMembers[string(name)]; ok {
			read(r, &m)
		} else {
			r.Unknown()
		}
	})
	return m
}

// measureMembers reads each member of a measure (see readMeasure).
var measureMembers = map[string]func(*jsondoc.Reader, *Measure){
	"id":       func(r *jsondoc.Reader, m *Measure) { m.ID = readID(r) },
	"title":    func(r *jsondoc.Reader, m *Measure) { m.Title = readText(r) },
	"summary":  func(r *jsondoc.Reader, m *Measure) { m.Summary = readText(r) },
	"goals":    func(r *jsondoc.Reader, m *Measure) { m.Goals = jsondoc.List(r, readID) },
	"owner":    func(r *jsondoc.Reader, m *Measure) { m.Owner = readID(r) },
	"status":   func(r *jsondoc.Reader, m *Measure) { m.Status = readEnum(r, "status", statuses[:]) },
	"start":    func(r *jsondoc.Reader, m *Measure) { m.Start = readDate(r) },
	"end":      func(r *jsondoc.Reader, m *Measure) { m.End = readDate(r) },
	"progress": func(r *jsondoc.Reader, m *Measure) { m.Progress = r.FloatPtr() },
	"weight":   func(r *jsondoc.Reader, m *Measure) { m.Weight = r.FloatPtr() },
	"fields": func(r *jsondoc.Reader, m *Measure) {
		m.Fields = jsondoc.List(r, func(r *jsondoc.Reader) Field { return readEnum(r, "field", fields[:]) })
	},
	"beneficiaries": func(r *jsondoc.Reader, m *Measure) {
		m.Beneficiaries = jsondoc.List(r, func(r *jsondoc.Reader) strategy.Beneficiary {
			return readEnum(r, "beneficiary", strategy.Beneficiaries())
		})
	},
	"before":         func(r *jsondoc.Reader, m *Measure) { m.Before = readText(r) },
	"after":          func(r *jsondoc.Reader, m *Measure) { m.After = readText(r) },
	"budget":         func(r *jsondoc.Reader, m *Measure) { m.Budget = jsondoc.Ptr(r, readBudget) },
	"purpose":        func(r *jsondoc.Reader, m *Measure) { m.Purpose = readEnum(r, "purpose", purposes[:]) },
	"savings":        func(r *jsondoc.Reader, m *Measure) { m.Savings = jsondoc.Ptr(r, readSavings) },
	"indicators":     func(r *jsondoc.Reader, m *Measure) { m.Indicators = jsondoc.List(r, readIndicator) },
	"milestones":     func(r *jsondoc.Reader, m *Measure) { m.Milestones = jsondoc.List(r, readMilestone) },
	"dependsOn":      func(r *jsondoc.Reader, m *Measure) { m.DependsOn = jsondoc.List(r, readID) },
	"links":          func(r *jsondoc.Reader, m *Measure) { m.Links = jsondoc.List(r, readLink) },
	"updated":        func(r *jsondoc.Reader, m *Measure) { m.Updated = readDate(r) },
	"selfAssessment": func(r *jsondoc.Reader, m *Measure) { m.SelfAssessment = jsondoc.Ptr(r, readSelfAssessment) },
	"extensions":     func(r *jsondoc.Reader, m *Measure) { m.Extensions = r.Map() },
}

func readBudget(r *jsondoc.Reader) (b Budget) {
	r.Object(func(name []byte) {
		switch string(name) {
		case "planned":
			b.Planned = r.Float()
		case "spent":
			b.Spent = r.Float()
		default:
			r.Unknown()
		}
	})
	return b
}

func readSavings(r *jsondoc.Reader) (s Savings) {
	r.Object(func(name []byte) {
		switch string(name) {
		case "people":
			s.People = r.Int()
		case "minutesPerDay":
			s.MinutesPerDay = r.Float()
		default:
			r.Unknown()
		}
	})
	return s
}

func readIndicator(r *jsondoc.Reader) (in Indicator) {
	r.Object(func(name []byte) {
		switch string(name) {
		case "id":
			in.ID = readID(r)
		case "title":
			in.Title = readText(r)
		case "unit":
			in.Unit = r.String()
		case "baseline":
			in.Baseline = readObservation(r)
		case "target":
			in.Target = readObservation(r)
		case "actuals":
			in.Actuals = jsondoc.List(r, readObservation)
		case "extensions":
			in.Extensions = r.Map()
		default:
			r.Unknown()
		}
	})
	return in
}

func readObservation(r *jsondoc.Reader) (o Observation) {
	r.Object(func(name []byte) {
		switch string(name) {
		case "value":
			o.Value = r.Float()
		case "date":
			o.Date = readDate(r)
		default:
			r.Unknown()
		}
	})
	return o
}

func readMilestone(r *jsondoc.Reader) (m Milestone) {
	r.Object(func(name []byte) {
		switch string(name) {
		case "title":
			m.Title = readText(r)
		case "due":
			m.Due = readDate(r)
		case "done":
			m.Done = r.Bool()
		default:
			r.Unknown()
		}
	})
	return m
}

func readLink(r *jsondoc.Reader) (l Link) {
	r.Object(func(name []byte) {
		switch string(name) {
		case "title":
			l.Title = readText(r)
		case "url":
			l.URL = r.String()
		default:
			r.Unknown()
		}
	})
	return l
}

func readSelfAssessment(r *jsondoc.Reader) (a SelfAssessment) {
	r.Object(func(name []byte) {
		switch string(name) {
		case "status":
			a.Status = readEnum(r, "rating", ratings[:])
		case "date":
			a.Date = readDate(r)
		case "comment":
			a.Comment = readText(r)
		default:
			r.Unknown()
		}
	})
	return a
}

func readID(r *jsondoc.Reader) ID { return ID(r.String()) }

func readText(r *jsondoc.Reader) Text { return r.Text(strategy.Visible) }

func readDate(r *jsondoc.Reader) Date { return jsondoc.Parse(r, strategy.ParseDate) }

// readEnum reads one of values, with the error of the enum's UnmarshalText
// for others; kind names the enum.
func readEnum[T ~string](r *jsondoc.Reader, kind string, values []T) T {
	return jsondoc.Parse(r, func(s string) (T, error) { return enum.Parse(kind, s, values) })
}
