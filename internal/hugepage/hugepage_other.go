//go:build !linux

package hugepage

// Advise does nothing where madvise(MADV_HUGEPAGE) does not exist (see
// hugepage_linux.go); it returns nil.
func Advise(slice any) error { return nil }

// ReserveHeap does nothing where madvise(MADV_HUGEPAGE) does not exist
// (see hugepage_linux.go); it returns nil.
func ReserveHeap(n int) error { return nil }
