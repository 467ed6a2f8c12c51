package coverage

import (
	"encoding/json"
	"strconv"

	"github.com/adminduk-id/adminduk/adminduk"
)

// ClaimedPercent is a percent as published, with the number of decimals it was
// printed with: "95,2 %" is checked at one decimal, "95.24 %" at two.
type ClaimedPercent struct {
	Value    Percent // in hundredths, as every Percent
	Decimals int     // 0, 1 or 2
}

// ParseClaimedPercent reads a published percent as [ParsePercent] does and records
// its precision.
func ParseClaimedPercent(s string) (ClaimedPercent, error) {
	v, d, err := parseDecimal(s)
	if err != nil {
		return ClaimedPercent{}, err
	}
	return ClaimedPercent{Value: v, Decimals: d}, nil
}

// MustParseClaimedPercent is like [ParseClaimedPercent] but panics on error.
func MustParseClaimedPercent(s string) ClaimedPercent {
	c, err := ParseClaimedPercent(s)
	if err != nil {
		panic(err)
	}
	return c
}

// String returns the claim as printed, in English: "65.24 %", "95.2 %".
func (c ClaimedPercent) String() string { return c.In(adminduk.English) }

// In returns the claim written in lang with its own number of decimals.
func (c ClaimedPercent) In(lang adminduk.Lang) string {
	s := string(c.Value.appendNumber(nil, lang))
	if d := min(max(c.Decimals, 0), 2); d < 2 {
		s = s[:len(s)-2+d]
		if d == 0 {
			s = s[:len(s)-1]
		}
	}
	return s + " %"
}

// scale returns 10^(2+Decimals): the number of claim units in 100 %.
func (c ClaimedPercent) scale() (uint64, int64) {
	switch c.Decimals {
	case 0:
		return 100, 100
	case 1:
		return 1000, 10
	}
	return 10000, 1
}

// Check compares the claim with the counts at the claim's precision. It
// returns the correct figure at that precision (in hundredths) and whether
// the claim matches, and whether the claim equals the counts' percent
// truncated instead of rounded half up.
func (c ClaimedPercent) Check(n Counts) (correct Percent, ok, truncated bool) {
	if n.Validate() != nil {
		return 0, false, false
	}
	scale, unit := c.scale()
	r, ok1 := roundRatio(uint64(n.With), uint64(n.Required), scale)
	f, ok2 := floorRatio(uint64(n.With), uint64(n.Required), scale)
	if !ok1 || !ok2 {
		return 0, false, false
	}
	correct = Percent(int64(r) * unit)
	return correct, correct == c.Value, Percent(int64(f)*unit) == c.Value && r != f
}

// Figures are coverage counts as published, with the figures a report
// states beside them, to be checked against each other by [Figures.Check].
type Figures struct {
	// Label says what is counted, for messages: "akta 0-18 Sukamara".
	Label    string
	Required int64
	With     int64
	// Without is the published count without the document; nil when not
	// stated.
	Without *int64
	// Claimed is the published percent; nil when not stated.
	Claimed *ClaimedPercent
	// Target is the target to measure against; nil for none.
	Target *Percent
	// Parts are published parts of Required, such as its figures per
	// kecamatan or per age group; checked to sum to Required when given.
	Parts []Part
}

// Result is what [Figures.Check] makes of published figures: the exact
// percent, the gap to the target, and warnings that carry the correct
// figures.
type Result struct {
	Label string
	Counts
	Percent Percent
	// Target is the target measured against, nil when none was given; Need,
	// Gap and Meets are then zero.
	Target *Percent
	// Need is ceil(Target x Required), the children who must hold the
	// document; Gap is Need - With, never negative.
	Need, Gap int64
	Meets     bool
	Warnings  []Warning
}

// Consistent reports whether no warning says the figures contradict each
// other (a claimed percent, with + without, parts and total). Coverage above
// 100 % is reported but is not an inconsistency.
func (r Result) Consistent() bool {
	for _, w := range r.Warnings {
		if w.Kind.Inconsistent() {
			return false
		}
	}
	return true
}

