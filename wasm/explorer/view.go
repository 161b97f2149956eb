package explorer

import (
	"math"
	"strconv"
	"strings"

	"github.com/bl-digital/kompass/controlling"
	"github.com/bl-digital/kompass/strategy"
)

// The view model is built by one builder method per block, each in the file
// of its view: view_tree.go (the strategy tree), view_cards.go and
// view_detail.go (the measure cards and a measure's detail),
// view_timeline.go, view_filters.go and view_explain.go ("how is this
// computed?"). Blocks that may later hold a chart (the summary's figures, a
// focus area's and a goal's figures, a measure's indicators) are single
// functions returning one element, so a chart node can go in there.

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
func Build(m *Model, s State, cfg Config) *Node { return build(m, s, cfg, false) }

// BuildFirst is Build without the charts: each chart is an empty figure
// (class kx-chart-pending, hidden from assistive technology) as tall as the
// chart will be, so that drawing it later moves nothing. The figures the
// charts show are in the view as text either way. The widget shows this
// first, and the complete view (Build) after the browser has painted it:
// the charts are some 40 % of the first view's code and a third of its
// elements, and a browser compiles code on its first call.
func BuildFirst(m *Model, s State, cfg Config) *Node { return build(m, s, cfg, true) }

func build(m *Model, s State, cfg Config, pending bool) *Node {
	s = m.Normalize(s, cfg)
	b := builder{m: m, s: s, cfg: cfg, lang: s.Lang, h: cfg.headingLevel(), pending: pending}
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

type builder struct {
	m    *Model
	s    State
	cfg  Config
	lang string
	h    int // the level of the widget's title heading
	// pending leaves the charts out: BuildFirst.
	pending bool
}

func (b builder) msg(key string, pairs ...string) string { return Msg(b.lang, key, pairs...) }

// heading is the tag of a heading depth levels below the widget's title,
// never deeper than h6. Headings are styled by class, never by level, so a
// deep level reads as well as a shallow one.
func (b builder) heading(depth int) string { return "h" + strconv.Itoa(min(6, b.h+depth)) }

// textLang is the language text t is shown in when the widget speaks lang:
// lang itself, or the language it falls back to (German first).
func textLang(t strategy.Text, lang string) string {
	if t[lang] != "" {
		return lang
	}
	if t["de"] != "" {
		return "de"
	}
	for _, l := range strategy.Languages() {
		if t[l] != "" {
			return l
		}
	}
	return lang
}

// data shows a text from the data: a text node, or a span marked with the
// language it falls back to (lang="de") when it has none in the widget's,
// so screen readers read it right.
func (b builder) data(t strategy.Text) *Node {
	s := dataString(t, b.lang)
	if l := textLang(t, b.lang); l != b.lang {
		return El("span", A("lang", l), T(s))
	}
	return T(s)
}

// dataString is text t as the widget in lang shows it: in lang or its
// fallback, and a French text with French spacing (a no-break space
// before : ; ? ! and inside « »), whoever typed it.
func dataString(t strategy.Text, lang string) string {
	s := t.In(lang)
	if textLang(t, lang) == "fr" {
		s = frenchSpaces(s)
	}
	return s
}

// dataIn is data with a class, as an element (a paragraph or a span), with
// lang set when the text falls back to another language.
func (b builder) dataIn(tag, class string, t strategy.Text) *Node {
	lang := ""
	if l := textLang(t, b.lang); l != b.lang {
		lang = l
	}
	return El(tag, A("class", class, "lang", lang), T(dataString(t, b.lang)))
}

// ShowAllUpTo is the longest list shown whole; longer lists show PageSize
// items a page at a time, which keeps a filter change on thousands of
// measures within one frame.
const ShowAllUpTo = 60

// listLimit is how many of n items a long list shows in s.
func listLimit(s State, n int) int {
	if n <= ShowAllUpTo {
		return n
	}
	return min(n, s.Limit())
}

// paged builds the items a long list key of n items shows (item builds item
// i) and, when items are left, a "show more" block to put after the list.
// The first item of the newest page gets the id kx-next-KEY and tabindex
// -1: "show more" moves the focus there.
func (b builder) paged(key string, n int, item func(i int) *Node) (items []*Node, more *Node) {
	limit := listLimit(b.s, n)
	items = make([]*Node, limit)
	for i := range items {
		items[i] = item(i)
	}
	if start := PageSize * b.s.More; b.s.More > 0 && start < limit {
		items[start] = items[start].withAttrs(Attr{"id", "kx-next-" + key}, Attr{"tabindex", "-1"})
	}
	if limit >= n {
		return items, nil
	}
	sid := "kx-shown-" + key
	return items, El("div", A("class", "kx-more"),
		El("p", A("class", "kx-meta", "id", sid), T(b.msg("shown", "n", strconv.Itoa(limit), "m", strconv.Itoa(n)))),
		El("button", A("type", "button", "class", "kx-btn kx-more-btn", "aria-describedby", sid,
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
	text := El("span", A("class", "kx-progress-text"), T(Percent(b.lang, v)))
	if planned != nil {
		text.Children = append(text.Children, El("span", A("class", "kx-planned-text"), T(" ("+b.msg("planned", "p", Percent(b.lang, *planned))+")")))
	}
	return El("div", A("class", "kx-progress-row"), bar, text)
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

// rollupStatus is r's status as shown: uncovered when nothing below has progress.
func rollupStatus(r controlling.Rollup) controlling.ScheduleStatus {
	if r.Progress == nil && r.Coverage.Covered == 0 {
		return controlling.Uncovered
	}
	return r.Status
}

// figures renders a roll-up: its progress and status, the counts per
// status, and only the lines that say something: coverage when goals lack
// measures, stale measures when there are some, FTE and budget when there
// are figures. It ends with the "how is this computed?" disclosure. A chart
// of the roll-up goes into this block.
//
// The block depends on the report, the language, the heading level and
// whether its explanation is open, not on the filters: it is built once
// and reused, so a filter change neither builds nor diffs the figures of
// the focus areas it shows again.
func (b builder) figures(key, label string, r controlling.Rollup, ms []strategy.ID, withCounts bool) *Node {
	return b.cached("figures-"+key+"-"+label+"-"+strconv.FormatBool(withCounts)+"-"+strconv.FormatBool(b.s.Explain == key)+"-"+strconv.Itoa(b.h)+b.pendingKey(),
		func() *Node { return b.buildFigures(key, label, r, ms, withCounts) })
}

func (b builder) buildFigures(key, label string, r controlling.Rollup, ms []strategy.ID, withCounts bool) *Node {
	meta := El("p", A("class", "kx-meta"), b.status(rollupStatus(r)))
	if r.Coverage.Total > 1 && r.Coverage.Covered < r.Coverage.Total {
		meta.Children = append(meta.Children, T(" · "+b.msg("coverage", "c", strconv.Itoa(r.Coverage.Covered), "t", strconv.Itoa(r.Coverage.Total))))
	}
	parts := []*Node{b.progress(label, r.Progress, nil), meta}
	parts = append(parts, b.statusChart(key, "", r, !withCounts)) // chart.go
	if n := b.m.staleAmong(ms); n > 0 {
		parts = append(parts, El("p", A("class", "kx-meta kx-stale-note", "data-flag", "stale"),
			El("span", A("aria-hidden", "true"), T("⚠ ")),
			T(b.msg("stale.count", "n", strconv.Itoa(n), "m", strconv.Itoa(len(ms))))))
	}
	if r.FTE.Expected > 0 || r.FTE.Realized > 0 {
		parts = append(parts, El("p", A("class", "kx-meta"), T(b.msg("fte", "e", Number(b.lang, r.FTE.Expected, 2), "r", Number(b.lang, r.FTE.Realized, 2)))))
	}
	if r.Budget.Planned > 0 || r.Budget.Spent > 0 {
		parts = append(parts, El("p", A("class", "kx-meta"), T(b.budget(r.Budget))))
	}
	parts = append(parts, b.explain(key))
	return El("div", A("class", "kx-figures"), parts...)
}

func (b builder) budget(bu controlling.Budget) string {
	s := b.msg("budget.line", "planned", Amount(b.lang, bu.Planned), "spent", Amount(b.lang, bu.Spent))
	if bu.CPI != nil {
		return s + " · " + b.msg("budget.cpi", "cpi", Number(b.lang, *bu.CPI, 2))
	}
	return s
}

// safeID turns a figure key ("goal:GK1") into an id fragment ("goal-GK1").
func safeID(key string) string { return strings.ReplaceAll(key, ":", "-") }

// summary is the header: the portfolio, the date, and the strategy's (or
// the fixed focus area's) figures.
//
// The summary does not change with the filters, the view or the page: it
// is built once per report, language, heading level and open explanation,
// and a filter change reuses the very node, which the renderer skips.
func (b builder) summary() *Node {
	key := "strategy"
	if b.cfg.Focus != "" {
		key = "area:" + string(b.cfg.Focus)
	}
	return b.cached("summary-"+strconv.Itoa(b.h)+"-"+strconv.FormatBool(b.s.Explain == key)+b.pendingKey(), b.buildSummary)
}

func (b builder) buildSummary() *Node {
	r := b.m.Report
	roll, key := r.Strategy.Rollup, "strategy"
	if b.cfg.Focus != "" {
		for _, fa := range r.FocusAreas {
			if fa.ID == b.cfg.Focus {
				roll, key = fa.Rollup, "area:"+string(fa.ID)
			}
		}
	}
	return El("header", A("class", "kx-head", "part", "header", "data-testid", "summary"),
		El(b.heading(0), A("class", "kx-h kx-title"), b.data(b.titleText())),
		El("p", A("class", "kx-asof"), b.data(b.m.Portfolio.Title), T(" · "+b.msg("asOf", "date", FormatDate(b.lang, r.AsOf)))),
		b.figures(key, b.msg("progress.of", "title", b.title()), roll, b.m.measuresOf(key), true))
}

// titleText is the widget's title: the strategy's, or the fixed focus area's.
func (b builder) titleText() strategy.Text {
	if sfa, ok := b.m.Strategy.FocusArea(b.cfg.Focus); ok && b.cfg.Focus != "" {
		return sfa.Title
	}
	return b.m.Strategy.Title
}

func (b builder) title() string { return dataString(b.titleText(), b.lang) }

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

// names joins the names of items with commas.
func names(items []string) string { return strings.Join(items, ", ") }
