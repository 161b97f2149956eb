package schema

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bl-digital/kompass/diag"
	"github.com/bl-digital/kompass/examples"
	"github.com/bl-digital/kompass/portfolio"
	"github.com/bl-digital/kompass/strategy"
)

// FuzzValidatePortfolio: validation never panics, places every problem,
// sorts them, and is stricter than decoding alone.
func FuzzValidatePortfolio(f *testing.F) {
	f.Add(examples.PortfolioJSON)
	f.Add(generatePortfolio(3))
	files, _ := filepath.Glob(filepath.Join("..", "cmd", "kompass", "testdata", "validate", "*.json"))
	for _, name := range files {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	s, err := strategy.DecodeBytes(examples.StrategyJSON)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, l := ValidatePortfolio(data, s)
		for _, pr := range l {
			if pr.Line < 1 || pr.Column < 1 {
				t.Fatalf("problem without position: %+v", pr)
			}
		}
		sorted := slices.Clone(l)
		sorted.Sort()
		if !slices.Equal(l, sorted) {
			t.Fatal("problems not sorted")
		}
		if l.HasErrors() {
			return
		}
		if p == nil {
			t.Fatal("valid without a portfolio")
		}
		if _, err := portfolio.DecodeBytes(data); err != nil {
			t.Fatalf("valid for the schema pipeline, but Decode fails: %v", diag.AsList(err))
		}
	})
}

// FuzzValidate runs the whole pipeline of `kompass validate` on any input:
// it never panics (nor reports a panic it caught, rule internal), gives
// every problem a known rule and a position, lists at most
// diag.MaxProblems and a count, and lets no control character through.
// Its seeds are heavy in numbers, encodings and keys, where the crashes
// and blow-ups were.
func FuzzValidate(f *testing.F) {
	for _, seed := range fuzzSeeds() {
		f.Add(seed)
	}
	s, err := strategy.DecodeBytes(examples.StrategyJSON)
	if err != nil {
		f.Fatal(err)
	}
	lookup := func(id strategy.ID) (*strategy.Strategy, error) {
		if id == s.ID {
			return s, nil
		}
		return nil, errors.New("unknown strategy")
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		res := Validate(data, Options{Lookup: lookup})
		checkResult(t, res)
	})
}

// checkResult checks what every Result must be.
func checkResult(t *testing.T, res Result) {
	t.Helper()
	l := res.Problems
	if len(l) > diag.MaxProblems+1 {
		t.Fatalf("%d problems listed", len(l))
	}
	for i, p := range l {
		switch {
		case p.Rule == diag.RuleInternal:
			t.Fatalf("a panic was caught: %+v", p)
		case !p.Rule.Known():
			t.Fatalf("a problem of an undocumented rule: %+v", p)
		case p.Rule == diag.RuleTruncated && i != len(l)-1:
			t.Fatalf("the count of problems not listed is not last: %+v", l)
		case p.Rule != diag.RuleTruncated && (p.Line < 1 || p.Column < 1):
			t.Fatalf("problem without position: %+v", p)
		case diag.Escape(p.Message) != p.Message || diag.Escape(p.Pointer) != p.Pointer:
			t.Fatalf("a control character in %+v", p)
		case utf8.RuneCountInString(p.Message) > 600:
			t.Fatalf("a message of %d characters: %.200s", len(p.Message), p.Message)
		}
	}
	if res.Valid() && res.Kind == Portfolio && res.Portfolio == nil {
		t.Fatal("a valid portfolio without its Portfolio")
	}
}

// fuzzSeeds are the CLI's test files and small inputs heavy in numbers,
// encodings and keys. Large files are left out: the fuzzer minimises
// what it finds, and a large input takes it minutes per finding. Large
// portfolios are tested apart (TestParallelSchemaEqualsSequential,
// TestCrashRegressions).
func fuzzSeeds() [][]byte {
	seeds := [][]byte{generatePortfolio(3)}
	files, _ := filepath.Glob(filepath.Join("..", "cmd", "kompass", "testdata", "validate", "*.json"))
	for _, name := range files {
		if b, err := os.ReadFile(name); err == nil {
			seeds = append(seeds, b)
		}
	}
	base := string(generatePortfolio(2))
	for _, num := range []string{"1e400", "-1e400", "1e-10000000", "1e10000000", "0e-99999", "4.9e-324", "1.7976931348623157e308",
		"-0", "1" + strings.Repeat("0", 120), "0." + strings.Repeat("1", 99), "123456789012345678901234567890"} {
		seeds = append(seeds,
			[]byte(strings.Replace(base, `"progress": 7`, `"progress": `+num, 1)),
			[]byte(strings.Replace(base, `"id": "M1",`, `"id": "M1", "weight": `+num+`, "savings": {"people": `+num+`, "minutesPerDay": `+num+`},`, 1)),
			[]byte(`{"focusAreas": [], "period": {"start": `+num+`, "end": `+num+`}}`))
	}
	utf16 := func(s string, bigEndian, withBOM bool) []byte {
		var b []byte
		if withBOM {
			b = []byte{0xFF, 0xFE}
			if bigEndian {
				b = []byte{0xFE, 0xFF}
			}
		}
		for _, r := range s {
			if bigEndian {
				b = append(b, 0, byte(r))
			} else {
				b = append(b, byte(r), 0)
			}
		}
		return b
	}
	small := `{"measures": [], "id": "p"}`
	seeds = append(seeds, utf16(small, false, true), utf16(small, true, false), utf16(small, false, false),
		[]byte(strings.Replace(base, "Massnahme 0", "Massnahme \xe9t\xe9 \x93x\x94", 1)),
		[]byte("\xEF\xBB\xBF"+base), []byte(strings.Replace(base, "Massnahme 1", "Massnahme \x1b[31m\x07", 1)))
	var keys strings.Builder
	keys.WriteString(`{"measures": [{"id": "M"`)
	for i := range 50 {
		fmt.Fprintf(&keys, `, "k%d": {"x": 1}, "k%d": 2`, i, i)
	}
	keys.WriteString(`}], "x\u001b": 1, "a/b~c": 2, "": 3}`)
	seeds = append(seeds, []byte(keys.String()),
		[]byte(`{"measures": [{"links": [{"title": {"de": " "}, "url": "https://"}, {"title": {"de": "x"}, "url": "mailto:"}]}]}`),
		[]byte(`{"measures": [1, "x", null, [], {"id": 1}], "organisations": {"x": 1}}`),
		[]byte(`{"measures": [{"id": "a",}], // c`+"\n"+`}`), []byte(`{'measures': []}`), []byte(`{measures: [01]}`))
	return seeds
}
