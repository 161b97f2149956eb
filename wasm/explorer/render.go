package explorer

// DOM is the small part of a document the renderer needs. The wasm adapter
// implements it with honnef.co/go/js/dom/v2; tests implement it with a log. Handles are
// whatever the implementation uses for nodes.
type DOM interface {
	CreateElement(tag string) any
	CreateText(text string) any
	SetText(node any, text string)
	SetAttr(el any, name, value string)
	RemoveAttr(el any, name string)
	// SetStyle sets a CSS property through the CSSOM (el.style.setProperty);
	// value "" removes it.
	SetStyle(el any, name, value string)
	// InsertBefore inserts or moves child into parent before ref; a nil ref appends.
	InsertBefore(parent, child, ref any)
	Remove(parent, child any)
}

// SVGNamespace is the namespace of an <svg> element and everything in it.
const SVGNamespace = "http://www.w3.org/2000/svg"

// NamespacedDOM is a DOM that can create elements in a namespace; the
// renderer creates an <svg> element and its subtree with it when the DOM
// has it (an HTML document's createElement would make them HTML elements,
// which draw nothing).
type NamespacedDOM interface {
	CreateElementNS(ns, tag string) any
}

// TextContentDOM is a DOM that can give an element its only child, a text
// node, in one call (the DOM's textContent), instead of creating the text
// node and inserting it. Most text of a view is the only child of its
// element (some 350 of the 4,300 calls of the example's first render are
// saved); the renderer asks for
// the text node (FirstChild) only when the element's children change
// otherwise.
type TextContentDOM interface {
	SetTextContent(el any, text string)
	FirstChild(el any) any
}

// BatchDOM is a DOM that can insert several nodes in one call (the DOM's
// parent.append(a, b, …) and ref.before(a, b, …)). The renderer gives a
// new element all its children in one call, and inserts a run of new or
// moved siblings in one call: a filter change in the tree inserts some
// 250 nodes, and every call from wasm into JavaScript costs far more than
// the DOM's own work for it.
type BatchDOM interface {
	// InsertAllBefore inserts or moves children, in order, into parent
	// before ref; a nil ref appends.
	InsertAllBefore(parent any, children []any, ref any)
}

// TextBatchDOM is a BatchDOM whose InsertAllBefore also takes strings
// among the children: each becomes a new text node, as the DOM's
// append("text", el, …) and before(…) make it. The renderer then gives a
// new element its texts without creating text nodes of its own (a call
// and a JavaScript value each: 77 of the 770 calls of a filter change in
// the tree); it asks for such a text node (ChildNode, the parent's
// childNodes[i]) only when the text changes or moves, or goes while its
// siblings stay. The renderer does so inside keyed elements (see create).
type TextBatchDOM interface {
	BatchDOM
	ChildNode(parent any, i int) any
}

// Mounted is a rendered node: the Node it shows and its DOM handle.
type Mounted struct {
	Node     *Node
	Handle   any
	Children []*Mounted
}

// Renderer keeps what it rendered into one parent and brings the DOM up to
// date with the next tree, reusing elements by key and position, so focus,
// caret and scroll positions survive a render.
type Renderer struct {
	dom DOM
	// The optional methods of dom, nil where it has not: asked for once.
	ns     NamespacedDOM
	tc     TextContentDOM
	batch  BatchDOM
	strs   TextBatchDOM
	parent any
	tops   []*Mounted
	last   []*Node
}

// NewRenderer returns a Renderer that renders into parent through dom.
func NewRenderer(dom DOM, parent any) *Renderer {
	r := &Renderer{dom: dom, parent: parent}
	r.ns, _ = dom.(NamespacedDOM)
	r.tc, _ = dom.(TextContentDOM)
	r.batch, _ = dom.(BatchDOM)
	r.strs, _ = dom.(TextBatchDOM)
	return r
}

// Render brings parent's children up to date with nodes. It reports false
// and touches nothing when nodes equal what was rendered last.
func (r *Renderer) Render(nodes ...*Node) bool {
	if r.last != nil && nodesEqual(r.last, nodes) {
		return false
	}
	r.tops = r.patchChildren(r.parent, r.tops, nodes, "", false)
	r.last = nodes
	return true
}

