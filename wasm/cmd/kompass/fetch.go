//go:build js && wasm

package main

import (
	"errors"
	"syscall/js"

	"github.com/bl-digital/kompass/wasm/explorer"
)

// await waits for a JS promise; call it only from a goroutine of our own,
// never from inside a JS callback.
func await(p js.Value) (js.Value, error) {
	type result struct {
		v   js.Value
		err error
	}
	ch := make(chan result, 1)
	then := js.FuncOf(func(_ js.Value, args []js.Value) any {
		ch <- result{v: args[0]}
		return nil
	})
	catch := js.FuncOf(func(_ js.Value, args []js.Value) any {
		msg := "unknown error"
		if len(args) > 0 && args[0].Truthy() {
			msg = args[0].Call("toString").String()
		}
		ch <- result{err: errors.New(msg)}
		return nil
	})
	defer then.Release()
	defer catch.Release()
	p.Call("then", then, catch)
	r := <-ch
	return r.v, r.err
}

// fetch is the explorer.Fetch of the page: kompass.js's __kompassFetch
// hands over the response it started fetching when the element was
// connected, or fetches it now (dom/v2 has no fetch).
func fetch(url string) (explorer.Response, error) {
	resp, err := await(js.Global().Call("__kompassFetch", url))
	if err != nil {
		return explorer.Response{}, err
	}
	r := explorer.Response{Status: resp.Get("status").Int(), ContentType: resp.Get("type").String()}
	if body := resp.Get("body"); body.Truthy() {
		r.Body = make([]byte, body.Get("length").Int())
		js.CopyBytesToGo(r.Body, body)
	}
	return r, nil
}
