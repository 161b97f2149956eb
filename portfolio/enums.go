package portfolio

import (
	"slices"

	"github.com/bl-digital/kompass/internal/enum"
)

// Status is a measure's life-cycle status as its owner reports it.
type Status string

const (
	Planned   Status = "planned"
	Active    Status = "active"
	Paused    Status = "paused"
	Completed Status = "completed"
	Cancelled Status = "cancelled"
)

// Statuses returns, in a new slice, every Status.
func Statuses() []Status { return slices.Clone(statuses[:]) }

var statuses = [...]Status{Planned, Active, Paused, Completed, Cancelled}

func (s Status) String() string { return string(s) }

// MarshalText writes s; it fails for an unknown value.
func (s Status) MarshalText() ([]byte, error) { return enum.Marshal("status", s, statuses[:]) }

// UnmarshalText accepts only the values in Statuses.
func (s *Status) UnmarshalText(b []byte) error { return enum.Unmarshal("status", b, s, statuses[:]) }

// Field is a field of action a measure works in (Handlungsfeld).
type Field string

const (
	Processes   Field = "processes"   // Prozesse
	Competences Field = "competences" // Kompetenzen
	Culture     Field = "culture"     // Kultur
	Technology  Field = "technology"  // Technologie
	Services    Field = "services"    // Leistungen
	Data        Field = "data"        // Daten
	Law         Field = "law"         // Recht
)

// Fields returns, in a new slice, every Field.
func Fields() []Field { return slices.Clone(fields[:]) }

var fields = [...]Field{Processes, Competences, Culture, Technology, Services, Data, Law}

func (f Field) String() string { return string(f) }

// MarshalText writes f; it fails for an unknown value.
func (f Field) MarshalText() ([]byte, error) { return enum.Marshal("field", f, fields[:]) }

// UnmarshalText accepts only the values in Fields.
func (f *Field) UnmarshalText(b []byte) error { return enum.Unmarshal("field", b, f, fields[:]) }

// Purpose is what a measure's money buys, after interpellation 2024/188, a–d.
type Purpose string

const (
	Effectiveness      Purpose = "effectiveness"       // a) more effective administration
	ServiceEfficiency  Purpose = "service-efficiency"  // b) more efficient services for the public and business
	FewerVisits        Purpose = "fewer-visits"        // c) fewer visits to offices
	InternalEfficiency Purpose = "internal-efficiency" // d) more efficient internal processes
)

// Purposes returns, in a new slice, every Purpose in the order of the interpellation (a–d).
func Purposes() []Purpose { return slices.Clone(purposes[:]) }

var purposes = [...]Purpose{Effectiveness, ServiceEfficiency, FewerVisits, InternalEfficiency}

func (p Purpose) String() string { return string(p) }

// MarshalText writes p; it fails for an unknown value.
func (p Purpose) MarshalText() ([]byte, error) { return enum.Marshal("purpose", p, purposes[:]) }

// UnmarshalText accepts only the values in Purposes.
func (p *Purpose) UnmarshalText(b []byte) error { return enum.Unmarshal("purpose", b, p, purposes[:]) }

// Rating is an owner's own rating of a measure's schedule.
type Rating string

const (
	OnTrack Rating = "on-track"
	AtRisk  Rating = "at-risk"
	Late    Rating = "late"
)

// Ratings returns, in a new slice, every Rating, best first.
func Ratings() []Rating { return slices.Clone(ratings[:]) }

var ratings = [...]Rating{OnTrack, AtRisk, Late}

func (r Rating) String() string { return string(r) }

// MarshalText writes r; it fails for an unknown value.
func (r Rating) MarshalText() ([]byte, error) { return enum.Marshal("rating", r, ratings[:]) }

// UnmarshalText accepts only the values in Ratings.
func (r *Rating) UnmarshalText(b []byte) error { return enum.Unmarshal("rating", b, r, ratings[:]) }

// Currency is the currency of amounts; only CHF is supported.
type Currency string

// CHF is Swiss francs.
const CHF Currency = "CHF"

// Currencies returns, in a new slice, the supported currencies.
func Currencies() []Currency { return slices.Clone(currencies[:]) }

var currencies = [...]Currency{CHF}

func (c Currency) String() string { return string(c) }

// MarshalText writes c; it fails for an unknown value.
func (c Currency) MarshalText() ([]byte, error) { return enum.Marshal("currency", c, currencies[:]) }

// UnmarshalText accepts only the values in Currencies.
func (c *Currency) UnmarshalText(b []byte) error { return enum.Unmarshal("currency", b, c, currencies[:]) }
