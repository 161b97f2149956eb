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
// (strategy.Beneficiaries, portfolio.Statuses, strategy.IDPattern, ...),
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
// ValidateStrategy and ValidatePortfolio run every layer, in this order,
// and report every problem of all of them in one sorted diag.List:
//
//  1. bytes: size (32 MiB), empty file, UTF-8, byte order mark (a warning),
//     syntax, duplicate member names, nesting (64), and at most 100,000
//     measures, building the document's tree of plain values in the same
//     pass;
//  2. the JSON Schema, applied to that tree with
//     github.com/santhosh-tekuri/jsonschema/v5 (rule "schema"; the measures
//     of a large portfolio in parallel);
//  3. strict decoding into the Go types (rules "unknown-property", "type",
//     "value"), whose problems are dropped where the schema found the same
//     defect already;
//  4. the semantic checks of strategy.Strategy.Validate and
//     portfolio.Validate (references, duplicate ids, cycles, dates,
//     status/progress), which run whenever decoding succeeds.
//
// Every problem has its JSON pointer, rule, line and column. A document
// that fails the byte checks stops there. Detect tells a strategy from a
// portfolio by content, for tools that take either.
//
// The WebAssembly widget does not link this package: it uses
// strategy.Decode and portfolio.Decode, which run layers 1, 3 and 4 without
// the weight of a JSON Schema validator.
package schema
