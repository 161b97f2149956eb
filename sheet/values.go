package sheet

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/bl-digital/kompass/strategy"
)

// maxNumberLen is the longest number literal accepted, as in JSON files.
const maxNumberLen = 100

// quote quotes a cell's text for a message, cut to 80 characters, with
// control characters escaped.
func quote(s string) string {
	if utf8.RuneCountInString(s) > 80 {
		r := []rune(s)
		s = string(r[:80]) + "…"
	}
	return strconv.Quote(s)
}

// parseNumber reads a number as a steward may type it: 1200000, 1200.5,
// -3, 1e6, or with Swiss thousands separators 1'200'000 (’ too). A comma,
// a currency, a percent sign or a badly grouped number is refused with a
// message that says what to write instead; nothing is guessed.
func parseNumber(s string) (float64, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return 0, fmt.Errorf("a number is missing")
	}
	if len(t) > maxNumberLen {
		return 0, fmt.Errorf("the number is longer than %d characters", maxNumberLen)
	}
	plain := t
	if strings.ContainsAny(t, "'’") {
		var err error
		if plain, err = ungroup(t); err != nil {
			return 0, err
		}
	}
	if !isDecimal(plain) {
		switch {
		case strings.Contains(t, ","):
			return 0, fmt.Errorf("%s is not a number: write the decimal mark as a point (1200.50) and thousands with ' or not at all (1'200)", quote(s))
		case strings.ContainsAny(t, "%"):
			return 0, fmt.Errorf("%s is not a number: leave out the %% sign", quote(s))
		case strings.Contains(strings.ToUpper(t), "CHF") || strings.ContainsAny(t, "$€"):
			return 0, fmt.Errorf("%s is not a number: leave out the currency", quote(s))
		}
		return 0, fmt.Errorf("%s is not a number", quote(s))
	}
	v, err := strconv.ParseFloat(plain, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, fmt.Errorf("%s is out of the range of numbers", quote(s))
	}
	mantissa, _, _ := strings.Cut(strings.ToLower(plain), "e")
	if v == 0 && strings.ContainsAny(mantissa, "123456789") {
		return 0, fmt.Errorf("%s is too small to be told from 0", quote(s))
	}
	return v, nil
}

// ungroup removes Swiss thousands separators from 1'200'000.50 and
// refuses them anywhere but between groups of three digits.
func ungroup(s string) (string, error) {
	s = strings.ReplaceAll(s, "’", "'")
	intPart, frac := s, ""
	if i := strings.IndexByte(s, '.'); i >= 0 {
		intPart, frac = s[:i], s[i:]
	}
	sign := ""
	if intPart != "" && (intPart[0] == '-' || intPart[0] == '+') {
		sign, intPart = intPart[:1], intPart[1:]
	}
	groups := strings.Split(intPart, "'")
	ok := len(groups[0]) >= 1 && len(groups[0]) <= 3 && !strings.Contains(frac, "'")
	for _, g := range groups[1:] {
		ok = ok && len(g) == 3
	}
	out := sign + strings.Join(groups, "") + frac
	if !ok || !isDecimal(out) {
		return "", fmt.Errorf("%s is not a number: the ' separates groups of three digits, as in 1'200'000", quote(s))
	}
	return out, nil
}

// isDecimal reports whether s is [+-]digits[.digits][e[+-]digits], the
// forms a spreadsheet writes; it excludes hex, "Inf" and "NaN".
func isDecimal(s string) bool {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
		digits++
	}
	if i < len(s) && s[i] == '.' {
		i++
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
			digits++
		}
	}
	if digits == 0 {
		return false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		exp := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
			exp++
		}
		if exp == 0 {
			return false
		}
	}
	return i == len(s)
}

// parseInt reads a whole number, with the same forms as parseNumber.
func parseInt(s string) (float64, error) {
	v, err := parseNumber(s)
	if err != nil {
		return 0, err
	}
	if v != math.Trunc(v) || math.Abs(v) > 1<<53 {
		return 0, fmt.Errorf("%s is not a whole number", quote(s))
	}
	return v, nil
}

// excelEpoch is day 0 of Excel's 1900 date system (with its leap-year bug,
// serials from 61 on count from 1899-12-30).
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// serial is the Excel date serial of a day.
func serial(d strategy.Date) int {
	// Unix seconds, not a time.Duration, which ends after 292 years.
	return int((d.First().Unix() - excelEpoch.Unix()) / 86400)
}

