package jsondoc

import "io"

// Read reads all of r, but no more than one byte over maxSize (0 means
// DefaultMaxSize), so that Check can refuse a file that is too large without
// holding all of it in memory.
func Read(r io.Reader, maxSize int) ([]byte, error) {
	if maxSize <= 0 {
		maxSize = DefaultMaxSize
	}
	return io.ReadAll(io.LimitReader(r, int64(maxSize)+1))
}
