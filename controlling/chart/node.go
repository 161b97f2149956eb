package chart

import (
	"io"
	"strings"
)

// Attr is one attribute of a Node.
type Attr struct {
	Name, Value string
}

// Node is one element or text node of a chart: an SVG element, or an HTML
// element around it (figure, table, legend). A Node with an empty Tag is a
// text node holding Text. The widget turns Nodes into DOM nodes; the html
// report writes them as markup with WriteTo or HTML.
//
// Data never becomes markup: Text is always text and attribute values are
// always attribute values, escaped by the writer.
type Node struct {
	// Tag is the element's tag name; "" makes a text node.
	Tag string
	// Text is the content of a text node.
	Text string
	// Attrs are the element's attributes in order.
	Attrs []Attr
	// Children are the element's children in order.
	Children []*Node
}

// SVGNamespace is the namespace of the svg element and everything inside
// it; a DOM builder creates those elements with createElementNS.
const SVGNamespace = "http://www.w3.org/2000/svg"

// el returns an element with attributes from name, value pairs (a pair
// whose value is "" is left out) and children (nil children are skipped).
// It and add are not inlined: the charts call them some 90 times, and each
// inlined copy of their loops makes the code a browser compiles for the
// widget's first render larger.
//
//go:noinline
func el(tag string, attrs []string, children ...*Node) *Node {
	n := &Node{Tag: tag}
	for i := 0; i+1 < len(attrs); i += 2 {
		if attrs[i+1] != "" {
			n.Attrs = append(n.Attrs, Attr{attrs[i], attrs[i+1]})
		}
	}
	for _, c := range children {
		if c != nil {
			n.Children = append(n.Children, c)
		}
	}
	return n
}

// a is shorthand for an attribute pair list.
func a(pairs ...string) []string { return pairs }

// text returns a text node.
func text(s string) *Node { return &Node{Text: s} }

// add appends the non-nil children to n and returns n.
//
//go:noinline
func (n *Node) add(children ...*Node) *Node {
	for _, c := range children {
		if c != nil {
			n.Children = append(n.Children, c)
		}
	}
	return n
}

// Attr returns the value of attribute name and whether n has it.
func (n *Node) Attr(name string) (string, bool) {
	if n == nil {
		return "", false
	}
	for _, at := range n.Attrs {
		if at.Name == name {
			return at.Value, true
		}
	}
	return "", false
}

// Walk calls f for n and every node below it, depth first, in document
// order; it stops early when f returns false.
func (n *Node) Walk(f func(*Node) bool) bool {
	if n == nil {
		return true
	}
	if !f(n) {
		return false
	}
	for _, c := range n.Children {
		if !c.Walk(f) {
			return false
		}
	}
	return true
}

// Find returns the first node in n (n included) with tag, or nil.
func (n *Node) Find(tag string) *Node {
	var found *Node
	n.Walk(func(c *Node) bool {
		if c.Tag == tag {
			found = c
			return false
		}
		return true
	})
	return found
}

// TextContent returns the text of n and everything below it, concatenated.
func (n *Node) TextContent() string {
	var b strings.Builder
	n.Walk(func(c *Node) bool {
		if c.Tag == "" {
			b.WriteString(c.Text)
		}
		return true
	})
	return b.String()
}

// HTML returns n as markup (see WriteTo).
func (n *Node) HTML() string {
	var b strings.Builder
	n.write(&b)
	return b.String()
}

// WriteTo writes n as markup that is both HTML and well-formed XML: every
// element has an end tag, text is escaped (& < >), attribute values are
// escaped (& < > ") and quoted, and control characters from data are
// written as U+FFFD. A nil Node writes nothing.
func (n *Node) WriteTo(w io.Writer) (int64, error) {
	var b strings.Builder
	n.write(&b)
	k, err := io.WriteString(w, b.String())
	return int64(k), err
}

func (n *Node) write(b *strings.Builder) {
	if n == nil {
		return
	}
	if n.Tag == "" {
		escape(b, n.Text, false)
		return
	}
	b.WriteByte('<')
	b.WriteString(n.Tag)
	for _, at := range n.Attrs {
		b.WriteByte(' ')
		b.WriteString(at.Name)
		b.WriteString(`="`)
		escape(b, at.Value, true)
		b.WriteByte('"')
	}
	b.WriteByte('>')
	for _, c := range n.Children {
		c.write(b)
	}
	b.WriteString("</")
	b.WriteString(n.Tag)
	b.WriteByte('>')
}

// escape writes s to b with the markup characters escaped; in attribute
// values the double quote too. Control characters other than tab and
// newline become U+FFFD: they are not allowed in XML and never useful in a
// chart.
func escape(b *strings.Builder, s string, attr bool) {
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"' && attr:
			b.WriteString("&#34;")
		case r == '\t' || r == '\n':
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			b.WriteRune('\uFFFD')
		default:
			b.WriteRune(r)
		}
	}
}
