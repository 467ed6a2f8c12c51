package akta

import (
	"strconv"

	"github.com/adminduk-id/adminduk/adminduk"
)

// TimeOfDay is a clock time to the minute (a birth or death time as
// printed, local time of the place). The zero TimeOfDay means "not given";
// its text form is HH:MM.
type TimeOfDay struct {
	m int16 // minutes since midnight + 1
}

// NewTimeOfDay returns hh:mm, false when out of range.
func NewTimeOfDay(hour, minute int) (TimeOfDay, bool) {
	if hour < 0 || hour > 23 || minute < 0 || minute > 59 {
		return TimeOfDay{}, false
	}
	return TimeOfDay{int16(hour*60 + minute + 1)}, true
}

// ParseTimeOfDay parses HH:MM (24-hour clock), or the same with a dot; "" gives the zero
// value. Errors are *[adminduk.DateError] values that unwrap to
// [adminduk.ErrInvalidDate].
func ParseTimeOfDay(s string) (TimeOfDay, error) {
	if s == "" {
		return TimeOfDay{}, nil
	}
	if len(s) == 5 && s[2] == '.' {
		s = s[:2] + ":" + s[3:] // 14.05, the Indonesian way
	}
	if len(s) == 5 && s[2] == ':' {
		h, ok1 := atoi(s[:2])
		m, ok2 := atoi(s[3:])
		if t, ok := NewTimeOfDay(h, m); ok && ok1 && ok2 {
			return t, nil
		}
	}
	return TimeOfDay{}, &adminduk.DateError{Input: s, Msg: "want a time of day HH:MM"}
}

// IsZero reports whether t was not given.
func (t TimeOfDay) IsZero() bool { return t.m == 0 }

// Hour returns the hour, 0-23.
func (t TimeOfDay) Hour() int {
	if t.m == 0 {
		return 0
	}
	return int(t.m-1) / 60
}

// Minute returns the minute, 0-59.
func (t TimeOfDay) Minute() int {
	if t.m == 0 {
		return 0
	}
	return int(t.m-1) % 60
}

// String returns HH:MM, or "" when not given.
func (t TimeOfDay) String() string {
	if t.m == 0 {
		return ""
	}
	b := appendPad(make([]byte, 0, 5), t.Hour(), 2)
	b = append(b, ':')
	return string(appendPad(b, t.Minute(), 2))
}

// MarshalText implements [encoding.TextMarshaler].
func (t TimeOfDay) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseTimeOfDay].
func (t *TimeOfDay) UnmarshalText(b []byte) error {
	v, err := ParseTimeOfDay(string(b))
	if err != nil {
		return err
	}
	*t = v
	return nil
}

// atoi parses ASCII digits only (no sign), up to 9 of them.
func atoi(s string) (int, bool) {
	if s == "" || len(s) > 9 {
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

func appendPad(b []byte, n, width int) []byte {
	var tmp [20]byte
	s := strconv.AppendInt(tmp[:0], int64(n), 10)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}
