//go:build tools

package tools

import (
	_ "github.com/chromedp/chromedp"
	_ "github.com/go-json-experiment/json/jsontext"
	_ "github.com/invopop/jsonschema"
	_ "github.com/santhosh-tekuri/jsonschema/v5"
	_ "github.com/stretchr/testify/require"
	_ "honnef.co/go/js/dom/v2"
)
