//go:build !js

package jsondoc

import "github.com/bl-digital/kompass/internal/hugepage"

// largeFiles turns on what serves large files: List counts a long list's
// items and allocates its slice once, and a Builder recycles the maps and
// arrays of its trees and boxes interned values once.
const largeFiles = true

// adviseHugePages asks for huge pages for the memory of a list's slice,
// allocated once for all its items (see package hugepage): a slice of
// 75,000 measures is 31 MB, filled as they are decoded.
func adviseHugePages(slice any) { _ = hugepage.Advise(slice) }
