package coverage

import (
	"math"
	"strconv"

	"github.com/adminduk-id/adminduk/adminduk"
)

// Counts are the two numbers behind a coverage figure: the children
// required to hold the document (wajib) and those who hold it. Without is
// derived; the percent, what a target needs and the gap are computed from
// them in integers.
type Counts struct {
	Required int64 `json:"required"`
	With     int64 `json:"with"`
}

// Without returns the children required who do not hold the document,
// Required - With: negative when With is above Required (coverage above
// 100 %, when the numerator is newer than the population snapshot).
func (c Counts) Without() int64 { return c.Required - c.With }

// Percent returns [PercentOf](With, Required), and false when it is
// undefined (no children required, a negative count, or out of range).
func (c Counts) Percent() (Percent, bool) {
	p, err := PercentOf(c.With, c.Required)
	return p, err == nil
}

// Need returns how many children must hold the document to reach target t:
// ceil(t x Required), computed exactly. A target outside 0-100 % is the
// caller's error; Need answers 0 below 0 and Required above 100 %.
func (c Counts) Need(t Percent) int64 {
	if c.Required <= 0 || t <= 0 {
		return 0
	}
	if t >= Hundred {
		return c.Required
	}
	n, _ := ceilRatio(uint64(c.Required), uint64(t), uint64(Hundred)) // t < 10000: fits
	return int64(n)
}

// Gap returns the children still needed to reach target t:
// ceil(t x Required) - With, never negative.
func (c Counts) Gap(t Percent) int64 { return max(0, c.Need(t)-c.With) }

// Meets reports whether With reaches target t, by the counts and not by the
// rounded percent: 97,996 of 100,000 shows as 98.00 %, but it takes 98,000
// to meet 98 % (Gap 4).
func (c Counts) Meets(t Percent) bool { return c.Gap(t) == 0 }

// Add returns the sum of c and o, saturating at the int64 range.
func (c Counts) Add(o Counts) Counts {
	return Counts{Required: satAdd(c.Required, o.Required), With: satAdd(c.With, o.With)}
}

// Validate checks that the counts are not negative and that some children
// are required.
func (c Counts) Validate() error {
	switch {
	case c.Required < 0:
		return invalid("required", adminduk.CodeRange, strconv.FormatInt(c.Required, 10)+" is negative", strconv.FormatInt(c.Required, 10)+" negatif", nil)
	case c.With < 0:
		return invalid("with", adminduk.CodeRange, strconv.FormatInt(c.With, 10)+" is negative", strconv.FormatInt(c.With, 10)+" negatif", nil)
	case c.Required == 0:
		return invalid("required", adminduk.CodeRequired, "no children required: the percent is undefined", "tidak ada anak wajib: persentase tidak terdefinisi", nil)
	}
	return nil
}

// addExact returns a + b and false when the sum overflows int64.
func addExact(a, b int64) (int64, bool) {
	s := a + b
	if (a > 0 && b > 0 && s < 0) || (a < 0 && b < 0 && s >= 0) {
		return satAdd(a, b), false
	}
	return s, true
}

func satAdd(a, b int64) int64 {
	s := a + b
	if a > 0 && b > 0 && s < 0 {
		return math.MaxInt64
	}
	if a < 0 && b < 0 && s >= 0 {
		return math.MinInt64
	}
	return s
}

// ValidateTarget checks that t is between 0 and 100 %.
func ValidateTarget(t Percent) error {
	if t < 0 || t > Hundred {
		return invalid("target", adminduk.CodeRange, t.String()+" is outside 0-100 %", t.In(adminduk.Indonesian)+" di luar 0-100 %", nil)
	}
	return nil
}
