package schema

import (
	"net/url"
	"strings"

	"github.com/bl-digital/kompass/diag"
	"github.com/bl-digital/kompass/portfolio"
)

// linkProblems checks the link URLs of a decoded portfolio with net/url:
// https:// with a host, or mailto: with an address (rule diag.RuleLink).
// The schema's pattern finds most bad links first, and merge reports
// those once; this finds what a pattern cannot, such as a malformed host
// or escape. It lives here, not in the decoder, so that the WebAssembly
// widget links no net/url.
func linkProblems(p *portfolio.Portfolio) diag.List {
	var l diag.List
	for i, m := range p.Measures {
		for j, link := range m.Links {
			if msg := checkURL(link.URL); msg != "" && link.URL != "" {
				l = append(l, diag.Problem{Pointer: diag.Pointer("measures", i, "links", j, "url"), Rule: diag.RuleLink, Message: msg})
			}
		}
	}
	return l
}

// checkURL says what is wrong with a link URL, or returns "".
func checkURL(s string) string {
	u, err := url.Parse(s)
	switch {
	case err != nil:
	case u.Scheme == "https" && u.Opaque == "" && u.Hostname() != "":
		return ""
	case u.Scheme == "mailto" && validAddress(u.Opaque):
		return ""
	}
	return "the link " + diag.Quote(s) + " is not an https:// URL with a host (https://www.bl.ch/...) nor a mailto: address (mailto:name@bl.ch)"
}

// validAddress reports whether s is a plain e-mail address: something, one
// '@', a domain.
func validAddress(s string) bool {
	local, domain, ok := strings.Cut(s, "@")
	return ok && local != "" && domain != "" && !strings.ContainsAny(domain, "@ ") && !strings.ContainsAny(local, " ")
}
