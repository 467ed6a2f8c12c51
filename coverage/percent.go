package coverage

import (
	"math"
	"math/bits"
	"strconv"
	"strings"

	"github.com/adminduk-id/adminduk/adminduk"
)

// Percent is a percentage held exactly as an integer number of hundredths
// of a percent: 9483 is 94.83 %. Arithmetic on it is integer arithmetic, so
// sums and differences of percents are exact. Its zero value is 0.00 %.
type Percent int64

// Hundred is 100.00 %.
const Hundred Percent = 10000

// PercentOf returns with / required x 100 rounded half up to 2 decimals,
// computed in 128-bit integers: there is no floating-point step, so every
// half-way case (such as 1 of 32, exactly 3.125 %) rounds up, to 3.13 %.
// A with above required gives a percent above 100, never clamped. Errors
// unwrap to [ErrInvalid] for a negative count or required 0, and to
// [ErrRange] for a result beyond the range of Percent.
func PercentOf(with, required int64) (Percent, error) {
	switch {
	case with < 0:
		return 0, invalid("with", adminduk.CodeRange, strconv.FormatInt(with, 10)+" is negative", strconv.FormatInt(with, 10)+" negatif", nil)
	case required < 0:
		return 0, invalid("required", adminduk.CodeRange, strconv.FormatInt(required, 10)+" is negative", strconv.FormatInt(required, 10)+" negatif", nil)
	case required == 0:
		return 0, invalid("required", adminduk.CodeRequired, "no children required: the percent is undefined", "tidak ada anak wajib: persentase tidak terdefinisi", nil)
	}
	q, ok := roundRatio(uint64(with), uint64(required), 10000)
	if !ok {
		return 0, invalid("with", adminduk.CodeRange, "percent out of range", "persentase di luar jangkauan", ErrRange)
	}
	return Percent(q), nil
}

// roundRatio returns a x scale / b rounded half up, floor((2·a·scale + b) /
// (2·b)), for b > 0 and b < 2^63; false when it does not fit an int64.
func roundRatio(a, b, scale uint64) (uint64, bool) {
	hi, lo := bits.Mul64(a, 2*scale)
	lo, c := bits.Add64(lo, b, 0)
	hi += c
	d := 2 * b
	if hi >= d {
		return 0, false
	}
	q, _ := bits.Div64(hi, lo, d)
	return q, q <= math.MaxInt64
}

// floorRatio returns floor(a x scale / b) for b > 0; false when it does not
// fit an int64.
func floorRatio(a, b, scale uint64) (uint64, bool) {
	hi, lo := bits.Mul64(a, scale)
	if hi >= b {
		return 0, false
	}
	q, _ := bits.Div64(hi, lo, b)
	return q, q <= math.MaxInt64
}

// ceilRatio returns ceil(a x b / d) for d > 0; false when it does not fit an
// int64.
func ceilRatio(a, b, d uint64) (uint64, bool) {
	hi, lo := bits.Mul64(a, b)
	lo, c := bits.Add64(lo, d-1, 0)
	hi += c
	if hi >= d {
		return 0, false
	}
	q, _ := bits.Div64(hi, lo, d)
	return q, q <= math.MaxInt64
}

// Hundredths returns p in hundredths of a percent (9483 for 94.83 %).
func (p Percent) Hundredths() int64 { return int64(p) }

// Float64 returns p as a float64 number of percent (94.83), for drawing
// charts. Computations should stay on Percent.
func (p Percent) Float64() float64 { return float64(p) / 100 }

// String returns p the English way with two decimals: "94.83 %".
func (p Percent) String() string { return string(p.AppendTo(nil, adminduk.English)) }

// In returns p written in lang: "94,83 %" in Indonesian (decimal comma),
// "94.83 %" in English.
func (p Percent) In(lang adminduk.Lang) string { return string(p.AppendTo(nil, lang)) }

// AppendTo appends p as [Percent.In] writes it.
func (p Percent) AppendTo(b []byte, lang adminduk.Lang) []byte {
	b = p.appendNumber(b, lang)
	return append(b, " %"...)
}

