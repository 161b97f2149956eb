package explorer

import (
	"strconv"

	"github.com/bl-digital/kompass/controlling"
	"github.com/bl-digital/kompass/portfolio"
	"github.com/bl-digital/kompass/strategy"
)

// treeFiltered reports whether the tree shows only what matches: any
// filter beyond a focus fixed by the host element. A filtered tree shows
// only the focus areas and goals that hold matching measures, opened, with
// the matches; its headings are plain headings, not toggles.
func (b builder) treeFiltered() bool { return b.s.Filter != Filter{FocusArea: b.cfg.Focus} }

// tree is the strategy tree: focus areas, their goals, and the goals'
// measures that pass the filter, as nested disclosure lists, and the
// cancelled measures that pass it behind a disclosure of their own.
//
// A filtered tree is a list of results: the focus areas and goals holding
// matches, opened, each goal with its matching measures. When it would
// list more than ShowAllUpTo rows, it lists a page of rows (goal after
// goal) and one "show more" at its end; goals past the page show their
// count only.
func (b builder) tree(shown []*portfolio.Measure) []*Node {
	in := b.shownSet(shown)
	filtered := b.treeFiltered()
	// A first pass counts the matches of each goal without collecting
	// them; the second collects only the ids a goal lists: none for a
	// closed area, the rows of the page for a filtered tree. (Collecting
	// all 2,000 ids of an unfiltered tree was half the Go work of a
	// filter change.)
	type goalRows struct {
		g       controlling.Goal
		places  []int // the positions of the goal's measures in the portfolio
		matches int
	}
	var areas []controlling.FocusArea
	var rows [][]goalRows // per area shown
	total := 0
	for _, fa := range b.m.Report.FocusAreas {
		if b.s.Filter.FocusArea != "" && fa.ID != b.s.Filter.FocusArea {
			continue
		}
		var gs []goalRows
		for _, g := range fa.Goals {
			if b.s.Filter.Goal != "" && g.ID != b.s.Filter.Goal {
				continue
			}
			places := b.m.positionsOf("goal:"+string(g.ID), g.Measures)
			n := countIn(places, in)
			if filtered && n == 0 {
				continue
			}
			total += n
			gs = append(gs, goalRows{g, places, n})
		}
		if filtered && len(gs) == 0 {
			continue
		}
		areas, rows = append(areas, fa), append(rows, gs)
	}
	// ids returns the ids of the first n matches of gr.
	ids := func(gr goalRows, n int) []strategy.ID {
		out := make([]strategy.ID, 0, n)
		for _, i := range gr.places {
			if len(out) == n {
				break
			}
			if in[i] {
				out = append(out, b.m.Portfolio.Measures[i].ID)
			}
		}
		return out
	}
	budget, nextAt := total, -1 // rows a filtered tree lists, and the first of the newest page
	if filtered {
		budget = listLimit(b.s, total)
		if b.s.More > 0 && budget > PageSize*b.s.More {
			nextAt = PageSize * b.s.More
		}
	}
	ul := El("ul", A("class", "kx-tree", "part", "tree", "data-testid", "tree"))
	listed := 0
	for i, fa := range areas {
		var goals []*Node
		for _, gr := range rows[i] {
			if !filtered {
				if b.s.IsExpanded(fa.ID) { // a closed area's goals are not built: nobody sees them
					goals = append(goals, b.goal(gr.g, ids(gr, gr.matches), gr.matches, false, -1))
				}
				continue
			}
			n := min(gr.matches, max(0, budget-listed))
			next := -1
			if nextAt >= listed && nextAt < listed+n {
				next = nextAt - listed
			}
			listed += n
			goals = append(goals, b.goal(gr.g, ids(gr, n), gr.matches, true, next))
		}
		matches := 0
		if filtered {
			key := "area:" + string(fa.ID)
			matches = countIn(b.m.positionsOf(key, b.m.measuresOf(key)), in)
		}
		ul.Children = append(ul.Children, b.area(fa, goals, filtered, matches))
	}
	var out []*Node
	if len(ul.Children) > 0 {
		out = append(out, b.overviewCharts(filtered), ul) // chart.go
	}
	if filtered && budget < total {
		sid := "kx-shown-tree"
		out = append(out, El("div", A("class", "kx-more"),
			El("p", A("class", "kx-meta", "id", sid), T(b.msg("shown", "n", strconv.Itoa(budget), "m", strconv.Itoa(total)))),
			El("button", A("type", "button", "class", "kx-btn kx-more-btn", "aria-describedby", sid,
				"data-on-click", "more:tree", "data-testid", "more-tree"), T(b.msg("more", "n", strconv.Itoa(min(PageSize, total-budget)))))))
	}
	out = append(out, b.cancelledList(b.visible(in))...)
	if len(out) == 0 {
		return []*Node{El("p", A("class", "kx-empty", "data-testid", "empty"), T(b.msg("none")))}
	}
	return out
}

