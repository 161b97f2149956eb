package explorer

import (
	"slices"

	"github.com/bl-digital/kompass/controlling"
	"github.com/bl-digital/kompass/portfolio"
	"github.com/bl-digital/kompass/strategy"
)

// View is one of the widget's three views.
type View string

const (
	Goals    View = "goals"    // the strategy tree: focus areas, goals, measures
	Measures View = "measures" // the measure cards with a detail panel
	Timeline View = "timeline" // a bar per measure over the years
)

// Views lists the views in tab order.
var Views = []View{Goals, Measures, Timeline}

// ParseView returns the view named s, or Goals and false.
func ParseView(s string) (View, bool) {
	for _, v := range Views {
		if string(v) == s {
			return v, true
		}
	}
	return Goals, false
}

// StatusFilters are the schedule statuses a measure can be filtered by, worst first.
var StatusFilters = []controlling.ScheduleStatus{controlling.Late, controlling.AtRisk,
	controlling.OnTrack, controlling.NotStarted, controlling.Done, controlling.Cancelled}

// Filter narrows the measures shown. The zero Filter shows all.
type Filter struct {
	FocusArea   strategy.ID                // measures with a goal in this focus area
	Goal        strategy.ID                // measures linked to this goal
	Field       portfolio.Field            // measures working in this field
	Beneficiary strategy.Beneficiary       // measures serving this group
	Owner       strategy.ID                // measures of this organisation
	Status      controlling.ScheduleStatus // the measure's computed schedule status
	Query       string                     // free text in title, summary, before, after, id
}

// IsZero reports whether f filters nothing.
func (f Filter) IsZero() bool { return f == Filter{} }

// State is everything the widget's display depends on besides the data. It
// is a value: actions return a new State and never change their input.
type State struct {
	View   View
	Filter Filter
	// Expanded are the ids of the open focus areas and goals in the tree, sorted.
	Expanded []strategy.ID
	// Selected is the measure whose detail is open, or "".
	Selected strategy.ID
	// Explain names the rolled-up figure whose "how is this computed?" is
	// open ("strategy", "area:GK", "goal:GK1"), or "".
	Explain string
	// Lang is the display language: de, fr, it or en.
	Lang string
	// More is how many pages of PageSize items the long lists (the cards,
	// the timeline rows, a goal's measures, the cancelled measures) show
	// beyond their first. Filters, views and Reset set it back to 0; it is
	// not kept in the URL hash.
	More int
	// Cancelled is whether the tree's list of cancelled measures is open.
	Cancelled bool
	// FiltersOpen is whether the filters are shown on a narrow screen,
	// where they sit behind one button. It is not kept in the URL hash.
	FiltersOpen bool
}

// PageSize is how many items a long list shows at first, and how many
// more each "show more" adds.
const PageSize = 12

// Limit is how many items the long lists show in s.
func (s State) Limit() int { return PageSize * (s.More + 1) }

// ShowMore shows the next page of the long lists.
func (s State) ShowMore() State {
	s.More++
	return s
}

// ToggleCancelled opens or closes the tree's list of cancelled measures.
func (s State) ToggleCancelled() State {
	s.Cancelled = !s.Cancelled
	return s
}

// Config is what the host element's attributes fix for one widget.
type Config struct {
	// Lang is the lang attribute, else the page's language; other values mean de.
	Lang string
	// Focus restricts the widget to one focus area (the focus attribute).
	Focus strategy.ID
	// View is the initial view (the view attribute); "" means goals.
	View string
	// HeadingLevel is the level of the widget's title heading (the
	// heading-level attribute), 1 to 6; other values mean 2. Focus areas,
	// cards and the cancelled list are one level below it, goals and a
	// card's detail two, the detail's parts three, never deeper than h6.
	HeadingLevel int
}

// headingLevel is c.HeadingLevel, or 2 when it is out of range.
func (c Config) headingLevel() int {
	if c.HeadingLevel < 1 || c.HeadingLevel > 6 {
		return 2
	}
	return c.HeadingLevel
}

// Default returns the state a widget starts in for cfg.
func Default(cfg Config) State {
	v, _ := ParseView(cfg.View)
	return State{View: v, Lang: NormalizeLang(cfg.Lang), Filter: Filter{FocusArea: cfg.Focus}}
}

