// Package wasmsize tells where the bytes of a WebAssembly module built by Go
// are: the size of each function's code, named from the module's "name"
// section, and the size of each section. scripts/size-report uses it (run
// with --packages) to group kompass.wasm's code by Go package; build the
// module without -s so that the name section is there.
package wasmsize

import (
	"encoding/binary"
	"errors"
	"sort"
	"strings"
)

// Func is one function of the module's code section.
type Func struct {
	Name string // from the name section; "" when the module has none
	Size int    // bytes of its body in the code section, with its length prefix
}

// Module is what Parse found.
type Module struct {
	Sections map[string]int // bytes by section: "code", "data", "custom:name", …
	Funcs    []Func         // in code-section order
	// Imports is the number of imported functions: the function with
	// index i (as V8's traces name it) is Funcs[i-Imports].
	Imports int
}

var errTruncated = errors.New("wasmsize: truncated module")

var sectionNames = map[byte]string{1: "type", 2: "import", 3: "function", 4: "table", 5: "memory",
	6: "global", 7: "export", 8: "start", 9: "element", 10: "code", 11: "data", 12: "datacount"}

// Parse reads a WebAssembly binary module.
func Parse(b []byte) (*Module, error) {
	if len(b) < 8 || string(b[:4]) != "\x00asm" {
		return nil, errors.New("wasmsize: not a WebAssembly module")
	}
	r := reader{b: b[8:]}
	m := &Module{Sections: map[string]int{}}
	imports := 0
	names := map[int]string{}
	for len(r.b) > 0 {
		id := r.byte()
		raw := r.bytes(r.uint())
		body := reader{b: raw}
		if r.err != nil {
			return nil, r.err
		}
		name := sectionNames[id]
		switch id {
		case 0:
			name = "custom:" + string(body.bytes(body.uint()))
			if name == "custom:name" {
				readNames(&body, names)
			}
		case 2:
			imports = countFuncImports(&body)
		case 10:
			n := body.uint()
			for i := 0; i < n && body.err == nil; i++ {
				before := len(body.b)
				body.bytes(body.uint())
				m.Funcs = append(m.Funcs, Func{Size: before - len(body.b)})
			}
		}
		if body.err != nil {
			return nil, body.err
		}
		if name == "" {
			name = "unknown"
		}
		m.Sections[name] += len(raw)
	}
	for i := range m.Funcs {
		m.Funcs[i].Name = names[imports+i]
	}
	m.Imports = imports
	return m, nil
}

// Package is the Go package of a function name as Go's wasm linker writes
// it, with "/" written "_" ("github.com_bl_digital_kompass_wasm_explorer.builder.tree",
// "runtime.mallocgc"): the name up to the first dot that ends the path,
// the dot of a host name ("github.com_") skipped; a name without a dot is
// its own package.
func Package(name string) string {
	if i := strings.IndexByte(name, '['); i >= 0 {
		name = name[:i]
	}
	i := strings.IndexByte(name, '.')
	if i < 0 {
		return name
	}
	if j := strings.IndexByte(name[i+1:], '_'); j > 0 && isLower(name[i+1:i+1+j]) {
		if k := strings.IndexByte(name[i+1+j:], '.'); k >= 0 {
			return name[:i+1+j+k]
		}
	}
	return name[:i]
}

func isLower(s string) bool {
	for _, c := range s {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// Total is a name and a byte count.
type Total struct {
	Name  string
	Bytes int
}

// ByPackage sums the functions' code by Package, largest first.
func (m *Module) ByPackage() []Total {
	sums := map[string]int{}
	for _, f := range m.Funcs {
		sums[Package(f.Name)] += f.Size
	}
	out := make([]Total, 0, len(sums))
	for k, v := range sums {
		out = append(out, Total{k, v})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Bytes != out[j].Bytes {
			return out[i].Bytes > out[j].Bytes
		}
		return out[i].Name < out[j].Name
	})
	return out
}

type reader struct {
	b   []byte
	err error
}

func (r *reader) fail() {
	if r.err == nil {
		r.err = errTruncated
	}
	r.b = nil
}

func (r *reader) byte() byte {
	if len(r.b) == 0 {
		r.fail()
		return 0
	}
	c := r.b[0]
	r.advance(1)
	return c
}

func (r *reader) uint() int {
	v, n := binary.Uvarint(r.b)
	if n <= 0 || v > uint64(len(r.b))+1<<32 {
		r.fail()
		return 0
	}
	r.advance(n)
	return int(v)
}

func (r *reader) bytes(n int) []byte {
	if n < 0 || n > len(r.b) {
		r.fail()
		return nil
	}
	s := r.b[:n]
	r.advance(n)
	return s
}

func (r *reader) advance(n int) {
	r.b = r.b[n:]
}

// readNames reads the function names (subsection 1) of a name section.
func readNames(r *reader, names map[int]string) {
	for len(r.b) > 0 && r.err == nil {
		id := r.byte()
		sub := reader{b: r.bytes(r.uint())}
		if id != 1 {
			continue
		}
		n := sub.uint()
		for i := 0; i < n && sub.err == nil; i++ {
			idx := sub.uint()
			names[idx] = string(sub.bytes(sub.uint()))
		}
		if sub.err != nil {
			r.err = sub.err
		}
	}
}

// countFuncImports counts the imported functions, which come first in
// the function index space.
func countFuncImports(r *reader) int {
	n, funcs := r.uint(), 0
	for i := 0; i < n && r.err == nil; i++ {
		r.bytes(r.uint()) // module
		r.bytes(r.uint()) // name
		switch r.byte() {
		case 0: // function: type index
			r.uint()
			funcs++
		case 1: // table: reftype, limits
			r.byte()
			limits(r)
		case 2: // memory: limits
			limits(r)
		case 3: // global: valtype, mutability
			r.byte()
			r.byte()
		default:
			r.fail()
		}
	}
	return funcs
}

func limits(r *reader) {
	if r.byte()&1 == 1 {
		r.uint()
	}
	r.uint()
}
