package explorer

import (
	"slices"
	"strings"

	"github.com/bl-digital/kompass/controlling"
	"github.com/bl-digital/kompass/portfolio"
	"github.com/bl-digital/kompass/strategy"
)

// Event is a DOM event on an element with an event binding: Type is the
// DOM event type ("click", "keydown", "input", "change"), Action the value of
// the element's data-on-<type> attribute ("toggle:GK"), Value the element's
// value (inputs, selects) and Key the key pressed (keydown).
type Event struct {
	Type, Action, Value, Key string
}

// Effect is what the adapter does after rendering a new state.
type Effect struct {
	// Focus is the id of the element to focus, or "".
	Focus string
	// PreventDefault tells the adapter to cancel the event's default action
	// (arrow keys on tabs, for example, must not scroll the page).
	PreventDefault bool
	// ReplaceHistory is true when the hash should be replaced rather than a
	// history entry pushed (typing in the search field).
	ReplaceHistory bool
}

// Dispatch applies event e to state s and returns the new state and what
// the adapter should do besides rendering. Events it does not know leave s
// as it is. m may be nil only for events that need no data.
func Dispatch(m *Model, cfg Config, s State, e Event) (State, Effect) {
	action, arg, _ := strings.Cut(e.Action, ":")
	switch {
	case e.Type == "click" && action == "view":
		if v, ok := ParseView(arg); ok {
			return s.SetView(v), Effect{}
		}
	case e.Type == "keydown" && action == "tabkey":
		cur, _ := ParseView(arg)
		i := slices.Index(Views, cur)
		switch e.Key {
		case "ArrowRight", "ArrowDown":
			i = (i + 1) % len(Views)
		case "ArrowLeft", "ArrowUp":
			i = (i + len(Views) - 1) % len(Views)
		case "Home":
			i = 0
		case "End":
			i = len(Views) - 1
		default:
			return s, Effect{}
		}
		return s.SetView(Views[i]), Effect{Focus: "kx-tab-" + string(Views[i]), PreventDefault: true}
	case e.Type == "click" && action == "toggle":
		return s.Toggle(strategy.ID(arg)), Effect{}
	case e.Type == "click" && action == "cancelled":
		return s.ToggleCancelled(), Effect{}
	case e.Type == "click" && action == "more":
		// The page shown may be longer than s says (a selected card past
		// the first page); the next page follows the one shown.
		if m != nil {
			s = m.Normalize(s, cfg)
		}
		return s.ShowMore(), Effect{Focus: "kx-next-" + arg}
	case e.Type == "click" && action == "explain":
		return s.ToggleExplain(arg), Effect{}
	case e.Type == "click" && action == "select":
		if s.Selected == strategy.ID(arg) {
			return s.Select(""), Effect{Focus: "kx-btn-" + arg}
		}
		return s.Select(strategy.ID(arg)), Effect{Focus: "kx-detail-h-" + arg}
	case e.Type == "click" && action == "open":
		s = s.Reset(cfg).SetView(Measures).Select(strategy.ID(arg))
		return s, Effect{Focus: "kx-detail-h-" + arg}
	case e.Type == "click" && action == "close":
		return s.Select(""), Effect{Focus: "kx-btn-" + arg}
	case e.Type == "keydown" && action == "detailkey" && e.Key == "Escape":
		return s.Select(""), Effect{Focus: "kx-btn-" + arg, PreventDefault: true}
	case e.Type == "click" && action == "reset":
		return s.Reset(cfg), Effect{Focus: "kx-filter-query"}
	case (e.Type == "change" || e.Type == "input") && action == "filter":
		return setFilter(m, cfg, s, arg, e.Value), Effect{ReplaceHistory: arg == "query"}
	}
	return s, Effect{}
}

// setFilter sets filter name to value; an unknown value clears the filter.
func setFilter(m *Model, cfg Config, s State, name, value string) State {
	f := s.Filter
	switch name {
	case "focus-area":
		if cfg.Focus == "" {
			f.FocusArea = validID(value)
		}
	case "goal":
		f.Goal = validID(value)
	case "owner":
		f.Owner = validID(value)
	case "field":
		f.Field = ""
		if slices.Contains(portfolio.Fields(), portfolio.Field(value)) {
			f.Field = portfolio.Field(value)
		}
	case "beneficiary":
		f.Beneficiary = ""
		if slices.Contains(strategy.Beneficiaries(), strategy.Beneficiary(value)) {
			f.Beneficiary = strategy.Beneficiary(value)
		}
	case "status":
		f.Status = ""
		if slices.Contains(StatusFilters, controlling.ScheduleStatus(value)) {
			f.Status = controlling.ScheduleStatus(value)
		}
	case "query":
		f.Query = truncate(value, maxQuery)
	}
	s = s.SetFilter(f)
	if m != nil {
		s = m.Normalize(s, cfg)
	}
	return s
}

func validID(v string) strategy.ID {
	if strategy.ID(v).Valid() {
		return strategy.ID(v)
	}
	return ""
}
