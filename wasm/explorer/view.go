package explorer

import (
	"errors"
	"math"
	"strconv"
	"strings"

	"github.com/bl-digital/kompass/controlling"
	url "github.com/bl-digital/kompass/internal/weburl"
	"github.com/bl-digital/kompass/portfolio"
	"github.com/bl-digital/kompass/strategy"
)

// statusIcon is the shape shown beside a status, so status never depends on
// colour alone.
var statusIcon = map[controlling.ScheduleStatus]string{
	controlling.Late:       "◆",
	controlling.AtRisk:     "▲",
	controlling.OnTrack:    "●",
	controlling.NotStarted: "○",
	controlling.Done:       "✓",
	controlling.Cancelled:  "⊘",
	controlling.Uncovered:  "–",
}

// Build returns what the widget shows for model m in state s: one root
// node. It is a pure function of its arguments.
func Build(m *Model, s State, cfg Config) *Node {
	s = m.Normalize(s, cfg)
	b := builder{m: m, s: s, cfg: cfg, lang: s.Lang, h: cfg.headingLevel()}
	shown, total := m.Filtered(s.Filter, cfg, s.Lang)
	var panel []*Node
	switch s.View {
	case Measures:
		panel = b.cards(shown)
	case Timeline:
		panel = b.timeline(shown)
	default:
		panel = b.tree(shown)
	}
	return El("div", A("class", "kx", "part", "root", "lang", s.Lang, "data-testid", "explorer", "data-view", string(s.View)),
		b.summary(),
		b.tabs(),
		b.filters(),
		El("p", A("class", "kx-count", "role", "status", "aria-live", "polite", "data-testid", "count"),
			T(Msg(s.Lang, "count", "n", strconv.Itoa(len(shown)), "m", strconv.Itoa(total)))),
		El("div", A("class", "kx-panel", "part", "panel", "role", "tabpanel", "id", "kx-panel",
			"aria-labelledby", "kx-tab-"+string(s.View), "data-testid", "panel"), panel...),
	)
}

// Loading is what the widget shows while its data loads.
func Loading(lang string) *Node {
	return El("div", A("class", "kx kx-loading", "part", "root", "lang", lang, "data-testid", "loading", "role", "status"),
		El("span", A("class", "kx-spinner", "aria-hidden", "true")), T(Msg(lang, "loading")))
}

// ErrorView is what the widget shows when its data cannot be shown: the
// URL and the reason, and every validation problem.
func ErrorView(err error, lang string) *Node {
	var lines []*Node
	var list *Node
	var fe *FetchError
	var ie *InvalidError
	var ce *ComputeError
	switch {
	case errors.As(err, &fe) && fe.Status != 0:
		lines = append(lines, T(Msg(lang, "error.http", "url", fe.URL, "status", strconv.Itoa(fe.Status))))
	case errors.As(err, &fe):
		lines = append(lines, T(Msg(lang, "error.network", "url", fe.URL, "reason", fe.Reason)))
	case errors.As(err, &ie):
		lines = append(lines, T(Msg(lang, "error.invalid", "url", ie.URL)))
		list = El("ul", A("class", "kx-problems", "data-testid", "error-problems"))
		for _, p := range ie.Problems {
			list.Children = append(list.Children, El("li", nil, T(p.String())))
		}
	case errors.As(err, &ce):
		lines = append(lines, T(Msg(lang, "error.compute", "reason", ce.Err.Error())))
	default:
		lines = append(lines, T(err.Error()))
	}
	return El("div", A("class", "kx kx-error", "part", "root error", "lang", lang, "role", "alert", "data-testid", "error"),
		El("p", A("class", "kx-error-title"), T(Msg(lang, "error.title"))),
		El("p", A("class", "kx-error-reason", "data-testid", "error-reason"), lines...),
		list)
}

type builder struct {
	m    *Model
	s    State
	cfg  Config
	lang string
	h    int // the level of the widget's title heading
}

func (b builder) msg(key string, pairs ...string) string { return Msg(b.lang, key, pairs...) }

// heading is the tag of a heading depth levels below the widget's title: h2
// to h6, never deeper than h6.
func (b builder) heading(depth int) string { return "h" + strconv.Itoa(min(6, b.h+depth)) }

// paged builds the first s.Limit() of n items of the long list key (item
// builds item i) and, when items are left, a "show more" block to put after
// the list. The first item of the newest page gets the id kx-next-KEY and
// tabindex -1: "show more" moves the focus there.
func (b builder) paged(key string, n int, item func(i int) *Node) (items []*Node, more *Node) {
	limit := min(n, b.s.Limit())
	items = make([]*Node, limit)
	for i := range items {
		items[i] = item(i)
	}
	if start := PageSize * b.s.More; b.s.More > 0 && start < limit {
		items[start].Attrs = append(items[start].Attrs, Attr{"id", "kx-next-" + key}, Attr{"tabindex", "-1"})
	}
	if limit >= n {
		return items, nil
	}
	sid := "kx-shown-" + key
	return items, El("div", A("class", "kx-more"),
		El("p", A("class", "kx-meta", "id", sid), T(b.msg("shown", "n", strconv.Itoa(limit), "m", strconv.Itoa(n)))),
		El("button", A("type", "button", "class", "kx-more-btn", "aria-describedby", sid,
			"data-on-click", "more:"+key, "data-testid", "more-"+key), T(b.msg("more", "n", strconv.Itoa(min(PageSize, n-limit))))))
}

