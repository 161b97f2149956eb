package sheet

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/bl-digital/kompass/portfolio"
	"github.com/bl-digital/kompass/strategy"
	"github.com/xuri/excelize/v2"
)

// ExportOptions choose what Export writes.
type ExportOptions struct {
	// Lang is the language of labels, sheet names and instructions: de
	// (the default), fr, it or en. Texts keep all their languages.
	Lang string
	// Owner, when set, limits the measures to those of this organisation
	// (one workbook per directorate). The organisations sheet keeps all
	// organisations, so that the workbook names every valid owner.
	Owner portfolio.ID
}

// maxCellChars is the most characters (UTF-16 units) a cell holds.
const maxCellChars = 32767

// lastRow is the last row of a sheet; data validations reach down to it,
// so rows added by a steward get the same dropdowns.
const lastRow = 1048576

// Export writes p as a workbook to w. The strategy s gives the goals'
// dropdown (nil: the goals the measures name). It fails, writing nothing
// useful, for an unknown language or owner, or a text too long for a cell.
func Export(w io.Writer, p *portfolio.Portfolio, s *strategy.Strategy, opt ExportOptions) error {
	e, err := workbook(p, s, opt)
	if err != nil {
		return err
	}
	defer e.f.Close()
	if len(e.exact) == 0 {
		return e.f.Write(w)
	}
	var buf bytes.Buffer
	if err := e.f.Write(&buf); err != nil {
		return err
	}
	return patchNumbers(w, buf.Bytes(), e.exact)
}

// workbook builds the workbook Export writes.
func workbook(p *portfolio.Portfolio, s *strategy.Strategy, opt ExportOptions) (*exporter, error) {
	if opt.Lang == "" {
		opt.Lang = "de"
	}
	lang := langIndex(opt.Lang)
	if lang < 0 {
		return nil, fmt.Errorf("unknown language %q: want de, fr, it or en", opt.Lang)
	}
	measures := p.Measures
	if opt.Owner != "" {
		if _, ok := p.Organisation(opt.Owner); !ok {
			return nil, fmt.Errorf("owner %q is not an organisation of portfolio %q", opt.Owner, p.ID)
		}
		measures = nil
		for _, m := range p.Measures {
			if m.Owner == opt.Owner {
				measures = append(measures, m)
			}
		}
	}
	e := &exporter{f: excelize.NewFile(), lang: lang}
	if err := e.build(p, measures, s); err != nil {
		e.f.Close()
		return nil, err
	}
	return e, nil
}

type exporter struct {
	f                       *excelize.File
	lang                    int
	header, ptrRow, dateFmt int
	wrap                    int
	listLen                 map[string]int
	idWidth                 float64                      // wide enough for the longest measure id
	exact                   map[string]map[string]string // sheet -> cell -> a number's exact text
	err                     error
}

