package explorer

import (
	"errors"
	"strconv"
	"strings"
)

// The widget's few URL operations, written out here instead of importing
// net/url: net/url links fmt and, through it, reflect and the time
// formatting code, about 130 KB of the brotli-compressed kompass.wasm for
// three small jobs. The tests check each against net/url.

// ResolveDataURL resolves ref (a strategy or portfolio attribute) against
// the page's URL base and returns the absolute URL to fetch, without its
// fragment. It refuses any URL outside base's origin (scheme, host and
// port), so the widget never sends a request to a host but the page's own.
// kompass.js resolves the same attribute with the browser's URL parser
// before it fetches.
func ResolveDataURL(base, ref string) (string, error) {
	b, ok := splitURL(base)
	if !ok || b.scheme == "" || !b.hasAuthority || b.authority == "" {
		return "", errors.New("invalid page URL " + strconv.Quote(base))
	}
	if strings.ContainsAny(ref, "\x00\r\n\t") {
		return "", errors.New(ref + ": invalid URL: it holds a control character")
	}
	r, ok := splitURL(strings.TrimSpace(ref))
	if !ok {
		return "", errors.New(ref + ": invalid URL")
	}
	u := resolve(b, r)
	if u.scheme != b.scheme || !sameHost(u.scheme, u.authority, b.authority) {
		return "", errors.New(ref + ": refused: the widget loads data only from " + b.scheme + "://" + b.authority)
	}
	s := u.scheme + "://" + u.authority + u.path
	if u.hasQuery {
		s += "?" + u.query
	}
	return s, nil
}

// SafeURL returns u, trimmed, when it is an absolute https: URL with a host
// or a mailto: URL with an address: the only links the widget renders.
func SafeURL(u string) (string, bool) {
	u = strings.TrimSpace(u)
	if strings.ContainsFunc(u, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
		return "", false
	}
	p, ok := splitURL(u)
	switch {
	case !ok:
		return "", false
	case p.scheme == "https" && p.hasAuthority && hostOf(p.authority) != "":
	case p.scheme == "mailto" && !p.hasAuthority && p.path != "":
	default:
		return "", false
	}
	return p.scheme + u[len(p.scheme):], true
}

// urlParts is a URL reference split as RFC 3986 section 3 does; the
// scheme is lower case.
type urlParts struct {
	scheme, authority, path, query string
	hasAuthority, hasQuery         bool
}

// splitURL splits s into its parts, dropping the fragment. It reports false
// for a scheme with characters RFC 3986 does not allow.
func splitURL(s string) (urlParts, bool) {
	var p urlParts
	s, _, _ = strings.Cut(s, "#")
	if i := strings.IndexAny(s, ":/?"); i > 0 && s[i] == ':' {
		p.scheme = strings.ToLower(s[:i])
		for j, c := range p.scheme {
			if !(c >= 'a' && c <= 'z' || j > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.')) {
				return p, false
			}
		}
		s = s[i+1:]
	} else if i == 0 && s[0] == ':' {
		return p, false
	}
	s, p.query, p.hasQuery = strings.Cut(s, "?")
	if rest, ok := strings.CutPrefix(s, "//"); ok {
		p.hasAuthority = true
		i := strings.IndexByte(rest, '/')
		if i < 0 {
			i = len(rest)
		}
		p.authority, s = strings.ToLower(rest[:i]), rest[i:]
	}
	p.path = s
	return p, true
}

// resolve is RFC 3986 section 5.2.2: the target of reference r on base b.
func resolve(b, r urlParts) urlParts {
	if r.scheme != "" {
		r.path = removeDots(r.path)
		if r.hasAuthority && r.path == "" {
			r.path = "/"
		}
		return r
	}
	t := urlParts{scheme: b.scheme}
	switch {
	case r.hasAuthority:
		t.authority, t.hasAuthority = r.authority, true
		t.path = removeDots(r.path)
		t.query, t.hasQuery = r.query, r.hasQuery
		if t.path == "" {
			t.path = "/"
		}
		return t
	case r.path == "":
		t.path = b.path
		t.query, t.hasQuery = b.query, b.hasQuery
		if r.hasQuery {
			t.query, t.hasQuery = r.query, true
		}
	case strings.HasPrefix(r.path, "/"):
		t.path = removeDots(r.path)
		t.query, t.hasQuery = r.query, r.hasQuery
	default:
		merged := r.path
		if b.hasAuthority && b.path == "" {
			merged = "/" + r.path
		} else if i := strings.LastIndexByte(b.path, '/'); i >= 0 {
			merged = b.path[:i+1] + r.path
		}
		t.path = removeDots(merged)
		t.query, t.hasQuery = r.query, r.hasQuery
	}
	t.authority, t.hasAuthority = b.authority, b.hasAuthority
	if t.hasAuthority && t.path == "" {
		t.path = "/"
	}
	return t
}

// removeDots is RFC 3986 section 5.2.4: "/a/b/../c/./d" is "/a/c/d".
func removeDots(path string) string {
	if !strings.Contains(path, ".") {
		return path
	}
	var out []string
	segs := strings.Split(path, "/")
	for i, seg := range segs {
		last := i == len(segs)-1
		switch seg {
		case ".":
			if last {
				out = append(out, "")
			}
		case "..":
			if len(out) > 1 || len(out) == 1 && out[0] != "" {
				out = out[:len(out)-1]
			}
			if last {
				out = append(out, "")
			}
		default:
			out = append(out, seg)
		}
	}
	s := strings.Join(out, "/")
	if strings.HasPrefix(path, "/") && !strings.HasPrefix(s, "/") {
		s = "/" + s
	}
	return s
}

// hostOf is the host and port of an authority, without user information.
func hostOf(authority string) string {
	if i := strings.LastIndexByte(authority, '@'); i >= 0 {
		return authority[i+1:]
	}
	return authority
}

// sameHost reports whether two authorities name the same host and port,
// a default port (443 for https, 80 for http) written out or not.
func sameHost(scheme, a, b string) bool {
	if strings.Contains(a, "@") || strings.Contains(b, "@") {
		return false // credentials in a data URL: never ours
	}
	port := ""
	switch scheme {
	case "https":
		port = ":443"
	case "http":
		port = ":80"
	}
	if port != "" {
		a, b = strings.TrimSuffix(a, port), strings.TrimSuffix(b, port)
	}
	return a == b
}

// queryEscape escapes s for a key or value of the URL hash, as
// net/url.QueryEscape does: letters, digits and "-_.~" stay, a space
// becomes "+", every other byte %XX.
func queryEscape(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '-', c == '_', c == '.', c == '~':
			b.WriteByte(c)
		case c == ' ':
			b.WriteByte('+')
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}

var errEscape = errors.New("invalid URL escape")

// queryUnescape undoes queryEscape, as net/url.QueryUnescape does: "+" is a
// space, and a "%" must be followed by two hexadecimal digits.
func queryUnescape(s string) (string, error) {
	if !strings.ContainsAny(s, "%+") {
		return s, nil
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '+':
			b = append(b, ' ')
		case '%':
			if i+2 >= len(s) || !isHex(s[i+1]) || !isHex(s[i+2]) {
				return "", errEscape
			}
			b = append(b, unhex(s[i+1])<<4|unhex(s[i+2]))
			i += 2
		default:
			b = append(b, c)
		}
	}
	return string(b), nil
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c >= '0' && c <= '9':
		return c - '0'
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}
