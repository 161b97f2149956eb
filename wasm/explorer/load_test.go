package explorer_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bl-digital/kompass/wasm/explorer"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLoadEmbedded(t *testing.T) {
	m, err := explorer.LoadEmbedded()
	require.NoError(t, err, "reason: the embedded example data is valid")
	assert.NotEmpty(t, m.Report.Measures)
}

func TestLoadErrors(t *testing.T) {
	s, err := os.ReadFile(filepath.Join("testdata", "strategy.json"))
	require.NoError(t, err)
	p, err := os.ReadFile(filepath.Join("testdata", "portfolio.json"))
	require.NoError(t, err)
	badGoal := []byte(strings.Replace(string(p), `"goals": ["DL1"]`, `"goals": ["XX9"]`, 1))
	otherStrategy := []byte(strings.Replace(string(p), `"strategy": "test-2026"`, `"strategy": "other"`, 1))
	tests := []struct {
		reason     string
		s, p       []byte
		wantURL    string
		wantInText string
	}{
		{"a portfolio that is not JSON", s, []byte("<html>not found</html>"), "/p.json", "/p.json:1:1"},
		{"an empty strategy", []byte{}, p, "/s.json", "/s.json"},
		{"a measure naming a goal the strategy lacks: the line and column of the value",
			s, badGoal, "/p.json", "/p.json:" + position(t, badGoal, `"XX9"`) + ": /measures/3/goals/0: "},
		{"a portfolio of another strategy: the line and column of the member",
			s, otherStrategy, "/p.json", "/p.json:" + position(t, otherStrategy, `"strategy": "other"`) + ": /strategy: "},
	}
	for _, tt := range tests {
		_, err := explorer.Load(tt.s, tt.p, "/s.json", "/p.json")
		var ie *explorer.InvalidError
		require.True(t, errors.As(err, &ie), "reason: %s: got %v", tt.reason, err)
		assert.Equal(t, tt.wantURL, ie.URL, "reason: %s", tt.reason)
		assert.NotEmpty(t, ie.Problems)
		for _, pr := range ie.Problems {
			assert.Positive(t, pr.Line, "reason: %s: every problem has a line (%s)", tt.reason, pr)
		}
		text := explorer.ErrorNotice(err, "en").TextContent()
		assert.Contains(t, text, tt.wantInText, "reason: %s: the message shows where", tt.reason)
	}
}

// position is the "line:column" (1-based, the column in bytes) where the
// only occurrence of what starts in data.
func position(t *testing.T, data []byte, what string) string {
	t.Helper()
	require.Equal(t, 1, strings.Count(string(data), what), "the test data has %s once", what)
	before := string(data[:strings.Index(string(data), what)])
	line := strings.Count(before, "\n") + 1
	col := len(before) - strings.LastIndex(before, "\n")
	return fmt.Sprintf("%d:%d", line, col)
}

func TestResolveDataURL(t *testing.T) {
	base := "https://www.bl.ch/politik/strategie.html"
	tests := []struct {
		reason, ref, want string
		ok                bool
	}{
		{"an absolute path", "/data/portfolio.json", "https://www.bl.ch/data/portfolio.json", true},
		{"a relative path", "data/p.json?x=1#frag", "https://www.bl.ch/politik/data/p.json?x=1", true},
		{"the same origin spelled out", "https://www.bl.ch/p.json", "https://www.bl.ch/p.json", true},
		{"another host is refused", "https://evil.example/p.json", "", false},
		{"a scheme-relative other host is refused", "//evil.example/p.json", "", false},
		{"another scheme is refused", "http://www.bl.ch/p.json", "", false},
		{"data URLs are refused", "data:application/json,{}", "", false},
	}
	for _, tt := range tests {
		got, err := explorer.ResolveDataURL(base, tt.ref)
		if tt.ok {
			assert.NoError(t, err, "reason: %s", tt.reason)
			assert.Equal(t, tt.want, got, "reason: %s", tt.reason)
		} else {
			assert.Error(t, err, "reason: %s", tt.reason)
		}
	}
}
