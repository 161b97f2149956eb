package portfolio

import (
	"fmt"
	"testing"
)

func TestNumberAsFmt(t *testing.T) {
	for _, v := range []float64{0, 1, 100, 12.5, 0.1, 1e-5, 123456, 1234567, 1e21, 1e20, -3.25, 99.99999999} {
		if got, want := number(v), fmt.Sprintf("%v", v); got != want {
			t.Errorf("number(%v) = %q, fmt writes %q (reason: messages keep their wording without fmt)", v, got, want)
		}
	}
}
