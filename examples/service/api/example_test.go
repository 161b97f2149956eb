package api_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/bl-digital/kompass/examples/service/api"
)

// A service mounts the handler like any other; here a request to validate
// a portfolio with a goal the strategy does not have.
func Example() {
	h, err := api.New(api.Config{})
	if err != nil {
		fmt.Println(err)
		return
	}
	body := `{"id": "p", "title": {"de": "P"}, "strategy": "bl-dt-2026", "asOf": "2026-06-30", "currency": "CHF",
 "organisations": [{"id": "FKD", "name": {"de": "FKD"}}],
 "measures": [{"id": "M", "title": {"de": "M"}, "goals": ["XX1"], "owner": "FKD", "status": "planned",
  "start": "2027", "end": "2028"}]}`
	req := httptest.NewRequest(http.MethodPost, "/validate", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	fmt.Println(rec.Code)
	fmt.Print(rec.Body.String())
	// Output:
	// 200
	// {
	//   "valid": false,
	//   "kind": "portfolio",
	//   "problems": [
	//     {
	//       "line": 3,
	//       "column": 59,
	//       "pointer": "/measures/0/goals/0",
	//       "rule": "unknown-goal",
	//       "severity": "error",
	//       "message": "goal \"XX1\" is not a goal of strategy \"bl-dt-2026\""
	//     }
	//   ]
	// }
}
