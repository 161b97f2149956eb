package main

import (
	"fmt"
	"io"
)

func runDiff(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "kompass diff: not implemented yet")
	return exitUsage
}
