package explorer_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bl-digital/kompass/wasm/explorer"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// fixture loads testdata/strategy.json and testdata/portfolio.json.
func fixture(t testing.TB) *explorer.Model {
	t.Helper()
	s, err := os.ReadFile(filepath.Join("testdata", "strategy.json"))
	require.NoError(t, err)
	p, err := os.ReadFile(filepath.Join("testdata", "portfolio.json"))
	require.NoError(t, err)
	m, err := explorer.Load(s, p, "/data/strategy.json", "/data/portfolio.json")
	require.NoError(t, err)
	return m
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "missing golden file; run go test -update")
	if string(want) == got {
		return
	}
	w, g := strings.Split(string(want), "\n"), strings.Split(got, "\n")
	i := 0
	for i < len(w) && i < len(g) && w[i] == g[i] {
		i++
	}
	lo := max(0, i-3)
	t.Errorf("%s differs from line %d on; run go test -update and review the diff\nwant:\n%s\ngot:\n%s", path, i+1,
		strings.Join(w[lo:min(len(w), i+4)], "\n"), strings.Join(g[lo:min(len(g), i+4)], "\n"))
}
