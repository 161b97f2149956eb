// Command wasmsize prints where the bytes of a Go WebAssembly module are:
// its sections, then the code of its largest packages and functions.
// Build the module without -s so that it keeps its function names (as
// make dist builds it, with the names):
//
//	./scripts/build-wasm /tmp/k.wasm ./wasm/cmd/kompass -ldflags=
//	go run ./internal/wasmsize/cmd/wasmsize [-n 30] /tmp/k.wasm
package main

import (
	"flag"
	"fmt"
	"os"
	"sort"

	"github.com/bl-digital/kompass/internal/wasmsize"
)

func main() {
	n := flag.Int("n", 30, "how many packages and functions to list")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: wasmsize [-n N] FILE.wasm")
		os.Exit(2)
	}
	b, err := os.ReadFile(flag.Arg(0))
	if err == nil {
		err = report(b, *n)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "wasmsize:", err)
		os.Exit(1)
	}
}

func report(b []byte, n int) error {
	m, err := wasmsize.Parse(b)
	if err != nil {
		return err
	}
	var secs []wasmsize.Total
	for k, v := range m.Sections {
		secs = append(secs, wasmsize.Total{Name: k, Bytes: v})
	}
	sort.Slice(secs, func(i, j int) bool { return secs[i].Bytes > secs[j].Bytes })
	fmt.Printf("%d bytes; sections:\n", len(b))
	for _, s := range secs {
		fmt.Printf("%10d  %s\n", s.Bytes, s.Name)
	}
	if m.Sections["custom:name"] == 0 {
		fmt.Println("no name section: build without -ldflags=-s to see packages and functions")
		return nil
	}
	fmt.Printf("\ncode by package (the %d largest):\n", n)
	for i, p := range m.ByPackage() {
		if i == n {
			break
		}
		fmt.Printf("%10d  %s\n", p.Bytes, p.Name)
	}
	fs := append([]wasmsize.Func(nil), m.Funcs...)
	sort.Slice(fs, func(i, j int) bool { return fs[i].Size > fs[j].Size })
	fmt.Printf("\nlargest functions:\n")
	for i, f := range fs {
		if i == n {
			break
		}
		fmt.Printf("%10d  %s\n", f.Size, f.Name)
	}
	return nil
}