// status renders a status as shape and text.
func (b builder) status(st controlling.ScheduleStatus) *Node {
	return El("span", A("class", "kx-status kx-status--"+string(st), "part", "status", "data-status", string(st)),
		El("span", A("class", "kx-icon", "aria-hidden", "true"), T(statusIcon[st])),
		T(" "+b.msg("status."+string(st))))
}

// progress renders a progress bar with its figure as text; p nil is "no progress".
func (b builder) progress(label string, p *float64, planned *float64) *Node {
	if p == nil {
		return El("div", A("class", "kx-progress-row kx-progress-row--none"),
			El("span", A("class", "kx-progress-text"), T(b.msg("progress.none"))))
	}
	v := clamp100(*p)
	bar := El("div", A("class", "kx-progress", "part", "progress", "role", "progressbar", "aria-label", label,
		"aria-valuemin", "0", "aria-valuemax", "100", "aria-valuenow", strconv.Itoa(int(math.Round(v))),
		"aria-valuetext", Percent(b.lang, v)),
		El("div", A("class", "kx-bar")).WithStyle("--kx-p", pct(v)))
	if planned != nil {
		bar.Children = append(bar.Children,
			El("div", A("class", "kx-planned", "aria-hidden", "true")).WithStyle("--kx-pp", pct(clamp100(*planned))))
	}
	text := Percent(b.lang, v)
	if planned != nil {
		text += " (" + b.msg("planned", "p", Percent(b.lang, *planned)) + ")"
	}
	return El("div", A("class", "kx-progress-row"), bar, El("span", A("class", "kx-progress-text"), T(text)))
}

func clamp100(v float64) float64 { return math.Min(100, math.Max(0, v)) }

func pct(v float64) string { return strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64) + "%" }

// counts renders the number of measures in each status.
func (b builder) counts(r controlling.Rollup) *Node {
	ul := El("ul", A("class", "kx-counts", "aria-label", b.msg("filter.status")))
	for _, st := range controlling.RollupStatuses {
		if n := r.Counts[st]; n > 0 {
			ul.Children = append(ul.Children, El("li", nil, b.status(st), T(" "+strconv.Itoa(n))))
		}
	}
	if len(ul.Children) == 0 {
		return nil
	}
	return ul
}

// figures renders a roll-up's progress, coverage, status, FTE and budget,
// and its "how is this computed?" disclosure.
func (b builder) figures(key, label string, r controlling.Rollup, exp controlling.Explanation) *Node {
	st := r.Status
	if r.Progress == nil && r.Coverage.Covered == 0 {
		st = controlling.Uncovered
	}
	parts := []*Node{
		b.progress(label, r.Progress, nil),
		El("p", A("class", "kx-meta"),
			b.status(st), T(" · "+b.msg("coverage", "c", strconv.Itoa(r.Coverage.Covered), "t", strconv.Itoa(r.Coverage.Total)))),
		b.counts(r),
		El("p", A("class", "kx-meta"), T(b.msg("fte", "e", Number(b.lang, r.FTE.Expected, 1), "r", Number(b.lang, r.FTE.Realized, 1)))),
	}
	if r.Budget.Planned > 0 || r.Budget.Spent > 0 {
		parts = append(parts, El("p", A("class", "kx-meta"), T(b.budget(r.Budget))))
	}
	parts = append(parts, b.explain(key, exp))
	return El("div", A("class", "kx-figures"), parts...)
}

func (b builder) budget(bu controlling.Budget) string {
	s := b.msg("budget") + ": " + b.msg("budget.line", "planned", Amount(b.lang, bu.Planned), "spent", Amount(b.lang, bu.Spent))
	if bu.CPI != nil {
		return s + " · " + b.msg("budget.cpi", "cpi", Number(b.lang, *bu.CPI, 2))
	}
	return s + " · " + b.msg("budget.cpi.none")
}

