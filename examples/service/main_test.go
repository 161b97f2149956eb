package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/bl-digital/kompass/examples"
)

func TestLoadStrategy(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "strategy.json")
	bad := filepath.Join(dir, "bad.json")
	require.NoError(t, os.WriteFile(good, examples.StrategyJSON, 0o644))
	require.NoError(t, os.WriteFile(bad, []byte(`{"id": "x"}`), 0o644))
	tests := []struct {
		reason string
		name   string
		err    string
	}{
		{"a valid strategy file loads", good, ""},
		{"a missing file fails", filepath.Join(dir, "missing.json"), "no such file"},
		{"an invalid file fails with its problems", bad, bad + ":1:1: /: "},
	}
	for _, tt := range tests {
		s, err := loadStrategy(tt.name)
		if tt.err == "" {
			require.NoError(t, err, tt.reason)
			assert.Equal(t, "bl-dt-2026", string(s.ID), tt.reason)
			continue
		}
		assert.ErrorContains(t, err, tt.err, tt.reason)
	}
}

func TestServeFails(t *testing.T) {
	assert.Error(t, serve("256.0.0.1:http", ""), "an address that cannot be listened on")
	assert.Error(t, serve("127.0.0.1:0", filepath.Join(t.TempDir(), "missing.json")), "a missing strategy file")
}