// appendNumber appends p without the percent sign: "94.83" or "94,83".
func (p Percent) appendNumber(b []byte, lang adminduk.Lang) []byte {
	u := uint64(p)
	if p < 0 {
		b = append(b, '-')
		u = -u
	}
	b = strconv.AppendUint(b, u/100, 10)
	if lang == adminduk.Indonesian {
		b = append(b, ',')
	} else {
		b = append(b, '.')
	}
	return append(b, byte('0'+u%100/10), byte('0'+u%10))
}

// MarshalJSON writes p as a JSON number with exactly two decimals: 94.83,
// 98.00.
func (p Percent) MarshalJSON() ([]byte, error) { return p.appendNumber(nil, adminduk.English), nil }

// UnmarshalJSON reads a JSON number (94.83, 98) or a string that
// [ParsePercent] accepts ("94,83 %"). More than two decimals is an error:
// the value would have to be rounded.
func (p *Percent) UnmarshalJSON(b []byte) error {
	s := string(b)
	if len(s) >= 2 && s[0] == '"' {
		u, err := strconv.Unquote(s)
		if err != nil {
			return &ParseError{What: "percent", Input: s, Msg: "invalid JSON string"}
		}
		s = u
	}
	v, err := ParsePercent(s)
	if err != nil {
		return err
	}
	*p = v
	return nil
}

// MarshalText writes p as a plain number with two decimals ("94.83"), as it
// goes into a CSV cell.
func (p Percent) MarshalText() ([]byte, error) { return p.appendNumber(nil, adminduk.English), nil }

// UnmarshalText reads what [ParsePercent] accepts.
func (p *Percent) UnmarshalText(b []byte) error {
	v, err := ParsePercent(string(b))
	if err != nil {
		return err
	}
	*p = v
	return nil
}

// ParsePercent reads a percent with at most two decimals, written either
// way: "94.83", "94,83", "94.83 %", "94,83%", "98", "-1.5". It does not
// accept digit grouping, both separators, or more than two decimals (which
// would have to be rounded: round the counts instead, with [PercentOf]).
// Errors are *[ParseError] values that unwrap to [ErrSyntax].
func ParsePercent(s string) (Percent, error) {
	v, _, err := parseDecimal(s)
	return v, err
}

// MustParsePercent is like [ParsePercent] but panics on error. Use it for
// constants in programs and tests.
func MustParsePercent(s string) Percent {
	p, err := ParsePercent(s)
	if err != nil {
		panic(err)
	}
	return p
}

// parseDecimal parses a percent and returns it with the number of decimals
// it was written with.
func parseDecimal(s string) (Percent, int, error) {
	bad := func(msg string) (Percent, int, error) {
		return 0, 0, &ParseError{What: "percent", Input: s, Msg: msg}
	}
	t := strings.TrimSpace(s)
	t = strings.TrimSuffix(t, "%")
	t = strings.TrimRight(t, " \u00a0")
	neg := false
	if strings.HasPrefix(t, "-") {
		neg, t = true, t[1:]
	}
	intPart, frac, hasSep := t, "", false
	if i := strings.IndexAny(t, ".,"); i >= 0 {
		intPart, frac, hasSep = t[:i], t[i+1:], true
	}
	switch {
	case t == "":
		return bad("empty")
	case intPart == "":
		return bad("want digits before the decimal separator")
	case hasSep && frac == "":
		return bad("want digits after the decimal separator")
	case strings.ContainsAny(frac, ".,"):
		return bad("more than one separator (digit grouping is not accepted)")
	case len(frac) > 2:
		return bad("more than 2 decimals")
	case len(intPart) > 15:
		return bad("too large")
	}
	var v int64
	for _, c := range []byte(intPart) {
		if c < '0' || c > '9' {
			return bad("want digits")
		}
		v = v*10 + int64(c-'0')
	}
	v *= 100
	scale := int64(10)
	for _, c := range []byte(frac) {
		if c < '0' || c > '9' {
			return bad("want digits")
		}
		v += int64(c-'0') * scale
		scale /= 10
	}
	if neg {
		v = -v
	}
	return Percent(v), len(frac), nil
}
