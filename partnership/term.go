package partnership

import (
	"strconv"

	"github.com/adminduk-id/adminduk/adminduk"
)

// atoi parses a non-empty string of ASCII digits of at most 4 bytes.
func atoi(s string) (int, bool) {
	if len(s) == 0 || len(s) > 4 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// Term is the length of an agreement: Years and Months, the end being the
// day before the same calendar day that many years and months after the
// start. The zero Term means "use [DefaultTerm]".
type Term struct {
	Years, Months int
}

// DefaultTerm is the usual length of a PKS: two years, then renewed.
var DefaultTerm = Term{Years: 2}

// IsZero reports whether t is the zero Term.
func (t Term) IsZero() bool { return t.Years == 0 && t.Months == 0 }

// End returns the last day of an agreement of term t starting on start:
// 2024-01-01 with two years ends on 2025-12-31, and 2024-02-29 ends on
// 2026-02-28. The zero Term stands for [DefaultTerm].
func (t Term) End(start adminduk.Date) adminduk.Date {
	if t.IsZero() {
		t = DefaultTerm
	}
	end := start.AddDate(t.Years, t.Months, -1)
	if end.IsZero() && !start.IsZero() {
		return adminduk.LastDate // past 9999-12-31: saturate, never the zero adminduk.Date
	}
	return end
}

// String returns the term as "2y", "6m" or "1y6m".
func (t Term) String() string {
	switch {
	case t.Months == 0:
		return strconv.Itoa(t.Years) + "y"
	case t.Years == 0:
		return strconv.Itoa(t.Months) + "m"
	}
	return strconv.Itoa(t.Years) + "y" + strconv.Itoa(t.Months) + "m"
}

// MarshalText implements [encoding.TextMarshaler] as [Term.String]; the zero
// Term marshals as "".
func (t Term) MarshalText() ([]byte, error) {
	if t.IsZero() {
		return []byte{}, nil
	}
	return []byte(t.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] as [ParseTerm]; ""
// gives the zero Term.
func (t *Term) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*t = Term{}
		return nil
	}
	v, err := ParseTerm(string(b))
	if err != nil {
		return err
	}
	*t = v
	return nil
}

// ParseTerm parses "2y", "24m", "1y6m" or a bare number of years ("2"). The
// term must be positive and at most 99 years. Errors unwrap to [ErrSyntax].
func ParseTerm(s string) (Term, error) {
	bad := func(msg string) (Term, error) { return Term{}, &ParseError{What: "term", Input: s, Msg: msg} }
	var t Term
	rest := s
	if n, ok := atoi(rest); ok {
		t.Years, rest = n, ""
	}
	for rest != "" {
		i := 0
		for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
			i++
		}
		if i == len(rest) {
			return bad("want 2y, 24m or 1y6m")
		}
		n, ok := atoi(rest[:i])
		if !ok {
			return bad("want 2y, 24m or 1y6m")
		}
		switch rest[i] {
		case 'y', 'Y':
			if t.Years != 0 || t.Months != 0 {
				return bad("years must come first, once")
			}
			t.Years = n
		case 'm', 'M':
			if t.Months != 0 {
				return bad("months given twice")
			}
			t.Months = n
		default:
			return bad("want 2y, 24m or 1y6m")
		}
		rest = rest[i+1:]
	}
	if t.IsZero() || t.Years*12+t.Months > 99*12 {
		return bad("want a term between 1 month and 99 years")
	}
	return t, nil
}
