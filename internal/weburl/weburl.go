// Package weburl parses, resolves and writes URLs, and escapes query
// components: the part of net/url the WebAssembly widget needs, with the
// same names, so that its code reads the same. It exists for size: net/url
// brings net/netip and unique along, about 36 KB of the widget after
// brotli.
//
// Parse follows RFC 3986 as net/url does, a little more strictly: it
// refuses control characters, and hosts with characters a host cannot
// have. A URL keeps its path, query and fragment as they were written;
// String escapes only bytes that may never appear in them. Tests compare
// it with net/url.
package weburl

import (
	"errors"
	"strconv"
	"strings"
)

// URL is a parsed URL. Path, RawQuery and Fragment are as written, with
// their percent-escapes; User is the user information with its '@', if
// there is any.
type URL struct {
	Scheme     string // lower case
	Opaque     string // the rest of a URL such as mailto:x@y, without a "//" or "/"
	User       string
	Host       string // host and port
	Path       string
	RawQuery   string
	Fragment   string
	OmitHost   bool // the URL has a scheme and a path but no "//": write none
	ForceQuery bool // the URL ends in a '?' with an empty query: write it
}

var (
	errControl = errors.New("invalid control character in URL")
	errScheme  = errors.New("missing protocol scheme")
	errColon   = errors.New("first path segment in URL cannot contain colon")
	errHost    = errors.New("invalid character in host name")
	errUser    = errors.New("invalid userinfo")
	errPort    = errors.New("invalid port")
	errEscape  = errors.New("invalid URL escape")
)

// Parse parses a URL, absolute or relative.
func Parse(raw string) (*URL, error) {
	for i := 0; i < len(raw); i++ {
		if raw[i] < ' ' || raw[i] == 0x7f {
			return nil, errControl
		}
	}
	u := &URL{}
	rest, frag, hasFrag := strings.Cut(raw, "#")
	if hasFrag {
		if !validEscapes(frag) {
			return nil, errEscape
		}
		u.Fragment = frag
	}
	scheme, rest, err := getScheme(rest)
	if err != nil {
		return nil, err
	}
	u.Scheme = strings.ToLower(scheme)
	if strings.HasSuffix(rest, "?") && strings.Count(rest, "?") == 1 {
		u.ForceQuery = true
		rest = rest[:len(rest)-1]
	} else {
		rest, u.RawQuery, _ = strings.Cut(rest, "?")
	}
	switch {
	case u.Scheme != "" && rest != "" && rest[0] != '/':
		u.Opaque = rest
		return u, nil
	case strings.HasPrefix(rest, "//") && (u.Scheme != "" || !strings.HasPrefix(rest, "///")):
		authority := rest[2:]
		rest = ""
		if i := strings.IndexByte(authority, '/'); i >= 0 {
			authority, rest = authority[:i], authority[i:]
		}
		if i := strings.LastIndexByte(authority, '@'); i >= 0 {
			u.User, authority = authority[:i+1], authority[i+1:]
			for j := 0; j < len(u.User); j++ {
				if c := u.User[j]; !unreserved(c) && strings.IndexByte("!$&'()*+,;=:%@", c) < 0 {
					return nil, errUser
				}
			}
			if !validEscapes(u.User) {
				return nil, errEscape
			}
		}
		if err := checkHost(authority); err != nil {
			return nil, err
		}
		u.Host = authority
	case u.Scheme != "" && strings.HasPrefix(rest, "/"):
		u.OmitHost = true
	case u.Scheme == "":
		if seg, _, _ := strings.Cut(rest, "/"); strings.Contains(seg, ":") {
			return nil, errColon
		}
	}
	if !validEscapes(rest) {
		return nil, errEscape
	}
	u.Path = rest
	return u, nil
}

