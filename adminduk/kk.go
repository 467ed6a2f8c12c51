package adminduk

import (
	"database/sql/driver"
	"fmt"
	"strconv"

	"github.com/adminduk-id/adminduk/adminduk/wilayah"
)

// KK is a family card number (Nomor Kartu Keluarga): 16 digits `PPKKCC DDMMYY
// SSSS`, the kecamatan where the card was recorded, the record date (no +40)
// and a serial. Unlike a NIK it changes when the family moves kab/kota, the
// head dies, or the household splits. The zero KK is invalid.
type KK struct {
	n number
}

// ParseKK parses a KK number strictly, resolving the century of the record
// date against today's date in WIB. It allocates nothing for a valid number.
func ParseKK(s string) (KK, error) { return Parser{}.ParseKK(s) }

// MustParseKK is like [ParseKK] but panics on error; for tests and constants.
func MustParseKK(s string) KK {
	k, err := ParseKK(s)
	if err != nil {
		panic(err)
	}
	return k
}

// NewKK builds the family card number that the Dukcapil office of kecamatan
// gives a card recorded on the date recorded with a serial (1-9999): the
// kecamatan code, the record date as DDMMYY and the serial. A village code
// stands for its kecamatan. Errors are *[ParseError] values (What "KK") that
// unwrap to [ErrUnknownRegion] for a code that is not a kecamatan of some
// Kemendagri edition since 2016, [ErrInvalidDate] for the zero Date or a year
// outside 200-4000 (the years a [Parser] resolves), and [ErrInvalidSerial] for a serial outside 1-9999.
func NewKK(kecamatan wilayah.Code, recorded Date, serial int) (KK, error) {
	bad := func(r Reason, msg string) (KK, error) {
		in := kecamatan.String() + " " + recorded.String() + " " + strconv.Itoa(serial)
		return KK{}, &ParseError{What: "KK", Input: in, Reason: r, Msg: msg}
	}
	kec := kecamatan
	if kec.Level() == wilayah.LevelVillage {
		kec = kec.District()
	}
	if kec.Level() != wilayah.LevelDistrict || !wilayah.Known(kec) {
		return bad(ReasonRegion, "want the code of a kecamatan that appears in a Kemendagri edition since 2016")
	}
	if recorded.Year() < minAsOfYear || recorded.Year() > maxAsOfYear {
		return bad(ReasonDate, "want a record date in the years 200-4000")
	}
	if serial < 1 || serial > 9999 {
		return bad(ReasonSerial, "want a serial in 1-9999")
	}
	region := kec.ProvinceNumber()*10000 + kec.RegencyNumber()*100 + kec.DistrictNumber()
	return KK{pack(region, recorded.Year(), int(recorded.Month()), recorded.Day(), serial)}, nil
}

// ValidateKK reports whether s is a valid KK number.
func ValidateKK(s string) error {
	_, err := ParseKK(s)
	return err
}

// ParseKK parses a KK number with p's options; errors are as for
// [Parser.ParseNIK].
func (p Parser) ParseKK(s string) (KK, error) {
	n, r := p.parse(s, false)
	if r != 0 {
		return KK{}, p.errorFor("KK", s, r)
	}
	return KK{n}, nil
}

// IsValid reports whether k is a parsed KK number.
func (k KK) IsValid() bool { return k.n != 0 }

// Region returns the kecamatan where the card was recorded.
func (k KK) Region() wilayah.Code { return k.n.region() }

// RecordDate returns the date the card was recorded, or the zero Date for
// the zero KK.
func (k KK) RecordDate() Date { return k.n.date(k.n.day()) }

// Serial returns the 4-digit serial, 1-9999.
func (k KK) Serial() int { return k.n.serial() }

// String returns the 16 digits, or "" for the zero KK.
func (k KK) String() string {
	var b [16]byte
	return string(k.AppendTo(b[:0]))
}

// AppendTo appends the 16 digits to b.
func (k KK) AppendTo(b []byte) []byte { return k.n.appendTo(b) }

// AppendText implements [encoding.TextAppender]: it appends the 16 digits,
// nothing for the zero KK.
func (k KK) AppendText(b []byte) ([]byte, error) { return k.n.appendTo(b), nil }

// Masked returns the number with its eight middle digits hidden.
func (k KK) Masked() string {
	if !k.IsValid() {
		return ""
	}
	return maskInput(k.String())
}

// Format implements [fmt.Formatter]: %v and %s print the masked form.
func (k KK) Format(f fmt.State, verb rune) { formatMasked(f, verb, k.Masked()) }

// MarshalText implements [encoding.TextMarshaler]; the zero KK gives "".
func (k KK) MarshalText() ([]byte, error) { return k.AppendTo(nil), nil }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseKK].
func (k *KK) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*k = KK{}
		return nil
	}
	v, err := ParseKK(string(text))
	if err != nil {
		return err
	}
	*k = v
	return nil
}

// Value implements [driver.Valuer].
func (k KK) Value() (driver.Value, error) {
	if !k.IsValid() {
		return nil, nil
	}
	return k.String(), nil
}

// Scan implements [database/sql.Scanner] for strings, bytes and NULL.
func (k *KK) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*k = KK{}
		return nil
	case string:
		return k.UnmarshalText([]byte(v))
	case []byte:
		return k.UnmarshalText(v)
	}
	return fmt.Errorf("adminduk: cannot scan %T into KK", src)
}
