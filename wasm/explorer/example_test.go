package explorer_test

import (
	"fmt"

	"github.com/bl-digital/kompass/wasm/explorer"
)

func ExampleEncodeHash() {
	cfg := explorer.Config{}
	s := explorer.Default(cfg).SetView(explorer.Measures).Select("PPM")
	h := explorer.EncodeHash("#other.v=timeline", "kompass.", s, cfg)
	fmt.Println(h)
	fmt.Println(explorer.DecodeHash(h, "kompass.", cfg).Selected)
	// Output:
	// #other.v=timeline&kompass.v=measures&kompass.m=PPM
	// PPM
}

func ExampleAmount() {
	for _, lang := range explorer.Langs {
		fmt.Printf("%s %q\n", lang, explorer.Amount(lang, 1200000))
	}
	// Output:
	// de "CHF\u00a01'200'000"
	// fr "CHF\u00a01'200'000"
	// it "CHF\u00a01'200'000"
	// en "CHF\u00a01'200'000"
}

func ExampleMsg() {
	fmt.Println(explorer.Msg("fr", "count", "n", "3", "m", "50"))
	// Output: 3 mesures sur 50
}

func ExampleNode_String() {
	n := explorer.El("p", explorer.A("class", "kx-count", "role", "status"), explorer.T("3 von 50 Massnahmen"))
	fmt.Print(n)
	// Output:
	// <p class="kx-count" role="status">
	//   "3 von 50 Massnahmen"
}