// getScheme splits a scheme off raw, as net/url does.
func getScheme(raw string) (scheme, rest string, err error) {
	for i := 0; i < len(raw); i++ {
		switch c := raw[i]; {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
		case '0' <= c && c <= '9' || c == '+' || c == '-' || c == '.':
			if i == 0 {
				return "", raw, nil
			}
		case c == ':':
			if i == 0 {
				return "", "", errScheme
			}
			return raw[:i], raw[i+1:], nil
		default:
			return "", raw, nil
		}
	}
	return "", raw, nil
}

// checkHost accepts a host of letters, digits, "-._~", sub-delimiters and
// non-ASCII bytes (international names), or a bracketed IPv6 address, with
// an optional numeric port.
func checkHost(h string) error {
	if i := strings.LastIndexByte(h, ':'); i >= 0 && !strings.Contains(h[i:], "]") {
		for _, c := range []byte(h[i+1:]) {
			if c < '0' || c > '9' {
				return errPort
			}
		}
		h = h[:i]
	}
	if strings.HasPrefix(h, "[") && strings.HasSuffix(h, "]") {
		if !ipv6(h[1 : len(h)-1]) {
			return errHost
		}
		return nil
	}
	for i := 0; i < len(h); i++ {
		if c := h[i]; c < 0x80 && !unreserved(c) && strings.IndexByte("!$&'()*+,;=", c) < 0 {
			return errHost
		}
	}
	return nil
}

// ipv6 reports whether s is an IPv6 address (RFC 4291, section 2.2),
// without a zone.
func ipv6(s string) bool {
	groups, gap := 0, false
	if strings.HasPrefix(s, "::") {
		s, gap = s[2:], true
	}
	for s != "" {
		if groups > 0 && strings.HasPrefix(s, ":") {
			if gap || len(s) == 1 {
				return false
			}
			s, gap = s[1:], true
			continue
		}
		g, rest, more := strings.Cut(s, ":")
		if !more && strings.Contains(g, ".") {
			if !ipv4(g) {
				return false
			}
			groups += 2
			break
		}
		if g == "" || len(g) > 4 || strings.Trim(g, "0123456789abcdefABCDEF") != "" || more && rest == "" {
			return false
		}
		groups++
		s = rest
	}
	return groups == 8 && !gap || groups < 8 && gap
}

// ipv4 reports whether s is a dotted-decimal IPv4 address.
func ipv4(s string) bool {
	parts := strings.Split(s, ".")
	if len(parts) != 4 {
		return false
	}
	for _, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n > 255 || p[0] < '0' || p[0] > '9' || p[0] == '0' && len(p) > 1 {
			return false
		}
	}
	return true
}

// unreserved reports whether c is an unreserved character of RFC 3986.
func unreserved(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		c == '-' || c == '.' || c == '_' || c == '~'
}

// validEscapes reports whether every '%' in s starts a %XX escape.
func validEscapes(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && (i+2 >= len(s) || !ishex(s[i+1]) || !ishex(s[i+2])) {
			return false
		}
	}
	return true
}

func ishex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c <= 'F':
		return c - 'A' + 10
	}
	return c - 'a' + 10
}

const upperhex = "0123456789ABCDEF"

// escapeInvalid percent-escapes the bytes of s that may not appear in a
// URL's path, query or fragment: non-ASCII bytes, space and "\"<>\\^`{|}".
func escapeInvalid(s string) string {
	var b []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c > '~' || c <= ' ' || strings.IndexByte("\"<>\\^`{|}", c) >= 0 {
			if b == nil {
				b = append(make([]byte, 0, len(s)+8), s[:i]...)
			}
			b = append(b, '%', upperhex[c>>4], upperhex[c&15])
		} else if b != nil {
			b = append(b, c)
		}
	}
	if b == nil {
		return s
	}
	return string(b)
}

