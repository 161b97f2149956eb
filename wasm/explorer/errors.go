package explorer

import (
	"errors"
	"strconv"
)

// ErrorNotice is what the widget shows above the static fallback when its
// data cannot be shown: a short message in lang that the interactive view
// is not available and, behind a <details> disclosure, the technical
// detail: the URL and the reason, and every problem of invalid data as
// "URL:line:col: /pointer: message". The problems are the validator's
// own words, in English, and marked lang="en".
func ErrorNotice(err error, lang string) *Node {
	lang = NormalizeLang(lang)
	var reason string
	var list *Node
	// errors.AsType needs no reflection, unlike errors.As (8 KB less
	// compressed kompass.wasm).
	ae, isAttr := errors.AsType[*AttributeError](err)
	fe, isFetch := errors.AsType[*FetchError](err)
	ne, isNotJSON := errors.AsType[*NotJSONError](err)
	ie, isInvalid := errors.AsType[*InvalidError](err)
	ce, isCompute := errors.AsType[*ComputeError](err)
	switch {
	case isAttr:
		reason = errMsg(lang, "notice.attribute", "other", ae.Other, "missing", ae.Missing)
	case isFetch && fe.Status == 404:
		reason = errMsg(lang, "notice.http.404", "url", fe.URL)
	case isFetch && fe.Status != 0:
		reason = errMsg(lang, "notice.http", "url", fe.URL, "status", strconv.Itoa(fe.Status))
	case isFetch:
		reason = errMsg(lang, "notice.network", "url", fe.URL, "reason", fe.Reason)
	case isNotJSON && ne.HTML:
		reason = errMsg(lang, "notice.html", "url", ne.URL)
	case isNotJSON:
		reason = errMsg(lang, "notice.type", "url", ne.URL, "type", ne.ContentType)
	case isInvalid:
		key := "notice.invalid.other"
		if len(ie.Problems) == 1 {
			key = "notice.invalid.one"
		}
		reason = errMsg(lang, key, "url", ie.URL, "n", strconv.Itoa(len(ie.Problems)))
		list = El("ul", A("class", "kx-problems", "lang", "en", "data-testid", "error-problems"))
		for _, p := range ie.Problems {
			list.Children = append(list.Children, El("li", nil, T(p.String())))
		}
	case isCompute:
		reason = errMsg(lang, "notice.compute", "reason", ce.Err.Error())
	default:
		reason = errMsg(lang, "notice.internal", "reason", err.Error())
	}
	return El("div", A("class", "kx kx-error", "part", "root error", "lang", lang, "role", "alert", "data-testid", "error"),
		El("p", A("class", "kx-error-title", "data-testid", "error-title"), T(errMsg(lang, "notice.title"))),
		El("details", A("class", "kx-error-details", "part", "error-details", "data-testid", "error-details"),
			El("summary", nil, T(errMsg(lang, "notice.details"))),
			El("p", A("class", "kx-error-reason", "data-testid", "error-reason"), T(reason)),
			list),
	).WithKey("error")
}
