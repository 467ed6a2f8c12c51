package wilayah

import (
	"cmp"
	"database/sql/driver"
	"errors"
	"fmt"
	"strconv"
)

// Level is the administrative level of a [Code].
type Level uint8

// The four levels of Kemendagri region codes.
const (
	LevelProvince Level = 1 + iota // provinsi, 2 digits
	LevelRegency                   // kabupaten or kota, 4 digits
	LevelDistrict                  // kecamatan, 6 digits
	LevelVillage                   // desa or kelurahan, 10 digits
)

// String returns the Indonesian name of the level, and "Level(n)" for an
// invalid level.
func (l Level) String() string {
	switch l {
	case LevelProvince:
		return "provinsi"
	case LevelRegency:
		return "kabupaten/kota"
	case LevelDistrict:
		return "kecamatan"
	case LevelVillage:
		return "desa/kelurahan"
	}
	return "Level(" + strconv.Itoa(int(l)) + ")"
}

// ErrSyntax is returned for a string that is not a region code.
var ErrSyntax = errors.New("wilayah: invalid code syntax")

// ParseError describes a string that is not a region code. It unwraps to
// [ErrSyntax].
type ParseError struct {
	Input string // the input as given
	Msg   string // what is wrong with it
}

func (e *ParseError) Error() string {
	return "wilayah: code " + strconv.Quote(e.Input) + ": " + e.Msg
}

// Unwrap returns [ErrSyntax].
func (e *ParseError) Unwrap() error { return ErrSyntax }

// Code is a Kemendagri region code at one of four levels. It is a small
// comparable value, like [net/netip.Addr]; the zero Code is invalid.
type Code struct {
	d   uint32 // PPKKCC, lower levels zero
	v   uint16 // desa/kelurahan part, 4 digits
	lvl Level
}

// CodeFrom builds a code from its numeric parts; a zero part ends the code, so
// CodeFrom(11, 1, 0, 0) is the kab/kota 11.01. It returns the zero Code when a
// part is out of range (province 1-99, kab/kota and kecamatan 1-99, village
// 1-9999) or follows a zero part.
func CodeFrom(province, regency, district, village int) Code {
	switch {
	case province < 1 || province > 99 || regency < 0 || regency > 99 ||
		district < 0 || district > 99 || village < 0 || village > 9999:
		return Code{}
	case regency == 0:
		if district != 0 || village != 0 {
			return Code{}
		}
		return Code{d: uint32(province) * 10000, lvl: LevelProvince}
	case district == 0:
		if village != 0 {
			return Code{}
		}
		return Code{d: uint32(province*10000 + regency*100), lvl: LevelRegency}
	case village == 0:
		return Code{d: uint32(province*10000 + regency*100 + district), lvl: LevelDistrict}
	}
	return Code{d: uint32(province*10000 + regency*100 + district), v: uint16(village), lvl: LevelVillage}
}

// ParseCode parses a code in dotted form ("32.01.01", "32.01.01.2001") or plain
// form ("320101", "3201012001"). It allocates only on error.
func ParseCode(s string) (Code, error) {
	var parts [4]int
	n, ok := 0, false
	switch len(s) {
	case 2, 4, 6, 10:
		n, ok = splitPlain(s, &parts)
	case 5, 8, 13:
		n, ok = splitDotted(s, &parts)
	default:
		return Code{}, &ParseError{Input: s, Msg: "want 2, 4, 6 or 10 digits, dotted or plain"}
	}
	if !ok {
		return Code{}, &ParseError{Input: s, Msg: "want digits in groups 2.2.2.4"}
	}
	c := CodeFrom(parts[0], parts[1], parts[2], parts[3])
	if c.Level() != Level(n) {
		return Code{}, &ParseError{Input: s, Msg: "a part is zero"}
	}
	return c, nil
}

// MustParseCode is like [ParseCode] but panics on error. Use it for constants
// in programs and tests.
func MustParseCode(s string) Code {
	c, err := ParseCode(s)
	if err != nil {
		panic(err)
	}
	return c
}

var groupWidths = [4]int{2, 2, 2, 4}

func splitPlain(s string, parts *[4]int) (int, bool) {
	i, n := 0, 0
	for n < 4 && i < len(s) {
		v, ok := digits(s[i : i+groupWidths[n]])
		if !ok {
			return 0, false
		}
		parts[n] = v
		i += groupWidths[n]
		n++
	}
	return n, true
}

func splitDotted(s string, parts *[4]int) (int, bool) {
	i, n := 0, 0
	for {
		end := i + groupWidths[n]
		if end > len(s) {
			return 0, false
		}
		v, ok := digits(s[i:end])
		if !ok {
			return 0, false
		}
		parts[n] = v
		n++
		if end == len(s) {
			return n, true
		}
		if s[end] != '.' || n == 4 {
			return 0, false
		}
		i = end + 1
	}
}

func digits(s string) (int, bool) {
	v := 0
	for i := 0; i < len(s); i++ {
		c := s[i] - '0'
		if c > 9 {
			return 0, false
		}
		v = v*10 + int(c)
	}
	return v, true
}

// IsValid reports whether c is a code (not the zero Code). It does not say
// whether the code exists; see [Lookup] and [Known].
func (c Code) IsValid() bool { return c.lvl != 0 }