// String writes u as a URL.
func (u *URL) String() string {
	var b strings.Builder
	if u.Scheme != "" {
		b.WriteString(u.Scheme)
		b.WriteByte(':')
	}
	if u.Opaque != "" {
		b.WriteString(escapeInvalid(u.Opaque))
	} else {
		if u.Host != "" || u.User != "" || u.Scheme != "" && u.Path != "" && !u.OmitHost {
			b.WriteString("//")
			b.WriteString(escapeInvalid(u.User))
			b.WriteString(escapeInvalid(u.Host))
		}
		path := escapeInvalid(u.Path)
		if path != "" && path[0] != '/' && u.Host != "" {
			b.WriteByte('/')
		}
		if b.Len() == 0 {
			if seg, _, _ := strings.Cut(path, "/"); strings.Contains(seg, ":") {
				b.WriteString("./")
			}
		}
		b.WriteString(path)
	}
	if u.ForceQuery || u.RawQuery != "" {
		b.WriteByte('?')
		b.WriteString(escapeInvalid(u.RawQuery))
	}
	if u.Fragment != "" {
		b.WriteByte('#')
		b.WriteString(strings.ReplaceAll(escapeInvalid(u.Fragment), "#", "%23"))
	}
	return b.String()
}

// ResolveReference resolves ref against u as RFC 3986, section 5.2, says.
func (u *URL) ResolveReference(ref *URL) *URL {
	r := *ref
	if ref.Scheme == "" {
		r.Scheme = u.Scheme
	}
	if ref.Scheme != "" || ref.Host != "" || ref.User != "" {
		r.Path = resolvePath(ref.Path, "")
		return &r
	}
	if ref.Opaque != "" {
		r.User, r.Host, r.Path = "", "", ""
		return &r
	}
	if ref.Path == "" && !ref.ForceQuery && ref.RawQuery == "" {
		r.RawQuery = u.RawQuery
		if ref.Fragment == "" {
			r.Fragment = u.Fragment
		}
	}
	if ref.Path == "" && u.Opaque != "" {
		r.Opaque, r.User, r.Host, r.Path = u.Opaque, "", "", ""
		return &r
	}
	r.Host, r.User = u.Host, u.User
	r.Path = resolvePath(u.Path, ref.Path)
	return &r
}

// resolvePath joins ref to base and removes its dot segments; it is
// net/url's.
func resolvePath(base, ref string) string {
	var full string
	switch {
	case ref == "":
		full = base
	case ref[0] != '/':
		full = base[:strings.LastIndexByte(base, '/')+1] + ref
	default:
		full = ref
	}
	if full == "" {
		return ""
	}
	dst := make([]byte, 1, len(full)+1)
	dst[0] = '/'
	elem, remaining, found, first := "", full, true, true
	for found {
		elem, remaining, found = strings.Cut(remaining, "/")
		switch elem {
		case ".":
			first = false
		case "..":
			if i := strings.LastIndexByte(string(dst[1:]), '/'); i >= 0 {
				dst = dst[:i+1]
			} else {
				dst = dst[:1]
			}
			first = len(dst) == 1
		default:
			if !first {
				dst = append(dst, '/')
			}
			dst = append(dst, elem...)
			first = false
		}
	}
	if elem == "." || elem == ".." {
		dst = append(dst, '/')
	}
	if len(dst) > 1 && dst[1] == '/' {
		return string(dst[1:])
	}
	return string(dst)
}

// QueryEscape escapes s for a query component, as net/url does: letters,
// digits and "-_.~" stay, a space becomes '+', every other byte %XX.
func QueryEscape(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case unreserved(c):
			b = append(b, c)
		case c == ' ':
			b = append(b, '+')
		default:
			b = append(b, '%', upperhex[c>>4], upperhex[c&15])
		}
	}
	return string(b)
}

// QueryUnescape undoes QueryEscape: '+' is a space, %XX a byte. It fails
// for a '%' that does not start such an escape.
func QueryUnescape(s string) (string, error) {
	if !validEscapes(s) {
		return "", errEscape
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '+':
			b = append(b, ' ')
		case '%':
			b = append(b, unhex(s[i+1])<<4|unhex(s[i+2]))
			i += 2
		default:
			b = append(b, c)
		}
	}
	return string(b), nil
}
