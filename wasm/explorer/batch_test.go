package explorer_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/bl-digital/kompass/wasm/explorer"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// replay applies a Batch's JSON operations to d, the way kompass.js's
// applier does to the page: nodes maps handles to fake nodes.
func replay(t *testing.T, d *fakeDOM, nodes map[int]*fakeNode, ops string) {
	t.Helper()
	var a []any
	require.NoError(t, json.Unmarshal([]byte(ops), &a), "the operations are JSON")
	num := func(i int) int { return int(a[i].(float64)) }
	str := func(i int) string { return a[i].(string) }
	for i := 0; i < len(a); {
		switch num(i) {
		case 1:
			nodes[num(i+1)] = d.CreateElement(str(i + 2)).(*fakeNode)
			i += 3
		case 2:
			nodes[num(i+1)] = d.CreateText(str(i + 2)).(*fakeNode)
			i += 3
		case 3:
			d.SetText(nodes[num(i+1)], str(i+2))
			i += 3
		case 4:
			d.SetAttr(nodes[num(i+1)], str(i+2), str(i+3))
			i += 4
		case 5:
			d.RemoveAttr(nodes[num(i+1)], str(i+2))
			i += 3
		case 6:
			d.SetStyle(nodes[num(i+1)], str(i+2), str(i+3))
			i += 4
		case 7:
			var ref any
			if num(i+3) >= 0 {
				ref = nodes[num(i+3)]
			}
			d.InsertBefore(nodes[num(i+1)], nodes[num(i+2)], ref)
			i += 4
		case 8:
			c := nodes[num(i+2)]
			d.Remove(nodes[num(i+1)], c)
			forget(nodes, c)
			i += 3
		default:
			t.Fatalf("unknown operation %v at %d", a[i], i)
		}
	}
}

// forget drops n and its subtree from nodes, as the applier does.
func forget(nodes map[int]*fakeNode, n *fakeNode) {
	for id, x := range nodes {
		if x == n {
			delete(nodes, id)
		}
	}
	for _, c := range n.children {
		forget(nodes, c)
	}
}

// size is the number of nodes in n's subtree, n included.
func size(n *fakeNode) int {
	k := 1
	for _, c := range n.children {
		k += size(c)
	}
	return k
}

func TestBatchGivesTheDOMOfADirectRender(t *testing.T) {
	m := fixture(t)
	cfg := explorer.Config{}
	var b explorer.Batch
	r := explorer.NewRenderer(&b, explorer.Root)
	d := &fakeDOM{}
	root := d.node("root")
	nodes := map[int]*fakeNode{explorer.Root: root}
	tests := []struct {
		reason string
		nodes  []*explorer.Node
	}{
		{"a first render creates everything", []*explorer.Node{explorer.Build(m, explorer.Default(cfg).Toggle("GK"), cfg)}},
		{"an open goal and explanation patch the tree", []*explorer.Node{explorer.Build(m, explorer.Default(cfg).Toggle("GK").Toggle("GK1").ToggleExplain("goal:GK1"), cfg)}},
		{"another view replaces the panel", []*explorer.Node{explorer.Build(m, explorer.Default(cfg).SetView(explorer.Measures).Select("PPM"), cfg)}},
		{"a filter removes cards", []*explorer.Node{explorer.Build(m, explorer.Default(cfg).SetView(explorer.Measures).SetFilter(explorer.Filter{Field: "data"}), cfg)}},
		{"keyed items move", []*explorer.Node{list("a", "b", "c")}},
		{"and are reordered", []*explorer.Node{list("c", "a", "b")}},
		{"several top nodes", []*explorer.Node{list("x"), explorer.Build(m, explorer.Default(cfg).SetView(explorer.Timeline), cfg)}},
	}
	for _, tt := range tests {
		require.True(t, r.Render(tt.nodes...), "reason: %s", tt.reason)
		replay(t, d, nodes, b.Flush())
		fresh := &fakeDOM{}
		froot := fresh.node("root")
		explorer.NewRenderer(fresh, froot).Render(tt.nodes...)
		var got, want strings.Builder
		dump(&got, root, 0, false)
		dump(&want, froot, 0, false)
		require.Equal(t, want.String(), got.String(), "reason: %s: the replayed batch gives the DOM of a direct render", tt.reason)
	}
	assert.False(t, r.Render(list("x"), explorer.Build(m, explorer.Default(cfg).SetView(explorer.Timeline), cfg)))
	assert.Equal(t, "", b.Flush(), "reason: nothing to do is no batch")
	assert.Equal(t, size(root), len(nodes), "reason: the handles of removed nodes are forgotten")
}

func TestBatchStrings(t *testing.T) {
	tests := []struct {
		reason, in, want string
	}{
		{"plain text", "Massnahme 1", "Massnahme 1"},
		{"quotes and backslashes are escaped", `a "b" \c`, `a "b" \c`},
		{"control characters are escaped", "a\nb\tc\x00\x1f", "a\nb\tc\x00\x1f"},
		{"non-ASCII stays", "Zürich · ≠ ✓ 🚀 \u2028", "Zürich · ≠ ✓ 🚀 \u2028"},
		{"invalid UTF-8 becomes U+FFFD", "a\xffb\xc3", "a\uFFFDb\uFFFD"},
		{"markup is just text", `<img src=x onerror="alert(1)">`, `<img src=x onerror="alert(1)">`},
	}
	for _, tt := range tests {
		var b explorer.Batch
		h := b.CreateText(tt.in)
		b.SetAttr(h, "title", tt.in)
		var a []any
		ops := b.Flush()
		require.NoError(t, json.Unmarshal([]byte(ops), &a), "reason: %s: %s", tt.reason, ops)
		assert.Equal(t, []any{2.0, 1.0, tt.want, 4.0, 1.0, "title", tt.want}, a, "reason: %s", tt.reason)
	}
}

func ExampleBatch() {
	var b explorer.Batch
	r := explorer.NewRenderer(&b, explorer.Root)
	r.Render(explorer.El("p", explorer.A("class", "kx-count"), explorer.T(`3 von 50 "Massnahmen"`)))
	fmt.Println(b.Flush())
	r.Render(explorer.El("p", explorer.A("class", "kx-count"), explorer.T("4 von 50")))
	fmt.Println(b.Flush())
	// Output:
	// [1,1,"p",4,1,"class","kx-count",2,2,"3 von 50 \"Massnahmen\"",7,1,2,-1,7,0,1,-1]
	// [3,2,"4 von 50"]
}
