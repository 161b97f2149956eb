package explorer

import (
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// The widget's URL helpers replace net/url in kompass.wasm; these tests
// hold them to net/url's results.

func TestQueryEscapeAsNetURL(t *testing.T) {
	for _, s := range []string{"", "geoportal", "Behörden & Bürger", "a+b=c", "x,y;z", "100 %", "~-_.", "\x00\xff", "ä/ö?ü#"} {
		assert.Equal(t, url.QueryEscape(s), queryEscape(s), "reason: the hash is a public contract: %q escapes as before", s)
		got, err := queryUnescape(queryEscape(s))
		assert.NoError(t, err)
		assert.Equal(t, s, got, "reason: round trip of %q", s)
	}
}

func TestQueryUnescapeAsNetURL(t *testing.T) {
	tests := []struct{ in, reason string }{
		{"a+b", "+ is a space"},
		{"%C3%A4", "escaped UTF-8"},
		{"%c3%a4", "lower-case hex"},
		{"%", "a lone percent is an error"},
		{"%4", "one hex digit is an error"},
		{"%zz", "non-hex digits are an error"},
		{"plain", "nothing to do"},
		{"a%20b%2", "a cut escape at the end is an error"},
	}
	for _, tt := range tests {
		want, wantErr := url.QueryUnescape(tt.in)
		got, err := queryUnescape(tt.in)
		assert.Equal(t, wantErr != nil, err != nil, "reason: %s (%q)", tt.reason, tt.in)
		if wantErr == nil {
			assert.Equal(t, want, got, "reason: %s (%q)", tt.reason, tt.in)
		}
	}
}

func FuzzQueryUnescape(f *testing.F) {
	for _, s := range []string{"a+b", "%C3%A4", "%", "%4", "%zz", "x=1&y=2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, wantErr := url.QueryUnescape(s)
		got, err := queryUnescape(s)
		if (wantErr != nil) != (err != nil) || want != got {
			t.Fatalf("queryUnescape(%q) = %q, %v; net/url: %q, %v", s, got, err, want, wantErr)
		}
		if e := queryEscape(s); e != url.QueryEscape(s) {
			t.Fatalf("queryEscape(%q) = %q; net/url: %q", s, e, url.QueryEscape(s))
		}
	})
}

func TestResolveAsNetURL(t *testing.T) {
	bases := []string{"https://www.bl.ch/politik/strategie.html?x=1", "https://www.bl.ch", "http://localhost:8080/a/b/"}
	refs := []string{
		"/data/portfolio.json", "data/p.json?x=1#frag", "../p.json", "../../../../p.json", "./p.json",
		"?q=2", "", "#only", "a/./b/../c.json", "/a/b/..", "/a/b/.", "//www.bl.ch/x.json", ".", "..",
		"https://www.bl.ch/a/../b.json", "p.json?", "x/y/",
	}
	for _, base := range bases {
		b, err := url.Parse(base)
		assert.NoError(t, err)
		for _, ref := range refs {
			r, err := url.Parse(ref)
			assert.NoError(t, err)
			u := b.ResolveReference(r)
			u.Fragment = ""
			if u.Path == "" {
				u.Path = "/" // as browsers write it; net/url leaves the path empty
			}
			got, err := ResolveDataURL(base, ref)
			if u.Host != b.Host {
				assert.Error(t, err, "reason: another origin is refused (%s on %s)", ref, base)
				continue
			}
			assert.NoError(t, err, "reason: same origin (%s on %s)", ref, base)
			assert.Equal(t, u.String(), got, "reason: RFC 3986 resolution as net/url (%s on %s)", ref, base)
		}
	}
}

func FuzzResolveDataURL(f *testing.F) {
	for _, s := range []string{"/data/p.json", "../a/./b?c#d", "//evil.example/", "data:,{}", "https://www.bl.ch:443/x", "a:b", ":x"} {
		f.Add(s)
	}
	const base = "https://www.bl.ch/politik/strategie.html"
	f.Fuzz(func(t *testing.T, ref string) {
		got, err := ResolveDataURL(base, ref)
		if err != nil {
			return
		}
		if !strings.HasPrefix(got, "https://www.bl.ch/") && !strings.HasPrefix(got, "https://www.bl.ch:443/") {
			t.Fatalf("ResolveDataURL(%q) = %q: outside the page's origin", ref, got)
		}
		if strings.Contains(got, "#") {
			t.Fatalf("ResolveDataURL(%q) = %q keeps a fragment", ref, got)
		}
	})
}

func TestSafeURLKeepsTheLink(t *testing.T) {
	tests := []struct{ in, want, reason string }{
		{" https://www.baselland.ch/a?b=c ", "https://www.baselland.ch/a?b=c", "trimmed, otherwise as written"},
		{"HTTPS://www.bl.ch/", "https://www.bl.ch/", "the scheme in lower case"},
		{"mailto:info@bl.ch", "mailto:info@bl.ch", "an address"},
	}
	for _, tt := range tests {
		got, ok := SafeURL(tt.in)
		assert.True(t, ok, "reason: %s", tt.reason)
		assert.Equal(t, tt.want, got, "reason: %s", tt.reason)
	}
	for _, bad := range []string{"mailto:", "https://", "https://www.bl.ch/\nx", "https:www.bl.ch", ":https://x"} {
		_, ok := SafeURL(bad)
		assert.False(t, ok, "reason: %q is no link the widget renders", bad)
	}
}
