package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/bl-digital/kompass/diag"
	"github.com/bl-digital/kompass/examples"
	"github.com/bl-digital/kompass/internal/hugepage"
	"github.com/bl-digital/kompass/schema"
	"github.com/bl-digital/kompass/strategy"
)

// validateReport is the JSON output of `kompass validate --format json`:
//
//	{"valid": bool, "files": [fileReport...]}
//
// valid is true when no file has an error (warnings allowed).
type validateReport struct {
	Valid bool         `json:"valid"`
	Files []fileReport `json:"files"`
}

// fileReport is one file of a validateReport. Kind is "strategy",
// "portfolio" or "unknown"; Error is set (and Problems empty) when the file
// could not be read.
type fileReport struct {
	File     string          `json:"file"`
	Kind     string          `json:"kind"`
	Valid    bool            `json:"valid"`
	Errors   int             `json:"errors"`
	Warnings int             `json:"warnings"`
	Error    string          `json:"error,omitempty"`
	Problems []problemReport `json:"problems"`
}

// problemReport is a diag.Problem with every field present: line and
// column are 0 when unknown, severity is "error" or "warning".
type problemReport struct {
	File     string    `json:"file"`
	Line     int       `json:"line"`
	Column   int       `json:"column"`
	Pointer  string    `json:"pointer"`
	Rule     diag.Rule `json:"rule"`
	Severity string    `json:"severity"`
	Message  string    `json:"message"`
}

// runValidate is `kompass validate [--strategy FILE] [--format text|json] FILE...`.
// It tells strategy from portfolio files by content and validates each in
// all layers (bytes, JSON Schema, decoding, semantics). A portfolio is
// checked against the --strategy file, or, without one, against the
// embedded BL strategy when it names bl-dt-2026. Exit code: 0 when every
// file is valid (warnings allowed), 1 when any has an error, 2 for a usage
// error or a file that cannot be read. It only reads its files.
func runValidate(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("kompass validate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	strategyFile := fs.String("strategy", "", "the strategy `FILE` portfolios are checked against")
	format := fs.String("format", "text", "output format: text or json")
	fs.Usage = func() {
		fmt.Fprint(stderr, `usage: kompass validate [--strategy FILE] [--format text|json] FILE...

Validates strategy and portfolio files (told apart by their content) in every
layer: bytes, JSON Schema, decoding, and the rules across values. Each
problem prints as file:line:col: /json/pointer: message; at most 1,000 per
file. Exit code 0 when every file is valid (warnings allowed), 1 when any
has an error, 2 for a usage error or a file that cannot be read.

flags:
`)
		fs.PrintDefaults()
	}
	files, err := parseInterleaved(fs, args)
	if err != nil {
		return exitUsage
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "kompass validate: unknown format %q (want text or json)\n", *format)
		return exitUsage
	}
	if len(files) == 0 {
		fs.Usage()
		return exitUsage
	}

	prepareHeap(heapFor(slices.Concat(files, []string{*strategyFile})))
	v := validator{stderr: stderr}
	var reports []fileReport
	if *strategyFile != "" {
		r, s, ok := v.strategyFile(*strategyFile)
		if !ok {
			return exitUsage
		}
		v.given = s
		v.haveGiven = true
		reports = append(reports, r)
	}
	v.collectStrategies(files)
	for _, f := range files {
		if r, ok := v.strategyReports[f]; ok {
			reports = append(reports, r)
			continue
		}
		reports = append(reports, v.file(f))
	}

	out := validateReport{Valid: true, Files: reports}
	for _, r := range reports {
		out.Valid = out.Valid && r.Valid
	}
	if *format == "json" {
		b, err := json.MarshalIndent(out, "", "  ")
		if err != nil {
			fmt.Fprintln(stderr, "kompass validate:", err)
			return exitUsage
		}
		fmt.Fprintf(stdout, "%s\n", b)
	} else {
		writeText(stdout, out)
	}
	switch {
	case v.unreadable:
		return exitUsage
	case !out.Valid:
		return exitInvalid
	}
	return exitOK
}

