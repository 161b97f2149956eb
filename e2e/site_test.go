package e2e

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"html/template"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/bl-digital/kompass/examples"
	"github.com/bl-digital/kompass/internal/synth"
	"github.com/bl-digital/kompass/portfolio"
	"github.com/bl-digital/kompass/strategy"
)

// pageCSP is the Content Security Policy of `kompass serve`'s demo page;
// every test page is served under it.
const pageCSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'none'"

// Data URLs of the test site.
const (
	strategyURL  = "/data/strategy.json"
	portfolioURL = "/data/portfolio.json"
	hostileURL   = "/data/hostile.json"
	invalidURL   = "/data/invalid.json"
	missingURL   = "/data/missing.json"   // 404
	htmlURL      = "/data/html.json"      // an HTML page answered with 200, as a login or catch-all page is
	duplicateURL = "/data/duplicate.json" // the example portfolio with a member name twice: only the byte checks find it
	bigURL       = "/data/big.json"       // bigMeasures measures
)

// bigMeasures is the size of the generated portfolio of the filter benchmark.
const bigMeasures = 2000

// file is one response of the test site.
type file struct {
	contentType string
	body        []byte
}

// site serves the built widget under /kompass/, the hello-world program
// under /hello/, data under /data/ and test pages under /page/, with the
// demo page's CSP on every page.
type site struct {
	*httptest.Server
	mu    sync.Mutex
	files map[string]file
	gz    map[string][]byte // the gzipped bodies of the scripts and wasm files
}

func newSite() (*site, error) {
	s := &site{files: map[string]file{}}
	add := func(urlPath, contentType, diskPath string) error {
		b, err := os.ReadFile(diskPath)
		if err != nil {
			return err
		}
		s.files[urlPath] = file{contentType, b}
		return nil
	}
	types := map[string]string{".js": "text/javascript; charset=utf-8", ".wasm": "application/wasm",
		".css": "text/css; charset=utf-8", ".json": "application/json; charset=utf-8"}
	for _, f := range []struct{ url, disk string }{
		{"/kompass/kompass.js", filepath.Join(env.dist, "kompass.js")},
		{"/kompass/kompass.wasm", filepath.Join(env.dist, "kompass.wasm")},
		{"/kompass/wasm_exec.js", filepath.Join(env.dist, "wasm_exec.js")},
		{"/kompass/kompass.css", filepath.Join(env.dist, "kompass.css")},
		{"/hello/hello.wasm", filepath.Join(env.hello, "hello.wasm")},
		{"/hello/wasm_exec.js", filepath.Join(env.dist, "wasm_exec.js")},
		{"/hello/hello.js", filepath.Join("testdata", "hello", "hello.js")},
		{"/domhello/hello.wasm", filepath.Join(env.hello, "domhello.wasm")},
		{"/domhello/wasm_exec.js", filepath.Join(env.dist, "wasm_exec.js")},
		{"/domhello/hello.js", filepath.Join("testdata", "hello", "hello.js")},
		{hostileURL, filepath.Join("testdata", "hostile.portfolio.json")},
		{invalidURL, filepath.Join("testdata", "invalid.portfolio.json")},
	} {
		if err := add(f.url, types[path.Ext(f.url)], f.disk); err != nil {
			return nil, err
		}
	}
	// /nowasm/ is the widget folder without kompass.wasm (a copy that
	// forgot it); /badwasm/ has an HTML page in its place.
	for _, name := range []string{"kompass.js", "wasm_exec.js", "kompass.css"} {
		s.files["/nowasm/"+name] = s.files["/kompass/"+name]
		s.files["/badwasm/"+name] = s.files["/kompass/"+name]
	}
	s.files["/badwasm/kompass.wasm"] = file{"text/html; charset=utf-8", []byte("<!DOCTYPE html><title>Seite nicht gefunden</title><p>Seite nicht gefunden</p>")}
	s.files[htmlURL] = file{"text/html; charset=utf-8", []byte("<!DOCTYPE html>\n<html lang=\"de\"><title>Anmelden</title><p>Bitte melden Sie sich an.</p></html>")}
	s.files["/page/dark.css"] = file{types[".css"], []byte(darkCSS)}
	s.files[strategyURL] = file{types[".json"], examples.StrategyJSON}
	s.files[portfolioURL] = file{types[".json"], examples.PortfolioJSON}
	s.files[duplicateURL] = file{types[".json"], bytes.Replace(examples.PortfolioJSON, []byte(`"id": `), []byte(`"id": "dup", "id": `), 1)}
	big, err := json.Marshal(bigPortfolio(bigMeasures))
	if err != nil {
		return nil, err
	}
	s.files[bigURL] = file{types[".json"], big}
	s.files["/page/hello.html"] = file{"text/html; charset=utf-8", []byte(`<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>Hallo</title>
<script type="module" src="/hello/hello.js"></script></head>
<body><main><div id="hello" data-state="loading"></div></main></body></html>
`)}
	s.files["/page/domhello.html"] = file{"text/html; charset=utf-8",
		bytes.Replace(s.files["/page/hello.html"].body, []byte("/hello/hello.js"), []byte("/domhello/hello.js"), 1)}
	// Scripts and WebAssembly go out gzipped (level 9) to a browser that
	// accepts it, as `kompass serve` and any web server sends them: the
	// widget and the hello-world programs it is timed against alike.
	s.gz = map[string][]byte{}
	for name, f := range s.files {
		if ext := path.Ext(name); (ext == ".wasm" || ext == ".js") && !strings.HasPrefix(f.contentType, "text/html") {
			var b bytes.Buffer
			zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
			zw.Write(f.body)
			zw.Close()
			s.gz[name] = b.Bytes()
		}
	}
	s.Server = httptest.NewServer(s)
	return s, nil
}

