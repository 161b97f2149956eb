package sheet

import (
	"bytes"
	"strings"
	"testing"

	"github.com/bl-digital/kompass/examples"
	"github.com/bl-digital/kompass/internal/golden"
	"github.com/bl-digital/kompass/schema"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

// edit is a change a steward makes: the cell in the column whose row 2
// reads ptr, in the given row of a sheet.
type edit struct {
	sheet string
	row   int
	ptr   string
	value any
}

// cellOf finds the cell of ptr's column in row.
func cellOf(t testing.TB, f *excelize.File, sheet, ptr string, row int) string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(rows), 2, sheet)
	for i, h := range rows[1] {
		if h == ptr {
			c, _ := excelize.CoordinatesToCellName(i+1, row)
			return c
		}
	}
	t.Fatalf("no column %q on sheet %s", ptr, sheet)
	return ""
}

// editBook applies edits to a workbook and returns its bytes.
func editBook(t testing.TB, wb []byte, edits ...edit) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(wb))
	require.NoError(t, err)
	defer f.Close()
	for _, e := range edits {
		require.NoError(t, f.SetCellValue(e.sheet, cellOf(t, f, e.sheet, e.ptr, e.row), e.value))
	}
	var buf bytes.Buffer
	require.NoError(t, f.Write(&buf))
	return buf.Bytes()
}

func format(l interface{ Error() string }) string { return l.Error() + "\n" }

// TestProblemsGolden: a steward's mistakes are each reported at their
// sheet and cell, with the pointer into the portfolio and a plain message.
func TestProblemsGolden(t *testing.T) {
	s := blStrategy(t)
	p, l := schema.ValidatePortfolio(examples.PortfolioJSON, s)
	require.False(t, l.HasErrors())
	wb := exportBytes(t, p, s, ExportOptions{Lang: "de"})
	bad := editBook(t, wb,
		edit{"Massnahmen", 3, "progress", 120},
		edit{"Massnahmen", 4, "start", "31.13.2026"},
		edit{"Massnahmen", 5, "budget/planned", "1'200'0"},
		edit{"Massnahmen", 6, "budget/spent", "1,5"},
		edit{"Massnahmen", 7, "status", "fertig"},
		edit{"Massnahmen", 8, "goals/0", "GK9"},
		edit{"Massnahmen", 9, "owner", "XYZ"},
		edit{"Massnahmen", 10, "end", "2020"},
		edit{"Massnahmen", 11, "extensions", "{broken"},
		edit{"Massnahmen", 12, "title/de", ""},
		edit{"Indikatoren", 3, "$measure", "NOPE"},
		edit{"Meilensteine", 3, "done", "vielleicht"},
	)
	_, l = Build([]*Book{Read("BKSD.xlsx", bytes.NewReader(bad))}, nil, s)
	require.True(t, l.HasErrors())
	got := format(l)
	golden.Check(t, "testdata/problems.golden", []byte(got))
	for _, line := range strings.Split(strings.TrimSpace(got), "\n") {
		require.True(t, strings.HasPrefix(line, "BKSD.xlsx:"), "every problem names the workbook: %s", line)
		require.Contains(t, line, "!", "every problem names a cell: %s", line)
	}
}
