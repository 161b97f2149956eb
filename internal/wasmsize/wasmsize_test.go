package wasmsize

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// module is a hand-made WebAssembly module: one imported function, two
// functions of 4 and 6 body bytes, and a name section naming all three.
func module() []byte {
	b := []byte("\x00asm\x01\x00\x00\x00")
	section := func(id byte, body ...byte) { b = append(append(b, id, byte(len(body))), body...) }
	str := func(s string) []byte { return append([]byte{byte(len(s))}, s...) }
	section(1, 1, 0x60, 0, 0)                                      // type: () -> ()
	section(2, 1, 1, 'm', 1, 'f', 0, 0)                            // import m.f, a function of type 0
	section(3, 2, 0, 0)                                            // two functions of type 0
	section(10, 2, 3, 0, 0x01, 0x0b, 5, 0, 0x01, 0x01, 0x01, 0x0b) // bodies: 1+3 and 1+5 bytes
	fn := []byte{3, 0}
	fn = append(fn, str("imp")...)
	fn = append(fn, 1)
	fn = append(fn, str("runtime.alloc")...)
	fn = append(fn, 2)
	fn = append(fn, str("github.com_x_y.F[go.shape.int]")...)
	name := append(str("name"), 1, byte(len(fn)))
	section(0, append(name, fn...)...)
	return b
}

func TestParse(t *testing.T) {
	m, err := Parse(module())
	require.NoError(t, err)
	require.Len(t, m.Funcs, 2, "reason: imported functions have no body")
	assert.Equal(t, Func{"runtime.alloc", 4}, m.Funcs[0], "reason: names skip the imported function's index")
	assert.Equal(t, Func{"github.com_x_y.F[go.shape.int]", 6}, m.Funcs[1])
	assert.Equal(t, 1, m.Imports, "reason: function index 1 is Funcs[0]")
	assert.Equal(t, 11, m.Sections["code"])
	assert.Contains(t, m.Sections, "custom:name")
	assert.Equal(t, []Total{{"github.com_x_y", 6}, {"runtime", 4}}, m.ByPackage())
}

func TestParseRefusesBrokenModules(t *testing.T) {
	whole := module()
	for _, tt := range []struct {
		reason string
		b      []byte
	}{
		{"not wasm", []byte("<!DOCTYPE html>")},
		{"empty", nil},
		{"cut in a section", whole[:20]},
		{"a section longer than the file", append([]byte("\x00asm\x01\x00\x00\x00"), 10, 100, 1)},
	} {
		_, err := Parse(tt.b)
		assert.Error(t, err, "reason: %s", tt.reason)
	}
}

func FuzzParse(f *testing.F) {
	f.Add(module())
	f.Add([]byte("\x00asm\x01\x00\x00\x00"))
	f.Fuzz(func(t *testing.T, b []byte) {
		Parse(b) // never panics
	})
}

func TestPackage(t *testing.T) {
	tests := []struct{ in, want, reason string }{
		{"runtime.mallocgc", "runtime", "a standard package"},
		{"github.com_bl_digital_kompass_wasm_explorer.builder.tree", "github.com_bl_digital_kompass_wasm_explorer", "a method"},
		{"slices.Sort[go.shape.string]", "slices", "a generic instantiation"},
		{"memchr", "memchr", "an assembly helper without a package"},
		{"runtime.__sweepLocked_.sweep", "runtime", "a pointer method"},
		{"internal_runtime_maps.__Map_.getWithKey", "internal_runtime_maps", "an internal package"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Package(tt.in), "reason: %s", tt.reason)
	}
}
