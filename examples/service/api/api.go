package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/bl-digital/kompass/controlling"
	"github.com/bl-digital/kompass/controlling/report"
	"github.com/bl-digital/kompass/diag"
	"github.com/bl-digital/kompass/examples"
	"github.com/bl-digital/kompass/schema"
	"github.com/bl-digital/kompass/strategy"
)

// DefaultMaxBytes is the default limit of a request body: 32 MiB, the size
// limit of Kompass data files.
const DefaultMaxBytes = 32 << 20

// Config configures the handler. The zero value checks portfolios against
// the embedded BL strategy and accepts bodies up to DefaultMaxBytes.
type Config struct {
	// Strategy is the strategy portfolios are validated and computed
	// against; nil means the embedded BL strategy (bl-dt-2026).
	Strategy *strategy.Strategy
	// MaxBytes is the largest request body; 0 means DefaultMaxBytes.
	MaxBytes int64
	// Logger logs requests that fail on the server's side; nil means slog.Default().
	Logger *slog.Logger
	// BodyTimeout is how long a request's body may take to arrive, from
	// when the handler starts reading it; 0 means DefaultBodyTimeout. A
	// slower client gets no answer and its connection is closed.
	BodyTimeout time.Duration
}

// DefaultBodyTimeout is the default of Config.BodyTimeout: enough for
// 32 MiB at 3 MB/s, not for a client that trickles bytes to hold the
// request open.
const DefaultBodyTimeout = 15 * time.Second

// validate is schema.Validate; tests replace it to make it panic.
var validate = schema.Validate

// New returns the service's handler, or an error when the embedded
// strategy cannot be read (which the tests rule out).
func New(c Config) (http.Handler, error) {
	if c.Strategy == nil {
		s, l := schema.ValidateStrategy(examples.StrategyJSON)
		if l.HasErrors() || s == nil {
			return nil, fmt.Errorf("api: the embedded strategy is invalid: %w", l)
		}
		c.Strategy = s
	}
	if c.MaxBytes <= 0 {
		c.MaxBytes = DefaultMaxBytes
	}
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	if c.BodyTimeout <= 0 {
		c.BodyTimeout = DefaultBodyTimeout
	}
	h := &handler{c: c}
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", h.method(http.MethodGet, h.healthz))
	mux.HandleFunc("/validate", h.method(http.MethodPost, h.validate))
	mux.HandleFunc("/report", h.method(http.MethodPost, h.report))
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, fmt.Sprintf("no route %s", r.URL.Path), nil)
	})
	return secure(h.recoverer(mux)), nil
}

// recoverer answers 500 to a request whose handling panicked, logs it, and
// lets the process serve on.
func (h *handler) recoverer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				h.c.Logger.Error("panic", "method", r.Method, "path", r.URL.Path, "panic", v)
				writeError(w, http.StatusInternalServerError, "internal error: the request could not be handled", nil)
			}
		}()
		next.ServeHTTP(w, r)
	})
}

type handler struct{ c Config }

// secure sets headers every answer carries.
func secure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Cache-Control", "no-store")
		next.ServeHTTP(w, r)
	})
}

// method answers 405 with an Allow header to other methods than m (and
// HEAD for GET routes).
func (h *handler) method(m string, next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Method != m && !(m == http.MethodGet && r.Method == http.MethodHead) {
			w.Header().Set("Allow", m)
			writeError(w, http.StatusMethodNotAllowed, fmt.Sprintf("method %s not allowed; use %s", r.Method, m), nil)
			return
		}
		next(w, r)
	}
}

