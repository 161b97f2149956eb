package explorer_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/bl-digital/kompass/wasm/explorer"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// batchDOM is a tcDOM that inserts several nodes in one call, as the
// adapter does with append(...) and before(...).
type batchDOM struct{ tcDOM }

func (d *batchDOM) InsertAllBefore(parent any, children []any, ref any) {
	p := parent.(*fakeNode)
	ids := make([]string, len(children))
	cs := make([]*fakeNode, len(children))
	for i, c := range children {
		cs[i] = c.(*fakeNode)
		ids[i] = fmt.Sprintf("#%d", cs[i].id)
		if j := slices.Index(p.children, cs[i]); j >= 0 {
			p.children = slices.Delete(p.children, j, j+1)
		}
	}
	d.log = append(d.log, "insertall "+strings.Join(ids, " "))
	if ref == nil {
		p.children = append(p.children, cs...)
		return
	}
	j := slices.Index(p.children, ref.(*fakeNode))
	if j < 0 {
		panic("batchDOM: the reference node is not a child of the parent")
	}
	p.children = slices.Insert(p.children, j, cs...)
}

// TestRendererBatchesInserts: with a DOM that inserts several nodes in one
// call, every render gives the DOM a fresh render with single inserts
// gives, in fewer calls.
func TestRendererBatchesInserts(t *testing.T) {
	m := fixture(t)
	cfg := explorer.Config{}
	d := &batchDOM{}
	root := d.node("root")
	r := explorer.NewRenderer(d, root)
	single := &tcDOM{}
	sroot := single.node("root")
	rs := explorer.NewRenderer(single, sroot)
	states := []explorer.State{
		explorer.Default(cfg),
		explorer.Default(cfg).Toggle("GK"),
		explorer.Default(cfg).Toggle("GK").Toggle("GK1").ToggleExplain("goal:GK1"),
		explorer.Default(cfg).SetFilter(explorer.Filter{Query: "portal"}),
		explorer.Default(cfg).SetFilter(explorer.Filter{Status: "late"}),
		explorer.Default(cfg),
		explorer.Default(cfg).SetView(explorer.Measures),
		explorer.Default(cfg).SetView(explorer.Measures).SetFilter(explorer.Filter{Query: "e"}),
		explorer.Default(cfg).SetView(explorer.Measures).Select("PPM"),
		explorer.Default(cfg).SetView(explorer.Timeline),
		explorer.Default(explorer.Config{Lang: "fr"}),
	}
	for i, s := range states {
		d.log, single.log = nil, nil
		n := explorer.Build(m, s, cfg)
		r.Render(n)
		rs.Render(n)
		require.Equal(t, dumpText(sroot), dumpText(root), "reason: state %d renders the same DOM with batched inserts", i)
		assert.LessOrEqual(t, len(d.log), len(single.log), "reason: batching never adds calls (state %d)", i)
		if i == 0 {
			assert.Less(t, len(d.log), len(single.log)*9/10, "reason: a first render gives each new element its children in one call")
		}
	}
}

// TestRendererBatchesRuns: a run of new or moved siblings goes in with
// one call, before the sibling after it.
func TestRendererBatchesRuns(t *testing.T) {
	d := &batchDOM{}
	root := d.node("root")
	r := explorer.NewRenderer(d, root)
	r.Render(list("a", "b"))
	assert.Equal(t, []string{"create ul", "set class=l", "create li", "set data-k=a", "textcontent a",
		"create li", "set data-k=b", "textcontent b", "insertall #3 #5", "insert #2"}, d.log,
		"reason: the list's two items in one call, the list alone in one")
	d.log = nil
	r.Render(list("x", "y", "a", "z", "b", "w"))
	var got strings.Builder
	dump(&got, root, 0, false)
	assert.Equal(t, "<root>\n  <ul class=\"l\">\n    <li data-k=\"x\">\n      \"x\"\n    <li data-k=\"y\">\n      \"y\"\n"+
		"    <li data-k=\"a\">\n      \"a\"\n    <li data-k=\"z\">\n      \"z\"\n    <li data-k=\"b\">\n      \"b\"\n    <li data-k=\"w\">\n      \"w\"\n",
		got.String())
	var inserts []string
	for _, op := range d.log {
		if strings.HasPrefix(op, "insert") {
			inserts = append(inserts, op)
		}
	}
	assert.Equal(t, []string{"insert #13", "insert #11", "insertall #7 #9"}, inserts,
		"reason: w appended, z before b, x and y together before a")
}
