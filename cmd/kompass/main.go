// Command kompass validates strategy and portfolio files, reports the
// controlling of a portfolio, diffs two snapshots, prints the JSON Schemas
// and serves a demo page with the explorer widget.
//
// Usage:
//
//	kompass validate [--strategy FILE] [--format text|json] FILE...
//	kompass report   [--strategy FILE] [--format text|md|html|csv|json] [--fragment] [--as-of DATE] [--lang de|fr|it|en] [--ascii] [PORTFOLIO]
//	kompass diff     [--strategy FILE] [--format text|md|json] [--lang de|fr|it|en] OLD NEW
//	kompass schema   strategy|portfolio
//	kompass serve    [--addr 127.0.0.1:8080] [--strategy FILE] [--portfolio FILE] [--dist dist/kompass]
//
// Each command's -h lists its flags. The data format and every validation
// rule are described in docs/format.md and docs/validation.md.
//
// Exit codes: 0 success (valid), 1 invalid data, 2 usage error or unreadable file.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
)

// Exit codes.
const (
	exitOK      = 0
	exitInvalid = 1
	exitUsage   = 2
)

const usage = `usage: kompass <command> [flags] [args]

commands:
  validate [--strategy FILE] [--format text|json] FILE...
  report   [--strategy FILE] [--format text|md|html|csv|json] [--fragment] [--as-of DATE]
           [--lang de|fr|it|en] [--ascii] [PORTFOLIO]
  diff     [--strategy FILE] [--format text|md|json] [--lang de|fr|it|en] OLD NEW
  schema   strategy|portfolio
  serve    [--addr 127.0.0.1:8080] [--strategy FILE] [--portfolio FILE] [--dist dist/kompass]
  sheet    export|import …   workbooks for data stewards (kompass sheet help)

Run "kompass <command> -h" for what a command and each of its flags do.
Exit codes: 0 success (valid), 1 invalid data, 2 usage error or unreadable file.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is the whole command, testable without a process.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	cmds := map[string]func([]string, io.Writer, io.Writer) int{
		"validate": runValidate,
		"report":   runReport,
		"diff":     runDiff,
		"schema":   runSchema,
		"serve":    runServe,
		"sheet":    runSheet,
	}
	if args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	cmd, ok := cmds[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "kompass: unknown command %q\n%s", args[0], usage)
		return exitUsage
	}
	return cmd(args[1:], stdout, stderr)
}

// blStrategyID is the id of the embedded BL strategy; a portfolio of this
// strategy needs no --strategy.
const blStrategyID = "bl-dt-2026"

// parseInterleaved parses flags that may come before, between and after
// the positional arguments (kompass diff OLD NEW --format md), and returns
// the positional ones. Everything after "--" is positional.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		// fs.Parse stops at the first positional argument, or after "--".
		if i := len(args) - len(rest); i > 0 && args[i-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}
