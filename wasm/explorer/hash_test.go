package explorer_test

import (
	"testing"

	"github.com/bl-digital/kompass/strategy"
	"github.com/bl-digital/kompass/wasm/explorer"
	"github.com/stretchr/testify/assert"
)

func TestHashRoundTrip(t *testing.T) {
	full := explorer.State{View: explorer.Timeline, Lang: "de",
		Filter:   explorer.Filter{FocusArea: "GK", Goal: "GK1", Field: "data", Beneficiary: "staff", Owner: "FKD", Status: "at-risk", Query: "a&b=c #ü"},
		Expanded: []strategy.ID{"GK", "GK1"}, Selected: "PPM", Cancelled: true}
	tests := []struct {
		reason string
		prefix string
		cfg    explorer.Config
		state  explorer.State
	}{
		{"the default state", "", explorer.Config{}, explorer.Default(explorer.Config{})},
		{"every field set, characters that need escaping in the query", "", explorer.Config{}, full},
		{"with an element prefix", "kompass.", explorer.Config{}, full},
		{"a view attribute changes the default view", "a.", explorer.Config{View: "measures"}, explorer.Default(explorer.Config{View: "measures"}).SetView(explorer.Goals)},
	}
	for _, tt := range tests {
		h := explorer.EncodeHash("", tt.prefix, tt.state, tt.cfg)
		got := explorer.DecodeHash(h, tt.prefix, tt.cfg)
		assert.True(t, tt.state.Equal(got), "reason: %s\nhash %q\nwant %+v\ngot  %+v", tt.reason, h, tt.state, got)
	}
}

func TestEncodeHash(t *testing.T) {
	s := explorer.Default(explorer.Config{}).SetView(explorer.Measures).Select("PPM")
	tests := []struct {
		reason, hash, prefix, want string
	}{
		{"defaults are left out, so the default state is no hash", "", "", ""},
		{"other widgets' pairs are kept in order", "#b.v=timeline&x=1", "a.", "#b.v=timeline&x=1&a.v=measures&a.m=PPM"},
		{"our old pairs are replaced", "#a.v=timeline&a.q=old", "a.", "#a.v=measures&a.m=PPM"},
		{"foreign garbage is kept untouched", "#%zz&y", "", "#%zz&y&v=measures&m=PPM"},
	}
	for _, tt := range tests {
		st := s
		if tt.want == "" {
			st = explorer.Default(explorer.Config{})
		}
		assert.Equal(t, tt.want, explorer.EncodeHash(tt.hash, tt.prefix, st, explorer.Config{}), "reason: %s", tt.reason)
	}
}

func TestDecodeHashGarbage(t *testing.T) {
	def := explorer.Default(explorer.Config{Lang: "fr"})
	tests := []struct {
		reason, hash string
	}{
		{"empty", ""},
		{"only a hash sign", "#"},
		{"unknown keys", "#foo=bar&baz"},
		{"bad escapes", "#v=%zz&m=%"},
		{"unknown view and enums", "#v=cards&f=magic&b=aliens&s=bad"},
		{"ids that are not ids", "#fa=../x&g=%3Cscript%3E&m=a%20b&o="},
		{"another widget's keys", "#other.v=timeline&other.m=PPM"},
		{"expanded list of junk", "#x=,,,%2C"},
	}
	for _, tt := range tests {
		got := explorer.DecodeHash(tt.hash, "", explorer.Config{Lang: "fr"})
		assert.True(t, def.Equal(got), "reason: %s: %+v", tt.reason, got)
	}
}

func TestDecodeHashFixedFocus(t *testing.T) {
	cfg := explorer.Config{Focus: "DL"}
	got := explorer.DecodeHash("#fa=GK&g=DL1", "", cfg)
	assert.Equal(t, strategy.ID("DL"), got.Filter.FocusArea, "reason: the focus attribute wins over the hash")
	assert.Equal(t, strategy.ID("DL1"), got.Filter.Goal)
	assert.NotContains(t, explorer.EncodeHash("", "", got, cfg), "fa=", "reason: a fixed focus is not written")
}

func FuzzDecodeHash(f *testing.F) {
	for _, s := range []string{"", "#v=measures&m=PPM", "#a.x=GK,GK1&a.q=%C3%BC", "#%", "#q=" + string([]byte{0xff, 0xfe})} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, hash string) {
		s := explorer.DecodeHash(hash, "a.", explorer.Config{})
		again := explorer.DecodeHash(explorer.EncodeHash(hash, "a.", s, explorer.Config{}), "a.", explorer.Config{})
		if !s.Equal(again) {
			t.Fatalf("decode(encode(decode(%q))) = %+v, want %+v", hash, again, s)
		}
	})
}
