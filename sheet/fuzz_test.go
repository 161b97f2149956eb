package sheet

import (
	"bytes"
	"encoding/json"
	"sync"
	"testing"

	"github.com/bl-digital/kompass/diag"
	"github.com/bl-digital/kompass/internal/synth"
	"github.com/bl-digital/kompass/schema"
	"github.com/bl-digital/kompass/strategy"
	"github.com/xuri/excelize/v2"
)

var fuzzBase struct {
	once sync.Once
	s    *strategy.Strategy
	wb   []byte
}

// fuzzWorkbook is a small exported workbook the fuzzer edits.
func fuzzWorkbook(t testing.TB) (*strategy.Strategy, []byte) {
	fuzzBase.once.Do(func() {
		s := blStrategy(t)
		p := synth.Portfolio(s, 4)
		p.Measures[0].Indicators = nil
		var buf bytes.Buffer
		if err := Export(&buf, p, s, ExportOptions{}); err != nil {
			t.Fatal(err)
		}
		fuzzBase.s, fuzzBase.wb = s, buf.Bytes()
	})
	return fuzzBase.s, fuzzBase.wb
}

var fuzzSheets = []string{"Massnahmen", "Indikatoren", "Istwerte", "Meilensteine", "Links", "Organisationen", "Portfolio", "Anleitung", "Listen"}

// FuzzImport edits cells of an exported workbook with random types and
// values (text, numbers, whole numbers, booleans, dates, empty cells) and
// imports it. Import never panics, every problem names the workbook, and a
// workbook that imports without errors exports and imports again to the
// same data.
func FuzzImport(f *testing.F) {
	f.Add([]byte{}, "", 0.0)
	f.Add([]byte{0, 3, 17, 1, 0}, "", 120.0)
	f.Add([]byte{0, 3, 15, 0, 0}, "31.12.2026", 0.0)
	f.Add([]byte{0, 3, 33, 0, 0}, "1'200'000", 0.0)
	f.Add([]byte{0, 2, 3, 0, 0}, "title/xx", 0.0)
	f.Add([]byte{0, 3, 1, 4, 0, 1, 3, 1, 0, 0}, "NOPE", 0.0)
	f.Add([]byte{0, 4, 40, 0, 0}, `{"a":[1,2,{"b":null}]}`, 0.0)
	f.Add([]byte{3, 3, 6, 3, 0}, "", 0.0)
	f.Add([]byte{0, 3, 15, 1, 0}, "", 46022.0)
	f.Fuzz(func(t *testing.T, ops []byte, text string, num float64) {
		s, wb := fuzzWorkbook(t)
		x, err := excelize.OpenReader(bytes.NewReader(wb))
		if err != nil {
			t.Fatal(err)
		}
		defer x.Close()
		for i := 0; i+5 <= len(ops) && i < 5*16; i += 5 {
			sheet := fuzzSheets[int(ops[i])%len(fuzzSheets)]
			cell, _ := excelize.CoordinatesToCellName(int(ops[i+2])%52+1, int(ops[i+1])%9+1)
			var v any
			switch ops[i+3] % 7 {
			case 0:
				v = text
			case 1:
				v = num
			case 2:
				v = int64(num)
			case 3:
				v = ops[i+4]%2 == 0
			case 4:
				v = nil
			case 5:
				if n := int(ops[i+4]); n < len(text) {
					v = text[:n]
				}
			case 6:
				v = []string{"2026", "12.2026", "2026-12-31", "31.12.2026", "x", "ja", "aktiv", "GK1", "FKD", "{}", "1'000", "-1"}[int(ops[i+4])%12]
			}
			if err := x.SetCellValue(sheet, cell, v); err != nil {
				return // a value excelize itself refuses
			}
		}
		var buf bytes.Buffer
		if err := x.Write(&buf); err != nil {
			return
		}
		out, l := Build([]*Book{Read("f.xlsx", bytes.NewReader(buf.Bytes()))}, nil, s)
		for _, p := range l {
			if p.File == "" || p.File[:6] != "f.xlsx" {
				t.Fatalf("a problem without its workbook: %v", p)
			}
		}
		if l.HasErrors() {
			return
		}
		p, vl := schema.ValidatePortfolio(out, s)
		if vl.HasErrors() {
			t.Fatalf("an import without errors is not valid: %v", vl)
		}
		var again bytes.Buffer
		if err := Export(&again, p, s, ExportOptions{}); err != nil {
			if bytes.Contains([]byte(err.Error()), []byte("longer than a spreadsheet cell")) {
				return
			}
			t.Fatalf("export of an imported portfolio: %v", err)
		}
		out2, l2 := Build([]*Book{Read("g.xlsx", bytes.NewReader(again.Bytes()))}, nil, s)
		if l2.HasErrors() {
			t.Fatalf("re-import: %v", diag.List(l2))
		}
		var a, b any
		_ = json.Unmarshal(out, &a)
		_ = json.Unmarshal(out2, &b)
		ja, _ := json.Marshal(a)
		jb, _ := json.Marshal(b)
		if !bytes.Equal(ja, jb) {
			t.Fatalf("round trip changed the data:\n%s\n%s", ja, jb)
		}
	})
}
