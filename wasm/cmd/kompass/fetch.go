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

// fetchBytes fetches ref (resolved against the page, same origin only)
// and returns the body, or a *explorer.FetchError naming ref. kompass.js's
// __kompassFetch hands over the response it started fetching when the
// element was connected, or fetches it now.
func fetchBytes(ref string) ([]byte, error) {
	u, err := explorer.ResolveDataURL(js.Global().Get("document").Get("baseURI").String(), ref)
	if err != nil {
		return nil, &explorer.FetchError{URL: ref, Reason: err.Error()}
	}
	resp, err := await(js.Global().Call("__kompassFetch", u))
	if err != nil {
		return nil, &explorer.FetchError{URL: ref, Reason: err.Error()}
	}
	if !resp.Get("ok").Bool() {
		return nil, &explorer.FetchError{URL: ref, Status: resp.Get("status").Int()}
	}
	body := resp.Get("body")
	data := make([]byte, body.Get("length").Int())
	js.CopyBytesToGo(data, body)
	return data, nil
}
