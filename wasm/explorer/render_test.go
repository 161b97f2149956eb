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

// fakeNode is a node of fakeDOM.
type fakeNode struct {
	id       int
	tag      string
	text     string
	attrs    map[string]string
	styles   map[string]string
	children []*fakeNode
}

// fakeDOM implements explorer.DOM in memory and logs every operation.
type fakeDOM struct {
	n   int
	log []string
}

func (d *fakeDOM) node(tag string) *fakeNode {
	d.n++
	return &fakeNode{id: d.n, tag: tag, attrs: map[string]string{}, styles: map[string]string{}}
}
func (d *fakeDOM) CreateElement(tag string) any {
	d.log = append(d.log, "create "+tag)
	return d.node(tag)
}
func (d *fakeDOM) CreateText(text string) any {
	d.log = append(d.log, "text "+text)
	n := d.node("")
	n.text = text
	return n
}
func (d *fakeDOM) SetText(n any, text string) {
	d.log = append(d.log, "settext "+text)
	n.(*fakeNode).text = text
}
func (d *fakeDOM) SetAttr(el any, name, value string) {
	d.log = append(d.log, "set "+name+"="+value)
	el.(*fakeNode).attrs[name] = value
}
func (d *fakeDOM) RemoveAttr(el any, name string) {
	d.log = append(d.log, "remove "+name)
	delete(el.(*fakeNode).attrs, name)
}
func (d *fakeDOM) SetStyle(el any, name, value string) {
	d.log = append(d.log, "style "+name+"="+value)
	if value == "" {
		delete(el.(*fakeNode).styles, name)
	} else {
		el.(*fakeNode).styles[name] = value
	}
}
func (d *fakeDOM) InsertBefore(parent, child, ref any) {
	p, c := parent.(*fakeNode), child.(*fakeNode)
	d.log = append(d.log, fmt.Sprintf("insert #%d", c.id))
	if i := slices.Index(p.children, c); i >= 0 {
		p.children = slices.Delete(p.children, i, i+1)
	}
	if ref == nil {
		p.children = append(p.children, c)
		return
	}
	i := slices.Index(p.children, ref.(*fakeNode))
	p.children = slices.Insert(p.children, i, c)
}
func (d *fakeDOM) Remove(parent, child any) {
	p, c := parent.(*fakeNode), child.(*fakeNode)
	d.log = append(d.log, fmt.Sprintf("removechild #%d", c.id))
	i := slices.Index(p.children, c)
	p.children = slices.Delete(p.children, i, i+1)
}

// dump writes the fake DOM like Node.String, to compare with the view model.
func dump(b *strings.Builder, n *fakeNode, depth int, withIDs bool) {
	ind := strings.Repeat("  ", depth)
	if n.tag == "" {
		fmt.Fprintf(b, "%s%q\n", ind, n.text)
		return
	}
	fmt.Fprintf(b, "%s<%s", ind, n.tag)
	if withIDs {
		fmt.Fprintf(b, " #%d", n.id)
	}
	keys := make([]string, 0, len(n.attrs))
	for k := range n.attrs {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		fmt.Fprintf(b, " %s=%q", k, n.attrs[k])
	}
	b.WriteString(">\n")
	for _, c := range n.children {
		dump(b, c, depth+1, withIDs)
	}
}

func list(keys ...string) *explorer.Node {
	ul := explorer.El("ul", explorer.A("class", "l"))
	for _, k := range keys {
		ul.Children = append(ul.Children, explorer.El("li", explorer.A("data-k", k), explorer.T(k)).WithKey(k))
	}
	return ul
}

func TestRendererKeyedReorderReusesElements(t *testing.T) {
	d := &fakeDOM{}
	root := d.node("root")
	r := explorer.NewRenderer(d, root)
	require.True(t, r.Render(list("a", "b", "c")))
	var before strings.Builder
	dump(&before, root, 0, true)

	d.log = nil
	require.True(t, r.Render(list("c", "a", "b")))
	assert.NotContains(t, strings.Join(d.log, "\n"), "create", "reason: keyed items are moved, not recreated")

	var got strings.Builder
	dump(&got, root, 0, true)
	assert.Contains(t, got.String(), "<li #7 data-k=\"c\">", "reason: c keeps its element (#7) in its new place")
	assert.Equal(t, strings.Count(before.String(), "<li"), strings.Count(got.String(), "<li"))
	assert.Equal(t, []string{"c", "a", "b"}, childTexts(root.children[0]))
}

