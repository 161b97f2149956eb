package report

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
)

// The CSV format, one row per measure, made to open cleanly in Excel with
// Swiss (de-CH) settings:
//
//   - UTF-8 with a byte order mark, ';' between fields, CRLF line ends,
//     fields quoted only where needed (RFC 4180);
//   - a header row of labels in the report's language;
//   - numbers plain, so that Excel reads them as numbers and sums them: no
//     thousands separator, the point as decimal separator (the de-CH
//     decimal sign); amounts in francs with at most two decimals,
//     percentages 0..100 with exactly one decimal and no % sign, CPI and
//     FTE with at most two decimals;
//   - dates as YYYY-MM-DD: the first day of the start's period and the last
//     day of the end's;
//   - lists (focus areas, goals) as ids joined by ", "; the owner as its id;
//   - an unknown figure (no budget, CPI with nothing spent) is the unknown
//     label of the language (k. A., n. d., n/a), never an empty cell or 0,
//     and a measure without savings data says so in its FTE cell; Excel's
//     SUM skips text cells, so columns still sum;
//   - stale and divergent as the words for yes and no;
//   - a text cell that starts with = + - @ or a tab is prefixed with ' so
//     that a title cannot run as a spreadsheet formula.
//
// Columns: id, title, focus areas, goals, owner, status, schedule status,
// progress, planned progress, start, end, budget planned, spent, earned
// value, CPI, FTE, stale, divergent.

// utf8BOM marks the file as UTF-8 for Excel.
const utf8BOM = "\ufeff"

func renderCSV(w io.Writer, v *view) error {
	l := v.L
	if _, err := io.WriteString(w, utf8BOM); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.Comma = ';'
	cw.UseCRLF = true
	header := []string{
		l.Get("id"), l.Get("title"), l.Get("focusAreas"), l.Get("goals"), l.Get("owner"),
		l.Get("lifecycle"), l.Get("schedule"), l.Get("progress"), l.Get("plannedProgress"),
		l.Get("start"), l.Get("end"), l.Get("budgetPlanned"), l.Get("budgetSpent"),
		l.Get("earnedValue"), l.Get("cpi"), l.Get("fteMeasure"), l.Get("stale"), l.Get("divergent"),
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, m := range v.Measures {
		unknown := l.Get("unknown")
		planned, spent := unknown, unknown
		if m.HasBudget {
			planned, spent = plainNumber(m.BudgetPlanned, 2), plainNumber(m.BudgetSpent, 2)
		}
		row := []string{
			csvText(m.ID), csvText(m.Title), csvText(strings.Join(m.FocusAreas, ", ")),
			csvText(strings.Join(m.Goals, ", ")), csvText(m.Owner),
			m.Lifecycle, m.StatusText,
			csvPercent(m.Progress), csvPercent(m.PlannedProgress),
			m.Start, m.End, planned, spent,
			csvNumber(m.EarnedValue, 2, unknown), csvNumber(m.CPI, 2, unknown), csvFTE(&m, l),
			csvBool(m.Stale, l), csvBool(m.Divergent, l),
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// csvText defuses a cell a spreadsheet would read as a formula.
func csvText(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// csvPercent writes a percentage with exactly one decimal.
func csvPercent(p float64) string {
	s := strconv.FormatFloat(p, 'f', 1, 64)
	if s == "-0.0" {
		s = "0.0"
	}
	return s
}

// csvNumber writes a nullable number plainly; nil is the unknown label.
func csvNumber(p *float64, decimals int, unknown string) string {
	if p == nil {
		return unknown
	}
	return plainNumber(*p, decimals)
}

// csvFTE is the measure's FTE, or "no savings data".
func csvFTE(m *measureView, l labels) string {
	if !m.HasSavings {
		return l.Get("noSavings")
	}
	return plainNumber(m.FTE, 2)
}

func csvBool(b bool, l labels) string {
	if b {
		return l.Get("yes")
	}
	return l.Get("no")
}
