package hugepage

import (
	"reflect"
	"runtime"
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

// ReserveHeap lets the Go heap grow into about n bytes of memory advised
// for huge pages, so that the many small objects a long run allocates
// (decoded values, the schema layer's trees) are first touched in 2 MiB
// pages, not 4 KiB ones. It allocates one object of n bytes, advises its
// memory (see Advise), drops it and runs a collection, after which the
// object's pages are free pages of the heap; the allocator hands out free
// pages at the lowest addresses first, so the heap's next n bytes are
// these. Nothing of the object is written, so it costs no memory until
// the heap uses it.
//
// Call it once, early, in a program that is about to allocate about n
// bytes: it runs a full collection, which is cheap while the heap is
// small. It does nothing for n < Min and returns the error of madvise;
// callers may ignore it. The Go runtime may return free pages to the
// system over time, and a page it returns is a 4 KiB page again when
// it is next touched.
func ReserveHeap(n int) error {
	if n < Min {
		return nil
	}
	err := reserve(n)
	runtime.GC()
	return err
}

// reserve allocates and advises the object of ReserveHeap, in a function
// of its own so that nothing refers to the object when it returns.
//
//go:noinline
func reserve(n int) error {
	return Advise(make([]byte, n))
}
