package schema

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
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
// problem found (at most diag.MaxProblems, then one that says how many
// more), sorted, with pointer, line and column, and the Strategy as far as
// it decoded: nil when the file is not JSON, and possibly non-nil when the
// list has errors: check the list with HasErrors.
func ValidateStrategy(data []byte) (*strategy.Strategy, diag.List) {
	r := validateStrategy(data)
	return r.Strategy, r.Problems
}

// ValidatePortfolio validates a portfolio file in all layers: its bytes
// (with at most portfolio.MaxMeasures measures), the JSON Schema, strict
// decoding and Portfolio.Validate against s. A nil s leaves out the checks
// that need the strategy (goal references, the strategy's id). It returns
// every problem found (at most diag.MaxProblems, then one that says how
// many more), sorted, with pointer, line and column, and the Portfolio as
// far as it decoded: nil when the file is not JSON, and possibly non-nil
// when the list has errors: check the list with HasErrors.
//
// The measures are checked against the schema in parallel, on all of
// GOMAXPROCS, a chunk of measures at a time each, while the portfolio is
// decoded.
func ValidatePortfolio(data []byte, s *strategy.Strategy) (*portfolio.Portfolio, diag.List) {
	r := validatePortfolio(data, s)
	return r.Portfolio, r.Problems
}

// bom is the UTF-8 byte order mark, which jsondoc.Check reports and strips.
var bom = []byte("\xEF\xBB\xBF")

// validateStrategy is ValidateStrategy with a Result.
func validateStrategy(data []byte) Result {
	res := Result{Kind: Strategy}
	if len(data) > jsondoc.DefaultMaxSize {
		res.Problems = tooLarge()
		return res
	}
	doc, bl := jsondoc.Check(data, jsondoc.Options{Tree: true, Number: jsonNumber})
	if doc == nil {
		res.Problems = finish(data, bl)
		return res
	}
	var sl diag.List
	if c, err := loadStrategy(); err != nil {
		sl = diag.List{internalProblem(err)}
	} else {
		sl = c.guarded(c.strategy, doc.Tree, "")
	}
	var dl, vl diag.List
	func() {
		defer recoverAs(&dl, "", "decoding")
		res.Strategy, dl = strategy.Unmarshal(doc.Text)
	}()
	if res.Strategy != nil {
		func() {
			defer recoverAs(&vl, "", "the semantic checks")
			vl = res.Strategy.Validate()
		}()
	}
	res.Problems = finish(data, merge(bl, sl, dl, vl))
	return res
}

// validatePortfolio is ValidatePortfolio with a Result.
//
// The work is spread over the cores in three parts:
//
//   - the byte checks (jsondoc.Check) read the file once, on this
//     goroutine, and hand each measure to the schema workers as soon as
//     it has been checked;
//   - the workers (measureRun, one per core) build the trees of a chunk
//     of measures, apply the schema to them in one call and drop them;
//   - decoding and the semantic checks need only the text: they start
//     when the bytes have been read and two thirds of the measures have
//     been through the schema, so that the rest keeps the other core busy
//     meanwhile. While the trees are built and validated, the garbage
//     collector has the file and little else to mark, and the decoded
//     portfolio is not yet in memory beside them. When the bytes are
//     unreadable, decoding does not start at all (a file of millions of
//     tiny items, refused for having too many, would decode into millions
//     of zero measures), and the workers drop what they have left.
func validatePortfolio(data []byte, s *strategy.Strategy) Result {
	res := Result{Kind: Portfolio}
	if len(data) > jsondoc.DefaultMaxSize {
		res.Problems = tooLarge()
		return res
	}
	var p *portfolio.Portfolio
	var dl, vl diag.List
	var unreadable bool // set before start when decoding is of no use
	startDecode := make(chan struct{})
	start := sync.OnceFunc(func() { close(startDecode) })
	defer start() // never leave the decoder waiting, not even on a panic
	decoded := make(chan struct{})
	go func() {
		defer close(decoded)
		if <-startDecode; unreadable {
			return
		}
		func() {
			defer recoverAs(&dl, "", "decoding")
			p, dl = portfolio.Unmarshal(bytes.TrimPrefix(data, bom))
		}()
		if p != nil {
			defer recoverAs(&vl, "", "the semantic checks")
			dl = append(dl, linkProblems(p)...)
			vl = p.Validate(s)
		}
	}()
	run := newMeasureRun(bytes.TrimPrefix(data, bom), start)
	defer run.abandon() // the workers end, whatever happens here
	doc, bl := jsondoc.Check(data, jsondoc.Options{Tree: true, Number: jsonNumber, Spans: "measures",
		Limits: []jsondoc.Limit{{Member: "measures", Max: portfolio.MaxMeasures}}, OnSpan: run.add})
	if doc == nil {
		run.abandon()
		unreadable = true
		start()
		<-decoded
		res.Problems = finish(data, bl)
		return res
	}
	sl := run.finish(doc)
	start()
	<-decoded
	res.Portfolio = p
	res.Problems = finish(data, merge(bl, sl, dl, vl))
	return res
}