func (e *exporter) build(p *portfolio.Portfolio, measures []portfolio.Measure, s *strategy.Strategy) error {
	f := e.f
	var err error
	if e.header, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDE7F0"}},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}); err != nil {
		return err
	}
	if e.ptrRow, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Italic: true, Color: "555555", Size: 9},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}}}); err != nil {
		return err
	}
	dateFmt := "dd.mm.yyyy"
	if e.dateFmt, err = f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt}); err != nil {
		return err
	}
	if e.wrap, err = f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}); err != nil {
		return err
	}

	n := counts{goals: 3, fields: 3, beneficiaries: 3, dependsOn: 2}
	for _, m := range measures {
		n.goals = max(n.goals, len(m.Goals)+1)
		n.fields = max(n.fields, len(m.Fields))
		n.beneficiaries = max(n.beneficiaries, len(m.Beneficiaries))
		n.dependsOn = max(n.dependsOn, len(m.DependsOn)+1)
	}
	ms := measureSheet(n)
	for _, m := range measures {
		e.idWidth = min(max(e.idWidth, float64(len(m.ID))+2), 40)
	}

	guide := guideNames[e.lang]
	if err := f.SetSheetName("Sheet1", guide); err != nil {
		return err
	}
	for _, d := range append([]*sheetDef{ms}, tableSheets...) {
		if _, err := f.NewSheet(d.name(e.lang)); err != nil {
			return err
		}
	}
	for _, name := range []string{orgSheet.name(e.lang), metaSheet.name(e.lang), listSheet} {
		if _, err := f.NewSheet(name); err != nil {
			return err
		}
	}
	// Before any sheet is streamed: both read every worksheet.
	if err := f.SetSheetVisible(listSheet, false); err != nil {
		return err
	}
	if idx, err := f.GetSheetIndex(ms.name(e.lang)); err == nil {
		f.SetActiveSheet(idx)
	}
	goals := goalIDs(p, s)
	if err := e.lists(p, goals); err != nil {
		return err
	}
	if err := e.guide(guide, p, s, goals, ms); err != nil {
		return err
	}

	// The measures and the sheets keyed by them.
	rows := make([][]any, 0, len(measures))
	var ind, act, mil, lnk [][]any
	for _, m := range measures {
		rows = append(rows, e.measureRow(ms, &m))
		for _, in := range m.Indicators {
			ind = append(ind, e.indicatorRow(m.ID, &in))
			for _, a := range in.Actuals {
				act = append(act, []any{string(m.ID), string(in.ID), a.Value, e.date(a.Date)})
			}
		}
		for _, x := range m.Milestones {
			row := []any{string(m.ID)}
			row = append(row, e.text(x.Title)...)
			row = append(row, e.date(x.Due), boolEnum.label(fmt.Sprint(x.Done), e.lang))
			mil = append(mil, row)
		}
		for _, l := range m.Links {
			row := []any{string(m.ID)}
			row = append(row, e.text(l.Title)...)
			lnk = append(lnk, append(row, e.str(l.URL)))
		}
	}
	measureRange := fmt.Sprintf("'%s'!$A$3:$A$%d", ms.name(e.lang), lastRow)
	for _, t := range []struct {
		d    *sheetDef
		rows [][]any
	}{{ms, rows}, {indicatorSheet, ind}, {actualSheet, act}, {milestoneSheet, mil}, {linkSheet, lnk}} {
		if err := e.table(t.d, t.rows, measureRange); err != nil {
			return err
		}
	}
	var orgs [][]any
	for _, o := range p.Organisations {
		row := []any{string(o.ID)}
		row = append(row, e.text(o.Name)...)
		orgs = append(orgs, append(row, e.json(o.Extensions)))
	}
	if err := e.table(orgSheet, orgs, measureRange); err != nil {
		return err
	}
	if err := e.meta(p); err != nil {
		return err
	}
	return e.err
}

// goalIDs are the goals of s, or without s those the measures name.
func goalIDs(p *portfolio.Portfolio, s *strategy.Strategy) []string {
	var ids []string
	seen := map[string]bool{}
	add := func(id strategy.ID) {
		if !seen[string(id)] {
			seen[string(id)] = true
			ids = append(ids, string(id))
		}
	}
	if s != nil {
		for _, fa := range s.FocusAreas {
			for _, g := range fa.Goals {
				add(g.ID)
			}
		}
		return ids
	}
	for _, m := range p.Measures {
		for _, g := range m.Goals {
			add(g)
		}
	}
	return ids
}

// lists writes the hidden sheet whose columns the dropdowns refer to.
func (e *exporter) lists(p *portfolio.Portfolio, goals []string) error {
	labels := func(en *enum) []string {
		var l []string
		for _, v := range en.values {
			l = append(l, en.label(v, e.lang))
		}
		return l
	}
	var owners []string
	for _, o := range p.Organisations {
		owners = append(owners, string(o.ID))
	}
	cols := map[string][]string{
		listStatus: labels(statusEnum), listGoals: goals, listOwners: owners,
		listFields: labels(fieldEnum), listBenef: labels(beneficiaryEnum), listPurpose: labels(purposeEnum),
		listRating: labels(ratingEnum), listBool: labels(boolEnum),
	}
	e.listLen = map[string]int{}
	for col, vals := range cols {
		e.listLen[col] = len(vals)
		for i, v := range vals {
			if err := e.f.SetCellStr(listSheet, fmt.Sprintf("%s%d", col, i+1), v); err != nil {
				return err
			}
		}
	}
	return nil
}