// area is a focus area of the tree with its figures and, when open, goals.
func (b builder) area(fa controlling.FocusArea, goals []*Node, filtered bool, matches int) *Node {
	sfa, _ := b.m.Strategy.FocusArea(fa.ID)
	key := "area:" + string(fa.ID)
	open := filtered || b.s.IsExpanded(fa.ID)
	gid := "kx-area-" + string(fa.ID)
	var count *Node
	if filtered {
		count = El("span", A("class", "kx-node-count"), T(" ("+b.msg("count", "n", strconv.Itoa(matches), "m", strconv.Itoa(len(b.m.measuresOf(key))))+")"))
	}
	li := El("li", A("class", "kx-area", "data-testid", "area-"+string(fa.ID)),
		b.nodeHead(1, fa.ID, gid, open, filtered, T(string(fa.ID)+" · "), b.data(sfa.Title), count),
		b.figures(key, b.msg("progress.of", "title", dataString(sfa.Title, b.lang)), fa.Rollup, b.m.measuresOf(key), false)).WithKey(string(fa.ID))
	if open {
		li.Children = append(li.Children, El("ul", A("class", "kx-goals", "id", gid), goals...))
	}
	return li
}

// nodeHead is the heading of a tree node: a toggle button, or plain text in
// a filtered tree (where every node shown is open).
func (b builder) nodeHead(depth int, id strategy.ID, controls string, open, filtered bool, label ...*Node) *Node {
	if filtered { // the heading holds the label itself: a filter change in the tree builds some 26 of them
		return El(b.heading(depth), A("class", "kx-h kx-node-head kx-node-label", "data-testid", "label-"+string(id)), joinTexts(label)...)
	}
	h := El(b.heading(depth), A("class", "kx-h kx-node-head"))
	h.Children = append(h.Children, El("button", A("type", "button", "class", "kx-toggle", "id", "kx-toggle-"+string(id), "aria-expanded", strconv.FormatBool(open),
		"aria-controls", controls, "data-on-click", "toggle:"+string(id), "data-testid", "toggle-"+string(id)),
		El("span", A("class", "kx-chevron", "aria-hidden", "true")),
		El("span", A("class", "kx-toggle-label"), label...)))
	return h
}

// joinTexts joins adjacent texts of nodes into one ("GK1 · " and a title
// in the widget's language): one text node fewer to create and lay out.
func joinTexts(nodes []*Node) []*Node {
	out := nodes[:0:0]
	for _, n := range nodes {
		if n == nil {
			continue
		}
		if k := len(out) - 1; n.Tag == "" && k >= 0 && out[k].Tag == "" {
			out[k] = T(out[k].Text + n.Text)
			continue
		}
		out = append(out, n)
	}
	return out
}

// cancelledList is the tree's disclosure of the cancelled measures that pass the filter.
func (b builder) cancelledList(visible func(strategy.ID) bool) []*Node {
	if b.s.Filter.Status != "" && b.s.Filter.Status != controlling.Cancelled {
		return nil
	}
	var cancelled []strategy.ID
	for _, id := range b.m.Report.Cancelled {
		if visible(id) {
			cancelled = append(cancelled, id)
		}
	}
	if len(cancelled) == 0 {
		return nil
	}
	open := b.s.Cancelled
	head := El(b.heading(1), A("class", "kx-h kx-sub kx-node-head"),
		El("button", A("type", "button", "class", "kx-toggle", "id", "kx-toggle-cancelled", "aria-expanded", strconv.FormatBool(open),
			"aria-controls", "kx-cancelled", "data-on-click", "cancelled", "data-testid", "toggle-cancelled"),
			El("span", A("class", "kx-chevron", "aria-hidden", "true")),
			T(b.msg("cancelled.list")+" ("+strconv.Itoa(len(cancelled))+")")))
	if !open {
		return []*Node{head}
	}
	return b.openCancelled(head, cancelled)
}

// openCancelled is the open list of the cancelled measures under its
// heading head: a function of its own, so that the first render (the list
// closed) does not run it.
func (b builder) openCancelled(head *Node, cancelled []strategy.ID) []*Node {
	items, more := b.paged("cancelled", len(cancelled), func(i int) *Node {
		return b.measureRow(b.m.measure(cancelled[i]))
	})
	return []*Node{head, El("ul", A("class", "kx-plain", "id", "kx-cancelled", "data-testid", "cancelled"), items...), more}
}