func (s *site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "no-cache")
	if r.URL.Path == "/favicon.ico" {
		w.WriteHeader(http.StatusNoContent)
		return
	}
	s.mu.Lock()
	f, ok := s.files[r.URL.Path]
	gz := s.gz[r.URL.Path]
	s.mu.Unlock()
	if !ok || (r.Method != http.MethodGet && r.Method != http.MethodHead) {
		http.NotFound(w, r)
		return
	}
	if f.contentType == "text/html; charset=utf-8" {
		h.Set("Content-Security-Policy", pageCSP)
	}
	h.Set("Content-Type", f.contentType)
	body := f.body
	if gz != nil {
		h.Set("Vary", "Accept-Encoding")
		if strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			body = gz
			h.Set("Content-Encoding", "gzip")
		}
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.Write(body)
}

// widget is one <kompass-explorer> on a test page.
type widget struct {
	ID, Strategy, Portfolio, Lang, Focus, View string
	Heading                                    string // the heading-level attribute
	// Fallback is the element's content, its static fallback.
	Fallback template.HTML
}

// darkCSS is a host page's stylesheet that resets every element and sets a
// dark theme, as some cantonal and municipal sites do.
const darkCSS = `* { all: revert; }
html, body { background: #111; color: #eee; font-family: Georgia, serif; }
a { color: #9cf; }
`

// pageOpts are the page-level choices of a test page.
type pageOpts struct {
	// Lang is the page's <html lang>; "" is de.
	Lang string
	// Widget is the folder kompass.js is loaded from; "" is /kompass/.
	Widget string
	// Dark adds darkCSS to the page.
	Dark bool
	// CSS, when set, is a host stylesheet of the page's own (served as /page/NAME.css).
	CSS string
}

// defaultWidget is the widget most tests use: the example data, element id w.
var defaultWidget = widget{ID: "w", Strategy: strategyURL, Portfolio: portfolioURL}

var pageTmpl = template.Must(template.New("page").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kompass e2e: {{.Name}}</title>
<script type="module" src="{{.Widget}}kompass.js"></script>
{{if .Dark}}<link rel="stylesheet" href="/page/dark.css">
{{end}}{{with .CSS}}<link rel="stylesheet" href="{{.}}">
{{end}}</head>
<body>
<header><a href="#top" id="before">Seitenanfang</a></header>
<main>
<h1>Kompass e2e: {{.Name}}</h1>
<h2>Stand der Umsetzung</h2>
{{range .Widgets}}<kompass-explorer{{with .ID}} id="{{.}}"{{end}}{{with .Strategy}} strategy="{{.}}"{{end}}{{with .Portfolio}} portfolio="{{.}}"{{end}}{{with .Lang}} lang="{{.}}"{{end}}{{with .Focus}} focus="{{.}}"{{end}}{{with .View}} view="{{.}}"{{end}}{{with .Heading}} heading-level="{{.}}"{{end}}>{{.Fallback}}</kompass-explorer>
{{end}}</main>
<footer><a href="#top" id="after">Seitenende</a></footer>
</body>
</html>
`))

// page adds the test page name with widgets (page language de) and returns its URL.
func (s *site) page(name string, widgets ...widget) string {
	return s.pageWith(name, pageOpts{}, widgets...)
}

// hostPage adds the test page name in language lang with widgets and,
// when css is not empty, the host stylesheet css (served as
// /page/NAME.css, as the CSP wants), and returns its URL.
func (s *site) hostPage(name, lang, css string, widgets ...widget) string {
	return s.pageWith(name, pageOpts{Lang: lang, CSS: css}, widgets...)
}

// pageWith is page with the page-level choices o.
func (s *site) pageWith(name string, o pageOpts, widgets ...widget) string {
	if o.Lang == "" {
		o.Lang = "de"
	}
	if o.Widget == "" {
		o.Widget = "/kompass/"
	}
	cssURL := ""
	if o.CSS != "" {
		cssURL = "/page/" + name + ".css"
	}
	var b bytes.Buffer
	if err := pageTmpl.Execute(&b, struct {
		Name, Lang, Widget, CSS string
		Dark                    bool
		Widgets                 []widget
	}{name, o.Lang, o.Widget, cssURL, o.Dark, widgets}); err != nil {
		panic(err) // the template is ours
	}
	p := "/page/" + name + ".html"
	s.mu.Lock()
	s.files[p] = file{"text/html; charset=utf-8", b.Bytes()}
	if o.CSS != "" {
		s.files[cssURL] = file{"text/css; charset=utf-8", []byte(o.CSS)}
	}
	s.mu.Unlock()
	return s.URL + p
}

// bigPortfolio generates a portfolio of n measures, valid against the
// embedded BL strategy (see internal/synth).
func bigPortfolio(n int) *portfolio.Portfolio {
	s, err := strategy.DecodeBytes(examples.StrategyJSON)
	if err != nil {
		panic(err) // the embedded strategy is tested elsewhere
	}
	return synth.Portfolio(s, n)
}
