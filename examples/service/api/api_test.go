package api_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/bl-digital/kompass/controlling"
	"github.com/bl-digital/kompass/controlling/report"
	"github.com/bl-digital/kompass/examples"
	"github.com/bl-digital/kompass/examples/service/api"
	"github.com/bl-digital/kompass/portfolio"
	"github.com/bl-digital/kompass/strategy"
)

func newServer(t *testing.T, c api.Config) *httptest.Server {
	t.Helper()
	h, err := api.New(c)
	require.NoError(t, err)
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

// do sends a request and returns the answer's status, headers and body.
func do(t *testing.T, srv *httptest.Server, method, path, contentType string, body []byte) (int, http.Header, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, srv.URL+path, bytes.NewReader(body))
	require.NoError(t, err)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	res, err := srv.Client().Do(req)
	require.NoError(t, err)
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	return res.StatusCode, res.Header, b
}

type validateAnswer struct {
	Valid    bool   `json:"valid"`
	Kind     string `json:"kind"`
	Problems []struct {
		Pointer string `json:"pointer"`
		Line    int    `json:"line"`
		Column  int    `json:"column"`
		Rule    string `json:"rule"`
		Message string `json:"message"`
	} `json:"problems"`
}

type errorAnswer struct {
	Error    string            `json:"error"`
	Problems []json.RawMessage `json:"problems"`
}

const jsonType = "application/json"

var invalidPortfolio = []byte(`{"id": "p", "title": {"de": "P"}, "strategy": "bl-dt-2026", "asOf": "2026-06-30",
 "currency": "CHF", "organisations": [{"id": "FKD", "name": {"de": "FKD"}}],
 "measures": [{"id": "M", "title": {"de": "M"}, "goals": ["NOPE"], "owner": "FKD", "status": "active",
   "progress": 10, "start": "2026", "end": "2025"}]}`)

func TestHealthz(t *testing.T) {
	srv := newServer(t, api.Config{})
	code, h, body := do(t, srv, http.MethodGet, "/healthz", "", nil)
	assert.Equal(t, http.StatusOK, code)
	assert.JSONEq(t, `{"status": "ok"}`, string(body))
	assert.Equal(t, "application/json", h.Get("Content-Type"))
	assert.Equal(t, "nosniff", h.Get("X-Content-Type-Options"), "every answer forbids sniffing")
}

func TestValidate(t *testing.T) {
	srv := newServer(t, api.Config{})
	tests := []struct {
		reason   string
		body     []byte
		valid    bool
		kind     string
		pointers []string // the problems' pointers, in order
	}{
		{"the example portfolio is valid", examples.PortfolioJSON, true, "portfolio", nil},
		{"the BL strategy is valid", examples.StrategyJSON, true, "strategy", nil},
		{"semantic problems are reported with pointers", invalidPortfolio, false, "portfolio",
			[]string{"/measures/0/goals/0", "/measures/0/end"}},
		{"a syntax error is a problem, not a failed request", []byte(`{"measures": [`), false, "portfolio", []string{"/measures"}},
		{"invalid JSON of no kind", []byte(`{"a": }`), false, "unknown", []string{"/a"}},
		{"a document that is neither kind", []byte(`{"hello": 1}`), false, "unknown", []string{""}},
	}
	for _, tt := range tests {
		code, _, body := do(t, srv, http.MethodPost, "/validate", jsonType, tt.body)
		require.Equal(t, http.StatusOK, code, tt.reason)
		var a validateAnswer
		require.NoError(t, json.Unmarshal(body, &a), tt.reason)
		assert.Equal(t, tt.valid, a.Valid, tt.reason)
		assert.Equal(t, tt.kind, a.Kind, tt.reason)
		var ptrs []string
		for _, p := range a.Problems {
			ptrs = append(ptrs, p.Pointer)
			assert.NotEmpty(t, p.Message, tt.reason)
			assert.Positive(t, p.Line, "%s: problems have a line", tt.reason)
		}
		assert.Equal(t, tt.pointers, ptrs, tt.reason)
		assert.NotContains(t, string(body), `"problems": null`, "%s: problems is always a list", tt.reason)
	}
}

func TestReport(t *testing.T) {
	srv := newServer(t, api.Config{})
	s, err := strategy.DecodeBytes(examples.StrategyJSON)
	require.NoError(t, err)
	p, err := portfolio.DecodeBytes(examples.PortfolioJSON)
	require.NoError(t, err)
	want := func(f report.Format, asOf, lang string) string {
		var o controlling.Options
		if asOf != "" {
			o.AsOf = strategy.MustParseDate(asOf)
		}
		r, err := controlling.Compute(s, p, o)
		require.NoError(t, err)
		var b bytes.Buffer
		require.NoError(t, report.Render(&b, r, f, lang))
		return b.String()
	}
	tests := []struct {
		reason      string
		query       string
		contentType string
		want        string
	}{
		{"JSON is the default", "", "application/json", want(report.JSON, "", "de")},
		{"an HTML page", "?format=html", "text/html; charset=utf-8", want(report.HTML, "", "de")},
		{"an HTML fragment in French", "?format=html-fragment&lang=fr", "text/html; charset=utf-8", want(report.HTMLFragment, "", "fr")},
		{"CSV", "?format=csv", "text/csv; charset=utf-8", want(report.CSV, "", "de")},
		{"figures at another date", "?format=json&asOf=2026-06-30", "application/json", want(report.JSON, "2026-06-30", "de")},
		{"Markdown", "?format=md&lang=en", "text/markdown; charset=utf-8", want(report.Markdown, "", "en")},
	}
	for _, tt := range tests {
		code, h, body := do(t, srv, http.MethodPost, "/report"+tt.query, "application/json; charset=utf-8", examples.PortfolioJSON)
		require.Equal(t, http.StatusOK, code, "%s: %s", tt.reason, body)
		assert.Equal(t, tt.contentType, h.Get("Content-Type"), tt.reason)
		assert.Equal(t, tt.want, string(body), tt.reason)
		if strings.HasPrefix(tt.contentType, "text/html") {
			assert.Contains(t, h.Get("Content-Security-Policy"), "default-src 'none'", "%s: HTML may run no script", tt.reason)
		}
		if strings.HasPrefix(tt.contentType, "text/csv") {
			assert.Equal(t, `attachment; filename="kompass-report-2026-10-31.csv"`, h.Get("Content-Disposition"), tt.reason)
		}
	}
}

