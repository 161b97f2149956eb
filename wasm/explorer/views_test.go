package explorer_test

import (
	"strings"
	"testing"

	"github.com/bl-digital/kompass/wasm/explorer"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// build builds the widget for cfg in the state edit makes of its default.
func build(t *testing.T, m *explorer.Model, cfg explorer.Config, edit func(explorer.State) explorer.State) *explorer.Node {
	t.Helper()
	s := explorer.Default(cfg)
	if edit != nil {
		s = edit(s)
	}
	return explorer.Build(m, s, cfg)
}

func withQuery(q string) func(explorer.State) explorer.State {
	return func(s explorer.State) explorer.State { s.Filter.Query = q; return s }
}

func TestTreeShowsMatchesOpened(t *testing.T) {
	m := fixture(t)
	tests := []struct {
		reason    string
		edit      func(explorer.State) explorer.State
		areas     []string // focus areas shown
		goals     []string // goals shown
		measures  []string // measures listed in the tree
		cancelled bool     // the cancelled disclosure is there
	}{
		{"no filter: every area, closed", nil, []string{"GK", "DL"}, nil, nil, true},
		{"free text: only the area and goals holding the match, opened, with the match", withQuery("digital"),
			[]string{"GK"}, []string{"GK1", "GK2"}, []string{"LAB", "LAB"}, false},
		{"case-insensitive", withQuery("E-RECHNUNG"), []string{"GK"}, []string{"GK2"}, []string{"DONE"}, false},
		{"accent-insensitive: a query without accents finds the text with them", withQuery("Ruckmeldungen"),
			[]string{"GK"}, []string{"GK1", "GK2"}, []string{"LAB", "LAB"}, false},
		{"and a query with accents the text without", withQuery("dïgîtal"),
			[]string{"GK"}, []string{"GK1", "GK2"}, []string{"LAB", "LAB"}, false},
		{"a status filter", func(s explorer.State) explorer.State { s.Filter.Status = "done"; return s },
			[]string{"GK"}, []string{"GK2"}, []string{"DONE"}, false},
		{"a focus area alone opens that area", func(s explorer.State) explorer.State { s.Filter.FocusArea = "GK"; return s },
			[]string{"GK"}, []string{"GK1", "GK2"}, []string{"PPM", "LAB", "LAB", "DONE"}, false},
		{"only a cancelled measure matches: no area, the cancelled list", withQuery("altes portal"), nil, nil, nil, true},
	}
	for _, tt := range tests {
		n := build(t, m, explorer.Config{}, tt.edit)
		assert.Equal(t, tt.areas, testIDs(n, "area-"), "reason: %s", tt.reason)
		assert.Equal(t, tt.goals, testIDs(n, "goal-"), "reason: %s", tt.reason)
		assert.Equal(t, tt.measures, testIDs(n, "open-"), "reason: %s", tt.reason)
		assert.Equal(t, tt.cancelled, n.ByTestID("toggle-cancelled") != nil, "reason: %s", tt.reason)
	}
}

func TestTreeFilteredCounts(t *testing.T) {
	m := fixture(t)
	n := build(t, m, explorer.Config{}, withQuery("Kultur"))
	// "Kultur" is in no measure; the fixture's German query "digital" is.
	assert.NotNil(t, n.ByTestID("empty"), "reason: nothing matches, the tree says so")
	n = build(t, m, explorer.Config{}, withQuery("digital"))
	assert.Equal(t, "1 von 4 Massnahmen", n.ByTestID("count").TextContent())
	assert.Contains(t, n.ByTestID("area-GK").TextContent(), "(1 von 3 Massnahmen)", "reason: an area says how many of its measures match")
	assert.Contains(t, n.ByTestID("goal-GK1").TextContent(), "(1 von 2 Massnahmen)", "reason: a goal too")
	assert.Nil(t, n.ByTestID("toggle-GK"), "reason: a filtered tree has no toggles that would hide the matches")
}

func TestFold(t *testing.T) {
	tests := []struct{ reason, in, want string }{
		{"umlauts", "Behörden", "behorden"},
		{"French accents and ligatures", "Œuvre créée à Genève", "oeuvre creee a geneve"},
		{"Italian", "Città più", "citta piu"},
		{"sharp s", "Straße", "strasse"},
		{"apostrophes", "l’État", "l'etat"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, explorer.Fold(tt.in), "reason: %s", tt.reason)
	}
	m := fixture(t)
	n := build(t, m, explorer.Config{View: "measures"}, withQuery("projektportfolio"))
	assert.Equal(t, []string{"PPM"}, testIDs(n, "card-"), "reason: lower case finds the capitalised title")
}

func TestPlurals(t *testing.T) {
	tests := []struct {
		reason, lang, key string
		pairs             []string
		want              string
	}{
		{"German singular", "de", "measures.count", []string{"n", "1"}, "1 Massnahme"},
		{"German plural", "de", "measures.count", []string{"n", "2"}, "2 Massnahmen"},
		{"German zero is plural", "de", "measures.count", []string{"n", "0"}, "0 Massnahmen"},
		{"French zero is singular", "fr", "measures.count", []string{"n", "0"}, "0 mesure"},
		{"French one goal of one", "fr", "coverage", []string{"c", "1", "t", "1"}, "1 objectif sur 1 avec mesures"},
		{"French plural", "fr", "count", []string{"n", "3", "m", "7"}, "3 mesures sur 7"},
		{"Italian agrees with the total", "it", "count", []string{"n", "0", "m", "1"}, "0 di 1 misura"},
		{"English", "en", "count", []string{"n", "1", "m", "1"}, "1 of 1 measure"},
		{"German count agrees with the total", "de", "count", []string{"n", "1", "m", "1"}, "1 von 1 Massnahme"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, explorer.Msg(tt.lang, tt.key, tt.pairs...), "reason: %s", tt.reason)
	}
}

// frenchMarks are the signs that take a no-break space before them in French.
var frenchMarks = []string{":", ";", "?", "!", "%", "»"}

func TestFrenchTypography(t *testing.T) {
	for _, key := range explorer.MessageKeys() {
		s := explorer.Msg("fr", key, "n", "2", "m", "3", "c", "1", "t", "2", "url", "/d.json", "title", "T", "date", "1.1.2026",
			"status", "S", "names", "N", "p", "5", "label", "L", "self", "S", "e", "1", "r", "1", "a", "1", "b", "1", "l", "1",
			"planned", "1", "spent", "1", "cpi", "1", "reason", "R", "purpose", "P")
		runes := []rune(s)
		for i, r := range runes {
			if !strings.ContainsRune(strings.Join(frenchMarks, ""), r) {
				continue
			}
			if r == ':' && i+1 < len(runes) && runes[i+1] == '/' {
				continue // a URL
			}
			require.Greater(t, i, 0, "reason: %s starts with %q", key, r)
			assert.Contains(t, "\u00a0\u202f", string(runes[i-1]), "reason: in %q (%s) %q has a no-break space before it", s, key, r)
		}
		if i := strings.Index(s, "«"); i >= 0 {
			assert.True(t, strings.HasPrefix(s[i+len("«"):], "\u00a0"), "reason: « is followed by a no-break space in %q", s)
		}
	}
	assert.Equal(t, "57.9\u00a0%", explorer.Percent("fr", 57.94), "reason: the percent sign too, and the number as the French report writes it")

	m := fixture(t)
	m.Portfolio.Measures[0].Title["fr"] = "Portefeuille : projets !"
	n := build(t, m, explorer.Config{Lang: "fr", View: "measures"}, nil)
	assert.Contains(t, n.ByTestID("card-PPM").TextContent(), "Portefeuille\u00a0: projets\u202f!", "reason: French data texts get French spacing too")
}

func TestFallbackTextMarkedGerman(t *testing.T) {
	m := fixture(t)
	n := build(t, m, explorer.Config{Lang: "fr", View: "measures"}, func(s explorer.State) explorer.State { return s.Select("LAB") })
	card := n.ByTestID("card-LAB")
	require.NotNil(t, card)
	span := card.Find(func(x *explorer.Node) bool { return x.Tag == "span" && x.TextContent() == "Digital Lab" })
	require.NotNil(t, span, "reason: a title with no French text is its own element")
	assert.Equal(t, "de", mustAttr(t, span, "lang"), "reason: marked German so screen readers read it as German")
	ppm := n.ByTestID("card-PPM")
	assert.Nil(t, ppm.Find(func(x *explorer.Node) bool {
		v, _ := x.Attr("lang")
		return v == "de" && x.TextContent() == "Portefeuille de projets"
	}),
		"reason: a French text is not marked")
	de := build(t, m, explorer.Config{Lang: "de", View: "measures"}, nil)
	assert.Nil(t, de.Find(func(x *explorer.Node) bool { _, ok := x.Attr("lang"); return ok && x.Tag == "span" }),
		"reason: in German nothing falls back")
}

// otherWords are widget words that exist in one language only: a view in
// another language must not contain them.
func otherWords(lang string) []string {
	var out []string
	for _, key := range []string{"explain", "filter.reset", "tab.timeline", "progress", "status.late", "status.on-track",
		"filter.field", "explain.left.none", "explain.status.none", "legend.progress", "details.short", "close", "before", "after"} {
		own := explorer.Msg(lang, key)
		for _, l := range explorer.Langs {
			if w := explorer.Msg(l, key); l != lang && w != own && !strings.Contains(own, w) {
				out = append(out, w)
			}
		}
	}
	return out
}

func TestEachLanguageFreeOfOthers(t *testing.T) {
	m := fixture(t)
	for _, lang := range explorer.Langs {
		for _, v := range explorer.Views {
			cfg := explorer.Config{Lang: lang, View: string(v)}
			for _, explain := range []string{"strategy", "area:GK", "goal:GK1"} {
				n := build(t, m, cfg, func(s explorer.State) explorer.State {
					return s.Toggle("GK").Toggle("GK1").Select("PPM").ToggleExplain(explain)
				})
				text := widgetText(n)
				for _, w := range otherWords(lang) {
					assert.NotContains(t, text, w, "reason: the %s %s view has no word of another language", lang, v)
				}
				for _, w := range []string{"sum(", "Σ", " over ", "weight", "progress"} {
					if lang != "en" {
						assert.NotContains(t, text, w, "reason: no formula and no English in %s", lang)
					}
				}
			}
		}
	}
}

// widgetText is the text of n without the texts from the data (elements
// with a lang of their own, and the fixture's titles).
func widgetText(n *explorer.Node) string {
	var b strings.Builder
	var walk func(*explorer.Node)
	walk = func(x *explorer.Node) {
		if _, ok := x.Attr("lang"); ok && x.Tag != "div" {
			return
		}
		if x.Tag == "" {
			b.WriteString(x.Text + "\n")
		}
		for _, c := range x.Children {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

func TestExplanationInPlainWords(t *testing.T) {
	m := fixture(t)
	tests := []struct {
		reason, lang, key string
		want              []string
	}{
		{"a goal: what, which measures with weight and progress, why late", "de", "goal:GK1",
			[]string{"gewichtete Durchschnitt", "2 Massnahmen", "Projektportfolio <b>PPM</b>", "Digital Lab", "Gewicht", "Soll",
				"Der Status «Im Verzug»", "Deshalb: Digital Lab", "mehr als 25 Prozentpunkte", "Abgebrochene Massnahmen und Ziele ohne Massnahmen zählen nie mit",
				"CPI", "FTE", "Veraltet"}},
		{"a focus area leaves out a goal without measures and names cancelled measures", "de", "area:DL",
			[]string{"Noch keine Massnahme", "Nicht eingerechnet: 1 abgebrochene Massnahme (Altes Portal)", "Ohne laufende Massnahmen"}},
		{"the strategy leaves out the focus area without progress", "de", "strategy",
			[]string{"einfache Durchschnitt", "Nicht eingerechnet: 1 Schwerpunkt ohne Massnahmen (Dienstleistungen)", "Governance & Kultur"}},
		{"in French, plain French", "fr", "goal:GK1",
			[]string{"moyenne pondérée", "Poids", "Prévu", "Le statut «\u00a0En retard\u00a0»", "En cause\u00a0: Digital Lab", "Soll"}},
	}
	for _, tt := range tests {
		cfg := explorer.Config{Lang: tt.lang}
		n := build(t, m, cfg, func(s explorer.State) explorer.State { return s.Toggle("GK").Toggle("DL").ToggleExplain(tt.key) })
		id := strings.ReplaceAll(tt.key, ":", "-")
		e := n.ByTestID("explanation-" + id)
		require.NotNil(t, e, "reason: %s: open", tt.reason)
		text := e.TextContent()
		for _, w := range tt.want {
			if w == "Soll" && tt.lang == "fr" {
				assert.NotContains(t, text, w, "reason: no German term in French")
				continue
			}
			assert.Contains(t, text, w, "reason: %s", tt.reason)
		}
		table := n.ByTestID("explain-table-" + id)
		if table != nil {
			assert.Equal(t, "0", mustAttr(t, table, "tabindex"), "reason: the table's scroll container is focusable")
			assert.Equal(t, "region", mustAttr(t, table, "role"), "reason: and a labelled region")
			assert.NotEmpty(t, mustAttr(t, table, "aria-label"))
		}
	}
}

func TestExplanationEscape(t *testing.T) {
	m := fixture(t)
	cfg := explorer.Config{}
	s := explorer.Default(cfg).ToggleExplain("goal:GK1")
	next, eff := explorer.Dispatch(m, cfg, s, explorer.Event{Type: "keydown", Action: "explainkey:goal:GK1", Key: "Escape"})
	assert.Equal(t, "", next.Explain, "reason: Escape closes the explanation")
	assert.Equal(t, "kx-explain-btn-goal-GK1", eff.Focus, "reason: and returns the focus to its button")
	assert.True(t, eff.PreventDefault)
	n := explorer.Build(m, s.Toggle("GK").Toggle("GK1"), cfg)
	require.NotNil(t, byID(n, eff.Focus), "reason: the button has that id")
	other, _ := explorer.Dispatch(m, cfg, s, explorer.Event{Type: "keydown", Action: "explainkey:goal:GK1", Key: "a"})
	assert.Equal(t, "goal:GK1", other.Explain, "reason: other keys leave it open")
}

func TestNoZeroLines(t *testing.T) {
	m := fixture(t)
	n := build(t, m, explorer.Config{}, func(s explorer.State) explorer.State { return s.Toggle("DL").Toggle("GK") })
	dl := n.ByTestID("area-DL").TextContent()
	assert.NotContains(t, dl, "FTE", "reason: no FTE line where there is no savings data")
	assert.NotContains(t, dl, "Budget", "reason: no budget line where there is no budget")
	assert.NotContains(t, dl, "1 von 1 Ziel", "reason: no coverage line when all goals have measures, or there is one goal")
	assert.NotContains(t, n.ByTestID("goal-GK1").TextContent(), "Zielen mit Massnahmen", "reason: a goal never says its coverage")
	assert.Contains(t, n.ByTestID("summary").TextContent(), "2 von 3 Zielen mit Massnahmen", "reason: a gap in coverage is said")
}

func TestFiltersButton(t *testing.T) {
	m := fixture(t)
	cfg := explorer.Config{}
	s := explorer.Default(cfg)
	s.Filter.Query, s.Filter.Field = "x", "data"
	n := explorer.Build(m, s, cfg)
	btn := n.ByTestID("filters-toggle")
	require.NotNil(t, btn)
	assert.Equal(t, "Filter (2)", btn.TextContent(), "reason: it counts the filters set")
	assert.Equal(t, "false", mustAttr(t, btn, "aria-expanded"))
	s, _ = explorer.Dispatch(m, cfg, s, explorer.Event{Type: "click", Action: "filters"})
	n = explorer.Build(m, s, cfg)
	assert.Equal(t, "true", mustAttr(t, n.ByTestID("filters-toggle"), "aria-expanded"), "reason: a click opens the filters")
	assert.Contains(t, mustAttr(t, byID(n, "kx-filters"), "class"), "kx-filters--open")
	assert.NotContains(t, explorer.EncodeHash("", "", s, cfg), "filters", "reason: not a hash key")
	fixed := explorer.Config{Focus: "DL"}
	n = explorer.Build(m, explorer.Default(fixed), fixed)
	assert.Equal(t, "Filter (0)", n.ByTestID("filters-toggle").TextContent(), "reason: a fixed focus is not a filter the reader set")
}

func TestDetailHasNoHole(t *testing.T) {
	m := fixture(t)
	n := build(t, m, explorer.Config{View: "measures", HeadingLevel: 3}, func(s explorer.State) explorer.State { return s.Select("LAB") })
	cards := n.ByTestID("cards")
	var kinds []string
	for _, c := range cards.Children {
		v, _ := c.Attr("class")
		kinds = append(kinds, v)
	}
	assert.Equal(t, []string{"kx-card", "kx-card kx-card--open", "kx-detail-row", "kx-card", "kx-card"}, kinds,
		"reason: the detail is a row of its own right after its card, which keeps its cell")
	d := n.ByTestID("detail-LAB")
	require.NotNil(t, d)
	d.Find(func(x *explorer.Node) bool {
		if len(x.Tag) == 2 && x.Tag[0] == 'h' {
			c, _ := x.Attr("class")
			assert.Contains(t, c, "kx-h ", "reason: %s headings are styled by class, not by level", x.Tag)
		}
		return false
	})
}

func TestFocusAfter(t *testing.T) {
	base := explorer.Default(explorer.Config{})
	measures := base.SetView(explorer.Measures)
	withField := base
	withField.Filter.Field = "data"
	tests := []struct {
		reason    string
		old, next explorer.State
		want      string
	}{
		{"Back to the tree from the cards: the tree's tab", measures, base, "kx-tab-goals"},
		{"Back to a closed detail: its card's button", measures.Select("PPM"), measures, "kx-btn-PPM"},
		{"Forward to an open detail: its heading", measures, measures.Select("PPM"), "kx-detail-h-PPM"},
		{"Back over a filter change: that filter", withField, base, "kx-filter-field"},
		{"Back over an opened goal: its toggle", base.Toggle("GK"), base, "kx-toggle-GK"},
		{"Back over an explanation: its button", base.ToggleExplain("area:GK"), base, "kx-explain-btn-area-GK"},
		{"Back over the cancelled list: its toggle", base.ToggleCancelled(), base, "kx-toggle-cancelled"},
		{"nothing changed: the focus stays", base, base, ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, explorer.FocusAfter(tt.old, tt.next), "reason: %s", tt.reason)
	}

}

func TestFilteredTreePages(t *testing.T) {
	m := bigModel(t, 2000)
	cfg := explorer.Config{}
	s := explorer.Default(cfg)
	s.Filter.Field = "data"
	root := explorer.Build(m, s, cfg)
	rows := testIDs(root.ByTestID("tree"), "open-")
	require.Len(t, rows, explorer.PageSize, "reason: a filtered tree with hundreds of matches lists a page of rows")
	more := root.ByTestID("more-tree")
	require.NotNil(t, more, "reason: and one show more at its end")
	assert.NotEmpty(t, testIDs(root, "goal-"), "reason: the goals holding matches are all listed, with their counts")
	assert.Nil(t, root.ByTestID("more-goal-"+testIDs(root, "goal-")[0]), "reason: no show more per goal")
	s, eff := explorer.Dispatch(m, cfg, s, explorer.Event{Type: "click", Action: "more:tree"})
	root = explorer.Build(m, s, cfg)
	assert.Len(t, testIDs(root.ByTestID("tree"), "open-"), 2*explorer.PageSize, "reason: show more adds a page")
	next := byID(root, eff.Focus)
	require.NotNil(t, next, "reason: the focus goes to the first new row")
	assert.Equal(t, "-1", mustAttr(t, next, "tabindex"))
}

func TestWidgetHashEffect(t *testing.T) {
	w := ready(t, explorer.Attributes{ID: "k"}, "#k.v=measures&k.f=data")
	eff, changed := w.HashEffect("#k.v=measures&k.f=data")
	assert.False(t, changed, "reason: the same hash changes nothing")
	assert.Equal(t, "", eff.Focus)
	eff, changed = w.HashEffect("#k.v=measures")
	assert.True(t, changed, "reason: Back over a filter change")
	assert.Equal(t, "kx-filter-field", eff.Focus, "reason: the focus goes to the filter that changed, not the page body")
	eff, _ = w.HashEffect("")
	assert.Equal(t, "kx-tab-goals", eff.Focus, "reason: Back to the tree: its tab")
}
