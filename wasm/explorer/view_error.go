package explorer

import (
	"errors"
	"strconv"
)

// Loading is what the widget shows while its data loads.
func Loading(lang string) *Node {
	return El("div", A("class", "kx kx-loading", "part", "root", "lang", lang, "data-testid", "loading", "role", "status"),
		El("span", A("class", "kx-spinner", "aria-hidden", "true")), T(Msg(lang, "loading")))
}

// ErrorView is what the widget shows when its data cannot be shown: the
// URL and the reason, and every validation problem.
func ErrorView(err error, lang string) *Node {
	var lines []*Node
	var list *Node
	var fe *FetchError
	var ie *InvalidError
	var ce *ComputeError
	switch {
	case errors.As(err, &fe) && fe.Status != 0:
		lines = append(lines, T(Msg(lang, "error.http", "url", fe.URL, "status", strconv.Itoa(fe.Status))))
	case errors.As(err, &fe):
		lines = append(lines, T(Msg(lang, "error.network", "url", fe.URL, "reason", fe.Reason)))
	case errors.As(err, &ie):
		lines = append(lines, T(Msg(lang, "error.invalid", "url", ie.URL)))
		list = El("ul", A("class", "kx-problems", "data-testid", "error-problems"))
		for _, p := range ie.Problems {
			list.Children = append(list.Children, El("li", nil, T(p.String())))
		}
	case errors.As(err, &ce):
		lines = append(lines, T(Msg(lang, "error.compute", "reason", ce.Err.Error())))
	default:
		lines = append(lines, T(err.Error()))
	}
	return El("div", A("class", "kx kx-error", "part", "root error", "lang", lang, "role", "alert", "data-testid", "error"),
		El("p", A("class", "kx-error-title"), T(Msg(lang, "error.title"))),
		El("p", A("class", "kx-error-reason", "data-testid", "error-reason"), lines...),
		list)
}