// listRef is the dropdown source of a column.
func listRef(c column, n int, measureRange string) string {
	if c.list == "measures" {
		return measureRange
	}
	return fmt.Sprintf("%s!$%s$1:$%s$%d", listSheet, c.list, c.list, max(n, 1))
}

// table writes a sheet of rows: labels, JSON pointers, data; with frozen
// headers, widths and data validations.
func (e *exporter) table(d *sheetDef, rows [][]any, measureRange string) error {
	f, name := e.f, d.name(e.lang)
	for i, c := range d.cols {
		if err := e.validation(name, i+1, c, e.listLen, measureRange); err != nil {
			return err
		}
	}
	landscape := "landscape"
	if err := f.SetPageLayout(name, &excelize.PageLayoutOptions{Orientation: &landscape}); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return err
	}
	for i, c := range d.cols {
		w := c.width
		if w == 0 {
			w = 14
		}
		if c.ptr == "id" || c.ptr == "$measure" || strings.HasPrefix(c.ptr, "dependsOn/") {
			w = max(w, e.idWidth)
		}
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return err
		}
	}
	xSplit := 0
	if d.key == "measures" {
		xSplit = 1
	}
	top, _ := excelize.CoordinatesToCellName(xSplit+1, 3)
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: xSplit, YSplit: 2, TopLeftCell: top, ActivePane: pane(xSplit)}); err != nil {
		return err
	}
	labels := make([]any, len(d.cols))
	ptrs := make([]any, len(d.cols))
	for i, c := range d.cols {
		labels[i] = excelize.Cell{StyleID: e.header, Value: c.label[e.lang]}
		ptrs[i] = excelize.Cell{StyleID: e.ptrRow, Value: c.ptr}
	}
	if err := sw.SetRow("A1", labels, excelize.RowOpts{Height: 32}); err != nil {
		return err
	}
	if err := sw.SetRow("A2", ptrs); err != nil {
		return err
	}
	// excelize's stream writer keeps 15 significant digits of a number, as
	// Excel shows it; numbers with more are written after the stream, with
	// as many decimals as they need to read back exactly.
	type exact struct {
		cell string
		v    float64
	}
	var long []exact
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+3)
		for j, v := range r {
			if f, ok := v.(float64); ok && significantDigits(f) > 15 {
				c, _ := excelize.CoordinatesToCellName(j+1, i+3)
				long = append(long, exact{c, f})
			}
		}
		if err := sw.SetRow(cell, r); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	for _, x := range long {
		if e.exact == nil {
			e.exact = map[string]map[string]string{}
		}
		if e.exact[name] == nil {
			e.exact[name] = map[string]string{}
		}
		e.exact[name][x.cell] = strconv.FormatFloat(x.v, 'f', -1, 64)
	}
	return nil
}

func pane(xSplit int) string {
	if xSplit > 0 {
		return "bottomRight"
	}
	return "bottomLeft"
}

