package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bl-digital/kompass/examples"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

const examplePortfolio = "../../examples/bl/portfolio.json"

// setCells changes cells of a workbook file: in sheet, the column whose
// row 2 reads ptr, in row.
func setCells(t *testing.T, file string, cells ...[4]any) {
	t.Helper()
	f, err := excelize.OpenFile(file)
	require.NoError(t, err)
	defer f.Close()
	for _, c := range cells {
		sheet, ptr, row := c[0].(string), c[1].(string), c[2].(int)
		rows, err := f.GetRows(sheet)
		require.NoError(t, err)
		col := -1
		for i, h := range rows[1] {
			if h == ptr {
				col = i + 1
			}
		}
		require.Positive(t, col, "column %s on %s", ptr, sheet)
		name, _ := excelize.CoordinatesToCellName(col, row)
		require.NoError(t, f.SetCellValue(sheet, name, c[3]))
	}
	require.NoError(t, f.Save())
}

// measureRow is the row of measure id on the measures sheet.
func measureRow(t *testing.T, file, id string) int {
	t.Helper()
	f, err := excelize.OpenFile(file)
	require.NoError(t, err)
	defer f.Close()
	rows, err := f.GetRows("Massnahmen")
	require.NoError(t, err)
	for i, r := range rows {
		if len(r) > 0 && r[0] == id {
			return i + 1
		}
	}
	t.Fatalf("no measure %s in %s", id, file)
	return 0
}

func jsonData(t *testing.T, data []byte) map[string]any {
	t.Helper()
	var v map[string]any
	require.NoError(t, json.Unmarshal(data, &v))
	return v
}

func measuresByID(t *testing.T, data []byte) map[string]any {
	out := map[string]any{}
	for _, m := range jsonData(t, data)["measures"].([]any) {
		out[m.(map[string]any)["id"].(string)] = m
	}
	return out
}

func TestSheetRoundTrip(t *testing.T) {
	dir := t.TempDir()
	book, out := filepath.Join(dir, "bl.xlsx"), filepath.Join(dir, "out.json")
	_, stderr, code := runCLI("sheet", "export", examplePortfolio, "-o", book, "--lang", "fr")
	require.Equal(t, exitOK, code, stderr)
	_, stderr, code = runCLI("sheet", "import", book, "-o", out)
	require.Equal(t, exitOK, code, stderr)
	got, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, jsonData(t, examples.PortfolioJSON), jsonData(t, got), "export then import without edits gives the same data")
	_, stderr, code = runCLI("validate", out)
	assert.Equal(t, exitOK, code, "the written portfolio passes kompass validate: %s", stderr)
	entries, _ := os.ReadDir(dir)
	assert.Len(t, entries, 2, "no temporary file is left behind")
}

func TestSheetUsage(t *testing.T) {
	dir := t.TempDir()
	book := filepath.Join(dir, "bl.xlsx")
	tests := []struct {
		args   []string
		reason string
	}{
		{[]string{"sheet"}, "no subcommand"},
		{[]string{"sheet", "print"}, "an unknown subcommand"},
		{[]string{"sheet", "export", examplePortfolio}, "export without -o"},
		{[]string{"sheet", "export", "-o", book}, "export without a portfolio"},
		{[]string{"sheet", "export", examplePortfolio, "-o", book, "--lang", "rm"}, "a language the workbook does not have"},
		{[]string{"sheet", "export", examplePortfolio, "-o", book, "--owner", "NOPE"}, "an owner that is no organisation"},
		{[]string{"sheet", "export", filepath.Join(dir, "missing.json"), "-o", book}, "an unreadable portfolio"},
		{[]string{"sheet", "import", "-o", filepath.Join(dir, "p.json")}, "import without workbooks"},
		{[]string{"sheet", "import", book}, "import without -o"},
		{[]string{"sheet", "import", filepath.Join(dir, "missing.xlsx"), "-o", filepath.Join(dir, "p.json")}, "an unreadable workbook"},
		{[]string{"sheet", "export", examplePortfolio, "-o", book, "--bogus"}, "an unknown flag"},
	}
	for _, tt := range tests {
		_, _, code := runCLI(tt.args...)
		assert.Equal(t, exitUsage, code, tt.reason)
	}
	_, err := os.Stat(book)
	assert.True(t, os.IsNotExist(err), "no usage error writes a workbook")
}

