// Package hugepage asks the kernel to back large, freshly allocated
// buffers with transparent huge pages.
//
// On a virtual machine each first touch of a 4 KiB page of fresh memory
// is a page fault that costs microseconds: reading a 29 MiB file into a
// new buffer takes some 7,400 of them, and so does filling a slice of
// 75,000 decoded measures. Backed by 2 MiB pages, either takes a few
// dozen. Advise is only advice: where the system has no transparent huge
// pages, has them off, or uses them for all memory anyway, nothing
// changes.
//
// Advise marks one buffer; ReserveHeap marks the memory the Go heap is
// about to grow into, for the many small objects of a long run.
package hugepage

// Min is the smallest buffer, in bytes, that Advise acts on: one huge
// page (2 MiB on amd64 and arm64). A smaller buffer holds no whole,
// aligned huge page.
const Min = 2 << 20
