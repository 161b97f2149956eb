package main

import (
	"fmt"
	"io"
)

func runSchema(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "kompass schema: not implemented yet")
	return exitUsage
}
