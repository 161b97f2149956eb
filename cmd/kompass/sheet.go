package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/bl-digital/kompass/diag"
	"github.com/bl-digital/kompass/examples"
	"github.com/bl-digital/kompass/sheet"
	"github.com/bl-digital/kompass/strategy"
)

const sheetUsage = `usage:
  kompass sheet export [--strategy FILE] [--owner ORG] [--lang de|fr|it|en] PORTFOLIO -o FILE.xlsx
  kompass sheet import [--strategy FILE] [--into PORTFOLIO] FILE.xlsx... -o PORTFOLIO
`

// runSheet is `kompass sheet export|import`: workbooks for data stewards.
func runSheet(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, sheetUsage)
		return exitUsage
	}
	switch args[0] {
	case "export":
		return runSheetExport(args[1:], stderr)
	case "import":
		return runSheetImport(args[1:], stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, sheetUsage)
		return exitOK
	}
	fmt.Fprintf(stderr, "kompass sheet: unknown subcommand %q\n%s", args[0], sheetUsage)
	return exitUsage
}

// runSheetExport writes a portfolio as a workbook. Exit code: 0 written,
// 1 the portfolio is invalid, 2 usage or an unreadable file.
func runSheetExport(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("kompass sheet export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	strategyFile := fs.String("strategy", "", "the strategy `FILE` (default: the embedded BL strategy, for portfolios of strategy "+blStrategyID+")")
	owner := fs.String("owner", "", "export only the measures of organisation `ORG` (one workbook per directorate)")
	lang := fs.String("lang", "de", "language of labels and instructions: de, fr, it or en")
	out := fs.String("o", "", "the workbook `FILE.xlsx` to write")
	fs.Usage = func() { fmt.Fprint(stderr, sheetUsage); fs.PrintDefaults() }
	files, err := parseInterleaved(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(files) != 1 || *out == "" {
		fs.Usage()
		return exitUsage
	}
	if err := checkLang(*lang); err != nil {
		fmt.Fprintf(stderr, "kompass sheet export: %v\n", err)
		return exitUsage
	}
	in, code := loadReportInputFile(*strategyFile, files[0], stderr)
	if in == nil {
		return code
	}
	if *owner != "" {
		if _, ok := in.portfolio.Organisation(strategy.ID(*owner)); !ok {
			var ids []string
			for _, o := range in.portfolio.Organisations {
				ids = append(ids, string(o.ID))
			}
			fmt.Fprintf(stderr, "kompass sheet export: --owner %q is not an organisation of %s (it has %v)\n", *owner, files[0], ids)
			return exitUsage
		}
	}
	var buf bytes.Buffer
	if err := sheet.Export(&buf, in.portfolio, in.strategy, sheet.ExportOptions{Lang: *lang, Owner: strategy.ID(*owner)}); err != nil {
		fmt.Fprintf(stderr, "kompass sheet export: %s: %v\n", files[0], err)
		return exitInvalid
	}
	if err := writeFileAtomic(*out, buf.Bytes()); err != nil {
		fmt.Fprintf(stderr, "kompass sheet export: %v\n", err)
		return exitUsage
	}
	return exitOK
}

// runSheetImport reads workbooks into a portfolio file, validated as
// `kompass validate` does; nothing is written when there is an error.
// Exit code: 0 written, 1 invalid, 2 usage or an unreadable file.
func runSheetImport(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("kompass sheet import", flag.ContinueOnError)
	fs.SetOutput(stderr)
	strategyFile := fs.String("strategy", "", "the strategy `FILE` (default: the embedded BL strategy, for portfolios of strategy "+blStrategyID+")")
	into := fs.String("into", "", "merge the workbooks' measures into the portfolio `FILE`")
	out := fs.String("o", "", "the portfolio `FILE` to write")
	fs.Usage = func() { fmt.Fprint(stderr, sheetUsage); fs.PrintDefaults() }
	files, err := parseInterleaved(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(files) == 0 || *out == "" {
		fs.Usage()
		return exitUsage
	}
	var books []*sheet.Book
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			fmt.Fprintf(stderr, "kompass sheet import: cannot read %s: %v\n", name, unwrapPathError(err))
			return exitUsage
		}
		books = append(books, sheet.Read(name, f))
		f.Close()
	}
	var base *sheet.Base
	if *into != "" {
		data, err := readDataFile(*into)
		if err != nil {
			fmt.Fprintf(stderr, "kompass sheet import: %v\n", unwrapPathError(err))
			return exitUsage
		}
		base = &sheet.Base{Name: *into, Data: data}
	}
	var s *strategy.Strategy
	var extra diag.List
	if *strategyFile != "" {
		var code int
		if s, code = loadStrategyFile(*strategyFile, stderr); s == nil {
			return code
		}
	} else if ref := sheet.StrategyID(books, base); ref == blStrategyID {
		var code int
		if s, code = validStrategy(embeddedStrategyName, examples.StrategyJSON, stderr); s == nil {
			return code
		}
	} else if ref != "" {
		extra = diag.List{{Pointer: "/strategy", Rule: diag.RuleStrategyUnknown,
			Message: fmt.Sprintf("strategy %q is not built in (only %q is); give its file with --strategy to check the goals", ref, blStrategyID)}}
	}
	data, l := sheet.Build(books, base, s)
	l = append(extra, l...)
	for _, p := range l {
		fmt.Fprintln(stderr, p.String())
	}
	if l.HasErrors() {
		errs := 0
		for _, p := range l {
			if p.Severity == diag.Error {
				errs++
			}
		}
		fmt.Fprintf(stderr, "kompass sheet import: %s: nothing written\n", plural(errs, "error"))
		return exitInvalid
	}
	if err := writeFileAtomic(*out, data); err != nil {
		fmt.Fprintf(stderr, "kompass sheet import: %v\n", err)
		return exitUsage
	}
	return exitOK
}

// writeFileAtomic writes data to a temporary file beside name and renames
// it over name, so that name is either its old self or complete.
func writeFileAtomic(name string, data []byte) (err error) {
	dir := filepath.Dir(name)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(name)+".*.tmp")
	if err != nil {
		return fmt.Errorf("cannot write %s: %v", name, unwrapPathError(err))
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return fmt.Errorf("cannot write %s: %v", name, unwrapPathError(err))
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("cannot write %s: %v", name, unwrapPathError(err))
	}
	mode := os.FileMode(0o644)
	if fi, statErr := os.Stat(name); statErr == nil {
		mode = fi.Mode().Perm()
	}
	if err = tmp.Chmod(mode); err != nil {
		return fmt.Errorf("cannot write %s: %v", name, unwrapPathError(err))
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("cannot write %s: %v", name, unwrapPathError(err))
	}
	if err = os.Rename(tmp.Name(), name); err != nil {
		return fmt.Errorf("cannot write %s: %v", name, unwrapPathError(err))
	}
	return nil
}
