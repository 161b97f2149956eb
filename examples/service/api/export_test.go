package api

import "github.com/bl-digital/kompass/schema"

// SetValidate replaces the validation function for a test and returns the
// function that restores it.
func SetValidate(f func([]byte, schema.Options) schema.Result) (restore func()) {
	old := validate
	validate = f
	return func() { validate = old }
}
