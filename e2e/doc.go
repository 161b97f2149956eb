// Package e2e holds the end-to-end tests of the <kompass-explorer> widget
// in headless Chromium; it has no code of its own besides the tests.
//
// The tests build the widget once (the files `make dist` writes, into a
// temporary folder), the bare syscall/js hello-world program the speed
// figures compare against, and the kompass binary; they serve test pages
// under the demo page's Content Security Policy, start `kompass serve`
// for the demo page, and drive one Chromium through the Chrome DevTools
// Protocol with github.com/chromedp/chromedp: figures against
// controlling.Compute, filters, the URL hash and the back button, the
// languages, a keyboard-only walk, error messages, a hostile portfolio,
// two widgets on one page, screenshots (written to e2e/screenshots/) and
// axe-core in every view. Every scenario fails on a JavaScript error, a
// CSP violation or a request to another host.
//
// Run them with plain `go test ./e2e/...`; they need /usr/bin/chromium
// (or $CHROMIUM) and node_modules/axe-core, which ./scripts/test installs.
// The speed figures are benchmarks:
//
//	go test -run='^$' -bench=. -benchtime=5x ./e2e
package e2e