// shownSet marks, by position in the portfolio, the measures among shown
// (which Filtered returns in portfolio order, as pointers into it): one
// pass without looking ids up.
func (b builder) shownSet(shown []*portfolio.Measure) []bool {
	all := b.m.Portfolio.Measures
	in := make([]bool, len(all))
	j := 0
	for i := range all {
		if j < len(shown) && shown[j] == &all[i] {
			in[i] = true
			j++
		}
	}
	if j < len(shown) { // not in portfolio order: look them up
		for _, ms := range shown {
			in[b.m.index[ms.ID]] = true
		}
	}
	return in
}

// visible returns whether a measure is among shown.
func (b builder) visible(in []bool) func(strategy.ID) bool {
	return func(id strategy.ID) bool {
		i, ok := b.m.index[id]
		return ok && in[i]
	}
}

// positionsOf returns the positions in the portfolio of ids, the measures
// of figure key, computed once per model: a filter change counts and lists
// the matches of every goal and focus area without looking ids up.
func (m *Model) positionsOf(key string, ids []strategy.ID) []int {
	m.mu.Lock()
	defer m.mu.Unlock()
	if p, ok := m.places[key]; ok {
		return p
	}
	p := make([]int, 0, len(ids))
	for _, id := range ids {
		if i, ok := m.index[id]; ok {
			p = append(p, i)
		}
	}
	if m.places == nil {
		m.places = map[string][]int{}
	}
	m.places[key] = p
	return p
}

// countIn counts the positions marked in in.
func countIn(places []int, in []bool) int {
	n := 0
	for _, i := range places {
		if in[i] {
			n++
		}
	}
	return n
}

// goal is a goal of the tree: its heading and, when open, the measures
// ids that pass the filter. Unfiltered, it has its figures and pages its
// list itself; filtered, it lists the rows the tree gives it (of matches
// in all), without figures, the row next getting the focus target of
// "show more".
func (b builder) goal(g controlling.Goal, ids []strategy.ID, matches int, filtered bool, next int) *Node {
	sg, _, _ := b.m.Strategy.Goal(g.ID)
	open := filtered || b.s.IsExpanded(g.ID)
	mid := "kx-goal-" + string(g.ID)
	count := b.msg("measures.count", "n", strconv.Itoa(len(g.Measures)))
	if filtered {
		count = b.msg("count", "n", strconv.Itoa(matches), "m", strconv.Itoa(len(g.Measures)))
	}
	li := El("li", A("class", "kx-goal", "data-testid", "goal-"+string(g.ID)),
		b.nodeHead(2, g.ID, mid, open, filtered, T(string(g.ID)+" · "), b.data(sg.Title),
			El("span", A("class", "kx-node-count"), T(" ("+count+")")))).WithKey(string(g.ID))
	if !filtered {
		li.Children = append(li.Children, b.figures("goal:"+string(g.ID), b.msg("progress.of", "title", dataString(sg.Title, b.lang)), g.Rollup, g.Measures, false))
	}
	if !open {
		return li
	}
	row := func(i int) *Node { return b.measureRow(b.m.measure(ids[i])) }
	if filtered {
		if len(ids) == 0 {
			return li
		}
		items := make([]*Node, len(ids))
		for i := range ids {
			items[i] = row(i)
		}
		if next >= 0 {
			items[next] = items[next].withAttrs(Attr{"id", "kx-next-tree"}, Attr{"tabindex", "-1"})
		}
		li.Children = append(li.Children, El("ul", A("class", "kx-plain kx-measures", "id", mid), items...))
		return li
	}
	if len(ids) == 0 {
		li.Children = append(li.Children, El("ul", A("class", "kx-plain", "id", mid), El("li", A("class", "kx-empty"), T(b.msg("none")))))
		return li
	}
	items, more := b.paged("goal-"+string(g.ID), len(ids), row)
	li.Children = append(li.Children, El("ul", A("class", "kx-plain kx-measures", "id", mid), items...))
	if more != nil {
		li.Children = append(li.Children, more)
	}
	return li
}

// measureRow is a measure's row in a goal's list, built once per report
// and language: a filter change that lists it again reuses the node.
func (b builder) measureRow(ms *portfolio.Measure) *Node {
	return b.cached("row-"+string(ms.ID), func() *Node {
		return b.measureLink(ms).WithKey(string(ms.ID))
	})
}

// measureLink is a measure in the tree, a list item: a button that opens
// its detail in the measure view, with its progress and status. It is a
// plain block with inline content (a flex row of its own made each row's
// layout a multiple of this; a filter change lists up to 60 rows).
func (b builder) measureLink(ms *portfolio.Measure) *Node {
	fig := b.m.Figures(ms.ID)
	return El("li", A("class", "kx-measure-row"),
		El("button", A("type", "button", "class", "kx-link", "data-on-click", "open:"+string(ms.ID),
			"data-testid", "open-"+string(ms.ID)), b.data(ms.Title)),
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
