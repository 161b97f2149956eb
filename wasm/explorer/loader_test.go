package explorer_test

import (
	"errors"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/bl-digital/kompass/wasm/explorer"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const page = "https://www.bl.ch/politik/strategie.html"

// server is a fake web server for Loads: a map from absolute URL to answer,
// counting requests.
type server struct {
	mu       sync.Mutex
	files    map[string]explorer.Response
	requests map[string]int
	gate     chan struct{} // when set, every fetch waits for it
}

func newServer(t testing.TB) *server {
	s, err := os.ReadFile(filepath.Join("testdata", "strategy.json"))
	require.NoError(t, err)
	p, err := os.ReadFile(filepath.Join("testdata", "portfolio.json"))
	require.NoError(t, err)
	return &server{
		files: map[string]explorer.Response{
			"https://www.bl.ch/data/s.json": {Status: 200, ContentType: "application/json", Body: s},
			"https://www.bl.ch/data/p.json": {Status: 200, ContentType: "application/json", Body: p},
		},
		requests: map[string]int{},
	}
}

func (s *server) fetch(url string) (explorer.Response, error) {
	if s.gate != nil {
		<-s.gate
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests[url]++
	r, ok := s.files[url]
	if !ok {
		return explorer.Response{Status: 404, ContentType: "text/html", Body: []byte("<!doctype html><h1>Not found</h1>")}, nil
	}
	if r.Status == -1 {
		return explorer.Response{}, errors.New("TypeError: Failed to fetch")
	}
	return r, nil
}

func (s *server) count(url string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.requests[url]
}

func TestSourceCheck(t *testing.T) {
	tests := []struct {
		reason  string
		src     explorer.Source
		missing string
	}{
		{"both set: the data files", explorer.Source{Strategy: "/s.json", Portfolio: "/p.json"}, ""},
		{"neither set: the embedded example", explorer.Source{}, ""},
		{"a portfolio without its strategy is refused, not read against the example strategy", explorer.Source{Portfolio: "/p.json"}, "strategy"},
		{"a strategy without a portfolio is refused, not shown with the example portfolio", explorer.Source{Strategy: "/s.json"}, "portfolio"},
	}
	for _, tt := range tests {
		err := tt.src.Check()
		if tt.missing == "" {
			assert.NoError(t, err, "reason: %s", tt.reason)
			continue
		}
		var ae *explorer.AttributeError
		require.ErrorAs(t, err, &ae, "reason: %s", tt.reason)
		assert.Equal(t, tt.missing, ae.Missing, "reason: %s", tt.reason)
	}
}

func TestLoadsErrors(t *testing.T) {
	tests := []struct {
		reason    string
		src       explorer.Source
		answer    map[string]explorer.Response // changes to the server's files
		check     func(t *testing.T, err error)
		wantInMsg string
	}{
		{"a missing portfolio is an HTTP 404 naming the URL as written",
			explorer.Source{Strategy: "/data/s.json", Portfolio: "/data/nope.json"}, nil,
			func(t *testing.T, err error) {
				var fe *explorer.FetchError
				require.ErrorAs(t, err, &fe)
				assert.Equal(t, 404, fe.Status)
				assert.Equal(t, "/data/nope.json", fe.URL)
			}, "/data/nope.json"},
		{"a missing strategy is reported even though the portfolio came",
			explorer.Source{Strategy: "../data/missing.json", Portfolio: "/data/p.json"}, nil,
			func(t *testing.T, err error) {
				var fe *explorer.FetchError
				require.ErrorAs(t, err, &fe)
				assert.Equal(t, "../data/missing.json", fe.URL)
			}, "missing.json"},
		{"an HTML page sent with 200 (a login or catch-all page) is named as such, not as a JSON syntax error",
			explorer.Source{Strategy: "/data/s.json", Portfolio: "/data/p.json"},
			map[string]explorer.Response{"https://www.bl.ch/data/p.json": {Status: 200, ContentType: "text/html; charset=utf-8", Body: []byte("\n  <!DOCTYPE html><html>…")}},
			func(t *testing.T, err error) {
				var ne *explorer.NotJSONError
				require.ErrorAs(t, err, &ne)
				assert.True(t, ne.HTML)
			}, "the server answered with an HTML page, not JSON"},
		{"HTML with a JSON content type is still HTML: no JSON text starts with '<'",
			explorer.Source{Strategy: "/data/s.json", Portfolio: "/data/p.json"},
			map[string]explorer.Response{"https://www.bl.ch/data/s.json": {Status: 200, ContentType: "application/json", Body: []byte("\xef\xbb\xbf<html>")}},
			func(t *testing.T, err error) {
				var ne *explorer.NotJSONError
				require.ErrorAs(t, err, &ne)
				assert.Equal(t, "/data/s.json", ne.URL)
			}, "HTML page"},
		{"a network failure keeps the browser's reason",
			explorer.Source{Strategy: "/data/s.json", Portfolio: "/data/p.json"},
			map[string]explorer.Response{"https://www.bl.ch/data/p.json": {Status: -1}},
			func(t *testing.T, err error) {
				var fe *explorer.FetchError
				require.ErrorAs(t, err, &fe)
				assert.Equal(t, 0, fe.Status)
			}, "Failed to fetch"},
		{"invalid JSON data lists its problems with line and column",
			explorer.Source{Strategy: "/data/s.json", Portfolio: "/data/p.json"},
			map[string]explorer.Response{"https://www.bl.ch/data/p.json": {Status: 200, ContentType: "application/json", Body: []byte("{\n  \"id\": 1\n}")}},
			func(t *testing.T, err error) {
				var ie *explorer.InvalidError
				require.ErrorAs(t, err, &ie)
				require.NotEmpty(t, ie.Problems)
				assert.Positive(t, ie.Problems[0].Line)
			}, "/data/p.json:"},
		{"another origin is refused before any request",
			explorer.Source{Strategy: "https://evil.example/s.json", Portfolio: "/data/p.json"}, nil,
			func(t *testing.T, err error) {
				var fe *explorer.FetchError
				require.ErrorAs(t, err, &fe)
				assert.Contains(t, fe.Reason, "refused")
			}, "evil.example"},
		{"one attribute without the other",
			explorer.Source{Portfolio: "/data/p.json"}, nil,
			func(t *testing.T, err error) {
				var ae *explorer.AttributeError
				require.ErrorAs(t, err, &ae)
			}, "strategy"},
	}
	for _, tt := range tests {
		t.Run(tt.reason, func(t *testing.T) {
			srv := newServer(t)
			for u, r := range tt.answer {
				srv.files[u] = r
			}
			m, err := explorer.NewLoads(srv.fetch).Model(page, tt.src)
			assert.Nil(t, m)
			require.Error(t, err)
			tt.check(t, err)
			assert.Contains(t, err.Error(), tt.wantInMsg)
			assert.Zero(t, srv.count("https://evil.example/s.json"), "no request leaves the page's origin")
		})
	}
}

func TestLoadsShareOneLoad(t *testing.T) {
	srv := newServer(t)
	srv.gate = make(chan struct{})
	loads := explorer.NewLoads(srv.fetch)
	src := explorer.Source{Strategy: "/data/s.json", Portfolio: "../data/p.json"}
	var wg sync.WaitGroup
	models := make([]*explorer.Model, 3)
	for i := range models {
		wg.Go(func() {
			m, err := loads.Model(page, src)
			assert.NoError(t, err)
			models[i] = m
		})
	}
	close(srv.gate)
	wg.Wait()
	assert.Same(t, models[0], models[1], "elements with the same URLs share one model")
	assert.Same(t, models[0], models[2])
	later, err := loads.Model(page, explorer.Source{Strategy: "https://www.bl.ch/data/s.json", Portfolio: "/data/p.json"})
	require.NoError(t, err)
	assert.Same(t, models[0], later, "a later element, spelling the same URLs differently, gets the cached model")
	assert.Equal(t, 1, srv.count("https://www.bl.ch/data/s.json"), "one fetch of the strategy")
	assert.Equal(t, 1, srv.count("https://www.bl.ch/data/p.json"), "one fetch of the portfolio")
}

func TestLoadsRetryAfterAFailure(t *testing.T) {
	srv := newServer(t)
	good := srv.files["https://www.bl.ch/data/p.json"]
	delete(srv.files, "https://www.bl.ch/data/p.json")
	loads := explorer.NewLoads(srv.fetch)
	src := explorer.Source{Strategy: "/data/s.json", Portfolio: "/data/p.json"}
	_, err := loads.Model(page, src)
	require.Error(t, err, "reason: the portfolio is missing")
	srv.files["https://www.bl.ch/data/p.json"] = good
	m, err := loads.Model(page, src)
	require.NoError(t, err, "reason: a failed load is forgotten, the next element tries again")
	assert.NotNil(t, m)
	assert.Equal(t, 2, srv.count("https://www.bl.ch/data/p.json"))
}

func TestLoadsEmbedded(t *testing.T) {
	var calls atomic.Int32
	loads := explorer.NewLoads(func(string) (explorer.Response, error) { calls.Add(1); return explorer.Response{}, nil })
	m, err := loads.Model(page, explorer.Source{})
	require.NoError(t, err)
	assert.NotEmpty(t, m.Report.Measures)
	assert.Zero(t, calls.Load(), "reason: the embedded data needs no request")
}
