package adminduk

import (
	"database/sql/driver"
	"fmt"
	"time"

	"github.com/adminduk-id/adminduk/adminduk/wilayah"
)

// NIK is a Nomor Induk Kependudukan, the 16-digit national identity number
// `PPKKCC DDMMYY SSSS`: the kecamatan of first registration, the birth date
// with 40 added to the day for women, and a serial. It is a small comparable
// value like [net/netip.Addr]; the zero NIK is invalid. A NIK is personal data:
// formatting it with %v or %s prints [NIK.Masked]; [NIK.String] gives the
// digits.
type NIK struct {
	n number
}

// ParseNIK parses a NIK strictly (its kecamatan must appear in some
// Kemendagri edition since 2016, so NIKs of renumbered regions stay valid),
// resolving the century against today's date in WIB. Use a [Parser] for
// another reference date or for lenient region checks. ParseNIK allocates
// nothing for a valid NIK.
func ParseNIK(s string) (NIK, error) { return Parser{}.ParseNIK(s) }

// MustParseNIK is like [ParseNIK] but panics on error; for tests and
// constants.
func MustParseNIK(s string) NIK {
	n, err := ParseNIK(s)
	if err != nil {
		panic(err)
	}
	return n
}

// ValidateNIK reports whether s is a valid NIK: [ParseNIK] without the result.
func ValidateNIK(s string) error {
	_, err := ParseNIK(s)
	return err
}

// ParseNIK parses a NIK with p's options. Errors are *[ParseError] values
// wrapping [ErrSyntax], [ErrUnknownRegion], [ErrInvalidDate] or
// [ErrInvalidSerial], checked in that order (left to right).
func (p Parser) ParseNIK(s string) (NIK, error) {
	n, r := p.parse(s, true)
	if r != 0 {
		return NIK{}, p.errorFor("NIK", s, r)
	}
	return NIK{n}, nil
}

// NIKReason returns why s is not a valid NIK for p, or 0 when it is one. It
// allocates nothing, even for invalid input, for bulk validation; use
// [Parser.ParseNIK] for the explanation.
func (p Parser) NIKReason(s string) Reason {
	_, r := p.parse(s, true)
	return r
}

// IsValid reports whether n is a parsed NIK rather than the zero value.
func (n NIK) IsValid() bool { return n.n != 0 }

// Region returns the kecamatan where the NIK was first registered. It may be a
// retired code; see [wilayah.Resolve] for the current one.
func (n NIK) Region() wilayah.Code { return n.n.region() }

// Sex returns the sex encoded in the day of birth, 0 for the zero NIK.
func (n NIK) Sex() Sex {
	switch {
	case n.n == 0:
		return 0
	case n.n.day() > 40:
		return Female
	}
	return Male
}

// Birth returns the encoded birth date as numbers, without allocating.
func (n NIK) Birth() (year int, month time.Month, day int) {
	if n.n == 0 {
		return 0, 0, 0
	}
	return n.n.year(), time.Month(n.n.month()), n.n.day() % 40
}

// BirthDate returns the encoded birth date, or the zero Date for the zero
// NIK. A corrected birth date may legitimately differ from it
// (Permendagri 108/2019 art. 15).
func (n NIK) BirthDate() Date { return n.n.date(n.n.day() % 40) }

// Serial returns the 4-digit serial, 1-9999.
func (n NIK) Serial() int { return n.n.serial() }

// String returns the 16 digits, or "" for the zero NIK.
func (n NIK) String() string {
	var b [16]byte
	return string(n.n.appendTo(b[:0]))
}

// AppendTo appends the 16 digits to b (nothing for the zero NIK).
func (n NIK) AppendTo(b []byte) []byte { return n.n.appendTo(b) }

// AppendText implements [encoding.TextAppender]: it appends the 16 digits,
// nothing for the zero NIK. Like [NIK.MarshalText] it gives the digits, not
// the masked form.
func (n NIK) AppendText(b []byte) ([]byte, error) { return n.n.appendTo(b), nil }

// Masked returns the NIK with its eight middle digits hidden,
// "3201********0001", as shown in logs and to other parties.
func (n NIK) Masked() string {
	if n.n == 0 {
		return ""
	}
	return maskInput(n.String())
}

// Format implements [fmt.Formatter] so that %v, %s and %q print the masked
// form, keeping NIKs out of logs by accident.
func (n NIK) Format(f fmt.State, verb rune) { formatMasked(f, verb, n.Masked()) }

func formatMasked(f fmt.State, verb rune, masked string) {
	if verb == 'q' {
		fmt.Fprintf(f, "%q", masked)
		return
	}
	fmt.Fprint(f, masked)
}

// MarshalText implements [encoding.TextMarshaler]; the zero NIK gives "".
func (n NIK) MarshalText() ([]byte, error) { return n.AppendTo(nil), nil }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseNIK]; ""
// gives the zero NIK.
func (n *NIK) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*n = NIK{}
		return nil
	}
	v, err := ParseNIK(string(text))
	if err != nil {
		return err
	}
	*n = v
	return nil
}

// Value implements [driver.Valuer]: the 16 digits, or NULL for the zero NIK.
func (n NIK) Value() (driver.Value, error) {
	if !n.IsValid() {
		return nil, nil
	}
	return n.String(), nil
}

// Scan implements [database/sql.Scanner] for strings, bytes and NULL.
func (n *NIK) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*n = NIK{}
		return nil
	case string:
		return n.UnmarshalText([]byte(v))
	case []byte:
		return n.UnmarshalText(v)
	}
	return fmt.Errorf("adminduk: cannot scan %T into NIK", src)
}
