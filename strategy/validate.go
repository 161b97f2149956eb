package strategy

import (
	"strconv"

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
		l = append(l, diag.Problem{Pointer: "/period/end", Rule: diag.RuleEndBeforeStart,
			Message: "period end " + strconv.Itoa(s.Period.End) + " is before its start " + strconv.Itoa(s.Period.Start)})
	}
	maxims := idset.New[ID]("maxim", func(i int) string { return diag.Pointer("maxims", i, "id") })
	for i, m := range s.Maxims {
		l = maxims.Add(l, m.ID, i)
	}
	areas := idset.New[ID]("focus area", func(i int) string { return diag.Pointer("focusAreas", i, "id") })
	// Goal ids are unique across the strategy; a goal's index is its
	// position in the flattened list, mapped back to its pointer.
	var goalAt [][2]int
	goals := idset.New[ID]("goal", func(k int) string {
		return diag.Pointer("focusAreas", goalAt[k][0], "goals", goalAt[k][1], "id")
	})
	for i, fa := range s.FocusAreas {
		l = areas.Add(l, fa.ID, i)
		for j, g := range fa.Goals {
			goalAt = append(goalAt, [2]int{i, j})
			l = goals.Add(l, g.ID, len(goalAt)-1)
		}
	}
	return l
}