func childTexts(n *fakeNode) []string {
	var out []string
	for _, c := range n.children {
		out = append(out, c.children[0].text)
	}
	return out
}

func TestRendererSkipsUnchanged(t *testing.T) {
	d := &fakeDOM{}
	r := explorer.NewRenderer(d, d.node("root"))
	require.True(t, r.Render(list("a")))
	d.log = nil
	assert.False(t, r.Render(list("a")), "reason: an equal tree is not rendered again")
	assert.Empty(t, d.log)
}

func TestRendererPatchesAttributesTextAndStyles(t *testing.T) {
	d := &fakeDOM{}
	root := d.node("root")
	r := explorer.NewRenderer(d, root)
	r.Render(explorer.El("div", explorer.A("class", "a", "title", "t"), explorer.T("one")).WithStyle("--kx-p", "10%"))
	d.log = nil
	r.Render(explorer.El("div", explorer.A("class", "b"), explorer.T("two")).WithStyle("--kx-p", "20%"))
	assert.Equal(t, []string{"set class=b", "remove title", "style --kx-p=20%", "settext two"}, d.log,
		"reason: only what changed is touched")
}

func TestRendererMatchesViewModel(t *testing.T) {
	m := fixture(t)
	d := &fakeDOM{}
	root := d.node("root")
	r := explorer.NewRenderer(d, root)
	for i, s := range patchStates[:5] {
		n := explorer.Build(m, s, explorer.Config{})
		r.Render(n)
		assert.Equal(t, freshDump(n), dumpText(root), "reason: patching state %d gives the DOM a fresh render gives", i)
	}
}

// patchStates are states the renderer patches onto the DOM one after
// another in the tests that compare a patched DOM with a fresh render:
// open nodes, an explanation, another view, a selected measure, another
// language.
var patchStates = []explorer.State{
	explorer.Default(explorer.Config{}).Toggle("GK"),
	explorer.Default(explorer.Config{}).Toggle("GK").Toggle("GK1").ToggleExplain("goal:GK1"),
	explorer.Default(explorer.Config{}).SetView(explorer.Measures).Select("PPM"),
	explorer.Default(explorer.Config{}).SetView(explorer.Timeline),
	explorer.Default(explorer.Config{Lang: "it"}).SetView(explorer.Measures),
	explorer.Default(explorer.Config{Lang: "fr"}),
}

// dumpText is the DOM below root as dump writes it.
func dumpText(root *fakeNode) string {
	var b strings.Builder
	dump(&b, root, 0, false)
	return b.String()
}

// freshDump renders n into a new fakeDOM and dumps it.
func freshDump(n *explorer.Node) string {
	fresh := &fakeDOM{}
	froot := fresh.node("root")
	explorer.NewRenderer(fresh, froot).Render(n)
	return dumpText(froot)
}

// nsDOM is a fakeDOM that creates namespaced elements too.
type nsDOM struct{ fakeDOM }

func (d *nsDOM) CreateElementNS(ns, tag string) any {
	d.log = append(d.log, "createNS "+tag)
	n := d.node(tag)
	n.attrs["(ns)"] = ns
	return n
}

