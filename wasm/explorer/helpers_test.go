package explorer_test

import (
	"os"
	"path/filepath"
	"testing"

	goldenfile "github.com/bl-digital/kompass/internal/golden"

	"github.com/bl-digital/kompass/wasm/explorer"
	"github.com/stretchr/testify/require"
)

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
	goldenfile.Check(t, filepath.Join("testdata", name), []byte(got))
}
