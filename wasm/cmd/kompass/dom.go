//go:build js && wasm

package main

import (
	"syscall/js"

	"github.com/bl-digital/kompass/wasm/explorer"
)

// painter renders into one shadow root: the renderer records its DOM
// operations in an explorer.Batch, and paint hands them to kompass.js's
// applier in one call. Text is only ever set as text, styles only through
// the CSSOM (see explorer.Batch and applier in kompass.js).
type painter struct {
	batch    explorer.Batch
	renderer *explorer.Renderer
	apply    js.Value // kompass.js: applies a JSON array of operations
}

func newPainter(apply js.Value) *painter {
	p := &painter{apply: apply}
	p.renderer = explorer.NewRenderer(&p.batch, explorer.Root)
	return p
}

// paint brings the shadow root up to date with n.
func (p *painter) paint(n *explorer.Node) {
	p.renderer.Render(n)
	if ops := p.batch.Flush(); ops != "" {
		p.apply.Invoke(ops)
	}
}
