package strategy

import (
	"regexp"

	"github.com/invopop/jsonschema"
)

// IDPattern is the pattern every id matches.
const IDPattern = `^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`

var idRE = regexp.MustCompile(IDPattern)

// ID identifies a strategy, maxim, focus area, goal, organisation, measure or
// indicator. Ids match IDPattern and are unique within their kind; goal ids
// are unique across the whole strategy.
type ID string

// Valid reports whether id matches IDPattern.
func (id ID) Valid() bool { return idRE.MatchString(string(id)) }

// JSONSchema describes an id.
func (ID) JSONSchema() *jsonschema.Schema {
	return &jsonschema.Schema{Type: "string", Pattern: IDPattern,
		Description: "An identifier: a letter or digit, then up to 63 letters, digits, '.', '_' or '-'."}
}