func tooLarge() diag.List {
	return diag.List{{Line: 1, Column: 1, Rule: diag.RuleTooLarge,
		Message: fmt.Sprintf("the file is larger than the limit of %d MiB", jsondoc.DefaultMaxSize>>20)}}
}

// finish places, sorts, escapes and limits the problems of one file.
func finish(data []byte, l diag.List) diag.List {
	jsondoc.Locate(data, l)
	l.Sort()
	l = slices.CompactFunc(l, func(a, b diag.Problem) bool { return a == b })
	l.Escape()
	return l.Limit(0)
}

// recoverAs turns a panic into a problem of rule diag.RuleInternal at ptr,
// appended to l: a bug in Kompass or a library must not end the program
// that validates, nor hide the other problems. Call it deferred.
func recoverAs(l *diag.List, ptr, what string) {
	if r := recover(); r != nil {
		*l = append(*l, panicProblem(r, ptr, what))
	}
}

// panicProblem is the problem of rule diag.RuleInternal that a recovered
// panic r in what becomes, at ptr.
func panicProblem(r any, ptr, what string) diag.Problem {
	return diag.Problem{Pointer: ptr, Rule: diag.RuleInternal,
		Message: fmt.Sprintf("%s failed here (%v): this is a bug in Kompass or a library it uses; please report it with the file", what, diag.Cut(fmt.Sprint(r)))}
}

// chunk is how many measures a worker takes at a time.
const chunk = 64

// decodeAt is the share of the measures that the workers have taken when
// a measureRun calls its start function: the rest keeps them busy about
// as long as decoding and the semantic checks take on another core.
const decodeAt = 2.0 / 3

// portfolioProblems validates the document against the portfolio schema
// as validatePortfolio does, its measures handed to the workers at once:
// the top level without its measures, then each measure on its own, on
// several goroutines. It calls start (which may be nil) once, when
// decodeAt of the measures have been taken.
func (c *compiled) portfolioProblems(doc *jsondoc.Doc, start func()) diag.List {
	run := newMeasureRun(doc.Text, start)
	for i, sp := range doc.Spans {
		run.add(i, sp)
	}
	return run.finish(doc)
}

// measureRun applies the measure schema to the measures of one file on
// several goroutines, a chunk of measures at a time, while they are being
// found (add), and the portfolio schema to the top level (finish). Each
// worker builds the trees of a chunk of measures from their spans,
// validates them (chunkWorker) and drops them, so that the schema layer
// holds a chunk per core, not the file.
type measureRun struct {
	text    []byte         // the document without its byte order mark
	batches chan spanBatch // chunks of measures, in order
	batch   spanBatch      // the chunk being filled by add
	start   func()         // called once decodeAt of the measures are taken
	startAt atomic.Int64   // how many measures taken call start; set by finish
	taken   atomic.Int64   // measures taken by the workers
	stop    atomic.Bool    // drop what is left (abandon)
	closed  sync.Once

	mu   sync.Mutex
	all  diag.List
	more int
	wg   sync.WaitGroup
}

// spanBatch is a chunk of measures: spans[i] is measure first+i.
type spanBatch struct {
	first int
	spans []jsondoc.Span
}

// newMeasureRun starts the workers on the measures of text; start may be
// nil.
func newMeasureRun(text []byte, start func()) *measureRun {
	if start == nil {
		start = func() {}
	}
	r := &measureRun{text: text, start: start,
		batches: make(chan spanBatch, portfolio.MaxMeasures/chunk+2)}
	r.startAt.Store(math.MaxInt64)
	for range runtime.GOMAXPROCS(0) {
		r.wg.Go(r.work)
	}
	return r
}

// add hands the measure of index i to the workers (jsondoc.Options.OnSpan).
func (r *measureRun) add(i int, sp jsondoc.Span) {
	if len(r.batch.spans) == 0 {
		r.batch = spanBatch{first: i, spans: make([]jsondoc.Span, 0, chunk)}
	}
	r.batch.spans = append(r.batch.spans, sp)
	if len(r.batch.spans) == chunk {
		r.flush()
	}
}

