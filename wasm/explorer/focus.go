package explorer

// HashEffect is HashChanged with where the focus goes: the page's new URL
// hash (Back, Forward, a link) is taken, and when it changes what the
// widget shows, the Effect focuses the element that belongs to what
// changed (see FocusAfter), so the focus is not left on the page body.
func (w *Widget) HashEffect(hash string) (eff Effect, changed bool) {
	w.mu.Lock()
	old := w.state
	w.mu.Unlock()
	if !w.HashChanged(hash) {
		return Effect{}, false
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	return Effect{Focus: FocusAfter(old, w.state)}, true
}
