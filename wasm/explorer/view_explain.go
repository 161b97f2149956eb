package explorer

import (
	"strconv"

	"github.com/bl-digital/kompass/controlling"
	"github.com/bl-digital/kompass/strategy"
)

// maxNamed is how many measures an explanation names in a sentence before
// it says "…".
const maxNamed = 8

// explain renders the "how is this computed?" button of the rolled-up
// figure key ("strategy", "area:ID", "goal:ID") and, when open, the
// explanation in plain words: what the figure means, what it is made of
// (a table of the measures, goals or focus areas with their weight,
// progress and status), what it leaves out, why its status is what it is,
// and the terms used. Escape closes it and returns the focus to the button.
func (b builder) explain(key string) *Node {
	open := b.s.Explain == key
	id := "kx-explain-" + safeID(key)
	btn := El("button", A("type", "button", "class", "kx-explain-btn", "part", "explain-button", "id", "kx-explain-btn-"+safeID(key),
		"aria-expanded", strconv.FormatBool(open), "aria-controls", id,
		"data-on-click", "explain:"+key, "data-testid", "explain-"+safeID(key)), T(b.msg("explain")))
	wrap := El("div", A("class", "kx-explain", "data-on-keydown", "explainkey:"+key), btn)
	if open {
		b.explanation(wrap, key, id)
	}
	return wrap
}

// explanation adds the open explanation of figure key, with element id id,
// to wrap. It is a function of its own so that the first render, where
// every explanation is closed, runs (and has the browser compile) only the
// button above.
func (b builder) explanation(wrap *Node, key, id string) {
	r, e, ok := b.m.rollup(key)
	if !ok {
		return
	}
	panel := El("div", A("class", "kx-explanation", "id", id, "role", "region", "aria-labelledby", "kx-explain-btn-"+safeID(key),
		"data-testid", "explanation-"+safeID(key)))
	add := func(n ...*Node) { panel.Children = append(panel.Children, n...) }
	add(El("p", A("class", "kx-explain-title"), El("strong", nil, T(b.msg("explain.title")))))
	if len(e.Terms) == 0 {
		add(El("p", nil, T(b.msg("explain.nothing"))))
	} else {
		what := map[controlling.Level]string{controlling.LevelGoal: "explain.goal",
			controlling.LevelFocusArea: "explain.area", controlling.LevelStrategy: "explain.strategy"}[e.Level]
		add(El("p", nil, T(b.msg(what, "n", strconv.Itoa(len(e.Terms))))))
		add(b.termTable(key, e))
		if e.Progress != nil {
			add(El("p", A("class", "kx-explain-result"), T(b.msg("explain.result", "p", Percent(b.lang, *e.Progress)))))
		}
	}
	add(b.leftOut(key, e)...)
	add(b.whyStatus(key, r)...)
	add(b.glossary())
	wrap.Children = append(wrap.Children, panel)
}

// termTable is the table of what a figure is made of, in a scroll container
// that a keyboard can focus and scroll when it is wider than the screen.
func (b builder) termTable(key string, e controlling.Explanation) *Node {
	goal := e.Level == controlling.LevelGoal
	head := map[controlling.Level]string{controlling.LevelGoal: "explain.col.measure",
		controlling.LevelFocusArea: "explain.col.goal", controlling.LevelStrategy: "explain.col.area"}[e.Level]
	cols := []string{b.msg(head)}
	if goal {
		cols = append(cols, b.msg("explain.col.weight"))
	}
	cols = append(cols, b.msg("progress"))
	if goal {
		cols = append(cols, b.msg("explain.col.planned"))
	}
	cols = append(cols, b.msg("filter.status"))
	hr := El("tr", nil)
	for _, c := range cols {
		hr.Children = append(hr.Children, El("th", A("scope", "col"), T(c)))
	}
	body := El("tbody", nil)
	for _, t := range e.Terms {
		name := El("th", A("scope", "row"), b.termName(e.Level, t.ID))
		if t.Stale {
			name.Children = append(name.Children, El("span", A("class", "kx-flag kx-flag--stale", "data-flag", "stale"),
				El("span", A("aria-hidden", "true"), T("⚠ ")), T(b.msg("term.stale"))))
		}
		row := El("tr", nil, name)
		if goal {
			row.Children = append(row.Children, El("td", nil, T(Number(b.lang, t.Weight, -1))))
		}
		row.Children = append(row.Children, El("td", nil, T(Percent(b.lang, t.Progress))))
		st := b.termStatus(e.Level, t.ID)
		if goal {
			pp := "–"
			if f := b.m.Figures(t.ID); f != nil {
				pp = Percent(b.lang, f.PlannedProgress)
			}
			row.Children = append(row.Children, El("td", nil, T(pp)))
		}
		row.Children = append(row.Children, El("td", nil, b.status(st)))
		body.Children = append(body.Children, row)
	}
	label := b.msg("explain.table")
	return El("div", A("class", "kx-scroll", "role", "region", "tabindex", "0", "aria-label", label, "data-testid", "explain-table-"+safeID(key)),
		El("table", A("class", "kx-terms"),
			El("caption", A("class", "kx-visually-hidden"), T(label)),
			El("thead", nil, hr), body))
}