// validator validates the files of one run.
type validator struct {
	stderr     io.Writer
	given      *strategy.Strategy // the --strategy file's strategy, if it decoded
	haveGiven  bool
	builtin    *strategy.Strategy
	unreadable bool

	// Strategies among the files, by id, and their reports by file name:
	// a portfolio is checked against a strategy given beside it.
	strategies      map[strategy.ID]*strategy.Strategy
	strategyReports map[string]fileReport
	// contents holds what collectStrategies read of the other files, so
	// that each file is read once; read takes it out.
	contents map[string][]byte
}

// collectStrategies validates the strategy files among files first, so
// that portfolios listed before or after them are checked against them.
// Files that cannot be read are left to the main pass, which reports them.
func (v *validator) collectStrategies(files []string) {
	v.strategies = map[strategy.ID]*strategy.Strategy{}
	v.strategyReports = map[string]fileReport{}
	v.contents = map[string][]byte{}
	for _, name := range files {
		data, err := readFile(name)
		if err != nil {
			continue
		}
		if kind, _ := schema.Detect(data); kind != schema.Strategy {
			v.contents[name] = data
			continue
		}
		res := schema.Validate(data, schema.Options{})
		v.strategyReports[name] = summarise(name, res.Kind, res.Problems)
		if res.Strategy != nil && res.Valid() {
			if _, dup := v.strategies[res.Strategy.ID]; !dup {
				v.strategies[res.Strategy.ID] = res.Strategy
			}
		}
	}
}

// readFile reads a file through the size limit: a huge file, or an endless
// stream such as /dev/zero, is read no further than one byte over 32 MiB
// and then refused as too large.
func readFile(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// A regular file is read into a buffer of its size at once, rather
	// than one that doubles as it fills.
	hint := 0
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
		hint = int(min(st.Size(), schema.ReadLimit))
	}
	return readLimited(f, hint)
}