func TestRenderSVGInItsNamespace(t *testing.T) {
	d := &nsDOM{}
	root := d.node("root")
	r := explorer.NewRenderer(d, root)
	chart := func(w string) *explorer.Node {
		return explorer.El("div", nil,
			explorer.El("svg", explorer.A("role", "img", "viewBox", "0 0 10 10"),
				explorer.El("rect", explorer.A("width", w)), explorer.El("text", nil, explorer.T(w))),
			explorer.El("p", nil, explorer.T("after")))
	}
	r.Render(chart("1"))
	assert.Equal(t, []string{"create div", "createNS svg", "set role=img", "set viewBox=0 0 10 10", "createNS rect", "set width=1",
		"createNS text", "text 1", "create p", "text after"}, creations(d.log),
		"reason: the svg element and its subtree are SVG elements, what follows it HTML again")
	d.log = nil
	r.Render(explorer.El("div", nil, explorer.El("svg", nil, explorer.El("rect", nil), explorer.El("circle", nil)), explorer.El("p", nil, explorer.T("after"))))
	assert.Contains(t, d.log, "createNS circle", "reason: an element added to an existing svg is SVG too")
	assert.NotContains(t, d.log, "create circle")
}

func TestRenderSVGWithoutNamespaces(t *testing.T) {
	d := &fakeDOM{}
	r := explorer.NewRenderer(d, d.node("root"))
	r.Render(explorer.El("svg", nil, explorer.El("rect", nil)))
	assert.Equal(t, []string{"create svg", "create rect"}, creations(d.log), "reason: a DOM without namespaces still gets every element")
}

// creations is log without the inserts.
func creations(log []string) []string {
	return slices.DeleteFunc(slices.Clone(log), func(s string) bool { return strings.HasPrefix(s, "insert ") })
}

// tcDOM is a fakeDOM that sets an element's only text in one call.
type tcDOM struct{ fakeDOM }

func (d *tcDOM) SetTextContent(el any, text string) {
	d.log = append(d.log, "textcontent "+text)
	if text == "" { // the DOM makes no text node of an empty textContent
		el.(*fakeNode).children = nil
		return
	}
	n := d.node("")
	n.text = text
	el.(*fakeNode).children = []*fakeNode{n}
}

func (d *tcDOM) FirstChild(el any) any {
	d.log = append(d.log, "firstchild")
	return el.(*fakeNode).children[0]
}

func TestRendererSetsOnlyTextsAsTextContent(t *testing.T) {
	m := fixture(t)
	d := &tcDOM{}
	root := d.node("root")
	r := explorer.NewRenderer(d, root)
	plain := &fakeDOM{}
	r0 := explorer.NewRenderer(plain, plain.node("root"))
	first := explorer.Build(m, explorer.Default(explorer.Config{}), explorer.Config{})
	r.Render(first)
	r0.Render(first)
	n := 0
	for _, op := range d.log {
		if strings.HasPrefix(op, "textcontent ") {
			n++
		}
	}
	assert.Greater(t, n, 100)
	assert.Equal(t, len(plain.log)-n, len(d.log), "reason: an element's only text costs one call, not two")
	assert.NotContains(t, d.log, "firstchild", "reason: a first render never needs a text node itself")

	// Every later state, patched onto the DOM with lazy text nodes, gives
	// the DOM a fresh render gives: texts that change, texts that become
	// one of several children, elements whose text goes away.
	for i, s := range patchStates {
		n := explorer.Build(m, s, explorer.Config{})
		r.Render(n)
		require.Equal(t, freshDump(n), dumpText(root), "reason: patching state %d gives the DOM a fresh render gives", i)
	}

	// A text that becomes one of two children is found first, then kept.
	d2 := &tcDOM{}
	root2 := d2.node("root")
	r2 := explorer.NewRenderer(d2, root2)
	r2.Render(explorer.El("p", nil, explorer.T("one")))
	d2.log = nil
	r2.Render(explorer.El("p", nil, explorer.T("one"), explorer.El("b", nil, explorer.T("two"))))
	assert.Equal(t, []string{"create b", "textcontent two", "firstchild", "insert #4"}, d2.log)
	d2.log = nil
	r2.Render(explorer.El("p", nil, explorer.T("uno")))
	assert.Equal(t, []string{"settext uno", "removechild #4"}, d2.log)
	d2.log = nil
	r2.Render(explorer.El("p", nil))
	r2.Render(explorer.El("p", nil, explorer.T("")))
	var got strings.Builder
	dump(&got, root2, 0, false)
	assert.Equal(t, "<root>\n  <p>\n    \"\"\n", got.String(), "reason: an empty text is a text node of its own")
}
