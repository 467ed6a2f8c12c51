package partnership

import (
	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
)

// CountTargetKind says how a [CountTarget] is measured.
type CountTargetKind int

// Target kinds.
const (
	// PerYear: at least Min matching agreements signed in each calendar
	// year, from Since (or the first year a matching agreement was signed)
	// to the report date.
	PerYear CountTargetKind = 1 + iota
	// EveryDistrict: at least Min matching agreements in force on the report
	// date in every kecamatan of a kab/kota.
	EveryDistrict
)

var targetKindKeys = [...]string{PerYear: "per_year", EveryDistrict: "every_district"}

// IsValid reports whether k is one of the target kinds.
func (k CountTargetKind) IsValid() bool { return k > 0 && int(k) < len(targetKindKeys) }

// String returns "per_year" or "every_district"; "CountTargetKind(n)" for a
// number that names nothing.
func (k CountTargetKind) String() string {
	if !k.IsValid() {
		return unknown("CountTargetKind", int(k))
	}
	return targetKindKeys[k]
}

// ParseCountTargetKind parses "per_year" or "every_district".
func ParseCountTargetKind(s string) (CountTargetKind, error) {
	k := normKey(s)
	for v := PerYear; int(v) < len(targetKindKeys); v++ {
		if targetKindKeys[v] == k {
			return v, nil
		}
	}
	return 0, &ParseError{What: "target kind", Input: s, Msg: "want per_year or every_district"}
}

// MarshalText implements [encoding.TextMarshaler]; the zero CountTargetKind
// marshals as "".
func (k CountTargetKind) MarshalText() ([]byte, error) {
	return marshalKey(k.IsValid(), k.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (k *CountTargetKind) UnmarshalText(b []byte) error {
	return unmarshalKey(b, k, ParseCountTargetKind)
}

// CountTarget is a goal the agreements are measured against. Targets are data,
// not constants: [DefaultCountTargets] holds the national ones, and a Dinas adds
// its own (decoded from JSON, for instance). An agreement counts when its
// scope has Service and its partner is of Group and Category; a zero filter
// matches everything.
type CountTarget struct {
	Name     string          `json:"name"`
	Kind     CountTargetKind `json:"kind"`
	Min      int             `json:"min"`
	Service  Service         `json:"service,omitzero"`
	Group    Group           `json:"group,omitzero"`
	Category Category        `json:"category,omitzero"`
	Region   wilayah.Code    `json:"region,omitzero"` // EveryDistrict: the kab/kota; zero means every kab/kota of the report
	Since    int             `json:"since,omitempty"` // PerYear: the first year the target applies
	Source   string          `json:"source,omitempty"`
}

// DefaultCountTargets returns the national targets: at least 3 KIA-benefit PKS a
// year (pemanfaatan KIA, per kab/kota), and a PKS with a faskes in every
// kecamatan.
func DefaultCountTargets() []CountTarget {
	return []CountTarget{
		{Name: "kia_benefit_per_year", Kind: PerYear, Min: 3, Service: KIABenefit,
			Source: "national target for pemanfaatan KIA: 3 PKS per kab/kota"},
		{Name: "health_every_district", Kind: EveryDistrict, Min: 1, Group: GroupHealth,
			Source: "jemput bola roll-out: a faskes partner in every kecamatan"},
	}
}

func (t *CountTarget) matches(a *Agreement) bool {
	return (t.Service == 0 || a.Scope.Services.Has(t.Service)) &&
		(t.Group == 0 || a.Partner.Group() == t.Group) &&
		(t.Category == 0 || a.Partner.Category == t.Category)
}

// CountTargetResult is a target measured for one year or one kab/kota.
type CountTargetResult struct {
	Target CountTarget
	Year   int          // PerYear: the year measured
	Region wilayah.Code // EveryDistrict: the kab/kota measured
	// Count is the number of matching agreements signed in Year (PerYear),
	// or of kecamatan with at least Min in force (EveryDistrict).
	Count int
	Of    int  // EveryDistrict: the number of kecamatan of Region
	Met   bool // Count >= Min (PerYear), or no kecamatan missing (EveryDistrict)
	// Partial is set for the year of the report date when the target is not
	// yet met: the year is not over.
	Partial bool
	Missing []wilayah.Region // EveryDistrict: the kecamatan below Min
}

// Evaluate measures each target on day d. PerYear targets give one result
// per year from Since (or else the first year a matching agreement was
// signed, at the latest d's year) to d's year, counting agreements signed on
// or before d; EveryDistrict targets
// give one result per kab/kota, Target.Region or else each of regions.
func Evaluate(as []Agreement, d adminduk.Date, targets []CountTarget, regions []wilayah.Code) ([]CountTargetResult, error) {
	cur := currentDistricts(as)
	return evaluate(len(as), func(i int) *Agreement { return &as[i] }, func(i int) wilayah.Code { return cur[i] }, d, targets, regions)
}

// evaluate is Evaluate of n agreements, at(i) the i-th and cur(i) its
// current kecamatan.
func evaluate(n int, at func(int) *Agreement, cur func(int) wilayah.Code, d adminduk.Date, targets []CountTarget, regions []wilayah.Code) ([]CountTargetResult, error) {
	var out []CountTargetResult
	for _, t := range targets {
		if err := t.Validate(); err != nil {
			return nil, err
		}
		switch t.Kind {
		case PerYear:
			from := d.Year()
			counts := make(map[int]int)
			for i := range n {
				a := at(i)
				if a.State != Draft && !a.Signed.IsZero() && !a.Signed.After(d) && t.matches(a) {
					counts[a.Signed.Year()]++
					from = min(from, a.Signed.Year())
				}
			}
			if t.Since != 0 {
				from = t.Since
			}
			for y := from; y <= d.Year(); y++ {
				r := CountTargetResult{Target: t, Year: y, Count: counts[y], Met: counts[y] >= t.Min}
				r.Partial = !r.Met && y == d.Year() && !(d.Month() == 12 && d.Day() == 31)
				out = append(out, r)
			}
		case EveryDistrict:
			perDistrict := make(map[wilayah.Code]int)
			for i := range n {
				a := at(i)
				if a.InForce(d) && t.matches(a) {
					perDistrict[cur(i)]++
				}
			}
			covered := make(map[wilayah.Code]bool, len(perDistrict))
			for k, n := range perDistrict {
				covered[k] = n >= t.Min
			}
			scope := regions
			if t.Region.IsValid() {
				scope = []wilayah.Code{t.Region}
			}
			for _, reg := range scope {
				missing := uncoveredIn(reg, covered)
				of := len(wilayah.Children(resolved(reg)))
				out = append(out, CountTargetResult{Target: t, Region: reg, Count: of - len(missing), Of: of, Met: len(missing) == 0 && of > 0, Missing: missing})
			}
		}
	}
	return out, nil
}

func resolved(c wilayah.Code) wilayah.Code {
	if r, ok := wilayah.Resolve(c); ok {
		return r.Code
	}
	return c
}