// readLimited reads r up to schema.ReadLimit bytes, into a buffer of hint
// bytes to begin with, backed by huge pages where the system allows: a
// 29 MiB file is then read with a few dozen page faults rather than
// 7,400.
func readLimited(r io.Reader, hint int) ([]byte, error) {
	b := make([]byte, 0, hint+bytes.MinRead)
	_ = hugepage.Advise(b) // advice only
	buf := bytes.NewBuffer(b)
	if _, err := buf.ReadFrom(io.LimitReader(r, schema.ReadLimit)); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// read reads a file, reporting on stderr and marking the run when it cannot.
func (v *validator) read(name string) ([]byte, fileReport, bool) {
	if data, ok := v.contents[name]; ok {
		delete(v.contents, name)
		return data, fileReport{}, true
	}
	data, err := readFile(name)
	if err != nil {
		v.unreadable = true
		fmt.Fprintf(v.stderr, "kompass validate: cannot read %s: %v\n", diag.Escape(name), unwrapPathError(err))
		return nil, fileReport{File: name, Kind: schema.Unknown.String(), Error: err.Error(), Problems: []problemReport{}}, false
	}
	return data, fileReport{}, true
}

func (v *validator) strategyFile(name string) (fileReport, *strategy.Strategy, bool) {
	data, r, ok := v.read(name)
	if !ok {
		return r, nil, false
	}
	res := schema.Validate(data, schema.Options{})
	if res.Kind != schema.Strategy {
		l := res.Problems
		if res.Kind == schema.Portfolio {
			l = diag.List{{Line: 1, Column: 1, Rule: diag.RuleKind, Message: "--strategy names a portfolio file, not a strategy"}}
		}
		return summarise(name, res.Kind, l), nil, true
	}
	return summarise(name, res.Kind, res.Problems), res.Strategy, true
}

func (v *validator) file(name string) fileReport {
	data, r, ok := v.read(name)
	if !ok {
		return r
	}
	res := schema.Validate(data, schema.Options{Lookup: v.lookup})
	return summarise(name, res.Kind, res.Problems)
}

// lookup is the strategy a portfolio naming ref is checked against: the
// --strategy file's, one given beside it, or the built-in BL strategy; an
// error says there is none.
func (v *validator) lookup(ref strategy.ID) (*strategy.Strategy, error) {
	if v.haveGiven {
		return v.given, nil
	}
	if s, ok := v.strategies[ref]; ok {
		return s, nil
	}
	if ref == blStrategyID {
		if v.builtin == nil {
			// The embedded strategy is checked in every layer by the
			// tests of package examples: decoding it is enough here, and
			// spares compiling the strategy schema.
			s, err := strategy.DecodeBytes(examples.StrategyJSON)
			if err == nil {
				if l := s.Validate(); l.HasErrors() {
					err = l
				}
			}
			if err != nil {
				return nil, fmt.Errorf("the built-in strategy is broken: %v", err)
			}
			v.builtin = s
		}
		return v.builtin, nil
	}
	return nil, fmt.Errorf("strategy %s is not built in (only %q is); give its file with --strategy or beside the portfolio to check the goals", diag.Quote(string(ref)), blStrategyID)
}

// summarise summarises the problems of one file.
func summarise(name string, kind schema.Kind, l diag.List) fileReport {
	l.SetFile(name)
	r := fileReport{File: name, Kind: kind.String(), Problems: make([]problemReport, len(l))}
	for i, p := range l {
		switch {
		case p.Rule == diag.RuleTruncated:
			r.Errors += p.Omitted() // counted as errors: the file is invalid either way
		case p.Severity == diag.Warning:
			r.Warnings++
		default:
			r.Errors++
		}
		r.Problems[i] = problemReport{File: p.File, Line: p.Line, Column: p.Column, Pointer: p.Pointer,
			Rule: p.Rule, Severity: p.Severity.String(), Message: p.Message}
	}
	r.Valid = r.Errors == 0
	return r
}

// writeText prints each problem as "file:line:col: /pointer: message", a
// summary line per file, and one for the run when there are several files.
func writeText(w io.Writer, out validateReport) {
	valid := 0
	for _, r := range out.Files {
		if r.Error != "" {
			fmt.Fprintf(w, "%s: cannot read the file\n", diag.Escape(r.File))
			continue
		}
		for _, p := range r.Problems {
			fmt.Fprintln(w, diag.Escape(diag.Problem{File: p.File, Line: p.Line, Column: p.Column, Pointer: p.Pointer,
				Rule: p.Rule, Severity: severity(p.Severity), Message: p.Message}.String()))
		}
		state := "valid"
		if !r.Valid {
			state = "invalid"
		} else {
			valid++
		}
		if r.Kind != schema.Unknown.String() {
			state += " " + r.Kind
		}
		fmt.Fprintf(w, "%s: %s%s\n", diag.Escape(r.File), state, counts(r.Errors, r.Warnings))
	}
	if len(out.Files) > 1 {
		fmt.Fprintf(w, "%d files: %d valid, %d not\n", len(out.Files), valid, len(out.Files)-valid)
	}
}

func severity(s string) diag.Severity {
	if s == "warning" {
		return diag.Warning
	}
	return diag.Error
}

// counts is ", 2 errors, 1 warning" or "".
func counts(errs, warns int) string {
	var parts []string
	if errs > 0 {
		parts = append(parts, plural(errs, "error"))
	}
	if warns > 0 {
		parts = append(parts, plural(warns, "warning"))
	}
	if len(parts) == 0 {
		return ""
	}
	return ": " + strings.Join(parts, ", ")
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// unwrapPathError drops the path from an *os.PathError, which the message
// names already.
func unwrapPathError(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}
