// Package enum holds the shared mechanics of Kompass's typed string enums:
// parsing with a clear error for unknown values, and text marshalling. Their
// JSON Schemas are made by the schema generator (schema/internal/gen), so
// that decoding links no JSON Schema library.
package enum

import (
	"errors"
	"strings"

	"github.com/bl-digital/kompass/diag"
)

// Parse returns the value of values that equals s, or an error that lists the
// allowed values. kind names the enum in the error ("status", "field", ...).
func Parse[T ~string](kind, s string, values []T) (T, error) {
	for _, v := range values {
		if string(v) == s {
			return v, nil
		}
	}
	return "", errors.New("unknown " + kind + " " + diag.Quote(s) + " (allowed: " + List(values) + ")")
}

// List joins values for messages: "a, b, c".
func List[T ~string](values []T) string {
	s := make([]string, len(values))
	for i, v := range values {
		s[i] = string(v)
	}
	return strings.Join(s, ", ")
}

// Marshal returns v as text, or the error of Parse for a value not in values.
func Marshal[T ~string](kind string, v T, values []T) ([]byte, error) {
	if _, err := Parse(kind, string(v), values); err != nil {
		return nil, err
	}
	return []byte(v), nil
}

// Unmarshal parses b into dst, accepting only values.
func Unmarshal[T ~string](kind string, b []byte, dst *T, values []T) error {
	v, err := Parse(kind, string(b), values)
	if err == nil {
		*dst = v
	}
	return err
}
