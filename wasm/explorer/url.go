package explorer

import (
	"fmt"
	"net/url"
)

// ResolveDataURL resolves ref (a strategy or portfolio attribute) against
// the page's URL base and returns the absolute URL to fetch. It refuses any
// URL outside base's origin (scheme, host and port), so the widget never
// sends a request to a host but the page's own.
func ResolveDataURL(base, ref string) (string, error) {
	b, err := url.Parse(base)
	if err != nil || b.Host == "" {
		return "", fmt.Errorf("invalid page URL %q", base)
	}
	r, err := url.Parse(ref)
	if err != nil {
		return "", fmt.Errorf("%s: invalid URL: %v", ref, err)
	}
	u := b.ResolveReference(r)
	if u.Scheme != b.Scheme || u.Host != b.Host {
		return "", fmt.Errorf("%s: refused: the widget loads data only from %s://%s", ref, b.Scheme, b.Host)
	}
	u.Fragment = ""
	return u.String(), nil
}
