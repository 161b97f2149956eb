package explorer

import (
	"strconv"

	"github.com/bl-digital/kompass/portfolio"
)

// cards is the measure list: one card per measure (all of them up to
// ShowAllUpTo, else a page at a time) and, right after the selected card,
// its detail as a row of its own across the whole grid. The grid fills the
// cells beside the selected card with the cards that follow (CSS
// grid-auto-flow: dense), so opening a detail leaves no hole. Cards (like
// timeline rows) have no key: after a filter change the renderer patches
// the elements in place, a fifth of the DOM operations of replacing them.
func (b builder) cards(shown []*portfolio.Measure) []*Node {
	if len(shown) == 0 {
		return []*Node{El("p", A("class", "kx-empty", "data-testid", "empty"), T(b.msg("none")))}
	}
	items, more := b.paged("cards", len(shown), func(i int) *Node { return b.cachedCard(shown[i]) })
	for i, ms := range shown[:len(items)] {
		if ms.ID == b.s.Selected {
			row := El("li", A("class", "kx-detail-row"), b.detail(ms, b.m.Figures(ms.ID)))
			items = append(items[:i+1], append([]*Node{row}, items[i+1:]...)...)
			break
		}
	}
	return []*Node{El("ul", A("class", "kx-cards", "part", "cards", "data-testid", "cards"), items...), more}
}

// cachedCard is the card of ms, built once per report, language, heading
// level and open state: a filter change that shows cards shown before
// reuses their nodes, and the renderer skips a node it rendered last time
// in the same place.
func (b builder) cachedCard(ms *portfolio.Measure) *Node {
	open := b.s.Selected == ms.ID
	return b.cached("card-"+string(ms.ID)+"-"+strconv.FormatBool(open)+"-"+strconv.Itoa(b.h), func() *Node { return b.card(ms) })
}

func (b builder) card(ms *portfolio.Measure) *Node {
	fig := b.m.Figures(ms.ID)
	open := b.s.Selected == ms.ID
	did := "kx-detail-" + string(ms.ID)
	owner := T(string(ms.Owner))
	if o, ok := b.m.Portfolio.Organisation(ms.Owner); ok {
		owner = b.data(o.Name)
	}
	var fields, bens []*Node
	for _, f := range ms.Fields {
		fields = append(fields, El("li", A("class", "kx-chip"), T(b.msg("field."+string(f)))))
	}
	for _, be := range ms.Beneficiaries {
		bens = append(bens, El("li", A("class", "kx-chip"), T(b.msg("benef."+string(be)))))
	}
	title := dataString(ms.Title, b.lang)
	pp := fig.PlannedProgress
	class := "kx-card"
	if open {
		class += " kx-card--open"
	}
	return El("li", A("class", class, "part", "card", "data-testid", "card-"+string(ms.ID), "data-status", string(fig.Status)),
		El(b.heading(1), A("class", "kx-h kx-card-title", "id", "kx-title-"+string(ms.ID)), b.data(ms.Title)),
		b.progress(b.msg("progress.of", "title", title), &fig.Progress, &pp),
		El("dl", A("class", "kx-facts"),
			El("dt", nil, T(b.msg("duration"))), El("dd", nil, T(Years(ms.Start, ms.End))),
			El("dt", nil, T(b.msg("owner"))), El("dd", nil, owner),
			El("dt", nil, T(b.msg("filter.status"))), El("dd", nil, b.status(fig.Status))),
		b.flags(fig, ms),
		b.chipList(b.msg("fields"), fields),
		b.chipList(b.msg("beneficiaries"), bens),
		El("button", A("type", "button", "class", "kx-btn kx-details-btn", "id", "kx-btn-"+string(ms.ID),
			"aria-expanded", strconv.FormatBool(open), "aria-controls", did,
			"data-on-click", "select:"+string(ms.ID), "data-testid", "details-"+string(ms.ID)),
			T(b.msg("details.short")), El("span", A("class", "kx-visually-hidden"), T(" "), b.data(ms.Title))),
	)
}

func (b builder) chipList(label string, items []*Node) *Node {
	if len(items) == 0 {
		return nil
	}
	return El("div", A("class", "kx-chips"),
		El("span", A("class", "kx-chips-label"), T(b.msg("chips", "label", label))),
		El("ul", A("class", "kx-chip-list", "aria-label", label), items...))
}
