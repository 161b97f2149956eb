//go:build js

package jsondoc

// largeFiles is false in the WebAssembly widget, whose files are small:
// what serves large files (List's count of a long list's items, the
// recycling and boxing of Builder) would only add to its size. List is
// instantiated for every type of item, and Check's scanner would link
// Builder's methods.
const largeFiles = false

// adviseHugePages does nothing in the widget, which does not allocate the
// slices of long lists at once.
func adviseHugePages(any) {}
