package main

import (
	"flag"
	"fmt"
	"io"
	"slices"

	"github.com/bl-digital/kompass/controlling"
	"github.com/bl-digital/kompass/controlling/report"
)

const diffUsage = `usage: kompass diff [flags] OLD NEW

Compares two portfolio snapshots of one strategy (such as last year's and
this year's) and prints the goals', focus areas' and strategy's progress
with their coverage before and after, the measures added and removed,
status changes (naming which status changed), measures whose goals
changed, and the progress of the measures that changed (all with --all).
The first line warns when NEW is older than OLD.

flags:
`

// runDiff is `kompass diff`.
func runDiff(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("diff", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, diffUsage)
		fs.PrintDefaults()
	}
	strategyFile := fs.String("strategy", "", "strategy `FILE` of both snapshots (default: the embedded BL strategy, for portfolios of strategy "+blStrategyID+")")
	format := fs.String("format", "text", "output `format`: text, md or json")
	lang := fs.String("lang", "de", "`language` of texts and labels: de, fr, it or en")
	all := fs.Bool("all", false, "with --format text or md: list every measure's progress, not only the measures that changed")
	files, err := parseInterleaved(fs, args)
	if err != nil {
		return exitUsage
	}
	f, err := report.ParseFormat(*format)
	if err == nil && !slices.Contains(report.DiffFormats, f) {
		err = fmt.Errorf("format %q: a diff is text, md or json", *format)
	}
	if err == nil {
		err = checkLang(*lang)
	}
	if err == nil && len(files) != 2 {
		err = fmt.Errorf("want OLD and NEW, got %d files", len(files))
	}
	if err != nil {
		fmt.Fprintf(stderr, "kompass diff: %v\n", err)
		fs.Usage()
		return exitUsage
	}

	// Load both before giving up, so that all problems of both files show.
	// Both are validated against one strategy (--strategy or the embedded
	// one), so a snapshot of another strategy is invalid.
	var reports [2]*controlling.Report
	code := exitOK
	for i, name := range files {
		in, c := loadReportInputFile(*strategyFile, name, stderr)
		if in == nil {
			code = max(code, c)
			continue
		}
		r, err := controlling.Compute(in.strategy, in.portfolio, controlling.Options{})
		if err != nil {
			fmt.Fprintf(stderr, "kompass diff: %s: %v\n", name, err)
			code = max(code, exitInvalid)
			continue
		}
		reports[i] = r
	}
	if code != exitOK {
		return code
	}
	rd := report.Renderer{Lang: *lang, All: *all}
	if err := rd.RenderDiff(stdout, reports[0], reports[1], f); err != nil {
		fmt.Fprintf(stderr, "kompass diff: %v\n", err)
		return exitInvalid
	}
	return exitOK
}
