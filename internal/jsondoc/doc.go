// Package jsondoc holds the byte-level half of Kompass's validation, shared
// by the strategy and portfolio decoders, the schema validator and the CLI:
//
//   - [Check] reads a JSON document once and reports what is wrong with its
//     bytes: an empty file, a file over the size limit, a UTF-8 byte order
//     mark (a warning; the mark is stripped), invalid UTF-8, syntax errors,
//     duplicate member names, nesting deeper than the limit and arrays with
//     more items than a limit allows. It can build the document's tree of
//     plain values (map[string]any, []any, json.Number, string, bool, nil)
//     in the same pass, ready for a JSON Schema validator.
//   - [Unmarshal] decodes strictly into Go types: unknown members, wrong
//     types and values the types' UnmarshalText methods reject become
//     problems with JSON pointers, and [Isolate] lets decoding go on past a
//     bad element of a list so one run reports every bad element.
//   - [Locate] fills in line and column of problems from their JSON
//     pointers. It scans the document only when there are problems to place.
//
// Every finding is a [diag.Problem] with a JSON pointer and a stable rule
// name: "empty", "too-large", "bom", "utf8", "syntax", "duplicate-key",
// "too-deep", "too-many", "unknown-property", "type" and "value".
//
// The package links no JSON Schema validator, so the WebAssembly widget can
// use it without the weight of one.
package jsondoc
