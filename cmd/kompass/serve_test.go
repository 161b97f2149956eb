package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bl-digital/kompass/examples"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fakeDist writes a dist/kompass folder with small stand-ins for the widget files.
func fakeDist(t *testing.T, withBr bool) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"kompass.js":   "const VERSION = \"abc123def456\";\nexport {};\n",
		"wasm_exec.js": "globalThis.Go = class {};\n",
		"kompass.wasm": "\x00asm\x01\x00\x00\x00",
		"kompass.css":  ":host { display: block; }\n",
	}
	for name, body := range files {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644))
		if withBr {
			require.NoError(t, os.WriteFile(filepath.Join(dir, name+".br"), []byte("BR:"+body), 0o644))
		}
	}
	return dir
}

func newTestServer(t *testing.T, dist string) *httptest.Server {
	t.Helper()
	h, err := newServeHandler(serveConfig{strategy: examples.StrategyJSON, portfolio: examples.PortfolioJSON, dist: dist})
	require.NoError(t, err)
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

func get(t *testing.T, url string, header map[string]string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	require.NoError(t, err)
	req.Header.Set("Accept-Encoding", "identity") // no transparent gzip from the client
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultTransport.RoundTrip(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp, body
}

func TestServePage(t *testing.T) {
	srv := newTestServer(t, fakeDist(t, true))
	resp, body := get(t, srv.URL+"/", nil)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, "text/html; charset=utf-8", resp.Header.Get("Content-Type"))
	assert.Equal(t, pageCSP, resp.Header.Get("Content-Security-Policy"), "reason: the page runs under a strict CSP")
	assert.Equal(t, "no-cache", resp.Header.Get("Cache-Control"), "reason: the page is not cached for long")
	assert.Equal(t, "nosniff", resp.Header.Get("X-Content-Type-Options"))
	page := string(body)
	for _, want := range []string{
		"Kanton Basel-Landschaft", `aria-label="Brotkrümelnavigation"`,
		`<script type="module" src="/kompass/kompass.js?v=`,
		`<kompass-explorer id="kompass" heading-level="3" strategy="/data/strategy.json" portfolio="/data/portfolio.json">`,
		`focus="DL"`, `class="kompass-report"`,
	} {
		assert.Contains(t, page, want, "reason: the demo page has %s", want)
	}
	assert.NotContains(t, page, "style=", "reason: no inline styles under style-src 'self'")
	assert.Equal(t, strings.Count(page, "<script"), strings.Count(page, `<script type="module" src=`),
		"reason: no inline scripts")
}

func TestServeLanguagePages(t *testing.T) {
	srv := newTestServer(t, fakeDist(t, true))
	_, home := get(t, srv.URL+"/", nil)
	tests := []struct {
		reason, path, lang, want string
	}{
		{"a French page with its widgets in French", "/fr/", "fr", "Stratégie de transformation numérique"},
		{"an Italian page", "/it/", "it", "Strategia di trasformazione digitale"},
		{"an English page", "/en/", "en", "Digital Transformation Strategy"},
	}
	for _, tt := range tests {
		resp, body := get(t, srv.URL+tt.path, nil)
		require.Equal(t, http.StatusOK, resp.StatusCode, "reason: %s", tt.reason)
		assert.Equal(t, pageCSP, resp.Header.Get("Content-Security-Policy"), "reason: %s, under the same CSP", tt.reason)
		page := string(body)
		assert.Contains(t, page, `<html lang="`+tt.lang+`">`, "reason: %s", tt.reason)
		assert.Contains(t, page, tt.want, "reason: %s", tt.reason)
		assert.Equal(t, 2, strings.Count(page, `portfolio="/data/portfolio.json" lang="`+tt.lang+`">`), "reason: %s: both widgets in the page's language", tt.reason)
		assert.Contains(t, page, `class="kompass-report"`, "reason: %s, with the static fallback", tt.reason)
		assert.Contains(t, string(home), `href="`+tt.path+`"`, "reason: the cantonal page links to %s", tt.path)
		assert.Contains(t, page, `href="/" lang="de"`, "reason: and back")
	}
	resp, _ := get(t, srv.URL+"/xx/", nil)
	assert.Equal(t, http.StatusNotFound, resp.StatusCode, "reason: no page in other languages")
}

func TestServeWidgetFiles(t *testing.T) {
	srv := newTestServer(t, fakeDist(t, true))
	tests := []struct {
		reason, path, accept, wantType, wantEnc, wantCache, wantPrefix string
	}{
		{"wasm in brotli when the browser takes it", "/kompass/kompass.wasm?v=abc123def456", "gzip, deflate, br",
			"application/wasm", "br", "public, max-age=31536000, immutable", "BR:"},
		{"wasm in gzip without brotli", "/kompass/kompass.wasm?v=abc123def456", "gzip",
			"application/wasm", "gzip", "public, max-age=31536000, immutable", "\x1f\x8b"},
		{"br;q=0 is refused brotli", "/kompass/kompass.wasm", "br;q=0, gzip",
			"application/wasm", "gzip", "no-cache", "\x1f\x8b"},
		{"identity without Accept-Encoding; no version, no long cache", "/kompass/kompass.wasm", "identity",
			"application/wasm", "", "no-cache", "\x00asm"},
		{"a wrong version is not cached for good", "/kompass/kompass.css?v=old", "identity",
			"text/css; charset=utf-8", "", "no-cache", ":host"},
		{"the loader is JavaScript", "/kompass/kompass.js", "identity",
			"text/javascript; charset=utf-8", "", "no-cache", "const VERSION"},
		{"wasm_exec.js with the fingerprint", "/kompass/wasm_exec.js?v=abc123def456", "identity",
			"text/javascript; charset=utf-8", "", "public, max-age=31536000, immutable", "globalThis.Go"},
	}
	for _, tt := range tests {
		resp, body := get(t, srv.URL+tt.path, map[string]string{"Accept-Encoding": tt.accept})
		require.Equal(t, http.StatusOK, resp.StatusCode, "reason: %s", tt.reason)
		assert.Equal(t, tt.wantType, resp.Header.Get("Content-Type"), "reason: %s", tt.reason)
		assert.Equal(t, tt.wantEnc, resp.Header.Get("Content-Encoding"), "reason: %s", tt.reason)
		assert.Equal(t, "Accept-Encoding", resp.Header.Get("Vary"), "reason: %s", tt.reason)
		assert.Equal(t, tt.wantCache, resp.Header.Get("Cache-Control"), "reason: %s", tt.reason)
		assert.True(t, strings.HasPrefix(string(body), tt.wantPrefix), "reason: %s: body %q", tt.reason, body[:min(len(body), 12)])
	}
}

func TestServeGzipIsValid(t *testing.T) {
	srv := newTestServer(t, fakeDist(t, false))
	resp, body := get(t, srv.URL+"/kompass/kompass.wasm", map[string]string{"Accept-Encoding": "gzip, br"})
	assert.Equal(t, "gzip", resp.Header.Get("Content-Encoding"), "reason: without .br files brotli is not offered")
	zr, err := gzip.NewReader(bytes.NewReader(body))
	require.NoError(t, err)
	raw, err := io.ReadAll(zr)
	require.NoError(t, err)
	assert.Equal(t, "\x00asm\x01\x00\x00\x00", string(raw), "reason: gzip made on the fly holds the file")
}

func TestServeJSFingerprint(t *testing.T) {
	srv := newTestServer(t, fakeDist(t, false))
	_, page := get(t, srv.URL+"/", nil)
	i := strings.Index(string(page), "/kompass/kompass.js?v=")
	require.GreaterOrEqual(t, i, 0)
	src := string(page[i:])
	src = src[:strings.IndexByte(src, '"')]
	resp, _ := get(t, srv.URL+src, nil)
	assert.Equal(t, "public, max-age=31536000, immutable", resp.Header.Get("Cache-Control"),
		"reason: the page's kompass.js URL carries its fingerprint")
}

func TestServeData(t *testing.T) {
	srv := newTestServer(t, fakeDist(t, false))
	for path, want := range map[string][]byte{"/data/strategy.json": examples.StrategyJSON, "/data/portfolio.json": examples.PortfolioJSON} {
		resp, body := get(t, srv.URL+path, nil)
		require.Equal(t, http.StatusOK, resp.StatusCode)
		assert.Equal(t, "application/json; charset=utf-8", resp.Header.Get("Content-Type"))
		assert.Equal(t, want, body, "reason: %s serves the data as is", path)
	}
	for _, path := range []string{"/data/other.json", "/kompass/secret.txt", "/kompass/../go.mod", "/nothing"} {
		resp, err := http.Get(srv.URL + path) // follows the mux's redirect of cleaned paths
		require.NoError(t, err)
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		assert.Equal(t, http.StatusNotFound, resp.StatusCode, "reason: %s is not served", path)
		assert.NotContains(t, string(body), "module github.com", "reason: no file outside the widget folder leaks")
	}
}

func TestServeWithoutDist(t *testing.T) {
	srv := newTestServer(t, filepath.Join(t.TempDir(), "missing"))
	resp, body := get(t, srv.URL+"/", nil)
	require.Equal(t, http.StatusOK, resp.StatusCode, "reason: the page works before make dist")
	assert.Contains(t, string(body), "make dist", "reason: the page says how to build the widget")
	assert.Contains(t, string(body), `class="kompass-report"`, "reason: the static fallback shows")
	resp, _ = get(t, srv.URL+"/kompass/kompass.wasm", nil)
	assert.Equal(t, http.StatusNotFound, resp.StatusCode)
}

func TestServeUsage(t *testing.T) {
	var out, errb bytes.Buffer
	assert.Equal(t, exitUsage, run([]string{"serve", "--strategy", filepath.Join(t.TempDir(), "none.json")}, &out, &errb),
		"reason: an unreadable file is a usage error")
	assert.Contains(t, errb.String(), "none.json")
	errb.Reset()
	assert.Equal(t, exitUsage, run([]string{"serve", "extra"}, &out, &errb), "reason: no positional arguments")
}
