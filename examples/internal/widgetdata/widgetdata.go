// Package widgetdata derives the copies of the example data that the
// WebAssembly widget embeds: the strategy without the texts the widget
// never shows (vision, maxims, the focus areas' mottos and benefits, the
// goals' texts, the glossary), and the portfolio as it is; both written
// without white space. The widget's views of the example are the same with
// the copies as with the files (a test in wasm/explorer checks it); the
// copies are about 29 KB smaller compressed.
package widgetdata

import (
	"bytes"
	"encoding/json"
	"errors"
)

// dropped are the members the widget never reads, by level.
var (
	droppedTop   = []string{"$schema", "vision", "glossary"}
	droppedArea  = []string{"motto", "benefits"}
	droppedGoal  = []string{"text"}
	emptiedLists = []string{"maxims"}
)

// Strategy returns the widget's copy of the strategy file full.
func Strategy(full []byte) ([]byte, error) {
	d := json.NewDecoder(bytes.NewReader(full))
	d.UseNumber()
	var s map[string]any
	if err := d.Decode(&s); err != nil {
		return nil, err
	}
	drop(s, droppedTop)
	for _, k := range emptiedLists {
		if _, ok := s[k]; ok {
			s[k] = []any{}
		}
	}
	areas, _ := s["focusAreas"].([]any)
	if len(areas) == 0 {
		return nil, errors.New("widgetdata: the strategy has no focus areas")
	}
	for _, a := range areas {
		area, ok := a.(map[string]any)
		if !ok {
			return nil, errors.New("widgetdata: a focus area is not an object")
		}
		drop(area, droppedArea)
		goals, _ := area["goals"].([]any)
		for _, g := range goals {
			if goal, ok := g.(map[string]any); ok {
				drop(goal, droppedGoal)
			}
		}
	}
	var b bytes.Buffer
	e := json.NewEncoder(&b)
	e.SetEscapeHTML(false)
	if err := e.Encode(s); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Portfolio returns the widget's copy of the portfolio file full: the same
// JSON text without white space between tokens.
func Portfolio(full []byte) ([]byte, error) {
	var b bytes.Buffer
	if err := json.Compact(&b, full); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

func drop(m map[string]any, keys []string) {
	for _, k := range keys {
		delete(m, k)
	}
}