// parseDate reads a date as a steward may type it or a spreadsheet may
// store it: 2026, 2026-12, 2026-12-31, 12.2026, 31.12.2026 (1.2.2026 too),
// an Excel date (a serial number of days), or an ISO date-time at midnight.
// A number from 1900 to 2999 is a year, not a serial: those serials are
// days in 1905 to 1908, which no portfolio means.
func parseDate(s string) (strategy.Date, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return strategy.Date{}, fmt.Errorf("a date is missing")
	}
	bad := func() (strategy.Date, error) {
		return strategy.Date{}, fmt.Errorf("%s is not a date: write 31.12.2026, 12.2026 or 2026, or enter an Excel date", quote(s))
	}
	// strategy.ParseDate reads YYYY, YYYY-MM and YYYY-MM-DD; other texts
	// are not tried, which saves making its error.
	if len(t) == 4 || (len(t) == 7 || len(t) == 10) && t[4] == '-' {
		if d, err := strategy.ParseDate(t); err == nil {
			return d, nil
		} else if len(t) == 10 && t[4] == '-' && t[7] == '-' {
			return strategy.Date{}, err
		}
	}
	if i := strings.IndexByte(t, 'T'); i == 10 {
		rest := strings.TrimSuffix(t[i:], "Z")
		if rest == "T00:00:00" || rest == "T00:00:00.000" || rest == "T00:00" {
			return parseDate(t[:i])
		}
		return strategy.Date{}, fmt.Errorf("%s has a time of day: enter a date only", quote(s))
	}
	if parts := splitDots(t); (len(parts) == 2 || len(parts) == 3) && dotted(parts) {
		// The year has four digits, day and month one or two.
		pad := func(p string) string {
			if len(p) == 1 {
				return "0" + p
			}
			return p
		}
		iso := parts[len(parts)-1] + "-" + pad(parts[len(parts)-2])
		if len(parts) == 3 {
			iso += "-" + pad(parts[0])
		}
		d, err := strategy.ParseDate(iso)
		if err != nil {
			return strategy.Date{}, fmt.Errorf("%s is not a date: %v", quote(s), strings.TrimPrefix(err.Error(), "invalid date "+strconv.Quote(iso)+": "))
		}
		return d, nil
	}
	if isDecimal(t) {
		v, err := strconv.ParseFloat(t, 64)
		if err != nil || v < 1 || v > 401768 { // 401768 is 2999-12-31
			return bad()
		}
		if v != math.Trunc(v) {
			return strategy.Date{}, fmt.Errorf("%s has a time of day: enter a date only", quote(s))
		}
		if v >= 1900 && v <= 2999 {
			return strategy.Date{Y: int(v), Precision: strategy.Year}, nil
		}
		if v < 61 { // Excel's 1900-02-29 does not exist; serials before it count from 1899-12-31
			v++
		}
		return strategy.DateOf(excelEpoch.AddDate(0, 0, int(v))), nil
	}
	return bad()
}

// splitDots is strings.Split(t, ".") for at most three parts, without
// allocating; more parts give nil.
func splitDots(t string) []string {
	var buf [3]string
	parts := buf[:0]
	for {
		i := strings.IndexByte(t, '.')
		if i < 0 {
			break
		}
		if len(parts) == 2 {
			return nil
		}
		parts = append(parts, t[:i])
		t = t[i+1:]
	}
	return append(parts, t)
}

// dotted reports whether parts are [D.]M.YYYY: one or two digits each, a
// year of four.
func dotted(parts []string) bool {
	for i, p := range parts {
		want := 2
		if i == len(parts)-1 {
			want = 4
		}
		if p == "" || len(p) > want || (want == 4 && len(p) != 4) || strings.Trim(p, "0123456789") != "" {
			return false
		}
	}
	return true
}

// parseBool reads yes/no in the four languages, TRUE/FALSE (and WAHR/FALSCH,
// VRAI/FAUX, VERO/FALSO), x, 1 and 0; an empty cell is false.
func parseBool(s string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "0", "false", "falsch", "faux", "falso", "no", "nein", "non", "n":
		return false, nil
	case "1", "true", "wahr", "vrai", "vero", "yes", "ja", "oui", "sì", "si", "x", "y", "j":
		return true, nil
	}
	return false, fmt.Errorf("%s is neither yes nor no", quote(s))
}

// parseJSONObject reads a JSON object written in a cell, kept exactly as
// written (compacted).
func parseJSONObject(s string) (json.RawMessage, error) {
	t := strings.TrimSpace(s)
	if !json.Valid([]byte(t)) {
		var v any
		err := json.Unmarshal([]byte(t), &v)
		return nil, fmt.Errorf("not valid JSON: %v", err)
	}
	if !strings.HasPrefix(t, "{") {
		return nil, fmt.Errorf("want a JSON object {…}, got %s", quote(t))
	}
	var b bytes.Buffer
	if err := json.Compact(&b, []byte(t)); err != nil {
		return nil, err
	}
	return json.RawMessage(b.Bytes()), nil
}

// formatDate writes a date of month or year precision as text (12.2026,
// 2026); day dates are written as Excel dates instead.
func formatDate(d strategy.Date) string {
	if d.Precision == strategy.Month {
		return fmt.Sprintf("%02d.%04d", int(d.M), d.Y)
	}
	return d.String()
}
