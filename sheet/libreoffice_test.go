package sheet

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/bl-digital/kompass/examples"
	"github.com/bl-digital/kompass/internal/synth"
	"github.com/bl-digital/kompass/portfolio"
	"github.com/bl-digital/kompass/schema"
	"github.com/bl-digital/kompass/strategy"
	"github.com/stretchr/testify/require"
)

// hardNumbers is a generated portfolio with numbers that a careless
// spreadsheet round trip would change: 15 significant digits (the most
// LibreOffice keeps when it saves), tiny and huge magnitudes, and dates
// of every precision.
func hardNumbers(s *strategy.Strategy) *portfolio.Portfolio {
	p := synth.Portfolio(s, 12)
	f := func(v float64) *float64 { return &v }
	p.Measures[1].Progress = f(33.3333333333333)
	p.Measures[1].Weight = f(0.123456789012345)
	p.Measures[1].Budget = &portfolio.Budget{Planned: 1234567.891, Spent: 1e-7}
	p.Measures[2].Budget = &portfolio.Budget{Planned: 900719925474099, Spent: 1e21}
	p.Measures[3].Savings = &portfolio.Savings{People: 400, MinutesPerDay: 2.5}
	p.Measures[3].Start = strategy.NewDate(2024, 2, 29)
	p.Measures[3].End = strategy.Date{Y: 2027, M: 12, Precision: strategy.Month}
	p.Measures[4].Extensions = map[string]any{"sap": map[string]any{"psp": "P-1'200", "n": 0.1}, "tags": []any{"a", true, nil}}
	return p
}

// TestLibreOfficeRoundTrip converts exported workbooks with LibreOffice
// Calc (headless), as a steward's spreadsheet program opens and saves
// them, and imports the result: the data must come back unchanged.
func TestLibreOfficeRoundTrip(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Fatal("soffice (LibreOffice Calc) is not installed: this test proves that exported workbooks open and survive a save " +
			"in a real spreadsheet program; install Debian's libreoffice-calc-nogui (./scripts/test does when it is missing)")
	}
	s := blStrategy(t)
	example, l := schema.ValidatePortfolio(examples.PortfolioJSON, s)
	require.False(t, l.HasErrors(), l.Error())
	hard := hardNumbers(s)
	hardJSON, err := json.Marshal(hard)
	require.NoError(t, err)

	dir := t.TempDir()
	in, out := filepath.Join(dir, "in"), filepath.Join(dir, "out")
	require.NoError(t, os.MkdirAll(in, 0o755))
	cases := []struct {
		name string
		want []byte
		p    *portfolio.Portfolio
		lang string
	}{
		{"example.xlsx", examples.PortfolioJSON, example, "de"},
		{"hard.xlsx", hardJSON, hard, "fr"},
	}
	args := []string{"--headless", "--norestore", "-env:UserInstallation=file://" + filepath.Join(dir, "profile"),
		"--convert-to", "xlsx", "--outdir", out}
	for _, c := range cases {
		var buf bytes.Buffer
		require.NoError(t, Export(&buf, c.p, s, ExportOptions{Lang: c.lang}))
		require.NoError(t, os.WriteFile(filepath.Join(in, c.name), buf.Bytes(), 0o644))
		args = append(args, filepath.Join(in, c.name))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, soffice, args...)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	msg, err := cmd.CombinedOutput()
	require.NoError(t, err, "soffice: %s", msg)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			saved, err := os.ReadFile(filepath.Join(out, c.name))
			require.NoError(t, err, "LibreOffice wrote no %s: %s", c.name, msg)
			require.NotEqual(t, saved, nil)
			got, l := Build([]*Book{Read(c.name, bytes.NewReader(saved))}, nil, s)
			require.False(t, l.HasErrors(), "the workbook as LibreOffice saved it: %s", l.Error())
			requireSameData(t, c.want, got)
		})
	}
}
