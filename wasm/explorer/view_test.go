package explorer_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/bl-digital/kompass/wasm/explorer"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBuildGolden(t *testing.T) {
	m := fixture(t)
	tests := []struct {
		name   string
		reason string
		cfg    explorer.Config
		state  func(explorer.State) explorer.State
	}{
		{"goals.golden", "the tree with an area and a goal open and a goal's explanation shown", explorer.Config{},
			func(s explorer.State) explorer.State { return s.Toggle("GK").Toggle("GK1").ToggleExplain("goal:GK1") }},
		{"measures.golden", "the cards with one detail open, filtered by field", explorer.Config{View: "measures"},
			func(s explorer.State) explorer.State {
				s.Filter.Field = "processes"
				return s.Select("PPM")
			}},
		{"timeline-fr.golden", "the timeline in French", explorer.Config{View: "timeline", Lang: "fr-CH"},
			func(s explorer.State) explorer.State { return s }},
		{"focus.golden", "a widget fixed to one focus area, with its explanation open", explorer.Config{Focus: "DL"},
			func(s explorer.State) explorer.State { return s.Toggle("DL").ToggleExplain("area:DL") }},
		{"tree-filtered.golden", "a filtered tree: only what holds matches, opened, without toggles", explorer.Config{},
			func(s explorer.State) explorer.State { s.Filter.Query = "rückmeldungen"; return s }},
		{"explain-fr.golden", "the strategy's explanation in French, the filters opened on a narrow screen", explorer.Config{Lang: "fr"},
			func(s explorer.State) explorer.State { return s.ToggleExplain("strategy").ToggleFilters() }},
		{"detail-it.golden", "a detail in Italian under an h2 (heading-level 3), with German fallbacks marked", explorer.Config{Lang: "it", View: "measures", HeadingLevel: 3},
			func(s explorer.State) explorer.State { return s.Select("LAB") }},
		{"timeline-en.golden", "the timeline in English, filtered by status", explorer.Config{Lang: "en", View: "timeline"},
			func(s explorer.State) explorer.State { s.Filter.Status = "late"; return s }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := explorer.Build(m, tt.state(explorer.Default(tt.cfg)), tt.cfg)
			golden(t, tt.name, n.String())
		})
	}
}

func TestBuildAllViewsAllLanguages(t *testing.T) {
	m := fixture(t)
	key := regexp.MustCompile(`^[a-z]+\.[a-z.-]+$`)
	for _, lang := range explorer.Langs {
		for _, v := range explorer.Views {
			cfg := explorer.Config{Lang: lang, View: string(v)}
			s := explorer.Default(cfg).Toggle("GK").Toggle("GK1").Toggle("GK2").Toggle("DL").Toggle("DL1").Select("PPM").ToggleExplain("strategy")
			n := explorer.Build(m, s, cfg)
			require.NotNil(t, n.ByTestID("explorer"), "reason: every view has the explorer root")
			assert.Equal(t, lang, mustAttr(t, n, "lang"), "reason: the root carries the language")
			n.Find(func(x *explorer.Node) bool {
				assert.False(t, x.Tag == "" && key.MatchString(strings.TrimSpace(x.Text)),
					"reason: %q looks like a message key without a translation (%s, %s)", x.Text, lang, v)
				return false
			})
		}
	}
}

func mustAttr(t *testing.T, n *explorer.Node, name string) string {
	t.Helper()
	v, ok := n.Attr(name)
	require.True(t, ok, "attribute %s", name)
	return v
}

func TestBuildTextStaysText(t *testing.T) {
	m := fixture(t)
	cfg := explorer.Config{View: "measures"}
	n := explorer.Build(m, explorer.Default(cfg).Select("PPM"), cfg)
	title := n.Find(func(x *explorer.Node) bool { return x.Tag == "" && strings.Contains(x.Text, "<b>PPM</b>") })
	require.NotNil(t, title, "reason: markup in data is shown as text, in a text node")
	assert.Nil(t, n.Find(func(x *explorer.Node) bool { return x.Tag == "b" }), "reason: no element is made from data")
}

func TestCountLiveRegion(t *testing.T) {
	m := fixture(t)
	tests := []struct {
		reason string
		filter explorer.Filter
		cfg    explorer.Config
		want   string
	}{
		{"no filter shows all", explorer.Filter{}, explorer.Config{}, "4 von 4 Massnahmen"},
		{"a focus area", explorer.Filter{FocusArea: "GK"}, explorer.Config{}, "3 von 4 Massnahmen"},
		{"a goal", explorer.Filter{Goal: "GK2"}, explorer.Config{}, "2 von 4 Massnahmen"},
		{"an owner and a field", explorer.Filter{Owner: "FKD", Field: "data"}, explorer.Config{}, "1 von 4 Massnahmen"},
		{"a beneficiary", explorer.Filter{Beneficiary: "business"}, explorer.Config{}, "1 von 4 Massnahmen"},
		{"a computed status", explorer.Filter{Status: "cancelled"}, explorer.Config{}, "1 von 4 Massnahmen"},
		{"free text, case-insensitive, in the summary", explorer.Filter{Query: "PORTFOLIO &"}, explorer.Config{}, "1 von 4 Massnahmen"},
		{"free text matching nothing", explorer.Filter{Query: "zzz"}, explorer.Config{}, "0 von 4 Massnahmen"},
		{"a fixed focus narrows the total, in the singular", explorer.Filter{}, explorer.Config{Focus: "DL"}, "1 von 1 Massnahme"},
	}
	for _, tt := range tests {
		s := explorer.Default(tt.cfg)
		s.Filter.Goal, s.Filter.Field, s.Filter.Owner = tt.filter.Goal, tt.filter.Field, tt.filter.Owner
		s.Filter.Beneficiary, s.Filter.Status, s.Filter.Query = tt.filter.Beneficiary, tt.filter.Status, tt.filter.Query
		if tt.filter.FocusArea != "" {
			s.Filter.FocusArea = tt.filter.FocusArea
		}
		n := explorer.Build(m, s, tt.cfg)
		assert.Equal(t, tt.want, n.ByTestID("count").TextContent(), "reason: %s", tt.reason)
	}
}

func TestSafeLinksOnly(t *testing.T) {
	tests := []struct {
		url    string
		ok     bool
		reason string
	}{
		{"https://www.baselland.ch/a?b=c", true, "https is allowed"},
		{"mailto:info@bl.ch", true, "mailto is allowed"},
		{"http://example.org", false, "plain http is not"},
		{"javascript:alert(1)", false, "scripts never"},
		{" JavaScript:alert(1)", false, "whatever the case and spaces"},
		{"data:text/html,<b>", false, "data URLs never"},
		{"//evil.example/x", false, "scheme-relative URLs are not absolute https"},
		{"https:///nohost", false, "https needs a host"},
	}
	for _, tt := range tests {
		_, ok := explorer.SafeURL(tt.url)
		assert.Equal(t, tt.ok, ok, "reason: %s (%s)", tt.reason, tt.url)
	}
}
