package schema

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/bl-digital/kompass/schema/internal/gen"
	"github.com/santhosh-tekuri/jsonschema/v5"
)

// The committed schema files, generated from the Go types by go generate.
var (
	//go:embed strategy.schema.json
	StrategyJSON []byte
	//go:embed portfolio.schema.json
	PortfolioJSON []byte
)

// URLs are the schemas' $id values.
const (
	StrategyURL  = gen.BaseURL + gen.StrategyFile
	PortfolioURL = gen.BaseURL + gen.PortfolioFile
)

// compiled holds the schemas compiled once, and every compiled (sub)schema
// by its location, to explain errors.
type compiled struct {
	strategy, portfolio, measure *jsonschema.Schema
	// chunk is the measure schema nested chunkDepth arrays deep, for a
	// chunk of measures validated at once (see chunkDef).
	chunk *jsonschema.Schema
	at    map[string]*jsonschema.Schema
}

// chunkDef is a definition that the portfolio schema compiled for
// validation has beside those of the committed file: a measure's schema
// nested chunkDepth arrays deep. A worker validates a chunk of measures
// at once as [[[[m0, m1, ...]]]]: the same measure schema applied to each,
// with the same errors and messages, but each measure's values chunkDepth
// levels deeper in the validator's dynamic scope. The validator appends
// to that scope for every value it visits, and where the scope's array
// is full it allocates a new one: nested this deep, the arrays of a
// measure's members and their children have room to spare (9 % fewer
// allocations and 13 % fewer bytes per measure, BenchmarkMeasureSchema).
const chunkDef = "kompassMeasureChunk"

// chunkDepth is how many arrays deep chunkDef nests the measure schema.
const chunkDepth = 4

// chunkSchema is the JSON of chunkDef's definition.
func chunkSchema() map[string]any {
	var v any = map[string]any{"$ref": "#/$defs/Measure"}
	for range chunkDepth {
		v = map[string]any{"items": v}
	}
	return v.(map[string]any)
}

// The schemas are compiled once, when first needed, each on its own: a
// run that validates portfolios does not wait for the strategy schema.
var (
	loadStrategy = sync.OnceValues(func() (*compiled, error) {
		c, err := compile(StrategyURL, StrategyJSON, nil) // no definition compiled on its own
		if err != nil {
			return nil, err
		}
		out := compiled{at: make(map[string]*jsonschema.Schema)}
		if out.strategy, err = c.Compile(StrategyURL); err != nil {
			return nil, err
		}
		out.index(out.strategy)
		return &out, nil
	})
	loadPortfolio = sync.OnceValues(compilePortfolio)
)

// compilePortfolio compiles the portfolio schema, its measure schema and
// chunkDef.
func compilePortfolio() (*compiled, error) {
	c, err := compile(PortfolioURL, PortfolioJSON, map[string]any{chunkDef: chunkSchema()}, "Measure", chunkDef)
	if err != nil {
		return nil, err
	}
	out := compiled{at: make(map[string]*jsonschema.Schema)}
	if out.portfolio, err = c.Compile(PortfolioURL); err != nil {
		return nil, err
	}
	if out.measure, err = c.Compile(PortfolioURL + "#/$defs/Measure"); err != nil {
		return nil, err
	}
	if out.chunk, err = c.Compile(PortfolioURL + "#/$defs/" + chunkDef); err != nil {
		return nil, err
	}
	out.index(out.portfolio)
	out.index(out.measure)
	out.index(out.chunk)
	return &out, nil
}

// compile returns a compiler that holds the schema document b of the
// given URL, with the definitions of defs added and its references
// inlined, and of the definitions only those named in keep (see
// inlineRefs).
func compile(url string, b []byte, defs map[string]any, keep ...string) (*jsonschema.Compiler, error) {
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	b, err := inlineRefs(b, defs, keep...)
	if err != nil {
		return nil, fmt.Errorf("schema %s: %w", url, err)
	}
	if err := c.AddResource(url, bytes.NewReader(b)); err != nil {
		return nil, fmt.Errorf("schema %s: %w", url, err)
	}
	return c, nil
}

// inlineRefs returns the schema document b with every reference to one of
// its own $defs replaced by a copy of the definition, and without
// descriptions. It accepts and rejects exactly the same documents, but the
// validator, which allocates for every schema it steps into, validates a
// portfolio about twice as fast without the indirections. Of the
// definitions, only those named in keep stay, so that they can still be
// compiled on their own; with none named, none stays. The others are of
// no use once inlined, and the compiler would check each against the
// meta-schema and compile its patterns all the same.
func inlineRefs(b []byte, extra map[string]any, keep ...string) ([]byte, error) {
	var doc map[string]any
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		return nil, err
	}
	defs, _ := doc["$defs"].(map[string]any)
	if len(extra) > 0 {
		if defs == nil {
			defs = map[string]any{}
			doc["$defs"] = defs
		}
		for name, def := range extra {
			if _, taken := defs[name]; taken {
				return nil, fmt.Errorf("$defs/%s is defined already", name)
			}
			defs[name] = def
		}
	}
	var inline func(v any, depth int) (any, error)
	inline = func(v any, depth int) (any, error) {
		if depth > 32 {
			return nil, fmt.Errorf("$defs nested too deep (recursive?)")
		}
		switch x := v.(type) {
		case map[string]any:
			if ref, ok := x["$ref"].(string); ok && strings.HasPrefix(ref, "#/$defs/") {
				def, found := defs[strings.TrimPrefix(ref, "#/$defs/")]
				siblings := len(x) == 1 || len(x) == 2 && x["description"] != nil
				if found && siblings {
					return inline(def, depth+1)
				}
			}
			out := make(map[string]any, len(x))
			for k, sub := range x {
				if k == "description" {
					if _, isString := sub.(string); isString {
						continue // an annotation; "description" as a property name is a schema
					}
				}
				var err error
				if out[k], err = inline(sub, depth+1); err != nil {
					return nil, err
				}
			}
			return out, nil
		case []any:
			out := make([]any, len(x))
			for i, sub := range x {
				var err error
				if out[i], err = inline(sub, depth+1); err != nil {
					return nil, err
				}
			}
			return out, nil
		}
		return v, nil
	}
	out, err := inline(doc, 0)
	if err != nil {
		return nil, err
	}
	if outDefs, ok := out.(map[string]any)["$defs"].(map[string]any); ok {
		for name := range outDefs {
			if !slices.Contains(keep, name) {
				delete(outDefs, name)
			}
		}
	}
	return json.Marshal(out)
}

// index records s and every schema below it by location.
func (c *compiled) index(s *jsonschema.Schema) {
	if s == nil || c.at[s.Location] != nil {
		return
	}
	c.at[s.Location] = s
	c.index(s.Ref)
	c.index(s.Items2020)
	c.index(s.Not)
	c.index(s.If)
	c.index(s.Then)
	c.index(s.Else)
	if sub, ok := s.Items.(*jsonschema.Schema); ok {
		c.index(sub)
	}
	if sub, ok := s.AdditionalProperties.(*jsonschema.Schema); ok {
		c.index(sub)
	}
	for _, list := range [][]*jsonschema.Schema{s.AllOf, s.AnyOf, s.OneOf, s.PrefixItems} {
		for _, sub := range list {
			c.index(sub)
		}
	}
	for _, sub := range s.Properties {
		c.index(sub)
	}
}
