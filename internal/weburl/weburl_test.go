package weburl_test

import (
	"net/url"
	"testing"

	"github.com/bl-digital/kompass/internal/weburl"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestResolve(t *testing.T) {
	base := "https://www.bl.ch/politik/strategie.html?x=1#top"
	tests := []struct{ ref, want, reason string }{
		{"/data/p.json", "https://www.bl.ch/data/p.json", "an absolute path"},
		{"data/p.json?a=b#f", "https://www.bl.ch/politik/data/p.json?a=b#f", "a relative path with query and fragment"},
		{"../a/./b/../c", "https://www.bl.ch/a/c", "dot segments"},
		{"../../../x", "https://www.bl.ch/x", "never above the root"},
		{"", "https://www.bl.ch/politik/strategie.html?x=1#top", "the empty reference is the base"},
		{"#f", "https://www.bl.ch/politik/strategie.html?x=1#f", "a fragment only"},
		{"?q", "https://www.bl.ch/politik/strategie.html?q", "a query only"},
		{"//evil.example/p", "https://evil.example/p", "a scheme-relative URL brings its host"},
		{"///x", "https://www.bl.ch///x", "three slashes are a path, as in net/url"},
		{"http://a:8080/b", "http://a:8080/b", "an absolute URL"},
		{"mailto:a@b.ch", "mailto:a@b.ch", "an opaque URL"},
		{"a b\\c", "https://www.bl.ch/politik/a%20b%5Cc", "a space and a backslash are escaped, so no browser reads another host"},
	}
	b, err := weburl.Parse(base)
	require.NoError(t, err)
	nb, err := url.Parse(base)
	require.NoError(t, err)
	for _, tc := range tests {
		r, err := weburl.Parse(tc.ref)
		require.NoError(t, err, tc.reason)
		got := b.ResolveReference(r).String()
		assert.Equal(t, tc.want, got, tc.reason)
		nr, err := url.Parse(tc.ref)
		require.NoError(t, err, tc.reason)
		assert.Equal(t, nb.ResolveReference(nr).String(), got, "as net/url: %s", tc.reason)
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		raw, scheme, host, reason string
		ok                        bool
	}{
		{"HTTPS://www.bl.ch:443/a", "https", "www.bl.ch:443", "schemes are lower case", true},
		{"https://user:pw@www.bl.ch/", "https", "www.bl.ch", "user information is not the host", true},
		{"https://[::1]:8080/", "https", "[::1]:8080", "an IPv6 literal", true},
		{"https://bücher.de/", "https", "bücher.de", "an international name", true},
		{"javascript:alert(1)", "javascript", "", "an opaque URL", true},
		{"https://a b/", "", "", "no space in a host", false},
		{"https://a\\b/", "", "", "no backslash in a host", false},
		{"https://a:x/", "", "", "a port is a number", false},
		{"https://a/\x01", "", "", "no control characters", false},
		{":x", "", "", "a colon first is no scheme", false},
		{"a:b/c:d", "a", "", "a scheme", true},
		{"1a:b", "", "", "a colon in the first segment of a relative path", false},
		{"/a%zz", "", "", "a broken escape", false},
		{"/a#%zz", "", "", "a broken escape in the fragment", false},
	}
	for _, tc := range tests {
		u, err := weburl.Parse(tc.raw)
		if !tc.ok {
			assert.Error(t, err, tc.reason)
			continue
		}
		require.NoError(t, err, tc.reason)
		assert.Equal(t, tc.scheme, u.Scheme, tc.reason)
		assert.Equal(t, tc.host, u.Host, tc.reason)
		nu, err := url.Parse(tc.raw)
		require.NoError(t, err, "net/url accepts what weburl does: %s", tc.reason)
		assert.Equal(t, nu.Scheme, u.Scheme, tc.reason)
		assert.Equal(t, nu.Host, u.Host, tc.reason)
		assert.Equal(t, nu.String(), u.String(), tc.reason)
	}
}

func TestQuery(t *testing.T) {
	for _, s := range []string{"", "a b", "ä/€?&=+%", "-_.~", "x\x00y"} {
		assert.Equal(t, url.QueryEscape(s), weburl.QueryEscape(s), "escaped as net/url does: %q", s)
		back, err := weburl.QueryUnescape(weburl.QueryEscape(s))
		require.NoError(t, err)
		assert.Equal(t, s, back, "round trip")
	}
	for _, s := range []string{"%", "%4", "%zz", "a%2"} {
		_, err := weburl.QueryUnescape(s)
		assert.Error(t, err, "a broken escape: %q", s)
	}
	got, err := weburl.QueryUnescape("a+b%2Bc%e2%82%AC")
	require.NoError(t, err)
	assert.Equal(t, "a b+c€", got)
}

// FuzzWebURL compares weburl with net/url: whatever weburl accepts,
// net/url does too, with the same scheme and host; resolved against a
// base, both reach the same origin; and for URLs of plain characters both
// write the same text.
func FuzzWebURL(f *testing.F) {
	for _, s := range []string{"/a/b?c#d", "../x", "//h/p", "https://h:1/p", "mailto:x@y", "a:b", "./a:b", "///x", "?q", "#f"} {
		f.Add("https://www.bl.ch/dir/page.html?x=1", s)
	}
	f.Fuzz(func(t *testing.T, base, ref string) {
		b, err1 := weburl.Parse(base)
		r, err2 := weburl.Parse(ref)
		nb, nerr1 := url.Parse(base)
		nr, nerr2 := url.Parse(ref)
		if err1 == nil && nerr1 != nil || err2 == nil && nerr2 != nil {
			t.Fatalf("weburl accepts %q / %q, net/url does not: %v %v", base, ref, nerr1, nerr2)
		}
		if err1 != nil || err2 != nil {
			return
		}
		if b.Scheme != nb.Scheme || b.Host != nb.Host {
			t.Fatalf("%q: weburl reads %s://%s, net/url %s://%s", base, b.Scheme, b.Host, nb.Scheme, nb.Host)
		}
		u, nu := b.ResolveReference(r), nb.ResolveReference(nr)
		if u.Scheme != nu.Scheme || u.Host != nu.Host {
			t.Fatalf("%q against %q: weburl reaches %s://%s, net/url %s://%s", ref, base, u.Scheme, u.Host, nu.Scheme, nu.Host)
		}
		if plain(base) && plain(ref) && u.String() != nu.String() {
			t.Fatalf("%q against %q: weburl writes %q, net/url %q", ref, base, u.String(), nu.String())
		}
	})
}

// plain reports whether s has only letters, digits and "/.:?#=&-_~"
// (user information is left out: weburl writes it as it was given).
func plain(s string) bool {
	for _, c := range []byte(s) {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c != 0 && contains("/.:?#=&-_~", c)) {
			return false
		}
	}
	return true
}

func contains(s string, c byte) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return true
		}
	}
	return false
}
