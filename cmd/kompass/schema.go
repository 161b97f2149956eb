package main

import (
	"fmt"
	"io"

	"github.com/bl-digital/kompass/schema"
)

const schemaUsage = `usage: kompass schema strategy|portfolio

Prints the JSON Schema (draft 2020-12) of strategy or portfolio files, for
editors and other validators. It has no flags.
`

// runSchema is `kompass schema strategy|portfolio`: it prints the committed
// JSON Schema (draft 2020-12) of strategy or portfolio files.
func runSchema(args []string, stdout, stderr io.Writer) int {
	if len(args) == 1 && (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
		fmt.Fprint(stdout, schemaUsage)
		return exitOK
	}
	if len(args) != 1 {
		fmt.Fprint(stderr, schemaUsage)
		return exitUsage
	}
	switch args[0] {
	case "strategy":
		_, _ = stdout.Write(schema.StrategyJSON)
	case "portfolio":
		_, _ = stdout.Write(schema.PortfolioJSON)
	default:
		fmt.Fprintf(stderr, "kompass schema: unknown schema %q (want strategy or portfolio)\n", args[0])
		return exitUsage
	}
	return exitOK
}