// Handle returns the DOM handle of the first rendered element for which
// match is true, or nil; the adapter uses it to move focus.
func (r *Renderer) Handle(match func(*Node) bool) any {
	var find func([]*Mounted) any
	find = func(ms []*Mounted) any {
		for _, m := range ms {
			if m.Node.Tag != "" && match(m.Node) {
				return m.Handle
			}
			if h := find(m.Children); h != nil {
				return h
			}
		}
		return nil
	}
	return find(r.tops)
}

func nodesEqual(a, b []*Node) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !a[i].Equal(b[i]) {
			return false
		}
	}
	return true
}

// namespace is the namespace of n's element inside a parent of namespace
// parent: SVG for <svg> and inside it, else "" (HTML).
func namespace(parent string, n *Node) string {
	if parent == "" && n.Tag == "svg" {
		return SVGNamespace
	}
	return parent
}

// create creates n and its subtree; keyed is whether an ancestor of n
// has a key.
func (r *Renderer) create(n *Node, parentNS string, keyed bool) *Mounted {
	keyed = keyed || n.Key != ""
	if n.Tag == "" {
		return &Mounted{Node: n, Handle: r.dom.CreateText(n.Text)}
	}
	ns := namespace(parentNS, n)
	var h any
	if r.ns != nil && ns != "" {
		h = r.ns.CreateElementNS(ns, n.Tag)
	} else {
		h = r.dom.CreateElement(n.Tag)
	}
	m := &Mounted{Node: n, Handle: h}
	for _, a := range n.Attrs {
		r.dom.SetAttr(m.Handle, a.Name, a.Value)
	}
	for _, s := range n.Styles {
		r.dom.SetStyle(m.Handle, s.Name, s.Value)
	}
	if r.tc != nil && onlyText(n.Children) {
		r.tc.SetTextContent(m.Handle, n.Children[0].Text)
		m.Children = []*Mounted{{Node: n.Children[0]}} // its Handle is asked for when needed
		return m
	}
	m.Children = make([]*Mounted, len(n.Children))
	// Inside a keyed element (a tree's row, goal or area), texts go in as
	// strings (TextBatchDOM): such a subtree is built for one measure or
	// goal and not patched with another's texts, so its text nodes are
	// rarely asked for. Unkeyed elements (cards, patched in place with
	// another measure's texts) keep text nodes of their own.
	strs := r.strs != nil && keyed
	for i, c := range n.Children {
		if strs && c.Tag == "" && len(n.Children) > 1 {
			m.Children[i] = &Mounted{Node: c} // a string in the insert; its Handle is asked for when needed
			continue
		}
		m.Children[i] = r.create(c, ns, keyed)
	}
	r.insertAll(m.Handle, m.Children, nil)
	return m
}

// insertAll inserts the handles of ms, in order, into parent before ref
// (nil: at the end): in one call when the DOM batches, else one by one.
func (r *Renderer) insertAll(parent any, ms []*Mounted, ref any) {
	if len(ms) == 0 {
		return
	}
	if r.batch != nil && (len(ms) > 1 || ms[0].Handle == nil) {
		hs := make([]any, len(ms))
		for i, m := range ms {
			hs[i] = m.Handle
			if m.Handle == nil { // a new text (TextBatchDOM)
				hs[i] = m.Node.Text
			}
		}
		r.batch.InsertAllBefore(parent, hs, ref)
		return
	}
	for _, m := range ms {
		r.dom.InsertBefore(parent, m.Handle, ref)
	}
}

// patch updates m, which shows a node of the same tag, to show n; keyed
// is whether an ancestor has a key.
func (r *Renderer) patch(m *Mounted, n *Node, parentNS string, keyed bool) {
	old := m.Node
	if old == n { // the same node again (a cached chart): nodes never change once built
		return
	}
	m.Node = n
	if n.Tag == "" {
		if old.Text != n.Text {
			r.dom.SetText(m.Handle, n.Text)
		}
		return
	}
	patchAttrs(old.Attrs, n.Attrs, func(name, v string) { r.dom.SetAttr(m.Handle, name, v) },
		func(name string) { r.dom.RemoveAttr(m.Handle, name) })
	patchAttrs(old.Styles, n.Styles, func(name, v string) { r.dom.SetStyle(m.Handle, name, v) },
		func(name string) { r.dom.SetStyle(m.Handle, name, "") })
	m.Children = r.patchChildren(m.Handle, m.Children, n.Children, namespace(parentNS, n), keyed || n.Key != "")
}