// explain renders the "how is this computed?" button and, when open, the
// formula and each term from controlling's Explanation.
func (b builder) explain(key string, e controlling.Explanation) *Node {
	open := b.s.Explain == key
	id := "kx-explain-" + safeID(key)
	btn := El("button", A("type", "button", "class", "kx-explain-btn", "part", "explain-button",
		"aria-expanded", strconv.FormatBool(open), "aria-controls", id,
		"data-on-click", "explain:"+key, "data-testid", "explain-"+safeID(key)), T(b.msg("explain")))
	wrap := El("div", A("class", "kx-explain"), btn)
	if !open {
		return wrap
	}
	formula := map[controlling.Level]string{controlling.LevelGoal: "explain.goal",
		controlling.LevelFocusArea: "explain.area", controlling.LevelStrategy: "explain.strategy"}[e.Level]
	head := b.msg("explain.part")
	if e.Level == controlling.LevelGoal {
		head = b.msg("explain.measure")
	}
	table := El("table", A("class", "kx-terms"),
		El("thead", nil, El("tr", nil,
			El("th", A("scope", "col"), T(head)),
			El("th", A("scope", "col"), T(b.msg("explain.weight"))),
			El("th", A("scope", "col"), T(b.msg("explain.progress"))))))
	body := El("tbody", nil)
	for _, t := range e.Terms {
		name := b.termName(e.Level, t.ID)
		if t.Stale {
			name += " ⚠"
		}
		body.Children = append(body.Children, El("tr", nil,
			El("th", A("scope", "row"), T(name)),
			El("td", nil, T(Number(b.lang, t.Weight, -1))),
			El("td", nil, T(Percent(b.lang, t.Progress)))))
	}
	table.Children = append(table.Children, body)
	result := "–"
	if e.Progress != nil {
		result = Percent(b.lang, *e.Progress)
	}
	panel := El("div", A("class", "kx-explanation", "id", id, "data-testid", "explanation-"+safeID(key)),
		El("p", nil, El("strong", nil, T(b.msg("explain.formula")+": ")), T(b.msg(formula))),
		El("p", A("class", "kx-formula"), T(e.Formula+" = "+result)),
		table)
	if len(e.Excluded) > 0 {
		var names []string
		for _, id := range e.Excluded {
			names = append(names, b.termName(e.Level, id))
		}
		panel.Children = append(panel.Children, El("p", nil, T(b.msg("progress.none")+": "+strings.Join(names, ", "))))
	}
	wrap.Children = append(wrap.Children, panel)
	return wrap
}

// termName names a term of an explanation at level l: a measure, goal or focus area.
func (b builder) termName(l controlling.Level, id strategy.ID) string {
	switch l {
	case controlling.LevelGoal:
		if ms := b.m.measure(id); ms != nil {
			return ms.Title.In(b.lang)
		}
	case controlling.LevelFocusArea:
		if g, _, ok := b.m.Strategy.Goal(id); ok {
			return string(id) + " " + g.Title.In(b.lang)
		}
	case controlling.LevelStrategy:
		if fa, ok := b.m.Strategy.FocusArea(id); ok {
			return fa.Title.In(b.lang)
		}
	}
	return string(id)
}

// safeID turns a figure key ("goal:GK1") into an id fragment ("goal-GK1").
func safeID(key string) string { return strings.ReplaceAll(key, ":", "-") }

// summary is the header: the portfolio, the date, and the strategy's (or
// the fixed focus area's) figures.
func (b builder) summary() *Node {
	r := b.m.Report
	title := b.title()
	roll, key, exp := r.Strategy.Rollup, "strategy", r.ExplainStrategy()
	if b.cfg.Focus != "" {
		for _, fa := range r.FocusAreas {
			if fa.ID == b.cfg.Focus {
				roll, key = fa.Rollup, "area:"+string(fa.ID)
				exp, _ = r.ExplainFocusArea(fa.ID)
			}
		}
	}
	return El("header", A("class", "kx-head", "part", "header", "data-testid", "summary"),
		El(b.heading(0), A("class", "kx-title"), T(title)),
		El("p", A("class", "kx-asof"), T(b.m.Portfolio.Title.In(b.lang)+" · "+b.msg("asOf", "date", FormatDate(b.lang, r.AsOf)))),
		b.figures(key, b.msg("progress")+" "+title, roll, exp))
}

// title is the widget's title: the strategy's, or the fixed focus area's.
func (b builder) title() string {
	if sfa, ok := b.m.Strategy.FocusArea(b.cfg.Focus); ok && b.cfg.Focus != "" {
		return sfa.Title.In(b.lang)
	}
	return b.m.Strategy.Title.In(b.lang)
}

// tabs is the tab list of the three views; arrow keys move between tabs.
func (b builder) tabs() *Node {
	tl := El("div", A("class", "kx-tabs", "part", "tabs", "role", "tablist", "aria-label", b.msg("views")))
	for _, v := range Views {
		sel := v == b.s.View
		tabindex := "-1"
		if sel {
			tabindex = "0"
		}
		tl.Children = append(tl.Children, El("button", A("type", "button", "role", "tab", "class", "kx-tab",
			"part", "tab", "id", "kx-tab-"+string(v), "aria-selected", strconv.FormatBool(sel), "aria-controls", "kx-panel",
			"tabindex", tabindex, "data-on-click", "view:"+string(v), "data-on-keydown", "tabkey:"+string(v),
			"data-testid", "tab-"+string(v)), T(b.msg("tab."+string(v)))))
	}
	return tl
}

