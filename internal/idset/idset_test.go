package idset_test

import (
	"strconv"
	"testing"

	"github.com/bl-digital/kompass/diag"
	"github.com/bl-digital/kompass/internal/idset"
	"github.com/stretchr/testify/assert"
)

func TestSet(t *testing.T) {
	calls := 0
	s := idset.New[string]("measure", func(i int) string { calls++; return "/measures/" + strconv.Itoa(i) + "/id" })
	var l diag.List
	for i, id := range []string{"a", "b", "a", "c", "a"} {
		l = s.Add(l, id, i)
	}
	assert.Equal(t, diag.List{
		{Pointer: "/measures/2/id", Rule: diag.RuleDuplicateID, Message: `duplicate measure id "a" (first at /measures/0/id)`},
		{Pointer: "/measures/4/id", Rule: diag.RuleDuplicateID, Message: `duplicate measure id "a" (first at /measures/0/id)`},
	}, l, "every repeat is reported against the first use")
	assert.Equal(t, 4, calls, "pointers are built only for problems")
	assert.True(t, s.Has("c"))
	assert.False(t, s.Has("d"))
}
