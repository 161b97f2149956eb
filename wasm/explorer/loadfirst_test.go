package explorer_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/bl-digital/kompass/wasm/explorer"
)

// TestLoadFirst checks that the first render's load ends where Load does:
// the same model for good files, the same error for bad ones, found at
// once or, for what only the byte checks find, by Model.CheckBytes.
func TestLoadFirst(t *testing.T) {
	s, err := os.ReadFile(filepath.Join("testdata", "strategy.json"))
	require.NoError(t, err)
	p, err := os.ReadFile(filepath.Join("testdata", "portfolio.json"))
	require.NoError(t, err)
	// edit replaces the first old in data by new.
	edit := func(data []byte, old, new string) []byte {
		require.Contains(t, string(data), old)
		return bytes.Replace(data, []byte(old), []byte(new), 1)
	}
	tests := []struct {
		name     string
		s, p     []byte
		later    bool // the error is found by CheckBytes, after the first render
		hasError bool
	}{
		{name: "good files load, with nothing left to find", s: s, p: p},
		{name: "a byte order mark is a warning: Load's way, no error", s: s, p: append([]byte("\uFEFF"), p...)},
		{name: "a syntax error is found at once", s: s, p: p[:len(p)/2], hasError: true},
		{name: "an unknown member is found at once", s: s, p: edit(p, `"id"`, `"colour": "red", "id"`), hasError: true},
		{name: "a rule across values (a measure's unknown goal) is found at once", s: s, p: edit(p, `"goals": ["`, `"goals": ["NOPE9", "`), hasError: true},
		{name: "a bad strategy is found at once, with the portfolio's problems", s: s[:len(s)/3], p: p[:len(p)/2], hasError: true},
		{name: "a duplicate member name only the byte checks find", s: s, p: edit(p, `"id"`, `"id": "dup", "id"`), later: true, hasError: true},
		{name: "invalid UTF-8 only the byte checks find", s: edit(s, `"de": "`, "\"de\": \"\xff"), p: p, later: true, hasError: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want, wantErr := explorer.Load(tt.s, tt.p, "/s.json", "/p.json")
			require.Equal(t, tt.hasError, wantErr != nil, "Load: %v", wantErr)
			got, err := explorer.LoadFirst(tt.s, tt.p, "/s.json", "/p.json")
			if !tt.hasError {
				require.NoError(t, err)
				assert.Equal(t, want.Report, got.Report)
				assert.NoError(t, got.CheckBytes())
				return
			}
			if !tt.later {
				require.Error(t, err)
				assert.Equal(t, wantErr.Error(), err.Error())
				return
			}
			require.NoError(t, err, "the first render shows the decoded files")
			err = got.CheckBytes()
			require.Error(t, err)
			assert.Equal(t, wantErr.Error(), err.Error())
			assert.Equal(t, err, got.CheckBytes(), "checked once")
		})
	}
}

// TestByteErrorReplacesView: a problem only the byte checks find replaces
// the first render with the error before the complete view, the fallback
// kept below it; without a deferred complete view the first screen is the
// error.
func TestByteErrorReplacesView(t *testing.T) {
	s, err := os.ReadFile(filepath.Join("testdata", "strategy.json"))
	require.NoError(t, err)
	p, err := os.ReadFile(filepath.Join("testdata", "portfolio.json"))
	require.NoError(t, err)
	p = bytes.Replace(p, []byte(`"id"`), []byte(`"id": "dup", "id"`), 1)
	for _, deferred := range []bool{true, false} {
		m, err := explorer.LoadFirst(s, p, "/s.json", "/p.json")
		require.NoError(t, err)
		var w explorer.Widget
		if deferred {
			w.DeferCharts()
		}
		w.SetAttributes(explorer.Attributes{Strategy: "/s.json", Portfolio: "/p.json"}, "")
		require.True(t, w.FinishLoad(w.StartLoad(), m, nil))
		if deferred {
			require.Equal(t, "shown", w.Screen(true).State)
		}
		sc := w.Screen(true)
		require.Equal(t, "error", sc.State)
		require.Len(t, sc.Nodes, 2)
		assert.Contains(t, sc.Nodes[0].TextContent(), "duplicate")
		assert.Equal(t, "slot", sc.Nodes[1].Tag, "the fallback stays")
		assert.Equal(t, "error", w.Screen(true).State, "and stays an error")
	}
}
