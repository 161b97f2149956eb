package explorer

import (
	"fmt"
	"io"
	"slices"
	"strings"
)

// Attr is one attribute (or, in Node.Styles, one CSS property) of a Node.
type Attr struct {
	Name, Value string
}

// Node is one element or text node of the view model: what the widget shows,
// without a browser. A Node with an empty Tag is a text node holding Text.
//
// Data never reaches the DOM as markup: Text is always set as text, and
// attribute values as attribute values.
type Node struct {
	// Tag is the element's tag name; "" makes a text node.
	Tag string
	// Text is the content of a text node.
	Text string
	// Key identifies the node among its siblings across renders (measure ids,
	// goal ids); the renderer reuses the element with the same key.
	Key string
	// Attrs are the element's attributes in order. Event bindings are
	// attributes too: data-on-click, data-on-keydown, data-on-input and
	// data-on-change name an action (see Event).
	Attrs []Attr
	// Styles are CSS custom properties set through the CSSOM
	// (element.style.setProperty), never as a style attribute, so a strict
	// style-src CSP allows them.
	Styles []Attr
	// Children are the element's children in order.
	Children []*Node
}

// El returns an element node with children; nil children are skipped.
//
// El and A are not inlined: the view's builders call them some 350 times,
// and inlined each call would carry their loops, which makes the code the
// browser compiles before the first render about a fifth larger (V8
// compiles each WebAssembly function when it is first called).
//
//go:noinline
func El(tag string, attrs []Attr, children ...*Node) *Node {
	n := &Node{Tag: tag, Attrs: attrs}
	for _, c := range children {
		if c != nil {
			n.Children = append(n.Children, c)
		}
	}
	return n
}

// T returns a text node.
func T(s string) *Node { return &Node{Text: s} }

// A builds an attribute list from name, value pairs; a pair whose value is
// "" is left out, so optional attributes read naturally at the call site.
// Use "true"/"false" for ARIA booleans.
//
//go:noinline
func A(pairs ...string) []Attr {
	var a []Attr
	for i := 0; i+1 < len(pairs); i += 2 {
		if pairs[i+1] == "" {
			continue
		}
		a = append(a, Attr{pairs[i], pairs[i+1]})
	}
	return a
}

// WithKey sets n's key and returns n.
func (n *Node) WithKey(k string) *Node { n.Key = k; return n }

// WithStyle adds a CSS custom property set through the CSSOM and returns n.
func (n *Node) WithStyle(name, value string) *Node {
	n.Styles = append(n.Styles, Attr{name, value})
	return n
}

// withAttrs returns a copy of n with attrs added: built nodes may be
// shared between renders (see builder.cached), so they are never changed
// once built.
func (n *Node) withAttrs(attrs ...Attr) *Node {
	c := *n
	c.Attrs = append(slices.Clip(n.Attrs), attrs...)
	return &c
}

// Attr returns the value of attribute name and whether n has it.
func (n *Node) Attr(name string) (string, bool) {
	for _, a := range n.Attrs {
		if a.Name == name {
			return a.Value, true
		}
	}
	return "", false
}

// Equal reports whether n and m describe the same DOM.
func (n *Node) Equal(m *Node) bool {
	if n == m {
		return true
	}
	if n == nil || m == nil {
		return n == m
	}
	if n.Tag != m.Tag || n.Text != m.Text || n.Key != m.Key ||
		!attrsEqual(n.Attrs, m.Attrs) || !attrsEqual(n.Styles, m.Styles) ||
		len(n.Children) != len(m.Children) {
		return false
	}
	for i := range n.Children {
		if !n.Children[i].Equal(m.Children[i]) {
			return false
		}
	}
	return true
}

func attrsEqual(a, b []Attr) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Find returns the first node in n's subtree (n included, depth first) for
// which match is true, or nil.
func (n *Node) Find(match func(*Node) bool) *Node {
	if n == nil {
		return nil
	}
	if match(n) {
		return n
	}
	for _, c := range n.Children {
		if f := c.Find(match); f != nil {
			return f
		}
	}
	return nil
}

// ByTestID returns the first node whose data-testid is id, or nil.
func (n *Node) ByTestID(id string) *Node {
	return n.Find(func(m *Node) bool { v, ok := m.Attr("data-testid"); return ok && v == id })
}

// TextContent is the concatenated text of n's subtree, like the DOM's textContent.
func (n *Node) TextContent() string {
	var b strings.Builder
	n.walkText(&b)
	return b.String()
}

func (n *Node) walkText(b *strings.Builder) {
	if n.Tag == "" {
		b.WriteString(n.Text)
		return
	}
	for _, c := range n.Children {
		c.walkText(b)
	}
}

// WriteTo writes n as an indented, HTML-like log, one node per line, for
// golden files: attributes in order, styles as {--name: value}, text quoted.
// It is a log of the tree, not HTML to be parsed.
func (n *Node) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: w}
	n.log(cw, 0)
	return cw.n, cw.err
}

// String is the log of WriteTo.
func (n *Node) String() string {
	var b strings.Builder
	n.WriteTo(&b)
	return b.String()
}

func (n *Node) log(w *countWriter, depth int) {
	ind := strings.Repeat("  ", depth)
	if n.Tag == "" {
		fmt.Fprintf(w, "%s%q\n", ind, n.Text)
		return
	}
	fmt.Fprintf(w, "%s<%s", ind, n.Tag)
	if n.Key != "" {
		fmt.Fprintf(w, " key=%q", n.Key)
	}
	for _, a := range n.Attrs {
		fmt.Fprintf(w, " %s=%q", a.Name, a.Value)
	}
	for _, s := range n.Styles {
		fmt.Fprintf(w, " {%s: %s}", s.Name, s.Value)
	}
	w.WriteString(">\n")
	for _, c := range n.Children {
		c.log(w, depth+1)
	}
}

type countWriter struct {
	w   io.Writer
	n   int64
	err error
}

func (c *countWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	k, err := c.w.Write(p)
	c.n += int64(k)
	c.err = err
	return k, err
}

func (c *countWriter) WriteString(s string) { c.Write([]byte(s)) }
