package main

import (
	"os"
	"runtime"
	"runtime/debug"

	"github.com/bl-digital/kompass/internal/hugepage"
	"github.com/bl-digital/kompass/schema"
)

// heapPerByte is about how many bytes of heap validation allocates per
// byte of a file (the decoded values, the schema layer's trees): 75,000
// measures in 29 MiB peak at 150-210 MiB.
const heapPerByte = 8

// heapBase is what a run allocates besides its files: the schema compile
// and the rest: some 20 MiB, and room for a small file without a
// collection.
const heapBase = 24 << 20

// heapQuiet is the most heap a run grows to before its first collection
// (see prepareHeap): a small file is validated without one.
const heapQuiet = 64 << 20

// heapFor is about how much heap validating the named files takes. Files
// that cannot be stated count nothing (reading them reports the error).
func heapFor(names []string) int64 {
	total := int64(heapBase)
	for _, name := range names {
		if st, err := os.Stat(name); err == nil && st.Mode().IsRegular() {
			total += heapPerByte * min(st.Size(), schema.ReadLimit)
		}
	}
	return total
}

// prepareHeap readies the heap of a run that will allocate about n bytes,
// in two ways, both measured with scripts/bench-validate:
//
//   - The heap grows into memory backed by huge pages
//     (hugepage.ReserveHeap): on a virtual machine each first touch of a
//     4 KiB page costs microseconds, and validating 75,000 measures
//     touched some 30,000 of them (3,500 with this).
//   - The garbage collector does not run until the heap reaches n, or
//     heapQuiet if that is less; from its first cycle on it paces as
//     usual (GOGC=100). Go starts collecting at 4 MiB, which suits a
//     server; a run that ends after a tenth of a second spent a fifth of
//     it collecting, more per measure in a small file than in a large
//     one. The peak memory of a large file does not change: its heap
//     outgrows heapQuiet anyway.
//
// Where GOGC or GOMEMLIMIT is set, the collector is left as they say.
func prepareHeap(n int64) {
	_ = hugepage.ReserveHeap(int(min(n, 1<<30))) // advice only
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	quietUntil(min(n, heapQuiet))
}

// quietUntil makes the collector's first cycle wait until the heap has
// grown to about limit bytes, and sets it back to its default (GOGC=100)
// after that cycle: a finalizer runs after the cycle that found its object
// unreachable. The runtime's first goal is 4 MiB at GOGC=100 and grows
// with GOGC; a memory limit would do it too, but would count the free
// pages of hugepage.ReserveHeap and return them to the system.
func quietUntil(limit int64) {
	debug.SetGCPercent(int(max(100, 100*limit/(4<<20))))
	sentinel := new([16]byte) // not a tiny allocation: it gets a finalizer of its own
	runtime.SetFinalizer(sentinel, func(*[16]byte) { debug.SetGCPercent(100) })
}