// Equal reports whether s and t show the same.
func (s State) Equal(t State) bool {
	return s.View == t.View && s.Filter == t.Filter && slices.Equal(s.Expanded, t.Expanded) &&
		s.Selected == t.Selected && s.Explain == t.Explain && s.Lang == t.Lang &&
		s.More == t.More && s.Cancelled == t.Cancelled && s.FiltersOpen == t.FiltersOpen
}

// ToggleFilters shows or hides the filters on a narrow screen.
func (s State) ToggleFilters() State {
	s.FiltersOpen = !s.FiltersOpen
	return s
}

// FocusAfter is the id of the element to focus when the widget goes from
// state old to state next by the browser's Back or Forward (a hash change):
// the element that belongs to what changed, the one that was in use in that
// state. It is "" when nothing the user acted on changed; the adapter then
// leaves the focus where it is.
func FocusAfter(old, next State) string {
	switch {
	case next.Selected != "" && next.Selected != old.Selected:
		if next.View == Measures {
			return "kx-detail-h-" + string(next.Selected)
		}
	case old.Selected != "" && next.Selected == "" && next.View == Measures && old.View == Measures:
		return "kx-btn-" + string(old.Selected)
	}
	if next.View != old.View {
		return "kx-tab-" + string(next.View)
	}
	if next.Explain != old.Explain {
		key := next.Explain
		if key == "" {
			key = old.Explain
		}
		return "kx-explain-btn-" + safeID(key)
	}
	if f, g := old.Filter, next.Filter; f != g {
		for _, c := range []struct {
			changed bool
			name    string
		}{{f.FocusArea != g.FocusArea, "focus-area"}, {f.Goal != g.Goal, "goal"}, {f.Field != g.Field, "field"},
			{f.Beneficiary != g.Beneficiary, "beneficiary"}, {f.Owner != g.Owner, "owner"},
			{f.Status != g.Status, "status"}, {f.Query != g.Query, "query"}} {
			if c.changed {
				return "kx-filter-" + c.name
			}
		}
	}
	if next.Cancelled != old.Cancelled {
		return "kx-toggle-cancelled"
	}
	if !slices.Equal(old.Expanded, next.Expanded) {
		for _, id := range symmetricDiff(old.Expanded, next.Expanded) {
			return "kx-toggle-" + string(id)
		}
	}
	return ""
}

// symmetricDiff returns the ids in exactly one of the sorted lists a and b.
func symmetricDiff(a, b []strategy.ID) []strategy.ID {
	var out []strategy.ID
	for _, id := range a {
		if _, ok := slices.BinarySearch(b, id); !ok {
			out = append(out, id)
		}
	}
	for _, id := range b {
		if _, ok := slices.BinarySearch(a, id); !ok {
			out = append(out, id)
		}
	}
	return out
}

// IsExpanded reports whether the tree node id is open.
func (s State) IsExpanded(id strategy.ID) bool {
	_, ok := slices.BinarySearch(s.Expanded, id)
	return ok
}

// SetView switches to view v.
func (s State) SetView(v View) State {
	if s.View != v {
		s.More = 0
	}
	s.View = v
	return s
}

// Toggle opens the tree node id when it is closed and closes it when open.
func (s State) Toggle(id strategy.ID) State {
	i, ok := slices.BinarySearch(s.Expanded, id)
	e := make([]strategy.ID, 0, len(s.Expanded)+1)
	e = append(e, s.Expanded[:i]...)
	if ok {
		e = append(e, s.Expanded[i+1:]...)
	} else {
		e = append(append(e, id), s.Expanded[i:]...)
	}
	if len(e) == 0 {
		e = nil
	}
	s.Expanded = e
	return s
}

// Select opens the detail of measure id; "" closes it.
func (s State) Select(id strategy.ID) State {
	s.Selected = id
	return s
}

// ToggleExplain opens the explanation of figure key, or closes it when it is open.
func (s State) ToggleExplain(key string) State {
	if s.Explain == key {
		s.Explain = ""
	} else {
		s.Explain = key
	}
	return s
}

// SetFilter replaces the filter. Choosing a focus area clears a goal of
// another area; the caller checks that (see Model.Normalize).
func (s State) SetFilter(f Filter) State {
	if s.Filter != f {
		s.More = 0
	}
	s.Filter = f
	return s
}

// Reset clears every filter except a focus fixed by cfg, and closes the detail.
func (s State) Reset(cfg Config) State {
	s.Filter = Filter{FocusArea: cfg.Focus}
	s.Selected = ""
	s.More = 0
	return s
}
