package explorer

import (
	"strconv"
	"unicode/utf8"
)

// Batch is a DOM that records what the renderer does as one JSON array of
// operations, for a script on the page to apply in a single call: from
// WebAssembly every DOM call through syscall/js costs about a microsecond
// or more, so a render of thousands of operations is much faster applied by
// the script than called one by one. kompass.js's applyOps is that script.
//
// Handles are ints: 0 is the node rendered into (the root), and every
// created node gets the next number. The array holds, one after another:
//
//	1, id, tag              create element id
//	2, id, text             create text node id
//	3, id, text             set the text of text node id
//	4, id, name, value      set attribute (value, selected: the live property too)
//	5, id, name             remove attribute (value, selected: the live property too)
//	6, id, name, value      set a CSS property through the CSSOM; value "" removes it
//	7, parent, child, ref   insert or move child before ref; ref -1 appends
//	8, parent, child        remove child (the script forgets its subtree's ids)
//
// Text is always set as text and values as values, never as markup.
type Batch struct {
	buf  []byte
	next int
}

// Root is the handle of the node the renderer renders into.
const Root = 0

// Len is the number of bytes recorded since the last Flush.
func (b *Batch) Len() int { return len(b.buf) }

// Flush returns the operations recorded since the last Flush as a JSON
// array, "" when there are none, and starts a new batch.
func (b *Batch) Flush() string {
	if len(b.buf) == 0 {
		return ""
	}
	s := "[" + string(b.buf) + "]"
	b.buf = b.buf[:0]
	return s
}

func (b *Batch) op(code int, ids ...int) {
	if len(b.buf) > 0 {
		b.buf = append(b.buf, ',')
	}
	b.buf = strconv.AppendInt(b.buf, int64(code), 10)
	for _, id := range ids {
		b.buf = append(b.buf, ',')
		b.buf = strconv.AppendInt(b.buf, int64(id), 10)
	}
}

// str appends s as a JSON string; invalid UTF-8 becomes U+FFFD.
func (b *Batch) str(s string) {
	b.buf = append(b.buf, ',', '"')
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b.buf = append(b.buf, '\\', c)
		case c < 0x20:
			b.buf = append(b.buf, `\u00`...)
			b.buf = append(b.buf, "0123456789abcdef"[c>>4], "0123456789abcdef"[c&0xf])
		case c < utf8.RuneSelf:
			b.buf = append(b.buf, c)
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && n == 1 {
				b.buf = append(b.buf, "\uFFFD"...)
			} else {
				b.buf = append(b.buf, s[i:i+n]...)
			}
			i += n
			continue
		}
		i++
	}
	b.buf = append(b.buf, '"')
}

func (b *Batch) create(code int, s string) any {
	b.next++
	b.op(code, b.next)
	b.str(s)
	return b.next
}

// CreateElement records operation 1.
func (b *Batch) CreateElement(tag string) any { return b.create(1, tag) }

// CreateText records operation 2.
func (b *Batch) CreateText(text string) any { return b.create(2, text) }

// SetText records operation 3.
func (b *Batch) SetText(n any, text string) {
	b.op(3, n.(int))
	b.str(text)
}

// SetAttr records operation 4.
func (b *Batch) SetAttr(el any, name, value string) {
	b.op(4, el.(int))
	b.str(name)
	b.str(value)
}

// RemoveAttr records operation 5.
func (b *Batch) RemoveAttr(el any, name string) {
	b.op(5, el.(int))
	b.str(name)
}

// SetStyle records operation 6.
func (b *Batch) SetStyle(el any, name, value string) {
	b.op(6, el.(int))
	b.str(name)
	b.str(value)
}

// InsertBefore records operation 7.
func (b *Batch) InsertBefore(parent, child, ref any) {
	r := -1
	if ref != nil {
		r = ref.(int)
	}
	b.op(7, parent.(int), child.(int), r)
}

// Remove records operation 8.
func (b *Batch) Remove(parent, child any) { b.op(8, parent.(int), child.(int)) }
