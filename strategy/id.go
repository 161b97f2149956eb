package strategy

// IDPattern is the pattern every id matches.
const IDPattern = `^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`

// ID identifies a strategy, maxim, focus area, goal, organisation, measure or
// indicator. Ids match IDPattern and are unique within their kind; goal ids
// are unique across the whole strategy.
type ID string

// Valid reports whether id matches IDPattern. It is written out by hand
// rather than with package regexp, which would add to the WebAssembly
// widget's size; a test checks it against IDPattern.
func (id ID) Valid() bool {
	if len(id) == 0 || len(id) > 64 {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		case i > 0 && (c == '.' || c == '_' || c == '-'):
		default:
			return false
		}
	}
	return true
}
