package explorer

import (
	"bytes"
	"errors"
	"strings"
	"sync"

	"github.com/bl-digital/kompass/examples"
)

// Source is the pair of data attributes of one widget: the strategy and
// portfolio URLs as written on the element. Both empty means the embedded
// example data.
type Source struct {
	Strategy, Portfolio string
}

// Embedded reports whether s asks for the embedded example data.
func (s Source) Embedded() bool { return s.Strategy == "" && s.Portfolio == "" }

// Check applies the both-or-neither rule: a widget names both data files or
// neither. It returns an *AttributeError naming the missing attribute.
func (s Source) Check() error {
	switch {
	case s.Strategy == "" && s.Portfolio != "":
		return &AttributeError{Missing: "strategy", Other: "portfolio"}
	case s.Portfolio == "" && s.Strategy != "":
		return &AttributeError{Missing: "portfolio", Other: "strategy"}
	}
	return nil
}

// AttributeError is an element that sets one data attribute without the other.
type AttributeError struct {
	Missing, Other string
}

func (e *AttributeError) Error() string {
	return "kompass-explorer: the " + e.Other + " attribute is set but " + e.Missing + " is missing: set both, or neither for the example data"
}

// Response is what a Fetch got from the server: the HTTP status, the
// Content-Type header and the body.
type Response struct {
	Status      int
	ContentType string
	Body        []byte
}

// Fetch fetches one absolute URL. It returns an error only when no answer
// came at all (network failure, refused request); an HTTP error status is a
// Response.
type Fetch func(url string) (Response, error)

// NotJSONError is a data URL whose server answered with something that is
// not JSON: an HTML page (a login page, a "not found" page sent with 200, a
// single-page app's index) or another media type.
type NotJSONError struct {
	URL         string
	ContentType string
	HTML        bool
}

func (e *NotJSONError) Error() string {
	if e.HTML {
		return e.URL + ": the server answered with an HTML page, not JSON"
	}
	return e.URL + ": the server answered with " + e.ContentType + ", not JSON"
}

// checkResponse turns what the server answered for ref into the bytes to
// decode, or a *FetchError or *NotJSONError.
func checkResponse(ref string, r Response, err error) ([]byte, error) {
	if err != nil {
		return nil, &FetchError{URL: ref, Reason: err.Error()}
	}
	if r.Status < 200 || r.Status > 299 {
		return nil, &FetchError{URL: ref, Status: r.Status}
	}
	media, _, _ := strings.Cut(r.ContentType, ";")
	media = strings.ToLower(strings.TrimSpace(media))
	if media == "text/html" || media == "application/xhtml+xml" || looksLikeHTML(r.Body) {
		return nil, &NotJSONError{URL: ref, ContentType: r.ContentType, HTML: true}
	}
	if strings.HasPrefix(media, "image/") || strings.HasPrefix(media, "video/") || strings.HasPrefix(media, "audio/") {
		return nil, &NotJSONError{URL: ref, ContentType: media}
	}
	return r.Body, nil
}

// looksLikeHTML reports whether body starts, after white space and a BOM,
// with '<': no JSON text does.
func looksLikeHTML(body []byte) bool {
	body = bytes.TrimPrefix(body, []byte("\xef\xbb\xbf"))
	body = bytes.TrimLeft(body, " \t\r\n")
	return len(body) > 0 && body[0] == '<'
}

// Loads is the page's shared cache of data loads: widgets with the same
// data URLs share one fetch, decoding and computation, and so does a
// widget added later. A load that failed is forgotten, so the next widget
// (or the same one after an attribute change) tries again. It is safe for
// concurrent use.
type Loads struct {
	fetch Fetch
	mu    sync.Mutex
	by    map[[2]string]*loading
}

type loading struct {
	done  chan struct{} // closed when model and err are set
	model *Model
	err   error
}

// NewLoads returns an empty cache that fetches through fetch.
func NewLoads(fetch Fetch) *Loads {
	return &Loads{fetch: fetch, by: map[[2]string]*loading{}}
}

// Model returns the model of src, whose URLs are resolved against the
// page's base URL: from the cache, by waiting for a load of the same URLs
// under way, or by loading it now. Both strategy and portfolio are fetched
// at the same time. Errors are an *AttributeError, a *FetchError, a
// *NotJSONError naming the URL as written, an *InvalidError with every
// problem of both files, or a *ComputeError.
func (l *Loads) Model(base string, src Source) (*Model, error) {
	if err := src.Check(); err != nil {
		return nil, err
	}
	if src.Embedded() {
		return l.load([2]string{}, func() (*Model, error) {
			return loadFirst(examples.WidgetStrategyJSON, examples.WidgetPortfolioJSON, EmbeddedURL, EmbeddedURL)
		})
	}
	su, err := ResolveDataURL(base, src.Strategy)
	if err != nil {
		return nil, &FetchError{URL: src.Strategy, Reason: err.Error()}
	}
	pu, err := ResolveDataURL(base, src.Portfolio)
	if err != nil {
		return nil, &FetchError{URL: src.Portfolio, Reason: err.Error()}
	}
	return l.load([2]string{su, pu}, func() (*Model, error) {
		type result struct {
			data []byte
			err  error
		}
		pc := make(chan result, 1)
		go func() {
			r, err := l.fetch(pu)
			data, err := checkResponse(src.Portfolio, r, err)
			pc <- result{data, err}
		}()
		r, err := l.fetch(su)
		sdata, serr := checkResponse(src.Strategy, r, err)
		p := <-pc
		if serr != nil {
			return nil, serr
		}
		if p.err != nil {
			return nil, p.err
		}
		return loadFirst(sdata, p.data, src.Strategy, src.Portfolio)
	})
}

func (l *Loads) load(key [2]string, do func() (*Model, error)) (*Model, error) {
	l.mu.Lock()
	if c, ok := l.by[key]; ok {
		l.mu.Unlock()
		<-c.done
		return c.model, c.err
	}
	c := &loading{done: make(chan struct{})}
	l.by[key] = c
	l.mu.Unlock()
	func() {
		defer func() {
			if p := recover(); p != nil { // a bug of ours is an error, not a dead page
				c.model, c.err = nil, panicError("internal error: ", p)
			}
		}()
		c.model, c.err = do()
	}()
	if c.err != nil {
		l.mu.Lock()
		delete(l.by, key)
		l.mu.Unlock()
	}
	close(c.done)
	return c.model, c.err
}

// panicError turns a recovered panic into an error whose message is prefix
// and the panic's own message.
func panicError(prefix string, p any) error {
	switch v := p.(type) {
	case error:
		return errors.New(prefix + v.Error())
	case string:
		return errors.New(prefix + v)
	}
	return errors.New(prefix + "unexpected panic")
}
