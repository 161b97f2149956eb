package explorer

import "sync"

// URLWrites holds the URL changes the widgets of a page asked for and the
// adapter has not made yet. The adapter makes them after the browser has
// painted the frame of the change that asked: a history entry is work for
// the browser's own process too (on a two-core machine, 10-50 ms of its
// main thread per entry in Chromium), and made during the change it
// competes with the style, layout and painting of the change's frame. The
// URL follows a frame later; no one reads it sooner.
//
// Until they are made, Hash gives the hash the page will have, so that a
// second change in the same frame (another widget's, or the same one's)
// builds on the first. A navigation of the page's own (Back, Forward, a
// link: hashchange or popstate) drops what is pending: the person's
// navigation wins. One URLWrites serves a whole page; it is safe for
// concurrent use.
type URLWrites struct {
	mu      sync.Mutex
	pending []Navigation
}

// Add queues nav (a Navigation with Write false is ignored). It reports
// whether nav is the first pending write, when the adapter schedules Take.
func (u *URLWrites) Add(nav Navigation) (first bool) {
	if !nav.Write {
		return false
	}
	u.mu.Lock()
	defer u.mu.Unlock()
	u.pending = append(u.pending, nav)
	return len(u.pending) == 1
}

// Hash returns the page's hash once the pending writes are made: the last
// one's, or cur (the hash now) when nothing is pending.
func (u *URLWrites) Hash(cur string) string {
	u.mu.Lock()
	defer u.mu.Unlock()
	if n := len(u.pending); n > 0 {
		return u.pending[n-1].Hash
	}
	return cur
}

// Take returns the pending writes, to be made in order, and forgets them.
// A replace that follows another write is folded into it: a new entry
// whose hash is replaced before it is made is made with the later hash,
// and two replaces are one. Each new entry stays, so that Back steps
// through them as through the changes.
func (u *URLWrites) Take() []Navigation {
	u.mu.Lock()
	defer u.mu.Unlock()
	var out []Navigation
	for _, nav := range u.pending {
		if n := len(out); n > 0 && nav.Replace {
			out[n-1].Hash = nav.Hash
			continue
		}
		out = append(out, nav)
	}
	u.pending = nil
	return out
}

// Drop forgets the pending writes: the page navigated on its own.
func (u *URLWrites) Drop() {
	u.mu.Lock()
	defer u.mu.Unlock()
	u.pending = nil
}