func (h *handler) healthz(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

// validateAnswer is the answer of POST /validate.
type validateAnswer struct {
	Valid    bool      `json:"valid"`
	Kind     string    `json:"kind"`
	Problems diag.List `json:"problems"`
}

func (h *handler) validate(w http.ResponseWriter, r *http.Request) {
	data, ok := h.body(w, r)
	if !ok {
		return
	}
	res := validate(data, schema.Options{Strategy: h.c.Strategy})
	l := res.Problems
	if l == nil {
		l = diag.List{}
	}
	writeJSON(w, http.StatusOK, validateAnswer{Valid: res.Valid(), Kind: res.Kind.String(), Problems: l})
}

func (h *handler) report(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	format := report.JSON
	if s := q.Get("format"); s != "" {
		f, err := report.ParseFormat(s)
		if err != nil {
			writeError(w, http.StatusBadRequest, "format: "+err.Error(), nil)
			return
		}
		format = f
	}
	var opts controlling.Options
	if s := q.Get("asOf"); s != "" {
		d, err := strategy.ParseDate(s)
		if err != nil {
			writeError(w, http.StatusBadRequest, "asOf: "+err.Error(), nil)
			return
		}
		opts.AsOf = d
	}
	lang := q.Get("lang")
	if lang == "" {
		lang = "de"
	}
	if !slices.Contains(strategy.Languages(), lang) {
		writeError(w, http.StatusBadRequest, fmt.Sprintf("lang %q: want one of %s", lang, strings.Join(strategy.Languages(), ", ")), nil)
		return
	}
	data, ok := h.body(w, r)
	if !ok {
		return
	}
	if kind, _ := schema.Detect(data); kind == schema.Strategy {
		writeError(w, http.StatusBadRequest, "the body is a strategy; /report takes a portfolio", nil)
		return
	}
	res := validate(data, schema.Options{Strategy: h.c.Strategy})
	p, l := res.Portfolio, res.Problems
	if res.Kind != schema.Portfolio && !l.HasErrors() {
		l = diag.List{{Line: 1, Column: 1, Rule: diag.RuleKind, Message: `not a portfolio (no "measures")`}}
	}
	if l.HasErrors() || p == nil {
		msg := "the portfolio is invalid"
		if slices.ContainsFunc(l, func(p diag.Problem) bool { return p.Rule == diag.RuleSyntax || p.Rule == diag.RuleEmpty }) {
			msg = "the body is not valid JSON"
		}
		writeError(w, http.StatusBadRequest, msg, l)
		return
	}
	rep, err := controlling.Compute(h.c.Strategy, p, opts)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error(), nil)
		return
	}
	var buf bytes.Buffer
	if err := report.Render(&buf, rep, format, lang); err != nil {
		h.c.Logger.Error("render report", "format", format, "err", err)
		writeError(w, http.StatusInternalServerError, "the report could not be rendered", nil)
		return
	}
	w.Header().Set("Content-Type", format.ContentType())
	switch format {
	case report.HTML, report.HTMLFragment:
		w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
	case report.CSV:
		w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="kompass-report-%s.csv"`, rep.AsOf))
	}
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(buf.Bytes())
}

// body reads a JSON request body of at most MaxBytes. On failure it has
// answered (415, 413 or 400) and returns false.
func (h *handler) body(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	if ct := r.Header.Get("Content-Type"); ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil || (mt != "application/json" && !strings.HasSuffix(mt, "+json")) {
			writeError(w, http.StatusUnsupportedMediaType,
				fmt.Sprintf("Content-Type %q: send application/json", ct), nil)
			return nil, false
		}
	}
	// A deadline for the body, so that a client sending slowly cannot
	// hold the request (and its memory) open; where the ResponseWriter
	// cannot set one, the server's ReadTimeout still applies.
	_ = http.NewResponseController(w).SetReadDeadline(time.Now().Add(h.c.BodyTimeout))
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, h.c.MaxBytes))
	var tooLarge *http.MaxBytesError
	switch {
	case errors.Is(err, os.ErrDeadlineExceeded):
		writeError(w, http.StatusRequestTimeout, fmt.Sprintf("the body did not arrive within %s", h.c.BodyTimeout), nil)
		return nil, false
	case errors.As(err, &tooLarge):
		writeError(w, http.StatusRequestEntityTooLarge,
			fmt.Sprintf("the body is larger than the limit of %d bytes", tooLarge.Limit), nil)
		return nil, false
	case err != nil:
		writeError(w, http.StatusBadRequest, "reading the body: "+err.Error(), nil)
		return nil, false
	}
	return data, true
}

// errorAnswer is the body of every error answer.
type errorAnswer struct {
	Error    string    `json:"error"`
	Problems diag.List `json:"problems,omitempty"`
}

func writeError(w http.ResponseWriter, code int, msg string, problems diag.List) {
	writeJSON(w, code, errorAnswer{Error: msg, Problems: problems})
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		code = http.StatusInternalServerError
		b = []byte(`{"error": "internal error"}`)
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	_, _ = w.Write(append(b, '\n'))
}