func TestErrors(t *testing.T) {
	srv := newServer(t, api.Config{MaxBytes: 1 << 10})
	big := append([]byte(`{"measures": [`), bytes.Repeat([]byte(" "), 2<<10)...)
	tests := []struct {
		reason      string
		method      string
		path        string
		contentType string
		body        []byte
		code        int
		err         string // a part of the error message
		problems    bool   // the answer lists problems
	}{
		{"an unknown path", http.MethodGet, "/nope", "", nil, http.StatusNotFound, "no route /nope", false},
		{"POST to /healthz", http.MethodPost, "/healthz", jsonType, nil, http.StatusMethodNotAllowed, "use GET", false},
		{"GET of /validate", http.MethodGet, "/validate", "", nil, http.StatusMethodNotAllowed, "use POST", false},
		{"GET of /report", http.MethodGet, "/report", "", nil, http.StatusMethodNotAllowed, "use POST", false},
		{"a form body to /validate", http.MethodPost, "/validate", "application/x-www-form-urlencoded", []byte("a=b"),
			http.StatusUnsupportedMediaType, "send application/json", false},
		{"a text body to /report", http.MethodPost, "/report", "text/plain", invalidPortfolio,
			http.StatusUnsupportedMediaType, "send application/json", false},
		{"a malformed Content-Type", http.MethodPost, "/report", "application/json; =", invalidPortfolio,
			http.StatusUnsupportedMediaType, "send application/json", false},
		{"a body over the limit to /validate", http.MethodPost, "/validate", jsonType, big,
			http.StatusRequestEntityTooLarge, "larger than the limit of 1024 bytes", false},
		{"a body over the limit to /report", http.MethodPost, "/report", jsonType, big,
			http.StatusRequestEntityTooLarge, "larger than the limit of 1024 bytes", false},
		{"invalid JSON", http.MethodPost, "/report", jsonType, []byte(`{"measures": [`),
			http.StatusBadRequest, "not valid JSON", true},
		{"an empty body", http.MethodPost, "/report", jsonType, nil, http.StatusBadRequest, "not valid JSON", true},
		{"an invalid portfolio", http.MethodPost, "/report", jsonType, invalidPortfolio,
			http.StatusBadRequest, "the portfolio is invalid", true},
		{"a strategy is no portfolio", http.MethodPost, "/report", jsonType, []byte(`{"id": "s", "focusAreas": []}`),
			http.StatusBadRequest, "the body is a strategy", false},
		{"an unknown format", http.MethodPost, "/report?format=pdf", jsonType, examples.PortfolioJSON,
			http.StatusBadRequest, `format: unknown format "pdf"`, false},
		{"a bad date", http.MethodPost, "/report?asOf=2026-02-30", jsonType, examples.PortfolioJSON,
			http.StatusBadRequest, "asOf: invalid date", false},
		{"an unknown language", http.MethodPost, "/report?lang=rm", jsonType, examples.PortfolioJSON,
			http.StatusBadRequest, `lang "rm"`, false},
	}
	for _, tt := range tests {
		code, h, body := do(t, srv, tt.method, tt.path, tt.contentType, tt.body)
		assert.Equal(t, tt.code, code, tt.reason)
		assert.Equal(t, "application/json", h.Get("Content-Type"), "%s: errors are JSON", tt.reason)
		var a errorAnswer
		require.NoError(t, json.Unmarshal(body, &a), "%s: %s", tt.reason, body)
		assert.Contains(t, a.Error, tt.err, tt.reason)
		assert.Equal(t, tt.problems, len(a.Problems) > 0, "%s: problems listed", tt.reason)
		if code == http.StatusMethodNotAllowed {
			assert.NotEmpty(t, h.Get("Allow"), "%s: 405 names the allowed method", tt.reason)
		}
	}
}

func TestDefaultLimit(t *testing.T) {
	assert.Equal(t, 32<<20, api.DefaultMaxBytes, "the default limit is the data files' 32 MiB")
}

func TestOtherStrategy(t *testing.T) {
	s, err := strategy.DecodeBytes(examples.StrategyJSON)
	require.NoError(t, err)
	s.ID = "zh-2030"
	srv := newServer(t, api.Config{Strategy: s})
	code, _, body := do(t, srv, http.MethodPost, "/validate", jsonType, examples.PortfolioJSON)
	require.Equal(t, http.StatusOK, code)
	var a validateAnswer
	require.NoError(t, json.Unmarshal(body, &a))
	assert.False(t, a.Valid, "a portfolio of another strategy is invalid")
	require.Len(t, a.Problems, 1)
	assert.Equal(t, "/strategy", a.Problems[0].Pointer)
}
