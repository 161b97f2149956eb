package strategy

import (
	"fmt"

	"github.com/bl-digital/kompass/diag"
	"github.com/bl-digital/kompass/internal/idset"
)

// Validate checks what the JSON Schema cannot: ids unique within their kind
// (goal ids across the whole strategy) and a period whose end is not before
// its start. Problems carry JSON pointers but no positions; the loaders fill
// those in.
func (s *Strategy) Validate() diag.List {
	var l diag.List
	if s.Period.End < s.Period.Start {
		l = append(l, diag.Problem{Pointer: "/period/end", Rule: "period",
			Message: fmt.Sprintf("period end %d is before its start %d", s.Period.End, s.Period.Start)})
	}
	maxims := idset.New[ID]("maxim")
	for i, m := range s.Maxims {
		l = maxims.Add(l, m.ID, diag.Pointer("maxims", i, "id"))
	}
	areas, goals := idset.New[ID]("focus area"), idset.New[ID]("goal")
	for i, fa := range s.FocusAreas {
		l = areas.Add(l, fa.ID, diag.Pointer("focusAreas", i, "id"))
		for j, g := range fa.Goals {
			l = goals.Add(l, g.ID, diag.Pointer("focusAreas", i, "goals", j, "id"))
		}
	}
	return l
}
