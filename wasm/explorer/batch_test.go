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

// strBatchDOM is a batchDOM whose batched inserts also take strings, each
// a new text node, as the adapter's append("text", el, …) does
// (explorer.TextBatchDOM).
type strBatchDOM struct{ batchDOM }

func (d *strBatchDOM) InsertAllBefore(parent any, children []any, ref any) {
	cs := make([]any, len(children))
	for i, c := range children {
		if s, ok := c.(string); ok {
			n := d.node("")
			n.text = s
			d.log = append(d.log, "string "+s)
			c = n
		}
		cs[i] = c
	}
	d.batchDOM.InsertAllBefore(parent, cs, ref)
}

func (d *strBatchDOM) ChildNode(parent any, i int) any {
	d.log = append(d.log, fmt.Sprintf("childnode %d", i))
	return parent.(*fakeNode).children[i]
}

// TestRendererInsertsTextsAsStrings: with a DOM that takes strings in its
// batched inserts, texts among other children inside keyed elements are
// not created one by one, and every render (filters, views, open nodes, a language change,
// which changes, moves and removes such texts) still gives the DOM a
// fresh render gives.
func TestRendererInsertsTextsAsStrings(t *testing.T) {
	m := fixture(t)
	cfg := explorer.Config{}
	d := &strBatchDOM{}
	root := d.node("root")
	r := explorer.NewRenderer(d, root)
	batch := &batchDOM{}
	rb := explorer.NewRenderer(batch, batch.node("root"))
	states := append([]explorer.State{
		explorer.Default(cfg),
		explorer.Default(cfg).SetFilter(explorer.Filter{Query: "portal"}),
		explorer.Default(cfg).SetFilter(explorer.Filter{Status: "late"}),
		explorer.Default(cfg),
		explorer.Default(cfg).SetView(explorer.Measures).SetFilter(explorer.Filter{Query: "e"}),
		explorer.Default(cfg).SetView(explorer.Measures),
	}, patchStates...)
	var calls, batchCalls, strs int
	for i, s := range states {
		d.log, batch.log = nil, nil
		n := explorer.Build(m, s, cfg)
		r.Render(n)
		rb.Render(n)
		require.Equal(t, freshDump(n), dumpText(root), "reason: state %d renders the same DOM with texts inserted as strings", i)
		for _, op := range d.log {
			if strings.HasPrefix(op, "string ") {
				strs++
			} else {
				calls++
			}
		}
		batchCalls += len(batch.log)
	}
	assert.Greater(t, strs, 20, "reason: the texts inside the tree's areas, goals and rows (keyed) go in as strings")
	assert.Less(t, calls, batchCalls, "reason: strings save calls (a text node asked for later costs the call saved)")
}
