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
	problems := diag.List{{Pointer: "/measures/0/owner", Rule: "unknown-owner", Message: `owner "XX" is unknown`}}
	jsondoc.Locate(data, problems)
	fmt.Println(problems[0])
	// Output:
	// 3:18: /measures/0/owner: owner "XX" is unknown
}