// MarshalJSON writes the result with the keys of the CLI: percent, target,
// gap, meets_target (null without a target), consistent, warnings, and the
// counts.
func (r Result) MarshalJSON() ([]byte, error) {
	type out struct {
		Label       string    `json:"label,omitempty"`
		Percent     Percent   `json:"percent"`
		Target      *Percent  `json:"target"`
		Gap         *int64    `json:"gap"`
		MeetsTarget *bool     `json:"meets_target"`
		Consistent  bool      `json:"consistent"`
		Warnings    []Warning `json:"warnings"`
		Required    int64     `json:"required"`
		With        int64     `json:"with"`
		Without     int64     `json:"without"`
		Need        *int64    `json:"need"`
	}
	o := out{Label: r.Label, Percent: r.Percent, Target: r.Target, Consistent: r.Consistent(), Warnings: r.Warnings,
		Required: r.Required, With: r.With, Without: r.Without()}
	if o.Warnings == nil {
		o.Warnings = []Warning{}
	}
	if r.Target != nil {
		o.Gap, o.MeetsTarget, o.Need = &r.Gap, &r.Meets, &r.Need
	}
	return json.Marshal(o)
}

// Check computes the percent and the gap to the target and checks the
// published figures against each other: with + without against required,
// the claimed percent against the counts, the parts against required. It returns an error, which
// unwraps to [ErrInvalid], only for figures no percent can be computed from
// (a negative count, no children required) or a target outside 0-100 %.
func (f Figures) Check() (Result, error) {
	n := Counts{Required: f.Required, With: f.With}
	if err := n.Validate(); err != nil {
		return Result{}, err
	}
	if f.Without != nil && *f.Without < 0 {
		return Result{}, invalid("without", adminduk.CodeRange, strconv.FormatInt(*f.Without, 10)+" is negative", strconv.FormatInt(*f.Without, 10)+" negatif", nil)
	}
	if f.Target != nil {
		if err := ValidateTarget(*f.Target); err != nil {
			return Result{}, err
		}
	}
	p, err := PercentOf(f.With, f.Required)
	if err != nil {
		return Result{}, err
	}
	r := Result{Label: f.Label, Counts: n, Percent: p}
	if f.Target != nil {
		t := *f.Target
		r.Target = &t
		r.Need, r.Gap = n.Need(t), n.Gap(t)
		r.Meets = r.Gap == 0
	}
	if f.Without != nil {
		sum, exact := addExact(f.With, *f.Without)
		w := Warning{Kind: WarnWithoutSum, Label: f.Label, Stated: f.Required, Computed: sum}
		switch {
		case !exact:
			// The sum is beyond int64: it cannot be required, whatever the
			// saturated value says.
			w.Msg, w.msgID = bilingual(func(l adminduk.Lang) string {
				return pick(l, "with ", "memiliki ") + group(f.With, l) + pick(l, " + without ", " + belum ") + group(*f.Without, l) +
					pick(l, " overflows a 64-bit count, so it cannot be the ", " melampaui bilangan 64-bit, jadi tidak mungkin sama dengan wajib ") +
					group(f.Required, l) + pick(l, " required", "")
			})
			r.Warnings = append(r.Warnings, w)
		case sum != f.Required:
			w.Msg, w.msgID = bilingual(func(l adminduk.Lang) string {
				return pick(l, "with ", "memiliki ") + group(f.With, l) + pick(l, " + without ", " + belum ") + group(*f.Without, l) +
					" = " + group(sum, l) + pick(l, ", not the ", ", bukan wajib ") + group(f.Required, l) +
					pick(l, " required (off by ", " (selisih ") + group(sum-f.Required, l) + ")"
			})
			r.Warnings = append(r.Warnings, w)
		}
	}
	if f.Claimed != nil {
		c := *f.Claimed
		if correct, ok, trunc := c.Check(n); !ok {
			fixed := ClaimedPercent{Value: correct, Decimals: c.Decimals}
			w := Warning{Kind: WarnClaimedPercent, Label: f.Label, Stated: int64(c.Value), Computed: int64(correct)}
			w.Msg, w.msgID = bilingual(func(l adminduk.Lang) string {
				msg := pick(l, "claimed ", "dinyatakan ") + c.In(l) + pick(l, ", but ", ", padahal ") + group(f.With, l) +
					pick(l, " of ", " dari ") + group(f.Required, l) + pick(l, " is ", " adalah ") + fixed.In(l)
				if c.Decimals < 2 {
					msg += " (" + p.In(l) + ")"
				}
				switch {
				case trunc:
					msg += pick(l, " (truncated, not rounded half up)", " (dipotong, bukan dibulatkan)")
				case oneDigitApart(c, fixed):
					msg += pick(l, " (one digit differs: a typo?)", " (satu angka berbeda: salah ketik?)")
				}
				return msg
			})
			r.Warnings = append(r.Warnings, w)
		}
	}
	if len(f.Parts) > 0 {
		label := "required"
		if f.Label != "" {
			label = f.Label + ": required"
		}
		if w, bad := CheckTotal(label, f.Required, f.Parts...); bad {
			r.Warnings = append(r.Warnings, w)
		}
	}
	if f.With > f.Required {
		w := Warning{Kind: WarnAbove100, Label: f.Label, Stated: f.With, Computed: f.Required}
		w.Msg, w.msgID = bilingual(func(l adminduk.Lang) string {
			return group(f.With, l) + pick(l, " hold it but ", " memiliki padahal wajib hanya ") + group(f.Required, l) +
				pick(l, " are required: ", ": ") + p.In(l) +
				pick(l, ", above 100 % (is the population figure older than the count?)", ", di atas 100 % (data penduduk lebih lama dari hitungan?)")
		})
		r.Warnings = append(r.Warnings, w)
	}
	return r, nil
}

