package hugepage

import (
	"reflect"
	"syscall"
	"unsafe"
)

// Advise asks the kernel (madvise MADV_HUGEPAGE) to back the memory of
// slice, all of its capacity, with transparent huge pages, if it spans at
// least Min bytes. Call it right after allocating the slice, before its
// memory is first written: pages already touched stay as they are. It
// returns the error of madvise, or nil when it did nothing (a small slice,
// or a value that is not a slice); callers may ignore it.
//
// The slice must be Go memory, which is never unmapped while the slice is
// reachable; madvise changes no contents. A large Go allocation starts on
// a page boundary, as madvise wants; for one that does not, it fails with
// EINVAL and nothing changes. The slice is taken as any, not as a type
// parameter, so that a caller's generic code that the widget compiles
// without calling this does not grow.
func Advise(slice any) error {
	v := reflect.ValueOf(slice)
	if v.Kind() != reflect.Slice || v.Cap() == 0 {
		return nil
	}
	n := uintptr(v.Cap()) * v.Type().Elem().Size()
	if n < Min {
		return nil
	}
	// The bytes of the slice's backing array, as madvise takes them.
	b := unsafe.Slice((*byte)(v.UnsafePointer()), n)
	return syscall.Madvise(b, syscall.MADV_HUGEPAGE)
}
