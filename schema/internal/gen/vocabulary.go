package gen

import (
	"reflect"

	"github.com/bl-digital/kompass/portfolio"
	"github.com/bl-digital/kompass/strategy"
	"github.com/invopop/jsonschema"
)

// vocabulary is the JSON Schema of each of Kompass's vocabulary types: the
// strings with a pattern (ID, Date), the enums (from their exported value
// lists) and multilingual Text. The types carry no JSONSchema methods, so
// that packages strategy and portfolio link no JSON Schema library (see
// the package documentation of schema).
func vocabulary() map[reflect.Type]*jsonschema.Schema {
	return map[reflect.Type]*jsonschema.Schema{
		reflect.TypeFor[strategy.ID](): {Type: "string", Pattern: strategy.IDPattern,
			Description: "An identifier: a letter or digit, then up to 63 letters, digits, '.', '_' or '-'."},
		reflect.TypeFor[strategy.Date](): {Type: "string", Pattern: strategy.DatePattern,
			Description: "A date: YYYY, YYYY-MM or YYYY-MM-DD. A period start means its first day, a period end its last day."},
		reflect.TypeFor[strategy.Text](): text(),
		reflect.TypeFor[strategy.Beneficiary](): enum(strategy.Beneficiaries(),
			"A group served: population (Bevölkerung), business (Wirtschaft) or staff (Mitarbeitende)."),
		reflect.TypeFor[portfolio.Status](): enum(portfolio.Statuses(),
			"The measure's status: planned, active, paused, completed or cancelled."),
		reflect.TypeFor[portfolio.Field](): enum(portfolio.Fields(),
			"A field of action: processes, competences, culture, technology, services, data or law."),
		reflect.TypeFor[portfolio.Purpose](): enum(portfolio.Purposes(),
			"What the measure's investment is for (interpellation 2024/188, a-d): effectiveness, service-efficiency, fewer-visits or internal-efficiency."),
		reflect.TypeFor[portfolio.Rating](): enum(portfolio.Ratings(),
			"The owner's own rating: on-track, at-risk or late."),
		reflect.TypeFor[portfolio.Currency](): enum(portfolio.Currencies(),
			"The currency of all amounts."),
	}
}

// enum is the schema of a string enum with the given values.
func enum[T ~string](values []T, description string) *jsonschema.Schema {
	e := make([]any, len(values))
	for i, v := range values {
		e[i] = string(v)
	}
	return &jsonschema.Schema{Type: "string", Enum: e, Description: description}
}

// text is the schema of strategy.Text: an object with a required German
// string and optional strings in the other strategy.Languages().
func text() *jsonschema.Schema {
	props := jsonschema.NewProperties()
	for _, l := range strategy.Languages() {
		if l == "de" {
			props.Set(l, &jsonschema.Schema{Type: "string", Pattern: strategy.VisiblePattern,
				Description: "The German text, which every reader falls back to: it must hold visible text."})
			continue
		}
		props.Set(l, &jsonschema.Schema{Type: "string"})
	}
	return &jsonschema.Schema{
		Type:                 "object",
		Description:          "Multilingual text keyed by language; de is required, fr, it and en are optional and fall back to de.",
		Properties:           props,
		Required:             []string{"de"},
		AdditionalProperties: jsonschema.FalseSchema,
	}
}
