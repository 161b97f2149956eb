// Package jsondoc holds the byte-level half of Kompass's validation, shared
// by the strategy and portfolio decoders, the schema validator and the CLI:
//
//   - [Check] reads a JSON document once and reports what is wrong with its
//     bytes: an empty file, a file over the size limit, a UTF-8 byte order
//     mark (a warning; the mark is stripped), invalid UTF-8, syntax errors,
//     duplicate member names, nesting deeper than the limit and arrays with
//     more items than a limit allows. It can build the document's tree of
//     plain values (map[string]any, []any, numbers (json.Number when the caller asks), string, bool, nil)
//     in the same pass, ready for a JSON Schema validator.
//   - [Reader] is what the hand-written, reflection-free decoders of the
//     strategy and portfolio packages read with: each read names the JSON
//     type it wants, and unknown members, values of the wrong JSON type
//     and values the decoder rejects become problems with JSON pointers,
//     lines and columns. Reading goes on after them, so one pass reports
//     every problem.
//   - [Locate] fills in line and column of problems from their JSON
//     pointers. It scans the document only when there are problems to place.
//
// Every finding is a [diag.Problem] with a JSON pointer and a stable rule
// name: "empty", "too-large", "bom", "utf8", "syntax", "duplicate-key",
// "too-deep", "too-many", "unknown-property", "type" and "value".
//
// The package has its own small JSON lexer and uses no reflection, no JSON
// decoder (not even encoding/json: the tree's numbers are made by a function of the caller's) and no
// JSON Schema validator, so that the WebAssembly widget can use it at
// little cost in size. Its syntax error messages
// follow those of encoding/json/v2's jsontext.
package jsondoc