// oneDigitApart reports whether two claims written with the same number of
// digits differ in exactly one of them: 65.24 for 95.24.
func oneDigitApart(a, b ClaimedPercent) bool {
	x, y := a.String(), b.String()
	if len(x) != len(y) {
		return false
	}
	diff := 0
	for i := range len(x) {
		if x[i] != y[i] {
			diff++
		}
	}
	return diff == 1
}

// Part is one of the figures that should sum to a stated total.
type Part struct {
	Label string
	N     int64
}

// CheckTotal compares a stated total with the sum of its parts and returns
// a [WarnPartsTotal] warning, with the correct sum, when they differ. A sum
// beyond int64 always differs (Computed then holds the saturated sum).
func CheckTotal(label string, stated int64, parts ...Part) (Warning, bool) {
	var sum int64
	exact := true
	for _, p := range parts {
		var ok bool
		if sum, ok = addExact(sum, p.N); !ok {
			exact = false
			break
		}
	}
	if exact && sum == stated {
		return Warning{}, false
	}
	w := Warning{Kind: WarnPartsTotal, Label: label, Stated: stated, Computed: sum}
	w.Msg, w.msgID = bilingual(func(l adminduk.Lang) string {
		msg := pick(l, "stated total ", "total dinyatakan ") + group(stated, l) + pick(l, ", but the parts sum to ", ", padahal jumlah rinciannya ") + group(sum, l)
		if !exact {
			msg = pick(l, "stated total ", "total dinyatakan ") + group(stated, l) +
				pick(l, ", but the sum of the parts overflows a 64-bit count", ", padahal jumlah rinciannya melampaui bilangan 64-bit")
		}
		if len(parts) > 0 {
			msg += " ("
			for i, p := range parts {
				if i > 0 {
					msg += " + "
				}
				if p.Label != "" {
					msg += p.Label + " "
				}
				msg += group(p.N, l)
			}
			msg += ")"
		}
		return msg
	})
	return w, true
}
