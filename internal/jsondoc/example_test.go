package jsondoc_test

import (
	"fmt"

	"github.com/bl-digital/kompass/diag"
	"github.com/bl-digital/kompass/internal/jsondoc"
)

func ExampleCheck() {
	data := []byte("{\n  \"id\": \"a\",\n  \"id\": \"b\",\n  \"list\": [1, 2, 3]\n}")
	doc, problems := jsondoc.Check(data, jsondoc.Options{Tree: true, Limits: []jsondoc.Limit{{Member: "list", Max: 2}}})
	fmt.Println(doc == nil)
	for _, p := range problems {
		fmt.Println(p)
	}
	// Output:
	// true
	// 3:3: /id: duplicate member "id" in one object
	// 4:18: /list: more than 2 items, the limit
}

func ExampleLocate() {
	data := []byte("{\n  \"measures\": [\n    {\"id\": \"M1\", \"owner\": \"XX\"}\n  ]\n}")
	problems := diag.List{{Pointer: "/measures/0/owner", Rule: diag.RuleUnknownOwner, Message: `owner "XX" is unknown`}}
	jsondoc.Locate(data, problems)
	fmt.Println(problems[0])
	// Output:
	// 3:18: /measures/0/owner: owner "XX" is unknown
}

func ExampleReader() {
	type point struct{ X, Y float64 }
	r := jsondoc.NewReader([]byte(`{"x": 1, "y": "2", "z": 3}`))
	var p point
	r.Object(func(name []byte) {
		switch string(name) {
		case "x":
			p.X = r.Float()
		case "y":
			p.Y = r.Float()
		default:
			r.Unknown()
		}
	})
	r.End()
	fmt.Println(p)
	for _, pr := range r.Problems() {
		fmt.Println(pr.Rule, pr)
	}
	// Output:
	// {1 0}
	// type 1:15: /y: expected number, but got string
	// unknown-property 1:20: /z: unknown property "z"
}