func (r *measureRun) flush() {
	if len(r.batch.spans) > 0 {
		r.batches <- r.batch
		r.batch = spanBatch{}
	}
}

// work validates chunks of measures until there are no more.
func (r *measureRun) work() {
	c, err := loadPortfolio() // the first worker compiles the schema while the bytes are read
	if err != nil {
		for range r.batches {
		}
		return // finish reports it
	}
	w := chunkWorker{c: c, b: jsondoc.Builder{Number: jsonNumber}}
	for batch := range r.batches {
		if r.stop.Load() {
			continue // drain
		}
		if taken := r.taken.Add(int64(len(batch.spans))); taken >= r.startAt.Load() {
			r.start()
		}
		r.collect(w.problems(r.text, batch))
	}
}

// chunkWorker validates chunks of measures, one after the other, reusing
// its trees' memory.
type chunkWorker struct {
	c    *compiled
	b    jsondoc.Builder
	ms   []any // the trees of the chunk's measures
	nest [chunkDepth]any
}

// problems validates the measures of batch with the schema chunkDef,
// nested as it wants them: one call of the validator for the chunk. A
// panic (in building a tree or in the validator) has the chunk validated
// again one measure at a time, as measureProblems does, so that the panic
// becomes a problem at its measure.
func (w *chunkWorker) problems(text []byte, batch spanBatch) (l diag.List) {
	panicked := false
	func() {
		defer func() {
			if r := recover(); r != nil {
				panicked = true
			}
		}()
		w.b.Reset()
		w.ms = w.ms[:0]
		for _, sp := range batch.spans {
			w.ms = append(w.ms, w.b.Add(text[sp.Start:sp.End]))
		}
		// [[[ms]]]: the arrays that chunkDef nests the measures in.
		var v any = w.ms
		for i := range chunkDepth - 1 {
			w.nest[i] = []any{v}
			v = w.nest[i]
		}
		l = w.c.chunkErrProblems(validateValue(w.c.chunk, v), w.ms, batch.first)
	}()
	if !panicked {
		clear(w.ms) // let the trees go with the next Reset
		return l
	}
	l = nil
	for j, sp := range batch.spans {
		l = append(l, w.c.measureProblems(&w.b, text[sp.Start:sp.End], batch.first+j)...)
	}
	return l
}

// measureProblems builds the tree of measure i with b and validates it;
// a panic (in building the tree or in the validator) becomes a problem at
// the measure, not the end of the program. The measure's pointer is only
// made for a measure with problems.
func (c *compiled) measureProblems(b *jsondoc.Builder, text []byte, i int) (l diag.List) {
	defer func() {
		if r := recover(); r != nil {
			l = append(l, panicProblem(r, "/measures/"+strconv.Itoa(i), "the JSON Schema validator"))
		}
	}()
	v := b.Value(text)
	err := validateValue(c.measure, v)
	if err == nil {
		return nil
	}
	return c.errProblems(err, v, "/measures/"+strconv.Itoa(i))
}

// collect keeps the problems of one chunk, at most diag.MaxProblems in all.
func (r *measureRun) collect(l diag.List) {
	if len(l) == 0 {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, p := range l {
		switch {
		case p.Rule == diag.RuleTruncated:
			r.more += p.Omitted()
		case len(r.all) < diag.MaxProblems:
			r.all = append(r.all, p)
		default:
			r.more++
		}
	}
}

func (r *measureRun) close() { r.closed.Do(func() { close(r.batches) }) }

// abandon ends the workers without validating what is left, when the
// document turned out unreadable; after finish it does nothing more.
func (r *measureRun) abandon() {
	r.stop.Store(true)
	r.close()
	r.wg.Wait()
}

// finish validates the top level of doc, waits for the workers and returns
// every problem the schema found.
func (r *measureRun) finish(doc *jsondoc.Doc) diag.List {
	r.flush()
	r.close()
	n := int64(float64(len(doc.Spans)) * decodeAt)
	if n < 4*chunk {
		n = 0
	}
	r.startAt.Store(n)
	if r.taken.Load() >= n {
		r.start()
	}
	c, err := loadPortfolio()
	if err != nil {
		r.wg.Wait()
		return diag.List{internalProblem(err)}
	}
	r.collect(c.guarded(c.portfolio, doc.Tree, ""))
	r.wg.Wait()
	all := r.all
	if r.more > 0 {
		all = append(all, diag.More(r.more))
	}
	return all
}

// validateValue applies a compiled schema; tests replace it to make it
// panic.
var validateValue = func(s *jsonschema.Schema, v any) error { return s.Validate(v) }

// guarded is problems, with a panic of the validator turned into a problem
// at prefix.
func (c *compiled) guarded(s *jsonschema.Schema, v any, prefix string) (l diag.List) {
	defer recoverAs(&l, prefix, "the JSON Schema validator")
	return c.problems(s, v, prefix)
}

// problems validates v against s and turns the leaf errors into problems
// whose pointers start with prefix.
func (c *compiled) problems(s *jsonschema.Schema, v any, prefix string) diag.List {
	return c.errProblems(validateValue(s, v), v, prefix)
}

// errProblems turns err, what validating v returned, into problems whose
// pointers start with prefix.
func (c *compiled) errProblems(err error, v any, prefix string) diag.List {
	if err == nil {
		return nil
	}
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return diag.List{{Pointer: prefix, Rule: diag.RuleSchema, Message: diag.Cut(err.Error())}}
	}
	var l diag.List
	for e := range leaves(ve) {
		loc := unescapeLocation(e.InstanceLocation)
		l = append(l, c.explain(e, v, loc, prefix+loc)...)
	}
	return l
}

