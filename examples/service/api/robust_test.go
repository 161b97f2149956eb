package api_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/bl-digital/kompass/diag"
	"github.com/bl-digital/kompass/examples"
	"github.com/bl-digital/kompass/examples/service/api"
	"github.com/bl-digital/kompass/schema"
)

func post(t *testing.T, url, body string) (int, string) {
	t.Helper()
	resp, err := http.Post(url, "application/json", strings.NewReader(body))
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, string(b)
}

// TestPanicIsA500 checks that a panic while handling a request answers 500
// and that the service then serves the next request.
func TestPanicIsA500(t *testing.T) {
	srv := newServer(t, api.Config{Logger: slog.New(slog.DiscardHandler)})
	restore := api.SetValidate(func([]byte, schema.Options) schema.Result { panic("boom") })
	code, body := post(t, srv.URL+"/validate", `{}`)
	restore()
	assert.Equal(t, http.StatusInternalServerError, code, "a panic is a 500")
	assert.Contains(t, body, "internal error")
	code, _ = post(t, srv.URL+"/validate", string(examples.PortfolioJSON))
	assert.Equal(t, http.StatusOK, code, "the service lives on")
}

// TestNumberThatCrashedTheValidator sends a portfolio of 200 measures (so
// that the schema runs on worker goroutines) with a number that made the
// JSON Schema library panic; the answer names it at its pointer.
func TestNumberThatCrashedTheValidator(t *testing.T) {
	srv := newServer(t, api.Config{})
	var b strings.Builder
	b.WriteString(`{"id": "p", "title": {"de": "P"}, "strategy": "bl-dt-2026", "asOf": "2026", "currency": "CHF", "organisations": [{"id": "FKD", "name": {"de": "F"}}], "measures": [`)
	for i := range 200 {
		if i > 0 {
			b.WriteString(",")
		}
		progress := "10"
		if i == 150 {
			progress = "1e-10000000"
		}
		fmt.Fprintf(&b, `{"id": "M%d", "title": {"de": "M"}, "goals": ["GK1"], "owner": "FKD", "status": "active", "start": "2026", "end": "2027", "progress": %s}`, i, progress)
	}
	b.WriteString("]}")
	code, body := post(t, srv.URL+"/validate", b.String())
	require.Equal(t, http.StatusOK, code)
	var answer struct {
		Valid    bool
		Problems []diag.Problem
	}
	require.NoError(t, json.Unmarshal([]byte(body), &answer))
	assert.False(t, answer.Valid)
	require.Len(t, answer.Problems, 1, body)
	assert.Equal(t, "/measures/150/progress", answer.Problems[0].Pointer)
	assert.Equal(t, diag.RuleNumber, answer.Problems[0].Rule)
}

// TestProblemsAreCapped sends 3,000 unknown members: 1,000 are listed, then
// one problem says how many more.
func TestProblemsAreCapped(t *testing.T) {
	srv := newServer(t, api.Config{})
	var b strings.Builder
	b.WriteString(`{"measures": [], "strategy": "bl-dt-2026"`)
	for i := range 3000 {
		fmt.Fprintf(&b, `, "x%d": 1`, i)
	}
	b.WriteString("}")
	_, body := post(t, srv.URL+"/validate", b.String())
	var answer struct{ Problems []diag.Problem }
	require.NoError(t, json.Unmarshal([]byte(body), &answer))
	require.Len(t, answer.Problems, diag.MaxProblems+1)
	last := answer.Problems[diag.MaxProblems]
	assert.Equal(t, diag.RuleTruncated, last.Rule)
	assert.Contains(t, last.Message, "more problems not listed")
}

// TestSlowBodyIsCutOff sends the headers and then nothing: the service
// gives up after its BodyTimeout, not after a minute.
func TestSlowBodyIsCutOff(t *testing.T) {
	srv := newServer(t, api.Config{BodyTimeout: 300 * time.Millisecond})
	conn, err := net.Dial("tcp", strings.TrimPrefix(srv.URL, "http://"))
	require.NoError(t, err)
	defer conn.Close()
	_, err = fmt.Fprintf(conn, "POST /validate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"id\":")
	require.NoError(t, err)
	require.NoError(t, conn.SetReadDeadline(time.Now().Add(10*time.Second)))
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	require.NoError(t, err, "an answer (or a closed connection) well before the test's 10 s")
	defer resp.Body.Close()
	assert.Equal(t, http.StatusRequestTimeout, resp.StatusCode)
}