type option struct{ value, label string }

// selectBox is a labelled select whose change sets filter name.
func (b builder) selectBox(name, label string, value string, opts []option) *Node {
	id := "kx-filter-" + name
	sel := El("select", A("id", id, "class", "kx-select", "data-on-change", "filter:"+name, "data-testid", "filter-"+name))
	sel.Children = append(sel.Children, El("option", []Attr{{"value", ""}}, T(b.msg("filter.all"))))
	for _, o := range opts {
		sel.Children = append(sel.Children, El("option", A("value", o.value, "selected", boolAttr(o.value == value)), T(o.label)))
	}
	sel.Attrs = append(sel.Attrs, Attr{"value", value})
	return El("div", A("class", "kx-filter"), El("label", A("for", id), T(label)), sel)
}

func boolAttr(b bool) string {
	if b {
		return "selected"
	}
	return ""
}

// filters is the filter bar: selects, a search field and a reset button.
func (b builder) filters() *Node {
	f := b.s.Filter
	form := El("div", A("class", "kx-filters", "part", "filters", "role", "search", "aria-label", b.msg("filters.of", "title", b.title())))
	if b.cfg.Focus == "" {
		var opts []option
		for _, fa := range b.m.Strategy.FocusAreas {
			opts = append(opts, option{string(fa.ID), fa.Title.In(b.lang)})
		}
		form.Children = append(form.Children, b.selectBox("focus-area", b.msg("filter.focusArea"), string(f.FocusArea), opts))
	}
	var goals []option
	for _, fa := range b.m.Strategy.FocusAreas {
		if f.FocusArea != "" && fa.ID != f.FocusArea {
			continue
		}
		for _, g := range fa.Goals {
			goals = append(goals, option{string(g.ID), string(g.ID) + " " + g.Title.In(b.lang)})
		}
	}
	form.Children = append(form.Children, b.selectBox("goal", b.msg("filter.goal"), string(f.Goal), goals))
	var fields []option
	for _, fl := range portfolio.Fields() {
		fields = append(fields, option{string(fl), b.msg("field." + string(fl))})
	}
	form.Children = append(form.Children, b.selectBox("field", b.msg("filter.field"), string(f.Field), fields))
	var bens []option
	for _, be := range strategy.Beneficiaries() {
		bens = append(bens, option{string(be), b.msg("benef." + string(be))})
	}
	form.Children = append(form.Children, b.selectBox("beneficiary", b.msg("filter.benef"), string(f.Beneficiary), bens))
	var owners []option
	for _, o := range b.m.Portfolio.Organisations {
		owners = append(owners, option{string(o.ID), o.Name.In(b.lang)})
	}
	form.Children = append(form.Children, b.selectBox("owner", b.msg("filter.owner"), string(f.Owner), owners))
	var sts []option
	for _, st := range StatusFilters {
		sts = append(sts, option{string(st), b.msg("status." + string(st))})
	}
	form.Children = append(form.Children, b.selectBox("status", b.msg("filter.status"), string(f.Status), sts))
	form.Children = append(form.Children,
		El("div", A("class", "kx-filter kx-filter--query"),
			El("label", A("for", "kx-filter-query"), T(b.msg("filter.query"))),
			El("input", A("id", "kx-filter-query", "type", "search", "class", "kx-input", "autocomplete", "off",
				"maxlength", strconv.Itoa(maxQuery), "value", f.Query, "data-on-input", "filter:query", "data-testid", "filter-query"))),
		El("button", A("type", "button", "class", "kx-reset", "data-on-click", "reset", "data-testid", "filter-reset",
			"disabled", disabledAttr(f == Filter{FocusArea: b.cfg.Focus})), T(b.msg("filter.reset"))))
	return form
}

func disabledAttr(b bool) string {
	if b {
		return "disabled"
	}
	return ""
}

