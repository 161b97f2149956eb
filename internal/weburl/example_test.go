package weburl_test

import (
	"fmt"

	"github.com/bl-digital/kompass/internal/weburl"
)

func ExampleURL_ResolveReference() {
	base, _ := weburl.Parse("https://www.bl.ch/politik/strategie.html")
	ref, _ := weburl.Parse("../data/portfolio.json")
	u := base.ResolveReference(ref)
	fmt.Println(u, u.Host)
	// Output:
	// https://www.bl.ch/data/portfolio.json www.bl.ch
}
