package schema

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/bl-digital/kompass/schema/internal/gen"
	"github.com/santhosh-tekuri/jsonschema/v5"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCommittedSchemasUpToDate regenerates the schemas in memory and fails
// when the committed files differ from what the Go types generate.
func TestCommittedSchemasUpToDate(t *testing.T) {
	tests := []struct {
		file      string
		generate  func(string) ([]byte, error)
		committed []byte
	}{
		{gen.StrategyFile, gen.Strategy, StrategyJSON},
		{gen.PortfolioFile, gen.Portfolio, PortfolioJSON},
	}
	for _, tc := range tests {
		got, err := tc.generate("..")
		require.NoError(t, err)
		if !bytes.Equal(got, tc.committed) {
			t.Errorf("schema/%s differs from what the Go types generate: run go generate ./...", tc.file)
		}
	}
}

// TestSchemasAgainstMetaSchema validates both schema files against the
// draft 2020-12 meta-schema.
func TestSchemasAgainstMetaSchema(t *testing.T) {
	meta, err := jsonschema.Compile("https://json-schema.org/draft/2020-12/schema")
	require.NoError(t, err)
	for name, b := range map[string][]byte{"strategy": StrategyJSON, "portfolio": PortfolioJSON} {
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.UseNumber()
		var v any
		require.NoError(t, dec.Decode(&v), name)
		assert.NoError(t, meta.Validate(v), name)
		m := v.(map[string]any)
		assert.Equal(t, "https://json-schema.org/draft/2020-12/schema", m["$schema"], name)
		assert.Equal(t, map[string]any{"type": "string", "description": "The URL or relative path of the JSON Schema, for editors."},
			m["properties"].(map[string]any)["$schema"], "%s: a top-level $schema is allowed", name)
	}
}

func TestSchemasCompile(t *testing.T) {
	c, err := load()
	require.NoError(t, err)
	assert.NotNil(t, c.measure)
	_, ok := c.at[PortfolioURL+"#/$defs/Measure"]
	assert.True(t, ok, "the measure schema is indexed, to explain its errors")
}
