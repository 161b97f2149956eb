//go:build !js

package jsondoc

// largeFiles turns on what serves large files: List counts a long list's
// items and allocates its slice once, and a Builder recycles the maps and
// arrays of its trees and boxes interned values once.
const largeFiles = true
