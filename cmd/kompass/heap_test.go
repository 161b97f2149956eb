package main

import (
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// gogc reads the collector's GOGC percentage now.
func gogc() int64 {
	s := []metrics.Sample{{Name: "/gc/gogc:percent"}}
	metrics.Read(s)
	return int64(s[0].Value.Uint64())
}

func TestQuietUntil(t *testing.T) {
	t.Cleanup(func() { debug.SetGCPercent(100) })
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	before := ms.NumGC

	quietUntil(64 << 20)
	assert.EqualValues(t, 1600, gogc(), "the first goal is 64 MiB: 16 times the default 4 MiB")
	var keep [][]byte
	for range 16 << 10 { // 16 MiB in 1 KiB pieces, all garbage but the last
		keep = append(keep[:0], make([]byte, 1<<10))
	}
	runtime.ReadMemStats(&ms)
	assert.Equal(t, before, ms.NumGC, "no collection before the heap reaches the limit")

	for range 128 << 10 { // 128 MiB more: past the limit
		keep = append(keep[:0], make([]byte, 1<<10))
	}
	runtime.ReadMemStats(&ms)
	assert.Greater(t, ms.NumGC, before, "a collection once the heap passed the limit")
	assert.Eventually(t, func() bool { return gogc() == 100 }, 5*time.Second, time.Millisecond,
		"after the first collection the collector paces as usual")
	assert.Len(t, keep, 1)
}

func TestPrepareHeapKeepsGOGC(t *testing.T) {
	t.Cleanup(func() { debug.SetGCPercent(100) })
	t.Setenv("GOGC", "200") // as a user who set it would run kompass
	prepareHeap(8 << 20)
	assert.EqualValues(t, 100, gogc(), "the collector is left as the environment set it (this test process: 100)")
}

func TestHeapFor(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "small.json")
	require.NoError(t, os.WriteFile(small, make([]byte, 1000), 0o644))
	for _, tc := range []struct {
		reason string
		names  []string
		want   int64
	}{
		{"no files: the base (schema compile and the rest)", nil, heapBase},
		{"a file counts heapPerByte per byte", []string{small}, heapBase + heapPerByte*1000},
		{"each file counts", []string{small, small}, heapBase + 2*heapPerByte*1000},
		{"a file that cannot be stated counts nothing", []string{filepath.Join(dir, "missing.json"), ""}, heapBase},
		{"a directory counts nothing", []string{dir}, heapBase},
	} {
		assert.Equal(t, tc.want, heapFor(tc.names), tc.reason)
	}
}
