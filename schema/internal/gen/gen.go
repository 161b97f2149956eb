// Package gen generates Kompass's JSON Schemas from the Go types of packages
// strategy and portfolio, with descriptions from their doc comments. It is
// used by the generator program (schema/gen.go, run by go generate) and by
// the test that keeps the committed schema files in step with the types.
package gen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"

	"github.com/bl-digital/kompass/portfolio"
	"github.com/bl-digital/kompass/strategy"
	"github.com/invopop/jsonschema"
)

// BaseURL is where the schemas are published; each schema's $id is BaseURL
// followed by its file name.
const BaseURL = "https://kompass.bl-digital.ch/schema/"

// Schema files, as named under schema/ and in their $id.
const (
	StrategyFile  = "strategy.schema.json"
	PortfolioFile = "portfolio.schema.json"
)

const module = "github.com/bl-digital/kompass"

// Strategy generates strategy.schema.json. root is the path from the
// working directory to the module's root, where the Go sources are read for
// their doc comments.
func Strategy(root string) ([]byte, error) {
	return generate(root, &strategy.Strategy{}, StrategyFile,
		"Kompass strategy", "A digital-transformation strategy: vision, maxims, focus areas and their goals.")
}

// Portfolio generates portfolio.schema.json; root is as for Strategy.
func Portfolio(root string) ([]byte, error) {
	return generate(root, &portfolio.Portfolio{}, PortfolioFile,
		"Kompass portfolio", "A portfolio of measures that carries out a strategy, as of a date.")
}

func generate(root string, v any, file, title, description string) ([]byte, error) {
	vocab := vocabulary()
	used := map[string]*jsonschema.Schema{}
	r := &jsonschema.Reflector{
		ExpandedStruct: true, // the document's type is the root, not a $ref
		// The vocabulary types are defined once under $defs and referred to.
		Mapper: func(t reflect.Type) *jsonschema.Schema {
			def, ok := vocab[t]
			if !ok {
				return nil
			}
			used[t.Name()] = def
			return &jsonschema.Schema{Ref: "#/$defs/" + t.Name()}
		},
	}
	// AddGoComments names packages by joining its base with the directory
	// walked; walking from the module's root gives the import paths.
	for _, pkg := range []string{"strategy", "portfolio"} {
		if err := r.AddGoComments(module, filepath.Join(root, pkg)); err != nil {
			return nil, fmt.Errorf("reading doc comments of %s: %w", pkg, err)
		}
	}
	fixCommentKeys(r.CommentMap, root)
	for k, c := range r.CommentMap {
		r.CommentMap[k] = plainDescription(k, c)
	}
	s := r.Reflect(v)
	for name, def := range used {
		s.Definitions[name] = def
	}
	s.ID = jsonschema.ID(BaseURL + file)
	s.Title = title
	s.Description = description
	if err := check(s); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// fixCommentKeys rewrites comment keys made from a relative root ("../strategy"
// joined to the module path) into import paths.
func fixCommentKeys(m map[string]string, root string) {
	for k, v := range m {
		for _, pkg := range []string{"strategy", "portfolio"} {
			bad := filepath.ToSlash(filepath.Join(module, root, pkg))
			good := module + "/" + pkg
			if bad != good && len(k) > len(bad) && k[:len(bad)] == bad && k[len(bad)] == '.' {
				delete(m, k)
				m[good+k[len(bad):]] = v
			}
		}
	}
}

// plainDescription turns a Go field comment such as "Title is the
// measure's name." into a description for data files: "The measure's name."
func plainDescription(key, comment string) string {
	field := key[strings.LastIndexByte(key, '.')+1:]
	for _, verb := range []string{" is ", " are "} {
		if rest, ok := strings.CutPrefix(comment, field+verb); ok && rest != "" {
			return strings.ToUpper(rest[:1]) + rest[1:]
		}
	}
	return comment
}

// check makes sure the generated schema is what the contract says: every
// object closed (additionalProperties false) except the free "extensions"
// objects.
func check(s *jsonschema.Schema) error {
	for name, def := range s.Definitions {
		if err := checkObject(name, def); err != nil {
			return err
		}
	}
	return checkObject("(root)", s)
}

func checkObject(name string, s *jsonschema.Schema) error {
	if s.Type != "object" {
		return nil
	}
	if !reflect.DeepEqual(s.AdditionalProperties, jsonschema.FalseSchema) {
		return fmt.Errorf("schema %s: objects must set additionalProperties false", name)
	}
	for p := s.Properties.Oldest(); p != nil; p = p.Next() {
		if p.Key != "extensions" && p.Value.Type == "object" && p.Value.AdditionalProperties == nil {
			return fmt.Errorf("schema %s: property %s is an open object", name, p.Key)
		}
	}
	return nil
}
