package hugepage

import (
	"syscall"
	"unsafe"
)

// Advise asks the kernel (madvise MADV_HUGEPAGE) to back the memory of s,
// all of its capacity, with transparent huge pages, if it spans at least
// Min bytes. Call it right after allocating s, before its memory is
// first written: pages already touched stay as they are. It returns the
// error of madvise, or nil when it did nothing; callers may ignore it.
//
// s must be a slice of Go memory, which is never unmapped while s is
// reachable; madvise changes no contents. A large Go allocation starts on
// a page boundary, as madvise wants; for one that does not, it fails with
// EINVAL and nothing changes.
func Advise[T any](s []T) error {
	var zero T
	n := uintptr(cap(s)) * unsafe.Sizeof(zero)
	if n < Min {
		return nil
	}
	// The bytes of s's backing array, as madvise takes them.
	b := unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(s[:cap(s)]))), n)
	return syscall.Madvise(b, syscall.MADV_HUGEPAGE)
}
