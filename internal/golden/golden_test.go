package golden_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bl-digital/kompass/internal/golden"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// recorder catches what Check reports, so its failures can be tested.
type recorder struct {
	testing.TB
	msgs []string
}

func (r *recorder) Helper()                   {}
func (r *recorder) Errorf(f string, a ...any) { r.msgs = append(r.msgs, f) }
func (r *recorder) Fatalf(f string, a ...any) { r.msgs = append(r.msgs, f) }

func TestCheck(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.golden")
	require.NoError(t, os.WriteFile(path, []byte("a\nb\nc\n"), 0o644))

	r := &recorder{TB: t}
	golden.Check(r, path, []byte("a\nb\nc\n"))
	assert.Empty(t, r.msgs, "equal output passes")

	golden.Check(r, path, []byte("a\nB\nc\n"))
	require.Len(t, r.msgs, 1, "a difference fails")
	assert.True(t, strings.Contains(r.msgs[0], "differs from line"), r.msgs[0])

	r.msgs = nil
	golden.Check(r, filepath.Join(t.TempDir(), "missing.golden"), []byte("x"))
	require.Len(t, r.msgs, 1, "a missing file fails")
	assert.False(t, golden.Updating())
}