// tree is the strategy tree: focus areas, their goals, and the goals'
// measures that pass the filter, as nested disclosure lists, and the
// cancelled measures that pass it behind a disclosure of their own.
func (b builder) tree(shown []*portfolio.Measure) []*Node {
	visible := b.visible(shown)
	filtered := b.s.Filter != Filter{FocusArea: b.s.Filter.FocusArea}
	ul := El("ul", A("class", "kx-tree", "part", "tree", "data-testid", "tree"))
	for _, fa := range b.m.Report.FocusAreas {
		if b.s.Filter.FocusArea != "" && fa.ID != b.s.Filter.FocusArea {
			continue
		}
		sfa, _ := b.m.Strategy.FocusArea(fa.ID)
		open := b.s.IsExpanded(fa.ID)
		gid := "kx-area-" + string(fa.ID)
		exp, _ := b.m.Report.ExplainFocusArea(fa.ID)
		li := El("li", A("class", "kx-area", "data-testid", "area-"+string(fa.ID)),
			El(b.heading(1), A("class", "kx-node-head"),
				El("button", A("type", "button", "class", "kx-toggle", "aria-expanded", strconv.FormatBool(open),
					"aria-controls", gid, "data-on-click", "toggle:"+string(fa.ID), "data-testid", "toggle-"+string(fa.ID)),
					El("span", A("class", "kx-chevron", "aria-hidden", "true")),
					T(string(fa.ID)+" · "+sfa.Title.In(b.lang)))),
			b.figures("area:"+string(fa.ID), b.msg("progress")+" "+sfa.Title.In(b.lang), fa.Rollup, exp)).WithKey(string(fa.ID))
		if open {
			goals := El("ul", A("class", "kx-goals", "id", gid))
			for _, g := range fa.Goals {
				if b.s.Filter.Goal != "" && g.ID != b.s.Filter.Goal {
					continue
				}
				goals.Children = append(goals.Children, b.goal(g, visible, filtered))
			}
			li.Children = append(li.Children, goals)
		}
		ul.Children = append(ul.Children, li)
	}
	if b.s.Filter.Status != "" && b.s.Filter.Status != controlling.Cancelled {
		return []*Node{ul}
	}
	var cancelled []strategy.ID
	for _, id := range b.m.Report.Cancelled {
		if visible(id) {
			cancelled = append(cancelled, id)
		}
	}
	if len(cancelled) == 0 {
		return []*Node{ul}
	}
	open := b.s.Cancelled
	head := El(b.heading(1), A("class", "kx-sub kx-node-head"),
		El("button", A("type", "button", "class", "kx-toggle", "aria-expanded", strconv.FormatBool(open),
			"aria-controls", "kx-cancelled", "data-on-click", "cancelled", "data-testid", "toggle-cancelled"),
			El("span", A("class", "kx-chevron", "aria-hidden", "true")),
			T(b.msg("cancelled.list")+" ("+strconv.Itoa(len(cancelled))+")")))
	if !open {
		return []*Node{ul, head}
	}
	items, more := b.paged("cancelled", len(cancelled), func(i int) *Node {
		ms := b.m.measure(cancelled[i])
		return El("li", nil, b.measureLink(ms)).WithKey(string(ms.ID))
	})
	return []*Node{ul, head, El("ul", A("class", "kx-plain", "id", "kx-cancelled", "data-testid", "cancelled"), items...), more}
}

// visible returns whether a measure is among shown.
func (b builder) visible(shown []*portfolio.Measure) func(strategy.ID) bool {
	in := make([]bool, len(b.m.Portfolio.Measures))
	for _, ms := range shown {
		in[b.m.index[ms.ID]] = true
	}
	return func(id strategy.ID) bool {
		i, ok := b.m.index[id]
		return ok && in[i]
	}
}

func (b builder) goal(g controlling.Goal, visible func(strategy.ID) bool, filtered bool) *Node {
	sg, _, _ := b.m.Strategy.Goal(g.ID)
	open := b.s.IsExpanded(g.ID)
	mid := "kx-goal-" + string(g.ID)
	exp, _ := b.m.Report.ExplainGoal(g.ID)
	var ids []strategy.ID
	for _, id := range g.Measures {
		if visible(id) {
			ids = append(ids, id)
		}
	}
	count := b.msg("measures.count", "n", strconv.Itoa(len(g.Measures)))
	if filtered {
		count = b.msg("count", "n", strconv.Itoa(len(ids)), "m", strconv.Itoa(len(g.Measures)))
	}
	li := El("li", A("class", "kx-goal", "data-testid", "goal-"+string(g.ID)),
		El(b.heading(2), A("class", "kx-node-head"),
			El("button", A("type", "button", "class", "kx-toggle", "aria-expanded", strconv.FormatBool(open),
				"aria-controls", mid, "data-on-click", "toggle:"+string(g.ID), "data-testid", "toggle-"+string(g.ID)),
				El("span", A("class", "kx-chevron", "aria-hidden", "true")),
				T(string(g.ID)+" · "+sg.Title.In(b.lang)+" ("+count+")"))),
		b.figures("goal:"+string(g.ID), b.msg("progress")+" "+sg.Title.In(b.lang), g.Rollup, exp)).WithKey(string(g.ID))
	if !open {
		return li
	}
	if len(ids) == 0 {
		li.Children = append(li.Children, El("ul", A("class", "kx-plain", "id", mid), El("li", A("class", "kx-empty"), T(b.msg("none")))))
		return li
	}
	items, more := b.paged("goal-"+string(g.ID), len(ids), func(i int) *Node {
		m := b.m.measure(ids[i])
		return El("li", A("class", "kx-measure-row"), b.measureLink(m)).WithKey(string(m.ID))
	})
	li.Children = append(li.Children, El("ul", A("class", "kx-plain", "id", mid), items...))
	if more != nil {
		li.Children = append(li.Children, more)
	}
	return li
}

