package jsondoc

import "testing"

func TestUPlus(t *testing.T) {
	tests := []struct {
		r    rune
		want string
	}{{0x09, "U+0009"}, {0x1f, "U+001F"}, {0xFEFF, "U+FEFF"}, {0x1F600, "U+1F600"}, {0x10FFFF, "U+10FFFF"}}
	for _, tt := range tests {
		if got := uPlus(tt.r); got != tt.want {
			t.Errorf("uPlus(%#x) = %q, want %q (reason: Unicode's notation, at least four upper-case digits)", tt.r, got, tt.want)
		}
	}
}
