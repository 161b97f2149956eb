package jsondoc

import (
	"bytes"
	"sort"
	"strconv"
	"strings"

	"github.com/bl-digital/kompass/diag"
)

// lineIndex turns byte offsets into 1-based lines and columns.
type lineIndex []int // offsets where lines start

func newLineIndex(text []byte) lineIndex {
	idx := lineIndex{0}
	for off := 0; ; {
		i := bytes.IndexByte(text[off:], '\n')
		if i < 0 {
			return idx
		}
		off += i + 1
		idx = append(idx, off)
	}
}

// position is the line and column (both 1-based, the column in bytes) of off.
func (idx lineIndex) position(off int) (line, col int) {
	if off < 0 {
		off = 0
	}
	line = sort.Search(len(idx), func(i int) bool { return idx[i] > off })
	return line, off - idx[line-1] + 1
}

// Locate fills Line and Column of the problems in l that have none, from
// their JSON pointers, by finding the pointed-to values in data (with or
// without a byte order mark). A problem pointing at an object member points
// at the member's name; a pointer that does not resolve, such as that of a
// missing member, falls back to its deepest ancestor that does. Locate does
// nothing, and costs nothing, when every problem has a position already.
func Locate(data []byte, l diag.List) {
	root := &node{}
	var todo []int
	for i, p := range l {
		if p.Line > 0 {
			continue
		}
		todo = append(todo, i)
		root.add(pointerTokens(p.Pointer))
	}
	if len(todo) == 0 {
		return
	}
	text := bytes.TrimPrefix(data, bom)
	lx := &lexer{text: text}
	lx.peek()
	locate(lx, root, -1)
	idx := newLineIndex(text)
	for _, i := range todo {
		off := root.find(pointerTokens(l[i].Pointer))
		l[i].Line, l[i].Column = idx.position(off)
	}
}

// node is a trie of the JSON pointers to locate; off is -1 until found.
type node struct {
	children map[string]*node
	off      int
	found    bool
}

func (n *node) add(tokens []string) {
	for _, t := range tokens {
		c := n.children[t]
		if c == nil {
			if n.children == nil {
				n.children = make(map[string]*node)
			}
			c = &node{}
			n.children[t] = c
		}
		n = c
	}
}

// find is the offset of the deepest found node along tokens.
func (n *node) find(tokens []string) int {
	off := n.off
	for _, t := range tokens {
		n = n.children[t]
		if n == nil || !n.found {
			break
		}
		off = n.off
	}
	return off
}

// locate records where n's value starts (or, with nameOff >= 0, its member
// name) and descends only into the members and items that hold pointers to
// locate, skipping everything else.
func locate(l *lexer, n *node, nameOff int) {
	n.found = true
	n.off = nameOff
	if nameOff < 0 {
		n.off = l.pos
	}
	if len(n.children) == 0 || len(l.stack) > DefaultMaxDepth*4 {
		l.skip()
		return
	}
	switch l.peek() {
	case '{':
		l.open(false)
		for l.member() {
			f := l.top()
			name := f.name
			if f.escaped {
				name = unquote(nil, name)
			}
			if c := n.children[string(name)]; c != nil && !c.found {
				l.peek()
				locate(l, c, f.nameOff)
			} else {
				l.skip()
			}
		}
	case '[':
		l.open(true)
		for l.item() {
			if c := n.children[strconv.Itoa(l.top().n-1)]; c != nil {
				l.peek()
				locate(l, c, -1)
			} else {
				l.skip()
			}
		}
	default:
		l.skip()
	}
}

// pointerTokens splits a JSON pointer into its unescaped reference tokens.
func pointerTokens(ptr string) []string {
	if ptr == "" {
		return nil
	}
	parts := strings.Split(strings.TrimPrefix(ptr, "/"), "/")
	for i, p := range parts {
		if strings.Contains(p, "~") {
			parts[i] = strings.ReplaceAll(strings.ReplaceAll(p, "~1", "/"), "~0", "~")
		}
	}
	return parts
}
