package diag

import (
	"cmp"
	"errors"
	"slices"
	"strconv"
	"strings"
)

// Severity tells errors, which make a file invalid, from warnings, which do not.
type Severity int

const (
	Error   Severity = iota // the file is invalid
	Warning                 // worth fixing; the file is still read
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// MarshalText writes "error" or "warning".
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads "error" or "warning", so that a client can decode
// the problems a Kompass service answers.
func (s *Severity) UnmarshalText(b []byte) error {
	switch string(b) {
	case "error":
		*s = Error
	case "warning":
		*s = Warning
	default:
		return errors.New("unknown severity " + strconv.Quote(string(b)) + " (want error or warning)")
	}
	return nil
}

// Problem is one finding in a data file.
type Problem struct {
	File     string   `json:"file,omitempty"`
	Line     int      `json:"line,omitempty"`   // 1-based; 0 when unknown
	Column   int      `json:"column,omitempty"` // 1-based, in bytes; 0 when unknown
	Pointer  string   `json:"pointer"`          // JSON pointer (RFC 6901) of the offending value; "" is the whole document
	Rule     Rule     `json:"rule"`             // the rule broken, one of Rules
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`

	more int // for RuleTruncated: how many problems were left out
}

// String formats the problem as "file:line:col: /pointer: message", leaving
// out what is unknown, with "warning: " before warnings' messages.
func (p Problem) String() string {
	var b strings.Builder
	if p.Rule == RuleTruncated {
		if p.File != "" {
			b.WriteString(p.File)
			b.WriteString(": ")
		}
		b.WriteString(p.Message)
		return b.String()
	}
	if p.File != "" {
		b.WriteString(p.File)
		b.WriteString(":")
	}
	if p.Line > 0 {
		b.WriteString(strconv.Itoa(p.Line) + ":" + strconv.Itoa(p.Column) + ":")
	}
	if b.Len() > 0 {
		b.WriteString(" ")
	}
	ptr := p.Pointer
	if ptr == "" {
		ptr = "/"
	}
	b.WriteString(ptr)
	b.WriteString(": ")
	if p.Severity == Warning {
		b.WriteString("warning: ")
	}
	b.WriteString(p.Message)
	return b.String()
}

// List is every problem of one run. A List with at least one Error is an error.
type List []Problem

// Error lists the problems, one per line.
func (l List) Error() string {
	s := make([]string, len(l))
	for i, p := range l {
		s[i] = p.String()
	}
	return strings.Join(s, "\n")
}

// HasErrors reports whether l holds a problem of severity Error.
func (l List) HasErrors() bool {
	return slices.ContainsFunc(l, func(p Problem) bool { return p.Severity == Error })
}

// Err returns l as an error when it has errors, and nil otherwise, so
// warnings alone do not fail a caller's `if err != nil`.
func (l List) Err() error {
	if l.HasErrors() {
		return l
	}
	return nil
}

// Sort orders problems by file, position, pointer, rule and message, so that
// output is stable whatever order the checks ran in; RuleTruncated problems
// go last in their file.
func (l List) Sort() {
	slices.SortStableFunc(l, func(a, b Problem) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(b2i(a.Rule == RuleTruncated), b2i(b.Rule == RuleTruncated)),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Column, b.Column),
			cmp.Compare(a.Pointer, b.Pointer),
			cmp.Compare(a.Rule, b.Rule),
			cmp.Compare(a.Message, b.Message),
		)
	})
}

// SetFile sets File on every problem that has none.
func (l List) SetFile(name string) {
	for i := range l {
		if l[i].File == "" {
			l[i].File = name
		}
	}
}

// AsList returns the problems err carries: a List, a single Problem, or
// any other error as one problem of rule RuleUnreadable.
func AsList(err error) List {
	if err == nil {
		return nil
	}
	// errors.AsType, not errors.As: it needs no reflection, which keeps
	// the WebAssembly widget smaller.
	if l, ok := errors.AsType[List](err); ok {
		return l
	}
	if p, ok := errors.AsType[Problem](err); ok {
		return List{p}
	}
	return List{{Rule: RuleUnreadable, Message: err.Error()}}
}

// Error makes a single Problem usable as an error.
func (p Problem) Error() string { return p.String() }

// Pointer builds a JSON pointer from reference tokens, strings or integers
// (another type is written "?"), escaping "~" and "/".
func Pointer(tokens ...any) string {
	var b strings.Builder
	for _, t := range tokens {
		b.WriteByte('/')
		s := token(t)
		s = strings.ReplaceAll(s, "~", "~0")
		s = strings.ReplaceAll(s, "/", "~1")
		b.WriteString(s)
	}
	return b.String()
}

// token writes one reference token of a pointer. It does without fmt,
// which would add about 130 KB to the compressed WebAssembly widget.
func token(t any) string {
	switch v := t.(type) {
	case string:
		return v
	case int:
		return strconv.Itoa(v)
	case int64:
		return strconv.FormatInt(v, 10)
	case int32:
		return strconv.FormatInt(int64(v), 10)
	case uint:
		return strconv.FormatUint(uint64(v), 10)
	case uint64:
		return strconv.FormatUint(v, 10)
	case uint32:
		return strconv.FormatUint(uint64(v), 10)
	}
	return "?"
}

// MaxProblems is the most problems listed for one file; Limit cuts a list
// to it and says how many more there are.
const MaxProblems = 1000

// More is a problem of rule RuleTruncated saying that n more problems were
// found than are listed. Checks that stop listing problems early add one,
// so that Limit can count what they left out.
func More(n int) Problem {
	return Problem{Rule: RuleTruncated, Message: moreMessage(n), more: n}
}

// Omitted is how many problems a RuleTruncated problem stands for; 0 for
// other problems.
func (p Problem) Omitted() int { return p.more }

func moreMessage(n int) string {
	what := "problems"
	if n == 1 {
		what = "problem"
	}
	return strconv.Itoa(n) + " more " + what + " not listed: at most " + strconv.Itoa(MaxProblems) + " are listed per file; fix these and run again"
}

// Limit returns l with at most max problems (MaxProblems if max <= 0), in
// their order, and, when there are more, one RuleTruncated problem at the
// end (with l's first File) that says how many. The RuleTruncated problems
// already in l are counted into it.
func (l List) Limit(max int) List {
	if max <= 0 {
		max = MaxProblems
	}
	more, file := 0, ""
	kept := l[:0:0]
	for _, p := range l {
		if file == "" {
			file = p.File
		}
		if p.Rule == RuleTruncated {
			more += max1(p.more)
			continue
		}
		if len(kept) == max {
			more++
			continue
		}
		kept = append(kept, p)
	}
	if more == 0 {
		return kept
	}
	m := More(more)
	m.File = file
	return append(kept, m)
}

func max1(n int) int {
	if n < 1 {
		return 1
	}
	return n
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
