package strategy

import "slices"

// Languages returns, in a new slice, the languages a Text may carry, in order of preference
// after the reader's own. German is required.
func Languages() []string { return slices.Clone(languages[:]) }

var languages = [...]string{"de", "fr", "it", "en"}

// Text is multilingual text keyed by language ("de", "fr", "it", "en").
// German ("de") is required in data files; readers fall back to it.
type Text map[string]string

// In returns the text in lang, falling back to German and then to any
// language present, so a reader never sees nothing when something exists.
func (t Text) In(lang string) string {
	if s := t[lang]; s != "" {
		return s
	}
	if s := t["de"]; s != "" {
		return s
	}
	for _, l := range languages {
		if s := t[l]; s != "" {
			return s
		}
	}
	return ""
}

// String is the German text.
func (t Text) String() string { return t.In("de") }
