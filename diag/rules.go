package diag

// Rule names the rule a Problem breaks. Every rule Kompass reports is one of
// the constants below, and `kompass validate --format json` prints only
// these names; they are stable, so tools may match on them. The rules are
// grouped by the layer that finds them, in the order the layers run.
type Rule string

func (r Rule) String() string { return string(r) }

// Byte layer: what is wrong with the file's bytes, found before anything
// else reads them.
const (
	// RuleUnreadable: the file could not be read at all (an I/O error, or
	// an error that carries no problem list).
	RuleUnreadable Rule = "unreadable"
	// RuleEmpty: the file is empty or holds only white space.
	RuleEmpty Rule = "empty"
	// RuleTooLarge: the file is larger than 32 MiB.
	RuleTooLarge Rule = "too-large"
	// RuleBOM: the file starts with a UTF-8 byte order mark (a warning; the
	// mark is ignored).
	RuleBOM Rule = "bom"
	// RuleEncoding: the file is not UTF-8 but UTF-16 or Latin-1 /
	// Windows-1252; it should be saved as UTF-8. Reported once per file.
	RuleEncoding Rule = "encoding"
	// RuleUTF8: a string holds bytes that are not valid UTF-8.
	RuleUTF8 Rule = "utf8"
	// RuleSyntax: the file is not JSON (a missing comma, a trailing comma,
	// a comment, an unquoted key, ...). The first syntax error ends reading.
	RuleSyntax Rule = "syntax"
	// RuleNumber: a number literal longer than 100 characters or out of
	// the range of a float64 (1e400, 1e-10000000).
	RuleNumber Rule = "number"
	// RuleDuplicateKey: an object names the same member twice.
	RuleDuplicateKey Rule = "duplicate-key"
	// RuleTooDeep: objects and arrays nested deeper than 64 levels.
	RuleTooDeep Rule = "too-deep"
	// RuleTooMany: a portfolio with more than 100,000 measures.
	RuleTooMany Rule = "too-many"
	// RuleKind: a file that is neither a strategy (with "focusAreas") nor a
	// portfolio (with "measures").
	RuleKind Rule = "kind"
)

// Schema and decoding: the shape of the data.
const (
	// RuleSchema: the JSON Schema rejects a value (a missing required
	// property, a value out of range, a value not in an enumeration, a
	// malformed id or date, ...).
	RuleSchema Rule = "schema"
	// RuleUnknownProperty: a member that the format does not define
	// (allowed only under "extensions" and as the top-level "$schema").
	RuleUnknownProperty Rule = "unknown-property"
	// RuleType: a value of the wrong JSON type (a string where a number
	// belongs, ...).
	RuleType Rule = "type"
	// RuleValue: a value of the right type that the decoder rejects: an
	// unknown enum value, a date that does not exist.
	RuleValue Rule = "value"
	// RuleText: a multilingual text whose "de" holds no visible text.
	RuleText Rule = "text"
	// RuleLink: a link URL that is not https:// with a host, nor mailto:
	// with an address.
	RuleLink Rule = "link"
)

// Semantics: what the data says, across values.
const (
	// RuleDuplicateID: an id used twice within its kind (goal ids across
	// the whole strategy).
	RuleDuplicateID Rule = "duplicate-id"
	// RuleStrategyUnknown: a portfolio names a strategy that is neither
	// built in nor given, so its goal references cannot be checked.
	RuleStrategyUnknown Rule = "strategy-unknown"
	// RuleStrategyMismatch: a portfolio's "strategy" is not the id of the
	// strategy it is checked against.
	RuleStrategyMismatch Rule = "strategy-mismatch"
	// RuleUnknownGoal: a measure's goal that is no goal of the strategy.
	RuleUnknownGoal Rule = "unknown-goal"
	// RuleUnknownOwner: a measure's owner that is no organisation of the
	// portfolio.
	RuleUnknownOwner Rule = "unknown-owner"
	// RuleUnknownMeasure: a dependsOn entry that is no measure of the
	// portfolio.
	RuleUnknownMeasure Rule = "unknown-measure"
	// RuleDependencyCycle: measures that depend on each other in a circle,
	// named in full.
	RuleDependencyCycle Rule = "dependency-cycle"
	// RuleEndBeforeStart: an end before its start (a measure's dates, a
	// strategy's period).
	RuleEndBeforeStart Rule = "end-before-start"
	// RuleProgressStatus: a progress that contradicts the status (planned
	// with progress > 0, completed with progress < 100), or is missing.
	RuleProgressStatus Rule = "progress-status"
	// RuleIndicatorTarget: an indicator whose target equals its baseline.
	RuleIndicatorTarget Rule = "indicator-target"
)

// Reporting itself.
const (
	// RuleTruncated: the file has more problems than are listed (at most
	// MaxProblems per file); the message says how many more.
	RuleTruncated Rule = "truncated"
	// RuleInternal: Kompass or a library it uses failed on this file (a
	// panic, turned into a problem); please report it with the file.
	RuleInternal Rule = "internal"
)

// Workbooks (kompass sheet import): problems only a spreadsheet has. The
// portfolio a workbook becomes is checked with the rules above.
const (
	// RuleWorkbook: the file is not an .xlsx workbook written by kompass
	// sheet export, or lacks one of its sheets.
	RuleWorkbook Rule = "workbook"
	// RuleCell: a cell's value cannot be read as its column's type (a
	// number, a date, yes/no, a value of the dropdown, a JSON object).
	RuleCell Rule = "cell"
	// RuleColumn: a column's property (row 2) is unknown, or given twice.
	RuleColumn Rule = "column"
	// RuleRowKey: a row names a measure or an indicator that the workbook
	// does not have.
	RuleRowKey Rule = "row-key"
	// RuleConflict: two workbooks change the same measure, or describe
	// different portfolios.
	RuleConflict Rule = "conflict"
)

// Rules returns every rule, in the order of the layers that report them.
// The slice is new on each call.
func Rules() []Rule {
	return []Rule{
		RuleUnreadable, RuleEmpty, RuleTooLarge, RuleBOM, RuleEncoding, RuleUTF8, RuleSyntax,
		RuleNumber, RuleDuplicateKey, RuleTooDeep, RuleTooMany, RuleKind,
		RuleSchema, RuleUnknownProperty, RuleType, RuleValue, RuleText, RuleLink,
		RuleDuplicateID, RuleStrategyUnknown, RuleStrategyMismatch, RuleUnknownGoal,
		RuleUnknownOwner, RuleUnknownMeasure, RuleDependencyCycle, RuleEndBeforeStart,
		RuleProgressStatus, RuleIndicatorTarget,
		RuleTruncated, RuleInternal,
		RuleWorkbook, RuleCell, RuleColumn, RuleRowKey, RuleConflict,
	}
}

// Known reports whether r is one of Rules.
func (r Rule) Known() bool {
	for _, k := range Rules() {
		if k == r {
			return true
		}
	}
	return false
}
