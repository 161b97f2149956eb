package chart

import (
	"math"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
)

// luminance is the WCAG relative luminance of a #rrggbb colour.
func luminance(t *testing.T, hex string) float64 {
	t.Helper()
	var c [3]float64
	for i := range c {
		v, err := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		if err != nil {
			t.Fatal(err)
		}
		x := float64(v) / 255
		if x <= 0.03928 {
			c[i] = x / 12.92
		} else {
			c[i] = math.Pow((x+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*c[0] + 0.7152*c[1] + 0.0722*c[2]
}

func contrast(t *testing.T, a, b string) float64 {
	la, lb := luminance(t, a), luminance(t, b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

func TestContrast(t *testing.T) {
	tests := []struct {
		fg, bg string
		min    float64
		why    string
	}{
		{colText, colPaper, 4.5, "text on the page"},
		{colMuted, colPaper, 4.5, "muted text (dates, as-of) on the page"},
		{colAccent, colPaper, 3, "progress and spent bars against the page"},
		{colAccent, colTrack, 3, "progress against the empty track"},
		{colText, colTrack, 3, "the Soll and earned-value marks on the track"},
		{colMuted, colTrack, 3, "the track's outline"},
		{colLate, colPaper, 3, "late segment"},
		{colAtRisk, colPaper, 3, "at-risk segment"},
		{colOnTrack, colPaper, 3, "on-track segment"},
		{colNotYet, colPaper, 3, "not-started segment"},
		{colDone, colPaper, 3, "done segment"},
		{colPaper, colLate, 3, "pattern marks on the late segment"},
		{colPaper, colAtRisk, 3, "pattern marks on the at-risk segment"},
		{colPaper, colNotYet, 3, "pattern marks on the not-started segment"},
		{colPaper, colDone, 3, "pattern marks on the done segment"},
	}
	for _, tt := range tests {
		assert.GreaterOrEqual(t, contrast(t, tt.fg, tt.bg), tt.min, "%s: %s on %s", tt.why, tt.fg, tt.bg)
	}
}
