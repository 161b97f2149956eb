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