// measureLink is a measure in the tree: a button that opens its detail in
// the measure view, with its progress and status.
func (b builder) measureLink(ms *portfolio.Measure) *Node {
	fig := b.m.Figures(ms.ID)
	return El("div", A("class", "kx-measure-link"),
		El("button", A("type", "button", "class", "kx-link", "data-on-click", "open:"+string(ms.ID),
			"data-testid", "open-"+string(ms.ID)), T(ms.Title.In(b.lang))),
		El("span", A("class", "kx-measure-figs"),
			T(Percent(b.lang, fig.Progress)+" · "+Years(ms.Start, ms.End)+" · "), b.status(fig.Status), b.flags(fig, ms)))
}

// flags shows the stale and divergent marks of a measure.
func (b builder) flags(fig *controlling.Measure, ms *portfolio.Measure) *Node {
	var fl []*Node
	if fig.Stale {
		t := b.msg("stale.never")
		if !ms.Updated.IsZero() {
			t = b.msg("stale", "date", FormatDate(b.lang, ms.Updated))
		}
		fl = append(fl, El("span", A("class", "kx-flag kx-flag--stale", "data-flag", "stale"),
			El("span", A("aria-hidden", "true"), T("⚠ ")), T(t)))
	}
	if fig.Divergent && ms.SelfAssessment != nil {
		fl = append(fl, El("span", A("class", "kx-flag kx-flag--divergent", "data-flag", "divergent"),
			El("span", A("aria-hidden", "true"), T("≠ ")),
			T(b.msg("divergent", "self", b.msg("rating."+string(ms.SelfAssessment.Status))))))
	}
	if len(fl) == 0 {
		return nil
	}
	return El("span", A("class", "kx-flags"), fl...)
}

// cards is the measure list: one card per measure, a page at a time, the
// selected one with its detail open below it. Cards (like timeline rows)
// have no key: after a filter change the renderer patches the elements in
// place, a fifth of the DOM operations of replacing them.
func (b builder) cards(shown []*portfolio.Measure) []*Node {
	if len(shown) == 0 {
		return []*Node{El("p", A("class", "kx-empty", "data-testid", "empty"), T(b.msg("none")))}
	}
	items, more := b.paged("cards", len(shown), func(i int) *Node { return b.card(shown[i]) })
	return []*Node{El("ul", A("class", "kx-cards", "part", "cards", "data-testid", "cards"), items...), more}
}

func (b builder) card(ms *portfolio.Measure) *Node {
	fig := b.m.Figures(ms.ID)
	open := b.s.Selected == ms.ID
	did := "kx-detail-" + string(ms.ID)
	owner := string(ms.Owner)
	if o, ok := b.m.Portfolio.Organisation(ms.Owner); ok {
		owner = o.Name.In(b.lang)
	}
	var fields, bens []*Node
	for _, f := range ms.Fields {
		fields = append(fields, El("li", A("class", "kx-chip"), T(b.msg("field."+string(f)))))
	}
	for _, be := range ms.Beneficiaries {
		bens = append(bens, El("li", A("class", "kx-chip"), T(b.msg("benef."+string(be)))))
	}
	title := ms.Title.In(b.lang)
	pp := fig.PlannedProgress
	card := El("li", A("class", "kx-card", "part", "card", "data-testid", "card-"+string(ms.ID), "data-status", string(fig.Status)),
		El(b.heading(1), A("class", "kx-card-title", "id", "kx-title-"+string(ms.ID)), T(title)),
		b.progress(b.msg("progress")+" "+title, &fig.Progress, &pp),
		El("dl", A("class", "kx-facts"),
			El("dt", nil, T(b.msg("duration"))), El("dd", nil, T(Years(ms.Start, ms.End))),
			El("dt", nil, T(b.msg("owner"))), El("dd", nil, T(owner)),
			El("dt", nil, T(b.msg("filter.status"))), El("dd", nil, b.status(fig.Status))),
		b.flags(fig, ms),
		chipList(b.msg("fields"), fields),
		chipList(b.msg("beneficiaries"), bens),
		El("button", A("type", "button", "class", "kx-details-btn", "id", "kx-btn-"+string(ms.ID),
			"aria-expanded", strconv.FormatBool(open), "aria-controls", did,
			"data-on-click", "select:"+string(ms.ID), "data-testid", "details-"+string(ms.ID)),
			T(b.msg("details.short")), El("span", A("class", "kx-visually-hidden"), T(": "+title))),
	)
	if open {
		card.Children = append(card.Children, b.detail(ms, fig))
	}
	return card
}