func patchAttrs(old, cur []Attr, set func(name, value string), remove func(name string)) {
	if attrsEqual(old, cur) {
		return
	}
	prev := make(map[string]string, len(old))
	for _, a := range old {
		prev[a.Name] = a.Value
	}
	for _, a := range cur {
		if v, ok := prev[a.Name]; !ok || v != a.Value {
			set(a.Name, a.Value)
		}
		delete(prev, a.Name)
	}
	for _, a := range old { // in order, for a deterministic log
		if _, ok := prev[a.Name]; ok {
			remove(a.Name)
		}
	}
}

// patchChildren reconciles parent's children: keyed nodes match by key,
// unkeyed ones by their order among the unkeyed, and only when the tag
// agrees; what is left over is removed, what is missing created.
func (r *Renderer) patchChildren(parent any, old []*Mounted, nodes []*Node, ns string, keyed bool) []*Mounted {
	if len(old) == 1 && old[0].Handle == nil { // a text set as the parent's textContent
		if onlyText(nodes) && nodes[0].Key == old[0].Node.Key {
			if nodes[0].Text != old[0].Node.Text {
				r.tc.SetTextContent(parent, nodes[0].Text)
			}
			old[0].Node = nodes[0]
			return old
		}
	}
	byKey := map[string]int{}
	var unkeyed []int
	for i, m := range old {
		if m.Node.Key != "" {
			byKey[m.Node.Key] = i
		} else {
			unkeyed = append(unkeyed, i)
		}
	}
	strs := r.strs != nil && keyed
	used := make([]bool, len(old))
	out := make([]*Mounted, len(nodes))
	oldIdx := make([]int, len(nodes)) // -1 for created nodes
	next := 0
	for i, n := range nodes {
		j := -1
		if n.Key != "" {
			if k, ok := byKey[n.Key]; ok && old[k].Node.Tag == n.Tag {
				j = k
			}
		} else if next < len(unkeyed) {
			if k := unkeyed[next]; old[k].Node.Tag == n.Tag {
				j = k
			}
			next++
		}
		switch {
		case j >= 0 && !used[j]:
			used[j] = true
			if n.Tag == "" && n.Text != old[j].Node.Text {
				r.resolve(parent, old, j) // no child of parent has moved yet
			}
			r.patch(old[j], n, ns, keyed)
			out[i], oldIdx[i] = old[j], j
		case n.Tag == "" && strs:
			out[i], oldIdx[i] = &Mounted{Node: n}, -1 // a string in the insert below
		default:
			out[i], oldIdx[i] = r.create(n, ns, keyed), -1
		}
	}
	reused := 0
	for _, u := range used {
		if u {
			reused++
		}
	}
	if r.tc != nil && reused == 0 && parent != r.parent && (len(old) > 1 || len(old) == 1 && old[0].Handle == nil) {
		r.tc.SetTextContent(parent, "") // all children go, in one call
	} else {
		for j := range old { // before anything moves: texts inserted as strings get their nodes
			r.resolve(parent, old, j)
		}
		for j, m := range old {
			if !used[j] {
				r.dom.Remove(parent, m.Handle)
			}
		}
	}
	// Reused nodes whose old positions increase stay put; the others move
	// (or are inserted) before their next sibling, working from the end.
	stay := make([]bool, len(nodes))
	last := -1
	for i, j := range oldIdx {
		if j > last {
			stay[i], last = true, j
		}
	}
	// Each run of nodes that do not stay goes in with one insertAll, before
	// the node after the run (nil at the end).
	var ref any
	end := len(out)
	for i := len(out) - 1; i >= -1; i-- {
		if i >= 0 && !stay[i] {
			continue
		}
		r.insertAll(parent, out[i+1:end], ref)
		if i >= 0 {
			ref, end = out[i].Handle, i
		}
	}
	return out
}

// resolve gives old[i], a text the DOM created from a string or as its
// parent's textContent, its node, while parent's children are still those
// of old in order.
func (r *Renderer) resolve(parent any, old []*Mounted, i int) {
	if old[i].Handle != nil {
		return
	}
	if r.strs != nil {
		old[i].Handle = r.strs.ChildNode(parent, i)
		return
	}
	old[i].Handle = r.tc.FirstChild(parent) // the only child, set as textContent
}

// onlyText reports whether nodes is one text node with text: an empty
// textContent would make no text node at all.
func onlyText(nodes []*Node) bool {
	return len(nodes) == 1 && nodes[0].Tag == "" && nodes[0].Text != ""
}