// validation adds the dropdown or number range of column c.
func (e *exporter) validation(sheet string, col int, c column, listLen map[string]int, measureRange string) error {
	colName, _ := excelize.ColumnNumberToName(col)
	dv := excelize.NewDataValidation(true)
	dv.Sqref = fmt.Sprintf("%s3:%s%d", colName, colName, lastRow)
	msgs := validationTexts[e.lang]
	switch {
	case c.list != "":
		dv.SetSqrefDropList(listRef(c, listLen[c.list], measureRange))
		dv.SetError(excelize.DataValidationErrorStyleStop, msgs[0], msgs[1])
		if c.list == "measures" || c.list == listGoals || c.list == listOwners {
			// Ids may be typed before they exist in the list.
			dv.SetError(excelize.DataValidationErrorStyleWarning, msgs[0], msgs[1])
		}
	case c.kind == kNumber || c.kind == kInt:
		if !c.hasMin {
			return nil
		}
		t := excelize.DataValidationTypeDecimal
		if c.kind == kInt {
			t = excelize.DataValidationTypeWhole
		}
		var err error
		switch {
		case c.hasMax:
			err = dv.SetRange(c.min, c.max, t, excelize.DataValidationOperatorBetween)
			dv.SetError(excelize.DataValidationErrorStyleStop, msgs[2], fmt.Sprintf(msgs[3], c.min, c.max))
		case c.exclusiveMin:
			err = dv.SetRange(c.min, c.min, t, excelize.DataValidationOperatorGreaterThan)
			dv.SetError(excelize.DataValidationErrorStyleStop, msgs[2], fmt.Sprintf(msgs[4], c.min))
		default:
			err = dv.SetRange(c.min, c.min, t, excelize.DataValidationOperatorGreaterThanOrEqual)
			dv.SetError(excelize.DataValidationErrorStyleStop, msgs[2], fmt.Sprintf(msgs[5], c.min))
		}
		if err != nil {
			return err
		}
	case c.kind == kDate:
		if err := dv.SetRange("DATE(1900,1,1)", "DATE(2999,12,31)", excelize.DataValidationTypeDate, excelize.DataValidationOperatorBetween); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleWarning, msgs[6], msgs[7])
		dv.SetInput(msgs[6], msgs[7])
	default:
		return nil
	}
	return e.f.AddDataValidation(sheet, dv)
}

// validationTexts: list title, list message, number title, between, more
// than, at least, date title, date message.
var validationTexts = [4][8]string{
	{"Wert aus der Liste", "Bitte einen Wert aus der Liste wählen.", "Zahl", "Eine Zahl von %g bis %g.", "Eine Zahl grösser als %g.", "Eine Zahl ab %g.",
		"Datum", "Ein Datum (31.12.2026) oder, als Text mit vorangestelltem ', ein Monat ('12.2026) oder ein Jahr ('2026)."},
	{"Valeur de la liste", "Veuillez choisir une valeur de la liste.", "Nombre", "Un nombre de %g à %g.", "Un nombre plus grand que %g.", "Un nombre à partir de %g.",
		"Date", "Une date (31.12.2026) ou, en texte précédé de ', un mois ('12.2026) ou une année ('2026)."},
	{"Valore dell'elenco", "Scegliere un valore dell'elenco.", "Numero", "Un numero da %g a %g.", "Un numero maggiore di %g.", "Un numero da %g.",
		"Data", "Una data (31.12.2026) o, come testo preceduto da ', un mese ('12.2026) o un anno ('2026)."},
	{"Value from the list", "Please choose a value from the list.", "Number", "A number from %g to %g.", "A number greater than %g.", "A number of at least %g.",
		"Date", "A date (31.12.2026) or, as text starting with ', a month ('12.2026) or a year ('2026)."},
}

