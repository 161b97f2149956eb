package explorer

import (
	"strconv"

	"github.com/bl-digital/kompass/portfolio"
	"github.com/bl-digital/kompass/strategy"
)

type option struct {
	value, label string
	lang         string // the label's language when it is not the widget's
}

// selectBox is a labelled select whose change sets filter name; opts
// builds its options (key tells lists of the same name apart).
//
// The options are built once per report, language and key and reused:
// only the selected one is a node of its own, so a filter change neither
// builds nor diffs the hundred options of the filter bar again.
func (b builder) selectBox(name, label, value, key string, opts func() []option) *Node {
	id := "kx-filter-" + name
	sel := El("select", A("id", id, "class", "kx-select", "data-on-change", "filter:"+name, "data-testid", "filter-"+name))
	all := b.cached("options-"+name+"-"+key, func() *Node {
		list := El("select", nil, El("option", []Attr{{"value", ""}}, T(b.msg("filter.all"))))
		for _, o := range opts() {
			list.Children = append(list.Children, El("option", A("value", o.value, "lang", o.lang), T(o.label)))
		}
		return list
	}).Children
	sel.Children = make([]*Node, 0, len(all))
	for i, o := range all {
		if v, _ := o.Attr("value"); i > 0 && v == value {
			lang, _ := o.Attr("lang")
			o = &Node{Tag: "option", Attrs: A("value", v, "selected", "selected", "lang", lang), Children: o.Children}
		} else if i > 0 && b.pending {
			// The first render shows the choice made; the other options
			// come with the complete view, a frame later (a sixth of the
			// first render's DOM calls).
			continue
		}
		sel.Children = append(sel.Children, o)
	}
	sel.Attrs = append(sel.Attrs, Attr{"value", value})
	return El("div", A("class", "kx-filter"), El("label", A("for", id, "class", "kx-label"), T(label)), sel)
}

// dataOption is an option whose label is a text from the data.
func (b builder) dataOption(value, prefix string, t strategy.Text) option {
	o := option{value: value, label: prefix + dataString(t, b.lang)}
	if l := textLang(t, b.lang); l != b.lang {
		o.lang = l
	}
	return o
}

// activeFilters counts the filters set in f beyond a focus fixed by cfg.
func activeFilters(f Filter, cfg Config) int {
	n := 0
	for _, set := range []bool{f.FocusArea != "" && cfg.Focus == "", f.Goal != "", f.Field != "", f.Beneficiary != "",
		f.Owner != "", f.Status != "", f.Query != ""} {
		if set {
			n++
		}
	}
	return n
}

// filters is the filter bar: selects, a search field and a reset button.
// On narrow widths (CSS) it sits behind one "Filter (n)" button, n the
// number of filters set; the button is there at every width and hidden by
// CSS on wide ones.
func (b builder) filters() *Node {
	f := b.s.Filter
	open := b.s.FiltersOpen
	class := "kx-filters"
	if open {
		class += " kx-filters--open"
	}
	form := El("div", A("class", class, "id", "kx-filters", "part", "filters", "role", "search",
		"aria-label", b.msg("filters.of", "title", b.title())))
	if b.cfg.Focus == "" {
		form.Children = append(form.Children, b.selectBox("focus-area", b.msg("filter.focusArea"), string(f.FocusArea), "", func() (opts []option) {
			for _, fa := range b.m.Strategy.FocusAreas {
				opts = append(opts, b.dataOption(string(fa.ID), "", fa.Title))
			}
			return opts
		}))
	}
	form.Children = append(form.Children, b.selectBox("goal", b.msg("filter.goal"), string(f.Goal), string(f.FocusArea), func() (goals []option) {
		for _, fa := range b.m.Strategy.FocusAreas {
			if f.FocusArea != "" && fa.ID != f.FocusArea {
				continue
			}
			for _, g := range fa.Goals {
				goals = append(goals, b.dataOption(string(g.ID), string(g.ID)+" ", g.Title))
			}
		}
		return goals
	}))
	form.Children = append(form.Children, b.selectBox("field", b.msg("filter.field"), string(f.Field), "", func() (fields []option) {
		for _, fl := range portfolio.Fields() {
			fields = append(fields, option{value: string(fl), label: b.msg("field." + string(fl))})
		}
		return fields
	}))
	form.Children = append(form.Children, b.selectBox("beneficiary", b.msg("filter.benef"), string(f.Beneficiary), "", func() (bens []option) {
		for _, be := range strategy.Beneficiaries() {
			bens = append(bens, option{value: string(be), label: b.msg("benef." + string(be))})
		}
		return bens
	}))
	form.Children = append(form.Children, b.selectBox("owner", b.msg("filter.owner"), string(f.Owner), "", func() (owners []option) {
		for _, o := range b.m.Portfolio.Organisations {
			owners = append(owners, b.dataOption(string(o.ID), "", o.Name))
		}
		return owners
	}))
	form.Children = append(form.Children, b.selectBox("status", b.msg("filter.status"), string(f.Status), "", func() (sts []option) {
		for _, st := range StatusFilters {
			sts = append(sts, option{value: string(st), label: b.msg("status." + string(st))})
		}
		return sts
	}))
	form.Children = append(form.Children,
		El("div", A("class", "kx-filter kx-filter--query"),
			El("label", A("for", "kx-filter-query", "class", "kx-label"), T(b.msg("filter.query"))),
			El("input", A("id", "kx-filter-query", "type", "search", "class", "kx-input", "autocomplete", "off",
				"maxlength", strconv.Itoa(maxQuery), "value", f.Query, "data-on-input", "filter:query", "data-testid", "filter-query"))),
		El("button", A("type", "button", "class", "kx-btn kx-reset", "data-on-click", "reset", "data-testid", "filter-reset",
			"disabled", disabledAttr(f == Filter{FocusArea: b.cfg.Focus})), T(b.msg("filter.reset"))))
	toggle := El("button", A("type", "button", "class", "kx-btn kx-filters-toggle", "id", "kx-filters-toggle",
		"aria-expanded", strconv.FormatBool(open), "aria-controls", "kx-filters", "data-on-click", "filters",
		"data-testid", "filters-toggle"),
		El("span", A("class", "kx-chevron", "aria-hidden", "true")),
		T(b.msg("filters.button", "n", strconv.Itoa(activeFilters(f, b.cfg)))))
	return El("div", A("class", "kx-filterbar"), toggle, form)
}

func disabledAttr(b bool) string {
	if b {
		return "disabled"
	}
	return ""
}