// chunkErrProblems turns err, what validating the measures ms (measures
// first, first+1, ...) nested as chunkDef wants them returned, into
// problems with the pointers of the measures in the portfolio.
func (c *compiled) chunkErrProblems(err error, ms []any, first int) diag.List {
	if err == nil {
		return nil
	}
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return diag.List{{Pointer: "/measures", Rule: diag.RuleSchema, Message: diag.Cut(err.Error())}}
	}
	var l diag.List
	for e := range leaves(ve) {
		// The location is /0/0/0/j/... for measure j of the chunk.
		loc := unescapeLocation(e.InstanceLocation)
		rest, ok := strings.CutPrefix(loc, strings.Repeat("/0", chunkDepth-1)+"/")
		end := strings.IndexByte(rest, '/')
		if end < 0 {
			end = len(rest)
		}
		j, err := strconv.Atoi(rest[:end])
		if !ok || err != nil || j < 0 || j >= len(ms) {
			// Not inside a measure: never, as the nesting arrays are made here.
			l = append(l, diag.Problem{Pointer: "/measures", Rule: diag.RuleSchema, Message: e.Message})
			continue
		}
		loc = rest[end:]
		l = append(l, c.explain(e, ms[j], loc, "/measures/"+strconv.Itoa(first+j)+loc)...)
	}
	return l
}

// leaves yields the errors without causes below e, depth first.
func leaves(e *jsonschema.ValidationError) func(yield func(*jsonschema.ValidationError) bool) {
	return func(yield func(*jsonschema.ValidationError) bool) {
		var walk func(*jsonschema.ValidationError) bool
		walk = func(e *jsonschema.ValidationError) bool {
			if len(e.Causes) == 0 {
				return yield(e)
			}
			for _, cause := range e.Causes {
				if !walk(cause) {
					return false
				}
			}
			return true
		}
		walk(e)
	}
}

// explain turns one leaf error into readable problems: loc is the
// location of the value in root, ptr its pointer in the file.
func (c *compiled) explain(e *jsonschema.ValidationError, root any, loc, ptr string) diag.List {
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
				l = append(l, problem(ptr+diag.Pointer(k), "unknown property "+diag.Quote(k)))
			}
		}
		if len(l) > diag.MaxProblems {
			l = append(l[:diag.MaxProblems], diag.More(len(l)-diag.MaxProblems))
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
		case linkPattern:
			return diag.List{problem(ptr, fmt.Sprintf("the link %s is not an https:// URL with a host (https://www.bl.ch/...) nor a mailto: address (mailto:name@bl.ch)", show(value)))}
		case strategy.VisiblePattern:
			return diag.List{problem(ptr, "the German text (de) is empty or only white space: every reader falls back to it, so it must hold visible text")}
		}
	}
	return diag.List{problem(ptr, e.Message)}
}

// linkPattern is the pattern of a link URL in the schema.
const linkPattern = `^(https://[^/?#@:\s]+|mailto:[^@\s]+@[^@\s]+)`

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
		return diag.Quote(x)
	case json.Number:
		return diag.Cut(x.String())
	}
	b, err := json.Marshal(v)
	if err != nil {
		return diag.Cut(fmt.Sprint(v))
	}
	return diag.Cut(string(b))
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

// jsonNumber keeps a number of the tree exact, as the JSON Schema
// validator reads it.
func jsonNumber(literal string) any { return json.Number(literal) }