// termStatus is the status of a term of an explanation at level l.
func (b builder) termStatus(l controlling.Level, id strategy.ID) controlling.ScheduleStatus {
	switch l {
	case controlling.LevelGoal:
		if f := b.m.Figures(id); f != nil {
			return f.Status
		}
	case controlling.LevelFocusArea:
		if r, _, ok := b.m.rollup("goal:" + string(id)); ok {
			return rollupStatus(r)
		}
	case controlling.LevelStrategy:
		if r, _, ok := b.m.rollup("area:" + string(id)); ok {
			return rollupStatus(r)
		}
	}
	return controlling.Uncovered
}

// termName names a term of an explanation at level l: a measure, goal or focus area.
func (b builder) termName(l controlling.Level, id strategy.ID) *Node {
	switch l {
	case controlling.LevelGoal:
		if ms := b.m.measure(id); ms != nil {
			return b.data(ms.Title)
		}
	case controlling.LevelFocusArea:
		if g, _, ok := b.m.Strategy.Goal(id); ok {
			return El("span", nil, T(string(id)+" "), b.data(g.Title))
		}
	case controlling.LevelStrategy:
		if fa, ok := b.m.Strategy.FocusArea(id); ok {
			return b.data(fa.Title)
		}
	}
	return T(string(id))
}

// termNameText is termName as plain text, for sentences.
func (b builder) termNameText(l controlling.Level, id strategy.ID) string {
	return b.termName(l, id).TextContent()
}

// leftOut says what the figure leaves out: goals (focus areas) without
// measures and cancelled measures, or that there are none.
func (b builder) leftOut(key string, e controlling.Explanation) []*Node {
	var out []*Node
	if len(e.Excluded) > 0 {
		var ns []string
		for _, id := range e.Excluded {
			ns = append(ns, b.termNameText(e.Level, id))
		}
		k := "explain.left.goals"
		if e.Level == controlling.LevelStrategy {
			k = "explain.left.areas"
		}
		out = append(out, El("p", nil, T(b.msg(k, "n", strconv.Itoa(len(ns)), "names", names(ns)))))
	}
	if c := b.m.cancelledUnder(key); len(c) > 0 {
		out = append(out, El("p", nil, T(b.msg("explain.left.cancel", "n", strconv.Itoa(len(c)), "names", b.measureNames(c)))))
	}
	if len(out) == 0 {
		out = append(out, El("p", nil, T(b.msg("explain.left.none"))))
	}
	return out
}

// measureNames names the measures ids, at most maxNamed of them.
func (b builder) measureNames(ids []strategy.ID) string {
	var ns []string
	for i, id := range ids {
		if i == maxNamed {
			ns = append(ns, "…")
			break
		}
		if ms := b.m.measure(id); ms != nil {
			ns = append(ns, dataString(ms.Title, b.lang))
		}
	}
	return names(ns)
}

// whyStatus says why the figure's status is what it is: the worst status
// of the measures it counts, which measures have it, and what it means.
func (b builder) whyStatus(key string, r controlling.Rollup) []*Node {
	st := rollupStatus(r)
	if st == controlling.Uncovered {
		return []*Node{El("p", nil, T(b.msg("explain.status.none")))}
	}
	label := b.msg("status." + string(st))
	out := []*Node{El("p", nil, b.status(st), T(" "+b.msg("explain.status", "status", label)))}
	var which []strategy.ID
	for _, id := range b.m.measuresOf(key) {
		if f := b.m.Figures(id); f != nil && f.Status == st {
			which = append(which, id)
		}
	}
	if len(which) > 0 && (st == controlling.Late || st == controlling.AtRisk) {
		out = append(out, El("p", nil, T(b.msg("explain.status.which", "names", b.measureNames(which)))))
	}
	switch st {
	case controlling.Late, controlling.AtRisk, controlling.OnTrack:
		out = append(out, El("p", nil, T(b.msg("explain.why."+string(st)))))
	}
	return out
}

// glossary explains the terms a figure uses: Soll, CPI, FTE, stale.
func (b builder) glossary() *Node {
	dl := El("dl", A("class", "kx-glossary"))
	for _, t := range []string{"term.planned", "term.cpi", "term.fte", "term.stale"} {
		dl.Children = append(dl.Children, El("dt", nil, T(b.msg(t))), El("dd", nil, T(b.msg(t+".text"))))
	}
	return El("div", A("class", "kx-terms-part"), El("p", A("class", "kx-explain-title"), El("strong", nil, T(b.msg("explain.terms")))), dl)
}
