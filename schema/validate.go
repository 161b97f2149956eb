package schema

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/bl-digital/kompass/diag"
	"github.com/bl-digital/kompass/internal/jsondoc"
	"github.com/bl-digital/kompass/portfolio"
	"github.com/bl-digital/kompass/strategy"
	"github.com/santhosh-tekuri/jsonschema/v5"
)

// ValidateStrategy validates a strategy file in all layers: its bytes, the
// JSON Schema, strict decoding and Strategy.Validate. It returns every
// problem found, sorted, with pointer, line and column, and the decoded
// Strategy, which is nil when the file could not be decoded and may be
// non-nil when the list has errors: check the list with HasErrors.
func ValidateStrategy(data []byte) (*strategy.Strategy, diag.List) {
	doc, l := jsondoc.Check(data, jsondoc.Options{Tree: true})
	if doc == nil {
		return nil, l
	}
	c, err := load()
	if err != nil {
		return nil, append(l, internalProblem(err))
	}
	sl := c.problems(c.strategy, doc.Tree, "")
	s, dl := strategy.Unmarshal(doc.Text)
	l = append(append(l, sl...), dedupe(dl, sl)...)
	if s != nil {
		l = append(l, s.Validate()...)
	}
	jsondoc.Locate(data, l)
	l.Sort()
	return s, l
}

// ValidatePortfolio validates a portfolio file in all layers: its bytes
// (with at most portfolio.MaxMeasures measures), the JSON Schema, strict
// decoding and portfolio.Validate against s. A nil s leaves out the checks
// that need the strategy (goal references, the strategy's id). It returns
// every problem found, sorted, with pointer, line and column, and the
// decoded Portfolio, which is nil when the file could not be decoded and
// may be non-nil when the list has errors: check the list with HasErrors.
//
// The measures are checked against the schema in parallel, on all of
// GOMAXPROCS, while the portfolio is decoded.
func ValidatePortfolio(data []byte, s *strategy.Strategy) (*portfolio.Portfolio, diag.List) {
	// Decoding and the semantic checks need only the text: they run while
	// the bytes are checked and the schema applied, and their result is
	// dropped if the bytes turn out unreadable.
	var p *portfolio.Portfolio
	var dl, vl diag.List
	decoded := make(chan struct{})
	if len(data) <= jsondoc.DefaultMaxSize {
		go func() {
			defer close(decoded)
			if p, dl = portfolio.Unmarshal(bytes.TrimPrefix(data, bom)); p != nil {
				vl = portfolio.Validate(p, s)
			}
		}()
	} else {
		close(decoded)
	}
	doc, l := jsondoc.Check(data, portfolio.CheckOptions(true))
	if doc == nil {
		<-decoded
		return nil, l
	}
	c, err := load()
	if err != nil {
		<-decoded
		return nil, append(l, internalProblem(err))
	}
	sl := c.portfolioProblems(doc.Tree)
	<-decoded
	l = append(append(append(l, sl...), dedupe(dl, sl)...), vl...)
	jsondoc.Locate(data, l)
	l.Sort()
	return p, l
}

// bom is the UTF-8 byte order mark, which jsondoc.Check reports and strips.
var bom = []byte("\xEF\xBB\xBF")

// chunk is how many measures a worker validates at a time.
const chunk = 64

// portfolioProblems validates tree against the portfolio schema: the
// measures item by item on several goroutines, the rest as a whole.
func (c *compiled) portfolioProblems(tree any) diag.List {
	root, ok := tree.(map[string]any)
	measures, ok2 := root["measures"].([]any)
	if !ok || !ok2 || len(measures) < 2*chunk {
		return c.problems(c.portfolio, tree, "")
	}
	shallow := make(map[string]any, len(root))
	for k, v := range root {
		shallow[k] = v
	}
	shallow["measures"] = []any{}
	var (
		mu   sync.Mutex
		all  diag.List
		next atomic.Int64
		wg   sync.WaitGroup
	)
	collect := func(l diag.List) {
		if len(l) > 0 {
			mu.Lock()
			all = append(all, l...)
			mu.Unlock()
		}
	}
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for {
				from := int(next.Add(chunk)) - chunk
				if from >= len(measures) {
					return
				}
				for i := from; i < min(from+chunk, len(measures)); i++ {
					collect(c.problems(c.measure, measures[i], "/measures/"+strconv.Itoa(i)))
				}
			}
		})
	}
	collect(c.problems(c.portfolio, shallow, ""))
	wg.Wait()
	return all
}

// problems validates v against s and turns the leaf errors into problems
// whose pointers start with prefix.
func (c *compiled) problems(s *jsonschema.Schema, v any, prefix string) diag.List {
	err := s.Validate(v)
	if err == nil {
		return nil
	}
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return diag.List{{Pointer: prefix, Rule: diag.RuleSchema, Message: err.Error()}}
	}
	var l diag.List
	var walk func(*jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) == 0 {
			l = append(l, c.explain(e, v, prefix)...)
		}
		for _, cause := range e.Causes {
			walk(cause)
		}
	}
	walk(ve)
	return l
}

