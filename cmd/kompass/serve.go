package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"html/template"
	"io"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/bl-digital/kompass/controlling"
	"github.com/bl-digital/kompass/controlling/report"
	"github.com/bl-digital/kompass/examples"
	"github.com/bl-digital/kompass/examples/demo"
	"github.com/bl-digital/kompass/portfolio"
	"github.com/bl-digital/kompass/strategy"
)

// pageCSP is the Content Security Policy of the demo page: the widget runs
// with no inline script or style and no eval, and talks only to the page's host.
const pageCSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'none'"

// widgetFiles are the files of dist/kompass/ that serve offers under /kompass/.
var widgetFiles = map[string]string{
	"kompass.js":   "text/javascript; charset=utf-8",
	"wasm_exec.js": "text/javascript; charset=utf-8",
	"kompass.wasm": "application/wasm",
	"kompass.css":  "text/css; charset=utf-8",
}

// serveConfig is what the demo server serves.
type serveConfig struct {
	strategy, portfolio []byte // the data files
	dist                string // the folder `make dist` writes (dist/kompass)
}

func runServe(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	sFile := fs.String("strategy", "", "strategy file (default: the embedded BL strategy)")
	pFile := fs.String("portfolio", "", "portfolio file (default: the embedded example portfolio)")
	dist := fs.String("dist", filepath.Join("dist", "kompass"), "folder with the built widget (make dist)")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "kompass serve: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	cfg := serveConfig{strategy: examples.StrategyJSON, portfolio: examples.PortfolioJSON, dist: *dist}
	for _, f := range []struct {
		name string
		dst  *[]byte
	}{{*sFile, &cfg.strategy}, {*pFile, &cfg.portfolio}} {
		if f.name == "" {
			continue
		}
		b, err := os.ReadFile(f.name)
		if err != nil {
			fmt.Fprintf(stderr, "kompass serve: %v\n", err)
			return exitUsage
		}
		*f.dst = b
	}
	h, err := newServeHandler(cfg)
	if err != nil {
		fmt.Fprintf(stderr, "kompass serve: %v\n", err)
		return exitUsage
	}
	if h.notice != "" {
		fmt.Fprintf(stderr, "kompass serve: %s\n", h.notice)
	}
	srv := &http.Server{Addr: *addr, Handler: h, ReadHeaderTimeout: 10 * time.Second}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	errc := make(chan error, 1)
	go func() { errc <- srv.ListenAndServe() }()
	fmt.Fprintf(stdout, "kompass serve: http://%s/ (Ctrl-C stops)\n", *addr)
	select {
	case err := <-errc:
		fmt.Fprintf(stderr, "kompass serve: %v\n", err)
		return exitUsage
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		fmt.Fprintf(stderr, "kompass serve: shutdown: %v\n", err)
		return exitUsage
	}
	fmt.Fprintln(stdout, "kompass serve: stopped")
	return exitOK
}

// asset is one widget file in its encodings.
type asset struct {
	contentType string
	raw, br, gz []byte
	// version is the fingerprint under which the file may be cached for good
	// (its ?v= value); "" means never.
	version string
}

// serveHandler serves the demo page (the cantonal page in German at /, and
// in French, Italian and English at /fr/, /it/ and /en/), the data and the
// widget files.
type serveHandler struct {
	pages  map[string][]byte // by path
	data   map[string][]byte
	assets map[string]*asset
	notice string
	mux    *http.ServeMux
}

var versionRE = regexp.MustCompile(`const VERSION = "([0-9A-Za-z_-]+)";`)

// newServeHandler reads the widget files from cfg.dist (they may be missing:
// the page then shows its static fallback and a notice) and renders the page.
func newServeHandler(cfg serveConfig) (*serveHandler, error) {
	h := &serveHandler{
		data:   map[string][]byte{"/data/strategy.json": cfg.strategy, "/data/portfolio.json": cfg.portfolio},
		assets: map[string]*asset{},
	}
	if err := h.loadAssets(cfg.dist); err != nil {
		h.notice = fmt.Sprintf("Das Widget ist nicht gebaut (%v); hier steht die statische Übersicht. Bauen mit: make dist (oder make serve).", err)
	}
	script := "/kompass/kompass.js"
	if js, ok := h.assets["kompass.js"]; ok {
		script += "?v=" + js.version
	}
	h.pages = map[string][]byte{}
	h.mux = http.NewServeMux()
	for _, lang := range demo.Langs {
		var buf bytes.Buffer
		err := demo.Render(&buf, demo.Page{Lang: lang, Script: script,
			StrategyURL: "/data/strategy.json", PortfolioURL: "/data/portfolio.json",
			Fallback: fallback(cfg.strategy, cfg.portfolio, lang), Notice: h.notice})
		if err != nil {
			return nil, err
		}
		path := demo.Path(lang)
		h.pages[path] = buf.Bytes()
		h.mux.HandleFunc("GET "+path+"{$}", h.servePage)
	}
	h.mux.HandleFunc("GET /demo.css", func(w http.ResponseWriter, r *http.Request) {
		h.serveBytes(w, r, "text/css; charset=utf-8", demo.CSS)
	})
	h.mux.HandleFunc("GET /data/{file}", h.serveData)
	h.mux.HandleFunc("GET /kompass/{file}", h.serveAsset)
	return h, nil
}

