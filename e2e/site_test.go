package e2e

import (
	"bytes"
	"encoding/json"
	"html/template"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"strconv"
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
	missingURL   = "/data/missing.json" // 404
	bigURL       = "/data/big.json"     // bigMeasures measures
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
		{hostileURL, filepath.Join("testdata", "hostile.portfolio.json")},
		{invalidURL, filepath.Join("testdata", "invalid.portfolio.json")},
	} {
		if err := add(f.url, types[path.Ext(f.url)], f.disk); err != nil {
			return nil, err
		}
	}
	s.files[strategyURL] = file{types[".json"], examples.StrategyJSON}
	s.files[portfolioURL] = file{types[".json"], examples.PortfolioJSON}
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
	s.mu.Unlock()
	if !ok || (r.Method != http.MethodGet && r.Method != http.MethodHead) {
		http.NotFound(w, r)
		return
	}
	if f.contentType == "text/html; charset=utf-8" {
		h.Set("Content-Security-Policy", pageCSP)
	}
	h.Set("Content-Type", f.contentType)
	h.Set("Content-Length", strconv.Itoa(len(f.body)))
	w.Write(f.body)
}

// widget is one <kompass-explorer> on a test page.
type widget struct {
	ID, Strategy, Portfolio, Lang, Focus, View string
	Heading                                    string // the heading-level attribute
}

// defaultWidget is the widget most tests use: the example data, element id w.
var defaultWidget = widget{ID: "w", Strategy: strategyURL, Portfolio: portfolioURL}

var pageTmpl = template.Must(template.New("page").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kompass e2e: {{.Name}}</title>
{{with .CSS}}<link rel="stylesheet" href="{{.}}">
{{end}}<script type="module" src="/kompass/kompass.js"></script>
</head>
<body>
<header><a href="#top" id="before">Seitenanfang</a></header>
<main>
<h1>Kompass e2e: {{.Name}}</h1>
<h2>Stand der Umsetzung</h2>
{{range .Widgets}}<kompass-explorer{{with .ID}} id="{{.}}"{{end}}{{with .Strategy}} strategy="{{.}}"{{end}}{{with .Portfolio}} portfolio="{{.}}"{{end}}{{with .Lang}} lang="{{.}}"{{end}}{{with .Focus}} focus="{{.}}"{{end}}{{with .View}} view="{{.}}"{{end}}{{with .Heading}} heading-level="{{.}}"{{end}}></kompass-explorer>
{{end}}</main>
<footer><a href="#top" id="after">Seitenende</a></footer>
</body>
</html>
`))

// page adds the test page name with widgets (page language de) and returns its URL.
func (s *site) page(name string, widgets ...widget) string {
	return s.hostPage(name, "de", "", widgets...)
}

// hostPage adds the test page name in language lang with widgets and,
// when css is not empty, the host stylesheet css (served as
// /page/NAME.css, as the CSP wants), and returns its URL.
func (s *site) hostPage(name, lang, css string, widgets ...widget) string {
	var b bytes.Buffer
	cssURL := ""
	if css != "" {
		cssURL = "/page/" + name + ".css"
	}
	if err := pageTmpl.Execute(&b, struct {
		Name, Lang, CSS string
		Widgets         []widget
	}{name, lang, cssURL, widgets}); err != nil {
		panic(err) // the template is ours
	}
	p := "/page/" + name + ".html"
	s.mu.Lock()
	s.files[p] = file{"text/html; charset=utf-8", b.Bytes()}
	if css != "" {
		s.files[cssURL] = file{"text/css; charset=utf-8", []byte(css)}
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
