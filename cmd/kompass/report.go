package main

import (
	"fmt"
	"io"
)

func runReport(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "kompass report: not implemented yet")
	return exitUsage
}