// TestSheetBadCellWritesNothing: a steward's bad cell is refused with its
// sheet!cell and pointer, and the existing output stays as it was.
func TestSheetBadCellWritesNothing(t *testing.T) {
	dir := t.TempDir()
	book, out := filepath.Join(dir, "bl.xlsx"), filepath.Join(dir, "out.json")
	_, stderr, code := runCLI("sheet", "export", examplePortfolio, "-o", book)
	require.Equal(t, exitOK, code, stderr)
	setCells(t, book, [4]any{"Massnahmen", "progress", 3, 120}, [4]any{"Massnahmen", "start", 4, "2026-13-01"})
	require.NoError(t, os.WriteFile(out, []byte("old"), 0o600))
	_, stderr, code = runCLI("sheet", "import", book, "-o", out)
	assert.Equal(t, exitInvalid, code)
	assert.Contains(t, stderr, book+":Massnahmen!")
	assert.Contains(t, stderr, ": /measures/0/progress: ")
	assert.Contains(t, stderr, ": /measures/1/start: ")
	assert.Contains(t, stderr, "nothing written")
	old, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, "old", string(old), "an existing output is left alone on error")
	fi, err := os.Stat(out)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm())

	// Fixed, the import replaces the file, keeping its mode.
	orig := jsonData(t, examples.PortfolioJSON)["measures"].([]any)
	setCells(t, book, [4]any{"Massnahmen", "progress", 3, orig[0].(map[string]any)["progress"]},
		[4]any{"Massnahmen", "start", 4, orig[1].(map[string]any)["start"]})
	_, stderr, code = runCLI("sheet", "import", book, "-o", out)
	require.Equal(t, exitOK, code, stderr)
	fi, err = os.Stat(out)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm(), "a replaced file keeps its mode")
	entries, _ := os.ReadDir(dir)
	assert.Len(t, entries, 2, "no temporary file is left behind")
}

// TestSheetMergeOwner: a directorate's workbook merges back into the
// central portfolio changing only its measures.
func TestSheetMergeOwner(t *testing.T) {
	dir := t.TempDir()
	book, out := filepath.Join(dir, "bksd.xlsx"), filepath.Join(dir, "out.json")
	_, stderr, code := runCLI("sheet", "export", examplePortfolio, "--owner", "BKSD", "-o", book)
	require.Equal(t, exitOK, code, stderr)
	base := measuresByID(t, examples.PortfolioJSON)
	var id string
	for k, m := range base {
		if m.(map[string]any)["owner"] == "BKSD" && m.(map[string]any)["status"] == "active" {
			id = k
			break
		}
	}
	require.NotEmpty(t, id, "the example has an active BKSD measure")
	row := measureRow(t, book, id)
	setCells(t, book, [4]any{"Massnahmen", "progress", row, "77"})
	_, stderr, code = runCLI("sheet", "import", "--into", examplePortfolio, book, "-o", out)
	require.Equal(t, exitOK, code, stderr)
	got, err := os.ReadFile(out)
	require.NoError(t, err)
	after := measuresByID(t, got)
	require.Len(t, after, len(base))
	for k, m := range base {
		if k == id {
			assert.Equal(t, 77.0, after[k].(map[string]any)["progress"])
			continue
		}
		assert.Equal(t, m, after[k], "measure %s is not in the workbook's change", k)
	}
	want, gotAll := jsonData(t, examples.PortfolioJSON), jsonData(t, got)
	delete(want, "measures")
	delete(gotAll, "measures")
	assert.Equal(t, want, gotAll, "nothing but measures changes")
}

// TestSheetConflict: two workbooks that both change one measure are refused.
func TestSheetConflict(t *testing.T) {
	dir := t.TempDir()
	a, b, out := filepath.Join(dir, "a.xlsx"), filepath.Join(dir, "b.xlsx"), filepath.Join(dir, "out.json")
	for _, f := range []string{a, b} {
		_, stderr, code := runCLI("sheet", "export", examplePortfolio, "-o", f)
		require.Equal(t, exitOK, code, stderr)
	}
	setCells(t, a, [4]any{"Massnahmen", "title/en", 3, "Changed in a"})
	setCells(t, b, [4]any{"Massnahmen", "title/en", 3, "Changed differently in b"})
	_, stderr, code := runCLI("sheet", "import", "--into", examplePortfolio, a, b, "-o", out)
	assert.Equal(t, exitInvalid, code)
	assert.Contains(t, stderr, a)
	assert.Contains(t, stderr, b)
	assert.Contains(t, stderr, "in both")
	_, err := os.Stat(out)
	assert.True(t, os.IsNotExist(err), "nothing is written on a conflict")

	// Different measures changed in the two workbooks merge fine.
	orig := jsonData(t, examples.PortfolioJSON)["measures"].([]any)[0].(map[string]any)["title"].(map[string]any)["en"]
	setCells(t, b, [4]any{"Massnahmen", "title/en", 3, orig}, [4]any{"Massnahmen", "title/en", 4, "Changed in b"})
	_, stderr, code = runCLI("sheet", "import", "--into", examplePortfolio, a, b, "-o", out)
	require.Equal(t, exitOK, code, stderr)
	got, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.True(t, bytes.Contains(got, []byte("Changed in a")))
	assert.True(t, bytes.Contains(got, []byte("Changed in b")))
	assert.False(t, strings.Contains(stderr, "in both"))
}
