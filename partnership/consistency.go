package partnership

import (
	"strconv"

	"github.com/adminduk-id/adminduk/adminduk"
)

// Subtotal is one labelled count of a breakdown: "rumah_sakit" 8.
type Subtotal struct {
	Label string `json:"label"`
	N     int    `json:"n"`
}

// CheckSubtotals returns a *[TotalError] unwrapping to [ErrInconsistent] when
// the parts do not sum to the stated total, nil when they do. Press figures
// carry typos: Kabupaten Serang published "46 PKS" listed as 8 hospitals, 2
// clinics, 12 midwives and 25 puskesmas, which sum to 47.
func CheckSubtotals(label string, stated int, parts ...Subtotal) error {
	sum := 0
	for _, p := range parts {
		sum += p.N
	}
	if sum == stated {
		return nil
	}
	return &TotalError{Label: label, Stated: stated, Sum: sum, Parts: append([]Subtotal(nil), parts...)}
}

// StatedTotal is a published figure about the agreements, such as "46 health PKS",
// that a [Report] checks: against its own breakdown when Parts is given, and
// against the agreements in force on the report date that match Group and
// Category (zero matches all).
type StatedTotal struct {
	Label    string     `json:"label"`
	Total    int        `json:"total"`
	Parts    []Subtotal `json:"parts,omitempty"` // the published breakdown, labelled as the publisher did
	Group    Group      `json:"group,omitzero"`
	Category Category   `json:"category,omitzero"`
}

// matches reports whether an agreement's partner falls under the claim.
func (c *StatedTotal) matches(cat Category) bool {
	return (c.Group == 0 || cat.Group() == c.Group) && (c.Category == 0 || cat == c.Category)
}

// check returns the inconsistencies of the claim: the published parts
// against the published total, then the data's parts (in force on d, by
// category) against the published total.
func (c *StatedTotal) check(d adminduk.Date, inForce map[Category]int) []error {
	var errs []error
	label := c.Label
	if label == "" {
		label = "claim of " + strconv.Itoa(c.Total)
	}
	if len(c.Parts) > 0 {
		if err := CheckSubtotals(label+" (as published)", c.Total, c.Parts...); err != nil {
			errs = append(errs, err)
		}
	}
	var parts []Subtotal
	for _, cat := range Categories() {
		if n := inForce[cat]; n > 0 && c.matches(cat) {
			parts = append(parts, Subtotal{cat.String(), n})
		}
	}
	if err := CheckSubtotals(label+" in force on "+d.String(), c.Total, parts...); err != nil {
		errs = append(errs, err)
	}
	return errs
}
