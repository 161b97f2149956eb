package explorer_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/bl-digital/kompass/wasm/explorer"
)

func TestURLWrites(t *testing.T) {
	push := func(h string) explorer.Navigation { return explorer.Navigation{Write: true, Hash: h} }
	repl := func(h string) explorer.Navigation { return explorer.Navigation{Write: true, Hash: h, Replace: true} }
	for _, tc := range []struct {
		reason string
		add    []explorer.Navigation
		firsts []bool // what each Add reports
		hash   string // Hash("#now") after the adds
		take   []explorer.Navigation
	}{
		{"nothing pending: the hash is the page's", nil, nil, "#now", nil},
		{"a navigation that writes nothing is not queued",
			[]explorer.Navigation{{Hash: "#x"}}, []bool{false}, "#now", nil},
		{"one push: made as it is", []explorer.Navigation{push("#a")}, []bool{true}, "#a", []explorer.Navigation{push("#a")}},
		{"only the first write schedules the flush; two pushes stay two history entries",
			[]explorer.Navigation{push("#a"), push("#b")}, []bool{true, false}, "#b",
			[]explorer.Navigation{push("#a"), push("#b")}},
		{"a replace after a push: one new entry with the later hash (typing after a click)",
			[]explorer.Navigation{push("#a"), repl("#ab")}, []bool{true, false}, "#ab",
			[]explorer.Navigation{push("#ab")}},
		{"replaces in a row are one replace",
			[]explorer.Navigation{repl("#q=a"), repl("#q=ab"), repl("#q=abc")}, []bool{true, false, false}, "#q=abc",
			[]explorer.Navigation{repl("#q=abc")}},
		{"a push after a replace is its own entry",
			[]explorer.Navigation{repl("#q=a"), push("#q=a&v=tree")}, []bool{true, false}, "#q=a&v=tree",
			[]explorer.Navigation{repl("#q=a"), push("#q=a&v=tree")}},
		{"a hash that goes back to none is written as none",
			[]explorer.Navigation{push("#a"), repl("")}, []bool{true, false}, "",
			[]explorer.Navigation{push("")}},
	} {
		t.Run(tc.reason, func(t *testing.T) {
			var u explorer.URLWrites
			for i, nav := range tc.add {
				assert.Equal(t, tc.firsts[i], u.Add(nav), "Add #%d", i)
			}
			assert.Equal(t, tc.hash, u.Hash("#now"))
			assert.Equal(t, tc.take, u.Take())
			assert.Equal(t, "#now", u.Hash("#now"), "taken: nothing pending")
			assert.Empty(t, u.Take())
		})
	}
	t.Run("the page's own navigation drops what is pending", func(t *testing.T) {
		var u explorer.URLWrites
		u.Add(push("#a"))
		u.Drop()
		assert.Equal(t, "#back", u.Hash("#back"))
		assert.Empty(t, u.Take())
		assert.True(t, u.Add(push("#b")), "after a drop the next write schedules a flush again")
	})
}
