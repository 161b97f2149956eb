package hugepage

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"syscall"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAdvise(t *testing.T) {
	// The kernel of this project's machines and CI has transparent huge
	// pages (set to "madvise"); without them, madvise fails with EINVAL.
	_, err := os.Stat("/sys/kernel/mm/transparent_hugepage/enabled")
	require.NoError(t, err, "the tests need a kernel with transparent huge pages")

	t.Run("large slice: the memory is marked for huge pages", func(t *testing.T) {
		s := make([]uint64, 0, 1<<20) // 8 MiB
		require.NoError(t, Advise(s))
		addr := uintptr(unsafe.Pointer(unsafe.SliceData(s[:1])))
		flags := vmFlags(t, addr)
		assert.Contains(t, flags, "hg", "VmFlags of the mapping that holds the slice: %v", flags)
		for i := range cap(s) { // the memory is usable as before
			s = append(s, uint64(i))
		}
		assert.Equal(t, uint64(1<<20-1), s[len(s)-1])
	})
	t.Run("small slice or no slice: nothing is done", func(t *testing.T) {
		assert.NoError(t, Advise(make([]byte, Min-1)))
		assert.NoError(t, Advise([]struct{}(nil)))
		assert.NoError(t, Advise(make([]struct{}, 1<<30)), "no bytes at all")
		assert.NoError(t, Advise([Min]byte{}), "an array, not a slice")
		assert.NoError(t, Advise(nil))
	})
	t.Run("size counts the element type", func(t *testing.T) {
		type item [408]byte // a decoded measure's size
		assert.NoError(t, Advise(make([]item, 0, Min/408+1)))
	})
	t.Run("unaligned start: EINVAL, contents unchanged", func(t *testing.T) {
		s := make([]byte, 4*Min)
		for i := range s {
			s[i] = byte(i)
		}
		err := Advise(s[1:])
		assert.True(t, errors.Is(err, syscall.EINVAL), "err = %v", err)
		for i := range s {
			if s[i] != byte(i) {
				t.Fatalf("byte %d changed", i)
			}
		}
	})
}

// vmFlags returns the VmFlags of the mapping of this process that holds
// addr, from /proc/self/smaps.
func vmFlags(t *testing.T, addr uintptr) []string {
	f, err := os.Open("/proc/self/smaps")
	require.NoError(t, err)
	defer f.Close()
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		var lo, hi uintptr
		if n, _ := fmt.Sscanf(line, "%x-%x", &lo, &hi); n == 2 && strings.Contains(line, " ") {
			in = lo <= addr && addr < hi
			continue
		}
		if rest, ok := strings.CutPrefix(line, "VmFlags:"); ok && in {
			return strings.Fields(rest)
		}
	}
	require.NoError(t, sc.Err())
	t.Fatalf("no mapping holds %#x", addr)
	return nil
}

func TestReserveHeap(t *testing.T) {
	_, err := os.Stat("/sys/kernel/mm/transparent_hugepage/enabled")
	require.NoError(t, err, "the tests need a kernel with transparent huge pages")

	require.NoError(t, ReserveHeap(64<<20))
	// Small objects allocated afterwards land in the reserved memory: the
	// heap's free pages at the lowest addresses are handed out first. The
	// free pages that other tests left below it come first, so of 48 MiB
	// of objects, the last ones are surely in it.
	objs := make([]*[4096]byte, 12<<10)
	for i := range objs {
		objs[i] = new([4096]byte)
	}
	inHuge := 0
	for i := len(objs) / 2; i < len(objs); i += 256 {
		if slices.Contains(vmFlags(t, uintptr(unsafe.Pointer(objs[i]))), "hg") {
			inHuge++
		}
	}
	assert.Greater(t, inHuge, len(objs)/2/256/2, "most objects of the second half in memory advised for huge pages")
	assert.NoError(t, ReserveHeap(Min-1), "too small: nothing done")
}
