package strategy

import (
	"slices"

	"github.com/bl-digital/kompass/internal/enum"
)

// Beneficiary is a group a goal or measure serves.
type Beneficiary string

const (
	Population Beneficiary = "population" // Bevölkerung
	Business   Beneficiary = "business"   // Wirtschaft
	Staff      Beneficiary = "staff"      // Mitarbeitende
)

// Beneficiaries returns, in a new slice, every Beneficiary in display order.
func Beneficiaries() []Beneficiary { return slices.Clone(beneficiaries[:]) }

var beneficiaries = [...]Beneficiary{Population, Business, Staff}

func (b Beneficiary) String() string { return string(b) }

// MarshalText writes b; it fails for a value not in Beneficiaries.
func (b Beneficiary) MarshalText() ([]byte, error) {
	return enum.Marshal("beneficiary", b, beneficiaries[:])
}

// UnmarshalText accepts only the values in Beneficiaries.
func (b *Beneficiary) UnmarshalText(text []byte) error {
	return enum.Unmarshal("beneficiary", text, b, beneficiaries[:])
}