func (e *exporter) measureRow(d *sheetDef, m *portfolio.Measure) []any {
	row := make([]any, 0, len(d.cols))
	var empty []string
	list := func(name string, n int, vals []string, present bool) {
		if present && len(vals) == 0 {
			empty = append(empty, name)
		}
		for i := range n {
			if i < len(vals) {
				row = append(row, vals[i])
			} else {
				row = append(row, nil)
			}
		}
	}
	n := counts{}
	for _, c := range d.cols {
		switch {
		case strings.HasPrefix(c.ptr, "goals/"):
			n.goals++
		case strings.HasPrefix(c.ptr, "fields/"):
			n.fields++
		case strings.HasPrefix(c.ptr, "beneficiaries/"):
			n.beneficiaries++
		case strings.HasPrefix(c.ptr, "dependsOn/"):
			n.dependsOn++
		}
	}
	row = append(row, string(m.ID))
	row = append(row, e.text(m.Title)...)
	row = append(row, e.text(m.Summary)...)
	list("goals", n.goals, ids(m.Goals), m.Goals != nil)
	row = append(row, string(m.Owner), statusEnum.label(string(m.Status), e.lang), e.date(m.Start), e.date(m.End))
	row = append(row, floatPtr(m.Progress), floatPtr(m.Weight))
	list("fields", n.fields, labels(fieldEnum, m.Fields, e.lang), m.Fields != nil)
	list("beneficiaries", n.beneficiaries, labels(beneficiaryEnum, m.Beneficiaries, e.lang), m.Beneficiaries != nil)
	row = append(row, e.text(m.Before)...)
	row = append(row, e.text(m.After)...)
	if m.Budget != nil {
		row = append(row, m.Budget.Planned, m.Budget.Spent)
	} else {
		row = append(row, nil, nil)
	}
	if m.Purpose != "" {
		row = append(row, purposeEnum.label(string(m.Purpose), e.lang))
	} else {
		row = append(row, nil)
	}
	if m.Savings != nil {
		row = append(row, m.Savings.People, m.Savings.MinutesPerDay)
	} else {
		row = append(row, nil, nil)
	}
	list("dependsOn", n.dependsOn, ids(m.DependsOn), m.DependsOn != nil)
	row = append(row, e.date(m.Updated))
	if a := m.SelfAssessment; a != nil {
		row = append(row, ratingEnum.label(string(a.Status), e.lang), e.date(a.Date))
		row = append(row, e.text(a.Comment)...)
	} else {
		row = append(row, nil, nil)
		row = append(row, e.text(nil)...)
	}
	row = append(row, e.json(m.Extensions))
	if m.Indicators != nil && len(m.Indicators) == 0 {
		empty = append(empty, "indicators")
	}
	if m.Milestones != nil && len(m.Milestones) == 0 {
		empty = append(empty, "milestones")
	}
	if m.Links != nil && len(m.Links) == 0 {
		empty = append(empty, "links")
	}
	return append(row, emptyCell(empty))
}

func emptyCell(names []string) any {
	if len(names) == 0 {
		return nil
	}
	return strings.Join(names, "; ")
}

func (e *exporter) indicatorRow(measure portfolio.ID, in *portfolio.Indicator) []any {
	row := []any{string(measure), string(in.ID)}
	row = append(row, e.text(in.Title)...)
	row = append(row, e.str(in.Unit), in.Baseline.Value, e.date(in.Baseline.Date), in.Target.Value, e.date(in.Target.Date), e.json(in.Extensions))
	var empty []string
	if in.Actuals != nil && len(in.Actuals) == 0 {
		empty = append(empty, "actuals")
	}
	return append(row, emptyCell(empty))
}