func chipList(label string, items []*Node) *Node {
	if len(items) == 0 {
		return nil
	}
	return El("div", A("class", "kx-chips"),
		El("span", A("class", "kx-chips-label"), T(label+": ")),
		El("ul", A("class", "kx-chip-list", "aria-label", label), items...))
}

// detail is the open detail of a measure: before/after, goals, indicators,
// budget, FTE, milestones, links. Escape closes it.
func (b builder) detail(ms *portfolio.Measure, fig *controlling.Measure) *Node {
	title := ms.Title.In(b.lang)
	h := b.heading(3) // the detail's parts
	d := El("section", A("class", "kx-detail", "part", "detail", "id", "kx-detail-"+string(ms.ID),
		"aria-labelledby", "kx-detail-h-"+string(ms.ID), "data-on-keydown", "detailkey:"+string(ms.ID),
		"data-testid", "detail-"+string(ms.ID)),
		El(b.heading(2), A("id", "kx-detail-h-"+string(ms.ID), "tabindex", "-1", "class", "kx-detail-title"),
			T(b.msg("details", "title", title))))
	if s := ms.Summary.In(b.lang); s != "" {
		d.Children = append(d.Children, El("p", nil, T(s)))
	}
	if ms.Before.In(b.lang) != "" || ms.After.In(b.lang) != "" {
		d.Children = append(d.Children, El("div", A("class", "kx-before-after"),
			El("div", A("class", "kx-before"), El(h, nil, T(b.msg("before"))), El("p", nil, T(ms.Before.In(b.lang)))),
			El("div", A("class", "kx-after"), El(h, nil, T(b.msg("after"))), El("p", nil, T(ms.After.In(b.lang))))))
	}
	goals := El("ul", A("class", "kx-plain"))
	for _, gid := range ms.Goals {
		name := string(gid)
		if g, _, ok := b.m.Strategy.Goal(gid); ok {
			name += " " + g.Title.In(b.lang)
		}
		goals.Children = append(goals.Children, El("li", nil, T(name)))
	}
	d.Children = append(d.Children, El(h, nil, T(b.msg("goals"))), goals)
	if len(ms.Indicators) > 0 {
		ul := El("ul", A("class", "kx-plain kx-indicators"))
		for i, in := range ms.Indicators {
			var f controlling.IndicatorFigures
			if i < len(fig.Indicators) {
				f = fig.Indicators[i]
			}
			latest := "–"
			if n := len(in.Actuals); n > 0 {
				latest = Number(b.lang, in.Actuals[n-1].Value, -1) + " " + in.Unit
			}
			ul.Children = append(ul.Children, El("li", nil,
				El("strong", nil, T(in.Title.In(b.lang))),
				T(": "+b.msg("indicator.line", "a", share(b.lang, f.Achievement), "e", share(b.lang, f.Expected))),
				El("br", nil),
				El("span", A("class", "kx-meta"), T(b.msg("indicator.values",
					"b", Number(b.lang, in.Baseline.Value, -1)+" "+in.Unit,
					"t", Number(b.lang, in.Target.Value, -1)+" "+in.Unit, "l", latest)))))
		}
		d.Children = append(d.Children, El(h, nil, T(b.msg("indicators"))), ul)
	}
	var money []*Node
	if ms.Budget != nil {
		bu := controlling.Budget{Planned: ms.Budget.Planned, Spent: ms.Budget.Spent, CPI: fig.CPI}
		if fig.EarnedValue != nil {
			bu.EarnedValue = *fig.EarnedValue
		}
		money = append(money, El("p", nil, T(b.budget(bu))))
	}
	if ms.Savings != nil {
		money = append(money, El("p", nil, T(b.msg("fte.one", "e", Number(b.lang, fig.FTE, 2)))))
	}
	if ms.Purpose != "" {
		money = append(money, El("p", nil, T(b.msg("purpose")+": "+b.msg("purpose."+string(ms.Purpose)))))
	}
	d.Children = append(d.Children, money...)
	if len(ms.Milestones) > 0 {
		ul := El("ul", A("class", "kx-plain kx-milestones"))
		for _, mi := range ms.Milestones {
			mark, word := "○", b.msg("milestone.open")
			if mi.Done {
				mark, word = "✓", b.msg("milestone.done")
			}
			ul.Children = append(ul.Children, El("li", nil, El("span", A("aria-hidden", "true"), T(mark+" ")),
				T(FormatDate(b.lang, mi.Due)+": "+mi.Title.In(b.lang)+" ("+word+")")))
		}
		d.Children = append(d.Children, El(h, nil, T(b.msg("milestones"))), ul)
	}
	if len(ms.DependsOn) > 0 {
		var names []string
		for _, id := range ms.DependsOn {
			if o := b.m.measure(id); o != nil {
				names = append(names, o.Title.In(b.lang))
			}
		}
		d.Children = append(d.Children, El("p", nil, T(b.msg("dependsOn")+": "+strings.Join(names, ", "))))
	}
	var links []*Node
	for _, l := range ms.Links {
		if href, ok := SafeURL(l.URL); ok {
			links = append(links, El("li", nil, El("a", A("href", href, "rel", "noopener noreferrer", "target", "_blank"), T(l.Title.In(b.lang)))))
		}
	}
	if len(links) > 0 {
		d.Children = append(d.Children, El(h, nil, T(b.msg("links"))), El("ul", A("class", "kx-plain"), links...))
	}
	d.Children = append(d.Children, El("button", A("type", "button", "class", "kx-close", "data-on-click", "close:"+string(ms.ID),
		"data-testid", "detail-close"), T(b.msg("close"))))
	return d
}

