// Package schema validates Kompass's data files in every layer and holds
// their JSON Schemas.
//
// # Schemas
//
// strategy.schema.json and portfolio.schema.json (JSON Schema draft 2020-12)
// are generated from the Go types of packages strategy and portfolio by
// github.com/invopop/jsonschema, with descriptions from the types' doc
// comments, and committed next to this file; run "go generate ./..." after
// changing the types (a test fails until the files match).
//
// The schemas of the vocabulary types (strategy.ID, Date, Text,
// Beneficiary and portfolio's enums) live in the generator
// (schema/internal/gen), built from the exported value lists and patterns
// (strategy.Beneficiaries(), portfolio.Statuses(), strategy.IDPattern, ...),
// not in JSONSchema methods on the types as STYLE.md would suggest: such a
// method makes every importer of strategy or portfolio link invopop and its
// dependencies (YAML, ordered maps, a JSON parser), about 240 KB of the
// WebAssembly widget after brotli, whose size budget wins here. They are embedded as StrategyJSON and
// PortfolioJSON and published under the $id values StrategyURL and
// PortfolioURL (https://kompass.bl-digital.ch/schema/...). Every object is
// closed (additionalProperties false) except "extensions", which is free for
// users, and a top-level "$schema" is allowed for editors.
//
// # Validation
//
// Validate takes a file of either kind, told by its content (Detect), and
// is what `kompass validate` and the example service run;
// ValidateStrategy and ValidatePortfolio take a file of a known kind. They
// run every layer and report every problem of all of them in one sorted
// diag.List:
//
//  1. bytes: size (32 MiB), empty file, encoding (UTF-16 and Latin-1 named
//     once), UTF-8, byte order mark (a warning), syntax (in plain words),
//     numbers (at most 100 characters, finite in a float64), duplicate
//     member names, nesting (64), and at most 100,000 measures;
//  2. the JSON Schema, applied with github.com/santhosh-tekuri/jsonschema/v5
//     (rule "schema"): the top level, then each measure on its own, its tree
//     built and dropped in turn, on all of GOMAXPROCS, each measure as
//     soon as layer 1 has read it;
//  3. strict decoding into the Go types (rules "unknown-property", "type",
//     "value", "text"), which reads on past every bad value, and the link
//     URLs checked with net/url (rule "link");
//  4. the semantic checks of Strategy.Validate and Portfolio.Validate
//     (references, duplicate ids, cycles, dates, status/progress), on all
//     that decoded.
//
// A problem in one measure hides nothing of another, nor of its own other
// fields; the same defect found by two layers at the same pointer is
// reported once. Every problem has its JSON pointer, rule (a diag.Rule),
// line and column; at most diag.MaxProblems are listed, then one that says
// how many more; values quoted in messages are cut to 80 characters and
// control characters escaped. Only a syntax error, an encoding other than
// UTF-8 or a limit stops reading early. Nothing panics: a panic inside the
// JSON Schema library, on any goroutine, becomes a problem of rule
// "internal" of that file.
//
// The data format is described in docs/format.md and every rule, with an
// example of its message, in docs/validation.md.
//
// The WebAssembly widget does not link this package: it uses
// strategy.Decode and portfolio.Decode (layers 1 and 3) and the Validate
// methods (layer 4), without the weight of a JSON Schema validator.
package schema