// meta writes the portfolio's own properties, one per row.
func (e *exporter) meta(p *portfolio.Portfolio) error {
	name := metaSheet.name(e.lang)
	sw, err := e.f.NewStreamWriter(name)
	if err != nil {
		return err
	}
	for i, w := range []float64{24, 20, 60} {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	head := []any{}
	for _, h := range metaHeader {
		head = append(head, excelize.Cell{StyleID: e.header, Value: h[e.lang]})
	}
	if err := sw.SetRow("A1", head); err != nil {
		return err
	}
	vals := map[string]any{"$schema": e.str(p.Schema), "id": string(p.ID), "strategy": string(p.Strategy),
		"asOf": e.date(p.AsOf), "currency": string(p.Currency), "extensions": e.json(p.Extensions)}
	for i, l := range Languages {
		vals["title/"+l] = e.text(p.Title)[i]
	}
	for i, c := range metaProps {
		v := vals[c.ptr]
		if s, ok := v.(string); ok && s == "" {
			v = nil
		}
		if err := sw.SetRow(fmt.Sprintf("A%d", i+2), []any{c.label[e.lang], excelize.Cell{StyleID: e.ptrRow, Value: c.ptr}, v}); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// text is the four language cells of t (nil for missing languages).
func (e *exporter) text(t strategy.Text) []any {
	out := make([]any, len(Languages))
	for i, l := range Languages {
		if s, ok := t[l]; ok {
			out[i] = e.str(s)
		}
	}
	return out
}

// str is a text cell, or an error when it is too long for a cell.
func (e *exporter) str(s string) any {
	if s == "" {
		return nil
	}
	if len(s) > maxCellChars/2 && len(utf16.Encode([]rune(s))) > maxCellChars {
		if e.err == nil {
			e.err = fmt.Errorf("a text of %d characters is longer than a spreadsheet cell holds (%d): %s", len([]rune(s)), maxCellChars, quote(s))
		}
		return nil
	}
	return s
}

// date is a day as an Excel date, a month or year as text.
func (e *exporter) date(d strategy.Date) any {
	switch d.Precision {
	case strategy.Day:
		// Days before 1909 as ISO text: Excel has no dates before 1900, and
		// import reads the serials 1900 to 2999 as years.
		if n := serial(d); n > 2999 {
			return excelize.Cell{StyleID: e.dateFmt, Value: n}
		}
		return d.String()
	case strategy.Month, strategy.Year:
		return formatDate(d)
	}
	return nil
}

// json is extensions as JSON text, nil when missing ("{}" when empty).
func (e *exporter) json(m map[string]any) any {
	if m == nil {
		return nil
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	err := enc.Encode(m)
	b := bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
	if err != nil {
		if e.err == nil {
			e.err = fmt.Errorf("extensions: %v", err)
		}
		return nil
	}
	return e.str(string(b))
}

func floatPtr(v *float64) any {
	if v == nil {
		return nil
	}
	return *v
}

func ids(l []strategy.ID) []string {
	out := make([]string, len(l))
	for i, id := range l {
		out[i] = string(id)
	}
	return out
}

func labels[T ~string](en *enum, l []T, lang int) []string {
	out := make([]string, len(l))
	for i, v := range l {
		out[i] = en.label(string(v), lang)
	}
	return out
}

// significantDigits counts the significant digits of v's shortest decimal form.
func significantDigits(v float64) int {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	n, started := 0, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' || (!started && c == '0') {
			continue
		}
		started = true
		n++
	}
	// Trailing zeros of an integer are not significant.
	if !strings.Contains(s, ".") {
		n -= len(s) - len(strings.TrimRight(s, "0"))
	}
	return n
}

// decimals is how many decimals v's shortest decimal form has.
func decimals(v float64) int {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if i := strings.IndexByte(s, '.'); i >= 0 {
		return len(s) - i - 1
	}
	return 0
}

// patchNumbers rewrites the cells of numbers with more than 15 significant
// digits, which excelize's stream writer cut to 15, with their exact text.
func patchNumbers(w io.Writer, data []byte, exact map[string]map[string]string) error {
	x, err := openXLSX(data)
	if err != nil {
		return err
	}
	parts := map[string]map[string]string{}
	for sheet, cells := range exact {
		parts[x.paths[sheet]] = cells
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return err
	}
	zw := zip.NewWriter(w)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return err
		}
		content, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return err
		}
		if cells := parts[f.Name]; cells != nil {
			content = patchCells(content, cells)
		}
		h := f.FileHeader
		out, err := zw.CreateHeader(&h)
		if err != nil {
			return err
		}
		if _, err := out.Write(content); err != nil {
			return err
		}
	}
	return zw.Close()
}

// patchCells replaces the <v> of each cell named in cells.
func patchCells(xml []byte, cells map[string]string) []byte {
	var b bytes.Buffer
	b.Grow(len(xml) + 64*len(cells))
	i := 0
	for {
		j := bytes.Index(xml[i:], []byte(`<c r="`))
		if j < 0 {
			break
		}
		j += i
		q := j + len(`<c r="`)
		end := bytes.IndexByte(xml[q:], '"')
		if end < 0 {
			break
		}
		ref := string(xml[q : q+end])
		v, ok := cells[ref]
		if !ok {
			b.Write(xml[i:q])
			i = q
			continue
		}
		vs := bytes.Index(xml[q:], []byte("<v>"))
		ve := bytes.Index(xml[q:], []byte("</v>"))
		ce := bytes.Index(xml[q:], []byte("</c>"))
		if vs < 0 || ve < vs || ce < ve {
			b.Write(xml[i:q])
			i = q
			continue
		}
		b.Write(xml[i : q+vs+len("<v>")])
		b.WriteString(v)
		i = q + ve
	}
	b.Write(xml[i:])
	return b.Bytes()
}