// Level returns the level of c, 0 for the zero Code.
func (c Code) Level() Level { return c.lvl }

// ProvinceNumber, RegencyNumber, DistrictNumber and VillageNumber return the
// numeric parts of c; a part below c's level is 0.
func (c Code) ProvinceNumber() int { return int(c.d / 10000) }

// RegencyNumber returns the kab/kota part (01-99), 0 for a province.
func (c Code) RegencyNumber() int { return int(c.d / 100 % 100) }

// DistrictNumber returns the kecamatan part (01-99), 0 above kecamatan level.
func (c Code) DistrictNumber() int { return int(c.d % 100) }

// VillageNumber returns the desa/kelurahan part (0001-9999), 0 above village
// level.
func (c Code) VillageNumber() int { return int(c.v) }

// IsKota reports whether c is at or under a kota (kab/kota part 71-99) rather
// than a kabupaten (01-69).
func (c Code) IsKota() bool { return c.lvl >= LevelRegency && c.RegencyNumber() >= 71 }

// Truncate returns the ancestor of c at level l, or c itself when l is c's
// level; the zero Code when l is below c's level or invalid.
func (c Code) Truncate(l Level) Code {
	if l < LevelProvince || l > c.lvl {
		return Code{}
	}
	switch l {
	case LevelProvince:
		return Code{d: c.d / 10000 * 10000, lvl: l}
	case LevelRegency:
		return Code{d: c.d / 100 * 100, lvl: l}
	case LevelDistrict:
		return Code{d: c.d, lvl: l}
	}
	return c
}

// Parent returns the code one level up, or the zero Code for a province.
func (c Code) Parent() Code { return c.Truncate(c.lvl - 1) }

// Province returns the province of c.
func (c Code) Province() Code { return c.Truncate(LevelProvince) }

// Regency returns the kab/kota of c, or the zero Code for a province.
func (c Code) Regency() Code { return c.Truncate(LevelRegency) }

// District returns the kecamatan of c, or the zero Code above kecamatan level.
func (c Code) District() Code { return c.Truncate(LevelDistrict) }

// Contains reports whether o is c or lies under c.
func (c Code) Contains(o Code) bool {
	return c.IsValid() && o.lvl >= c.lvl && o.Truncate(c.lvl) == c
}

// Compare returns -1, 0 or +1 ordering codes as their dotted strings sort.
func (c Code) Compare(o Code) int {
	if c.d != o.d {
		return cmp.Compare(c.d, o.d)
	}
	if c.lvl != o.lvl {
		return cmp.Compare(c.lvl, o.lvl)
	}
	return cmp.Compare(c.v, o.v)
}

// String returns the dotted form ("32.01.01"), or "" for the zero Code.
func (c Code) String() string {
	var b [13]byte
	return string(c.AppendTo(b[:0]))
}

// AppendTo appends the dotted form of c to b.
func (c Code) AppendTo(b []byte) []byte { return c.appendTo(b, true) }

// Plain returns the undotted form ("320101") as used inside a NIK.
func (c Code) Plain() string {
	var b [10]byte
	return string(c.appendTo(b[:0], false))
}

func (c Code) appendTo(b []byte, dots bool) []byte {
	if c.lvl == 0 {
		return b
	}
	b = append2(b, c.ProvinceNumber())
	if c.lvl >= LevelRegency {
		if dots {
			b = append(b, '.')
		}
		b = append2(b, c.RegencyNumber())
	}
	if c.lvl >= LevelDistrict {
		if dots {
			b = append(b, '.')
		}
		b = append2(b, c.DistrictNumber())
	}
	if c.lvl == LevelVillage {
		if dots {
			b = append(b, '.')
		}
		v := int(c.v)
		b = append(b, byte('0'+v/1000), byte('0'+v/100%10), byte('0'+v/10%10), byte('0'+v%10))
	}
	return b
}

func append2(b []byte, v int) []byte { return append(b, byte('0'+v/10), byte('0'+v%10)) }

// AppendText implements [encoding.TextAppender]: it appends the dotted form,
// nothing for the zero Code.
func (c Code) AppendText(b []byte) ([]byte, error) { return c.AppendTo(b), nil }

// MarshalText implements [encoding.TextMarshaler]; the zero Code marshals as "".
func (c Code) MarshalText() ([]byte, error) { return c.AppendTo(nil), nil }

// UnmarshalText implements [encoding.TextUnmarshaler]; "" gives the zero Code.
func (c *Code) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*c = Code{}
		return nil
	}
	v, err := ParseCode(string(text))
	if err != nil {
		return err
	}
	*c = v
	return nil
}

// Value implements [driver.Valuer]: the dotted string, or NULL for the zero Code.
func (c Code) Value() (driver.Value, error) {
	if !c.IsValid() {
		return nil, nil
	}
	return c.String(), nil
}

// Scan implements [database/sql.Scanner] for strings, bytes and NULL.
func (c *Code) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*c = Code{}
		return nil
	case string:
		return c.UnmarshalText([]byte(v))
	case []byte:
		return c.UnmarshalText(v)
	}
	return fmt.Errorf("wilayah: cannot scan %T into Code", src)
}