// explain turns one leaf error into readable problems.
func (c *compiled) explain(e *jsonschema.ValidationError, root any, prefix string) diag.List {
	loc := unescapeLocation(e.InstanceLocation)
	ptr := prefix + loc
	problem := func(ptr, msg string) diag.Problem {
		return diag.Problem{Pointer: ptr, Rule: diag.RuleSchema, Message: msg}
	}
	keyword := e.KeywordLocation[strings.LastIndexByte(e.KeywordLocation, '/')+1:]
	sch := c.at[strings.TrimSuffix(e.AbsoluteKeywordLocation, "/"+keyword)]
	value, found := resolve(root, loc)
	if sch == nil || !found {
		return diag.List{problem(ptr, e.Message)}
	}
	switch keyword {
	case "additionalProperties":
		obj, _ := value.(map[string]any)
		var l diag.List
		for _, k := range sortedKeys(obj) {
			if _, known := sch.Properties[k]; !known {
				l = append(l, problem(ptr+diag.Pointer(k), fmt.Sprintf("unknown property %q", k)))
			}
		}
		if len(l) > 0 {
			return l
		}
	case "required":
		obj, _ := value.(map[string]any)
		var missing []string
		for _, k := range sch.Required {
			if _, ok := obj[k]; !ok {
				missing = append(missing, strconv.Quote(k))
			}
		}
		switch len(missing) {
		case 0:
		case 1:
			return diag.List{problem(ptr, "missing required property "+missing[0])}
		default:
			return diag.List{problem(ptr, "missing required properties "+strings.Join(missing, ", "))}
		}
	case "enum":
		allowed := make([]string, len(sch.Enum))
		for i, a := range sch.Enum {
			allowed[i] = fmt.Sprint(a)
		}
		return diag.List{problem(ptr, fmt.Sprintf("%s is not one of the allowed values: %s", show(value), strings.Join(allowed, ", ")))}
	case "minItems":
		if arr, ok := value.([]any); ok {
			return diag.List{problem(ptr, fmt.Sprintf("at least %s required, but there are %d", plural(sch.MinItems, "item"), len(arr)))}
		}
	case "pattern":
		switch sch.Pattern.String() {
		case strategy.IDPattern:
			return diag.List{problem(ptr, fmt.Sprintf("%s is not a valid id: it must be a letter or digit, then up to 63 letters, digits, '.', '_' or '-'", show(value)))}
		case strategy.DatePattern:
			return diag.List{problem(ptr, fmt.Sprintf("%s is not a date: it must be YYYY, YYYY-MM or YYYY-MM-DD", show(value)))}
		case "^https://":
			return diag.List{problem(ptr, fmt.Sprintf("%s is not an https URL", show(value)))}
		}
	}
	return diag.List{problem(ptr, e.Message)}
}

// dedupe drops the decoder's problems at pointers at or below a pointer the
// schema reported already: the same defect, found twice.
func dedupe(decoded, schema diag.List) diag.List {
	if len(decoded) == 0 || len(schema) == 0 {
		return decoded
	}
	seen := make(map[string]bool, len(schema))
	for _, p := range schema {
		seen[p.Pointer] = true
	}
	return slices.DeleteFunc(decoded, func(p diag.Problem) bool {
		for ptr := p.Pointer; ; {
			if seen[ptr] {
				return true
			}
			i := strings.LastIndexByte(ptr, '/')
			if i < 0 {
				return false
			}
			ptr = ptr[:i]
		}
	})
}

// resolve finds the value at a JSON pointer in a tree of plain values.
func resolve(v any, ptr string) (any, bool) {
	if ptr == "" {
		return v, true
	}
	for _, tok := range strings.Split(ptr[1:], "/") {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		switch x := v.(type) {
		case map[string]any:
			var ok bool
			if v, ok = x[tok]; !ok {
				return nil, false
			}
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(x) {
				return nil, false
			}
			v = x[i]
		default:
			return nil, false
		}
	}
	return v, true
}

// unescapeLocation undoes the URL escaping the validator applies to the
// reference tokens of instance locations.
func unescapeLocation(loc string) string {
	if !strings.Contains(loc, "%") {
		return loc
	}
	if u, err := url.PathUnescape(loc); err == nil {
		return u
	}
	return loc
}

// show quotes a string value and prints others as JSON.
func show(v any) string {
	switch x := v.(type) {
	case string:
		return strconv.Quote(x)
	case json.Number:
		return x.String()
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

func internalProblem(err error) diag.Problem {
	return diag.Problem{Rule: diag.RuleInternal, Message: "the JSON Schema could not be compiled: " + err.Error()}
}