// share formats a 0..1 share as percent; nil is "–".
func share(lang string, f *float64) string {
	if f == nil {
		return "–"
	}
	return Percent(lang, *f*100)
}

// SafeURL returns u when it is an absolute https: or mailto: URL, the only
// links the widget renders.
func SafeURL(u string) (string, bool) {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil || (p.Scheme != "https" && p.Scheme != "mailto") {
		return "", false
	}
	if p.Scheme == "https" && p.Host == "" {
		return "", false
	}
	return p.String(), true
}

// timeline is a bar per measure over the years of the portfolio, a page
// at a time, with a mark at asOf on the axis and on every track (never
// across the row labels). Bars are positioned with CSS custom properties.
func (b builder) timeline(shown []*portfolio.Measure) []*Node {
	if len(shown) == 0 {
		return []*Node{El("p", A("class", "kx-empty", "data-testid", "empty"), T(b.msg("none")))}
	}
	first, last := b.m.Report.AsOf.First().Year(), b.m.Report.AsOf.First().Year()
	for _, ms := range shown {
		first = min(first, ms.Start.First().Year())
		last = max(last, ms.End.Last().Year())
	}
	from := strategy.Date{Y: first, Precision: strategy.Year}.First()
	to := strategy.Date{Y: last + 1, Precision: strategy.Year}.First()
	axis := El("ol", A("class", "kx-axis", "aria-hidden", "true"))
	// Every year has a tick; on narrow widths (CSS) only every other year,
	// and on long spans only every step-th year, keeps its number.
	step := (last - first + 12) / 12
	for y := first; y <= last; y++ {
		class := "kx-year"
		if (y-first)%step != 0 {
			class += " kx-year--hidden"
		} else if (y-first)/step%2 == 1 {
			class += " kx-year--minor"
		}
		axis.Children = append(axis.Children, El("li", A("class", class), T(strconv.Itoa(y))).
			WithStyle("--kx-start", pct(100*yearFraction(strategy.Date{Y: y, Precision: strategy.Year}.First(), from, to))).
			WithStyle("--kx-width", pct(100/float64(last-first+1))))
	}
	items, more := b.paged("timeline", len(shown), func(i int) *Node {
		ms := shown[i]
		fig := b.m.Figures(ms.ID)
		s := yearFraction(ms.Start.First(), from, to)
		e := yearFraction(ms.End.Last().AddDate(0, 0, 1), from, to)
		return El("li", A("class", "kx-row", "data-testid", "bar-"+string(ms.ID), "data-status", string(fig.Status)),
			El("button", A("type", "button", "class", "kx-link kx-row-label", "data-on-click", "open:"+string(ms.ID)), T(ms.Title.In(b.lang))),
			El("span", A("class", "kx-row-text"), T(Years(ms.Start, ms.End)+" · "+Percent(b.lang, fig.Progress)+" · "), b.status(fig.Status)),
			El("div", A("class", "kx-track", "aria-hidden", "true"),
				El("div", A("class", "kx-span kx-span--"+string(fig.Status))).
					WithStyle("--kx-start", pct(100*s)).WithStyle("--kx-width", pct(100*(e-s))).
					WithStyle("--kx-p", pct(fig.Progress))),
		)
	})
	asOf := yearFraction(b.m.Report.AsOf.First(), from, to)
	line := "kx-asof-line"
	if asOf > 0.5 { // the label goes left of the line, so it never runs off the right edge
		line += " kx-asof-line--end"
	}
	return []*Node{El("div", A("class", "kx-timeline", "part", "timeline", "role", "group", "aria-label", b.msg("timeline.label"), "data-testid", "timeline"),
		El("div", A("class", "kx-chart"),
			El("div", A("class", "kx-axis-wrap"),
				El("div", A("class", line, "data-testid", "asof-line"),
					El("span", A("class", "kx-asof-label"), T(b.msg("asOf", "date", FormatDate(b.lang, b.m.Report.AsOf))))),
				axis),
			El("ul", A("class", "kx-rows"), items...)).WithStyle("--kx-asof", pct(100*asOf)),
		more)}
}
