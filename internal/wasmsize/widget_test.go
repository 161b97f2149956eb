package wasmsize

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The widget's weight budget depends on what kompass.wasm does not link:
// fmt (with reflect, about 100 KB compressed), net/url (fmt again),
// errors.As's reflection, the JSON Schema validator, html/template,
// encoding/json and math/big. This builds the widget and looks at its
// function names, so that an innocent fmt.Sprintf in a package the widget
// uses fails here rather than in the size report.
func TestWidgetLinksNoHeavyPackage(t *testing.T) {
	out := filepath.Join(t.TempDir(), "kompass.wasm")
	cmd := exec.Command(filepath.Join("scripts", "build-wasm"), out, "./wasm/cmd/kompass", "-ldflags=") // as make dist, with the names
	cmd.Dir = filepath.Join("..", "..")
	msg, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", msg)
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	m, err := Parse(b)
	require.NoError(t, err)
	code := map[string]int{}
	for _, p := range m.ByPackage() {
		code[p.Name] = p.Bytes
	}
	require.Greater(t, code["github.com_bl_digital_kompass_wasm_explorer"], 100000, "reason: the names are read right")
	// A package that is imported but not used still brings its init (reflect: 388 bytes).
	for _, pkg := range []string{"fmt", "reflect", "net_url", "internal_fmtsort", "encoding_json", "math_big",
		"html_template", "text_template", "regexp", "github.com_santhosh-tekuri_jsonschema_v5"} {
		assert.Less(t, code[pkg], 1000, "reason: kompass.wasm links %s", pkg)
	}
	for _, f := range m.Funcs {
		if strings.HasPrefix(f.Name, "errors.As") && !strings.HasPrefix(f.Name, "errors.AsType") {
			t.Errorf("kompass.wasm links %s: use errors.AsType (errors.As brings reflection)", f.Name)
			break
		}
	}
}
