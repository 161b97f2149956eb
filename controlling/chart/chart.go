package chart

import (
	"strings"
)

// Options say where and how a chart is drawn.
type Options struct {
	// ID prefixes every id in the chart (its title, its patterns); it must
	// be unique on the page, or in the shadow root. Empty is "kc".
	ID string
	// Lang is de, fr, it or en; any other is German.
	Lang string
	// Compact leaves out the legend and the table: for the many small
	// charts of a list, whose figures the accessible name already says.
	Compact bool
	// Format formats the figures; functions left nil format as the reports
	// do (NewFormat).
	Format Format
}

// frame holds what every chart builds on.
type frame struct {
	id   string
	lang string
	l    *labels
	f    Format
	opt  Options
	pats map[string]bool // patterns used, by kind
}

func newFrame(o Options) *frame {
	id := sanitizeID(o.ID)
	lang := normLang(o.Lang)
	return &frame{id: id, lang: lang, l: labelsFor(lang), f: o.Format.orDefault(lang), opt: o, pats: map[string]bool{}}
}

// sanitizeID keeps the characters an id may hold without escaping in CSS
// selectors and url(#…) references.
func sanitizeID(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_':
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
	}
	if b.Len() == 0 {
		return "kc"
	}
	s = b.String()
	if s[0] >= '0' && s[0] <= '9' || s[0] == '-' {
		s = "kc-" + s
	}
	return s
}

// patternRef returns the fill referring to the pattern of kind, and notes
// that the chart's defs must hold it.
func (fr *frame) patternRef(kind string) string {
	fr.pats[kind] = true
	return "url(#" + fr.id + "-p-" + kind + ")"
}

// defs returns the <defs> with the patterns used, or nil.
func (fr *frame) defs() *Node {
	if len(fr.pats) == 0 {
		return nil
	}
	d := el("defs", nil)
	for _, kind := range []string{"hatch", "dots", "lines", "grid"} {
		if fr.pats[kind] {
			d.add(pattern(fr.id+"-p-"+kind, kind))
		}
	}
	return d
}

// svg returns the chart's <svg>: role img, named by its <title>, as wide
// as its container (marks are placed in percent of the width, so bars
// stretch while text keeps its size: the chart reflows down to 320 px),
// height in user units. The marks sit in one group hidden from assistive
// technology; the name and the table carry the figures.
func (fr *frame) svg(kind, name string, height float64, marks ...*Node) *Node {
	titleID := fr.id + "-title"
	s := el("svg", a("class", "kc-svg kc-svg-"+kind, "role", "img", "aria-labelledby", titleID,
		"width", "100%", "height", num(height), "focusable", "false",
		"font-size", "12", "fill", colText))
	s.add(el("title", a("id", titleID), text(name)))
	s.add(fr.defs())
	g := el("g", a("aria-hidden", "true"))
	g.add(marks...)
	return s.add(g)
}

// figure wraps the svg with its caption, legend and data table; a compact
// chart is the svg alone in its figure, its place saying what it shows.
func (fr *frame) figure(kind, caption string, svg *Node, legend, table *Node) *Node {
	f := el("figure", a("class", "kc kc-"+kind, "id", fr.id))
	if fr.opt.Compact {
		return f.add(svg)
	}
	if caption != "" {
		f.add(el("figcaption", a("class", "kc-caption"), text(caption)))
	}
	return f.add(svg, legend, table)
}

// txt returns a <text> at x (a percentage or user units) and y.
func txt(x, y string, anchor, class, s string) *Node {
	if anchor == "start" {
		anchor = ""
	}
	return el("text", a("x", x, "y", y, "text-anchor", anchor, "class", class), text(s))
}

// legendItem is one entry of a legend: a swatch and its words.
type legendItem struct {
	swatch *Node // an element drawn in a 12×12 box
	label  string
}

// legend returns a <ul> of swatches with their labels.
func legend(items ...legendItem) *Node {
	ul := el("ul", a("class", "kc-legend"))
	for _, it := range items {
		sw := el("svg", a("class", "kc-swatch", "width", "12", "height", "12", "aria-hidden", "true", "focusable", "false"), it.swatch)
		ul.add(el("li", nil, sw, text(it.label)))
	}
	return ul
}

// table returns the figures as a table behind a disclosure ("als Tabelle"),
// so that screen-reader users and people who prefer numbers get them.
// The first cell of each row is its header; cells of columns marked
// numeric are right-aligned.
func (fr *frame) table(caption string, head []string, numeric []bool, rows [][]string) *Node {
	thead := el("tr", nil)
	for _, h := range head {
		thead.add(el("th", a("scope", "col"), text(h)))
	}
	tbody := el("tbody", nil)
	for _, r := range rows {
		tr := el("tr", nil)
		for i, c := range r {
			if i == 0 {
				tr.add(el("th", a("scope", "row"), text(c)))
				continue
			}
			class := ""
			if i < len(numeric) && numeric[i] {
				class = "kc-n"
			}
			tr.add(el("td", a("class", class), text(c)))
		}
		tbody.add(tr)
	}
	return el("details", a("class", "kc-data"),
		el("summary", nil, text(fr.l.AsTable)),
		el("table", nil, el("caption", nil, text(caption)), el("thead", nil, thead), tbody))
}

// maybe returns the formatted value of p, or the unknown label.
func (fr *frame) maybe(p *float64, format func(float64) string) string {
	if p == nil || !finite(*p) {
		return fr.l.Unknown
	}
	return format(*p)
}
