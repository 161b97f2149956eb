package hugepage_test

import (
	"fmt"

	"github.com/bl-digital/kompass/internal/hugepage"
)

// A buffer for a large file is advised right after it is allocated, before
// it is filled; an error (no huge pages on this system) changes nothing.
func ExampleAdvise() {
	buf := make([]byte, 0, 32<<20)
	_ = hugepage.Advise(buf)
	buf = append(buf, `{"measures": []}`...)
	fmt.Println(len(buf), cap(buf) >= hugepage.Min)
	// Output: 16 true
}

// A short-lived command that is about to allocate about 64 MiB of small
// objects lets its heap grow into memory advised for huge pages first.
func ExampleReserveHeap() {
	_ = hugepage.ReserveHeap(64 << 20) // advice only
	objs := make([][]byte, 0, 1024)
	for range 1024 {
		objs = append(objs, make([]byte, 512))
	}
	fmt.Println(len(objs))
	// Output: 1024
}
