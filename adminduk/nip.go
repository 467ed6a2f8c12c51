package adminduk

import (
	"database/sql/driver"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// ErrInvalidNIP is what every error of [ParseNIP] is, besides the sentinel
// of its reason ([ErrSyntax], [ErrInvalidDate] or [ErrInvalidSerial]).
var ErrInvalidNIP = errors.New("adminduk: invalid NIP")

// NIP is the 18-digit number of an Indonesian civil servant (Nomor Induk
// Pegawai), printed under the signature of an official: `YYYYMMDD YYYYMM S
// NNN`, the birth date, the month of appointment, the sex (1 male, 2 female)
// and a serial. It is a small comparable value; the zero NIP is invalid.
type NIP struct {
	n uint64 // the 18 digits as a number; serial 000 is never valid, so 0 is
}

// ParseNIP parses a NIP, with or without the spaces of its printed form.
// Errors are *[ParseError] values (What "NIP") that unwrap to
// [ErrInvalidNIP] and to [ErrSyntax], [ErrInvalidDate] or
// [ErrInvalidSerial]. Their messages hide the middle digits.
func ParseNIP(s string) (NIP, error) {
	d := strings.ReplaceAll(strings.TrimSpace(s), " ", "")
	bad := func(r Reason, msg string) (NIP, error) {
		return NIP{}, &ParseError{What: "NIP", Input: s, Reason: r, Msg: msg}
	}
	if len(d) != 18 {
		return bad(ReasonSyntax, "want 18 digits, got "+strconv.Itoa(len(d)))
	}
	var n uint64
	for i := 0; i < len(d); i++ {
		c := d[i] - '0'
		if c > 9 {
			return bad(ReasonSyntax, "want 18 digits, byte "+strconv.Itoa(i+1)+" is not an ASCII digit")
		}
		n = n*10 + uint64(c)
	}
	by, _ := atoiDigits(d[:4])
	bm, _ := atoiDigits(d[4:6])
	bd, _ := atoiDigits(d[6:8])
	ay, _ := atoiDigits(d[8:12])
	am, _ := atoiDigits(d[12:14])
	if _, ok := NewDate(by, time.Month(bm), bd); !ok || by < 1900 {
		return bad(ReasonDate, "no birth date "+d[:8])
	}
	if am < 1 || am > 12 || ay < by+15 {
		return bad(ReasonDate, "appointment month "+d[8:14]+" is not a month at least 15 years after birth")
	}
	if d[14] != '1' && d[14] != '2' {
		return bad(ReasonSyntax, "sex digit (15th) must be 1 or 2")
	}
	if d[15:] == "000" {
		return bad(ReasonSerial, "serial 000 is never issued")
	}
	return NIP{n}, nil
}

// MustParseNIP is like [ParseNIP] but panics on error; for tests and
// constants.
func MustParseNIP(s string) NIP {
	n, err := ParseNIP(s)
	if err != nil {
		panic(err)
	}
	return n
}

// IsValid reports whether n is a parsed NIP.
func (n NIP) IsValid() bool { return n.n != 0 }

// part returns digits [from, from+width) of the 18 as a number.
func (n NIP) part(from, width int) int {
	v := n.n
	for range 18 - from - width {
		v /= 10
	}
	p := uint64(1)
	for range width {
		p *= 10
	}
	return int(v % p)
}

// BirthDate returns the birth date the NIP encodes, or the zero Date.
func (n NIP) BirthDate() Date {
	if n.n == 0 {
		return Date{}
	}
	d, _ := NewDate(n.part(0, 4), time.Month(n.part(4, 2)), n.part(6, 2))
	return d
}

// Appointed returns the year and month of appointment as a civil servant.
func (n NIP) Appointed() (year int, month time.Month) {
	if n.n == 0 {
		return 0, 0
	}
	return n.part(8, 4), time.Month(n.part(12, 2))
}

// Sex returns the sex the NIP encodes, 0 for the zero NIP.
func (n NIP) Sex() Sex {
	if n.n == 0 {
		return 0
	}
	return Sex(n.part(14, 1))
}

// Serial returns the 3-digit serial, 1-999.
func (n NIP) Serial() int { return n.part(15, 3) }

// String returns the 18 digits, or "" for the zero NIP.
func (n NIP) String() string {
	var b [18]byte
	return string(n.AppendTo(b[:0]))
}

// AppendTo appends the 18 digits to b (nothing for the zero NIP).
func (n NIP) AppendTo(b []byte) []byte {
	if n.n == 0 {
		return b
	}
	var d [18]byte
	v := n.n
	for i := 17; i >= 0; i-- {
		d[i] = byte('0' + v%10)
		v /= 10
	}
	return append(b, d[:]...)
}

// Printed returns the NIP as printed on documents: "19700101 199003 1 001",
// or "" for the zero NIP.
func (n NIP) Printed() string {
	if n.n == 0 {
		return ""
	}
	d := n.String()
	return d[:8] + " " + d[8:14] + " " + d[14:15] + " " + d[15:]
}

// AppendText implements [encoding.TextAppender]: it appends the 18 digits.
func (n NIP) AppendText(b []byte) ([]byte, error) { return n.AppendTo(b), nil }

// MarshalText implements [encoding.TextMarshaler]; the zero NIP gives "".
func (n NIP) MarshalText() ([]byte, error) { return n.AppendTo(nil), nil }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseNIP]; ""
// gives the zero NIP.
func (n *NIP) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*n = NIP{}
		return nil
	}
	v, err := ParseNIP(string(b))
	if err != nil {
		return err
	}
	*n = v
	return nil
}

// Value implements [driver.Valuer]: the 18 digits, or NULL for the zero NIP.
func (n NIP) Value() (driver.Value, error) {
	if n.n == 0 {
		return nil, nil
	}
	return n.String(), nil
}

// Scan implements [database/sql.Scanner] for strings, bytes and NULL.
func (n *NIP) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*n = NIP{}
		return nil
	case string:
		return n.UnmarshalText([]byte(v))
	case []byte:
		return n.UnmarshalText(v)
	}
	return fmt.Errorf("adminduk: cannot scan %T into NIP", src)
}
