//go:build !linux

package hugepage

// Advise does nothing where madvise(MADV_HUGEPAGE) does not exist (see
// hugepage_linux.go); it returns nil.
func Advise[T any](s []T) error { return nil }
