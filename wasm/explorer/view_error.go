package explorer

// Loading is what the widget shows while its data loads.
func Loading(lang string) *Node {
	return El("div", A("class", "kx kx-loading", "part", "root", "lang", lang, "data-testid", "loading", "role", "status"),
		El("span", A("class", "kx-spinner", "aria-hidden", "true")), T(Msg(lang, "loading")))
}