func (h *serveHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Referrer-Policy", "same-origin")
	h.mux.ServeHTTP(w, r)
}

// fallback is the static HTML inside the first widget: controlling's HTML
// fragment of the data in lang, or a note when the data does not decode
// (the widget then lists the problems).
func fallback(sData, pData []byte, lang string) template.HTML {
	s, err := strategy.DecodeBytes(sData)
	if err != nil {
		return template.HTML("<p>Die Strategie enthält Fehler; das Widget zeigt sie an.</p>")
	}
	p, err := portfolio.DecodeBytes(pData)
	if err != nil {
		return template.HTML("<p>Das Massnahmenportfolio enthält Fehler; das Widget zeigt sie an.</p>")
	}
	r, err := controlling.Compute(s, p, controlling.Options{})
	if err != nil {
		return template.HTML("<p>Die Auswertung ist nicht möglich; das Widget zeigt den Grund an.</p>")
	}
	var b bytes.Buffer
	if err := report.Render(&b, r, report.HTMLFragment, lang); err != nil {
		return template.HTML("<p>Die statische Übersicht ist nicht verfügbar.</p>")
	}
	// The renderer escapes every data text through html/template.
	return template.HTML(b.String())
}

// loadAssets reads the widget files and their .br/.gz siblings; it gzips a
// file itself when no .gz is there.
func (h *serveHandler) loadAssets(dir string) error {
	for name, ct := range widgetFiles {
		raw, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return fmt.Errorf("%s fehlt", filepath.Join(dir, name))
		}
		a := &asset{contentType: ct, raw: raw}
		a.br, _ = os.ReadFile(filepath.Join(dir, name+".br"))
		if a.gz, err = os.ReadFile(filepath.Join(dir, name+".gz")); err != nil {
			a.gz = gzipBytes(raw)
		}
		h.assets[name] = a
	}
	// kompass.js carries the fingerprint of the other files (make dist sets
	// VERSION); kompass.js itself is fingerprinted by its own hash.
	js := h.assets["kompass.js"]
	sum := sha256.Sum256(js.raw)
	js.version = hex.EncodeToString(sum[:6])
	if m := versionRE.FindSubmatch(js.raw); m != nil && string(m[1]) != "dev" {
		for name, a := range h.assets {
			if name != "kompass.js" {
				a.version = string(m[1])
			}
		}
	}
	return nil
}

func gzipBytes(b []byte) []byte {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

func (h *serveHandler) servePage(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Security-Policy", pageCSP)
	w.Header().Set("Cache-Control", "no-cache")
	h.serveBytes(w, r, "text/html; charset=utf-8", h.pages[r.URL.Path])
}

func (h *serveHandler) serveData(w http.ResponseWriter, r *http.Request) {
	b, ok := h.data[r.URL.Path]
	if !ok {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Cache-Control", "no-cache")
	h.serveBytes(w, r, "application/json; charset=utf-8", b)
}

func (h *serveHandler) serveAsset(w http.ResponseWriter, r *http.Request) {
	a, ok := h.assets[r.PathValue("file")]
	if !ok {
		http.NotFound(w, r)
		return
	}
	hd := w.Header()
	if v := r.URL.Query().Get("v"); a.version != "" && v == a.version {
		hd.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		hd.Set("Cache-Control", "no-cache")
	}
	hd.Set("Vary", "Accept-Encoding")
	body := a.raw
	switch enc := negotiate(r.Header.Get("Accept-Encoding"), a.br != nil, a.gz != nil); enc {
	case "br":
		body = a.br
		hd.Set("Content-Encoding", "br")
	case "gzip":
		body = a.gz
		hd.Set("Content-Encoding", "gzip")
	}
	h.serveBytes(w, r, a.contentType, body)
}

// negotiate picks br, gzip or "" (identity) from an Accept-Encoding header,
// honouring q=0 and preferring brotli.
func negotiate(header string, haveBr, haveGz bool) string {
	ok := map[string]bool{}
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		q := 1.0
		if v, found := strings.CutPrefix(strings.TrimSpace(params), "q="); found {
			if f, err := strconv.ParseFloat(v, 64); err == nil {
				q = f
			}
		}
		ok[strings.ToLower(strings.TrimSpace(name))] = q > 0
	}
	switch {
	case haveBr && ok["br"]:
		return "br"
	case haveGz && ok["gzip"]:
		return "gzip"
	}
	return ""
}

func (h *serveHandler) serveBytes(w http.ResponseWriter, r *http.Request, contentType string, b []byte) {
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		w.Write(b)
	}
}
