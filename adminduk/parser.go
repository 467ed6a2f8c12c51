package adminduk

import (
	"strconv"
	"time"

	"github.com/adminduk-id/adminduk/adminduk/wilayah"
)

// Options configure a [Parser].
type Options struct {
	// AsOf is the reference date for the two-digit birth year. A NIK's YY
	// up to AsOf's YY is read as 20YY, a larger one as 19YY, and a date that
	// would fall after AsOf moves back a century. A caller who knows the person's full birth date
	// can pass it here to get that century. The zero value means today in
	// [WIB]. Dates before the year 200 or after 4000 are taken as those
	// limits.
	AsOf Date

	// Lenient accepts any region code whose province exists and whose
	// kab/kota (01-69, 71-99) and kecamatan (01-99) numbers are in range,
	// instead of requiring the kecamatan to appear in some Kemendagri edition.
	Lenient bool
}

// The range of reference years a Parser accepts.
const (
	minAsOfYear = 200
	maxAsOfYear = 4000
)

// Parser parses NIKs and KK numbers with fixed [Options]. Its methods are safe
// for concurrent use; the zero Parser is strict and uses today's date.
type Parser struct {
	ref     int32 // yyyymmdd, 0 = today
	lenient bool
}

// NewParser returns a parser for o.
func NewParser(o Options) Parser {
	p := Parser{lenient: o.Lenient}
	if !o.AsOf.IsZero() {
		p.ref = o.AsOf.k
		// Keep every resolved year inside 1-4095, the range a NIK stores.
		p.ref = min(max(p.ref, dateKey(minAsOfYear, 1, 1)), dateKey(maxAsOfYear, 12, 31))
	}
	return p
}

func (p Parser) refKey() int32 {
	if p.ref != 0 {
		return p.ref
	}
	return todayKey()
}

// number is a NIK or KK number packed into one word, so that it is built in
// a register and copied in one store:
//
//	bits  0-13 serial, 14-20 day as written (+40 for a woman's NIK),
//	bits 21-24 month, 25-36 full year, 37-56 region PPKKCC.
//
// A valid number has a non-zero region, so the zero value is invalid.
type number uint64

func pack(region, year, month, day, serial int) number {
	return number(region)<<37 | number(year)<<25 | number(month)<<21 | number(day)<<14 | number(serial)
}

func (n number) serial() int  { return int(n & 0x3fff) }
func (n number) day() int     { return int(n >> 14 & 0x7f) }
func (n number) month() int   { return int(n >> 21 & 0xf) }
func (n number) year() int    { return int(n >> 25 & 0xfff) }
func (n number) regionN() int { return int(n >> 37) }

func (n number) region() wilayah.Code {
	r := n.regionN()
	return wilayah.CodeFrom(r/10000, r/100%100, r%100, 0)
}

func (n number) date(day int) Date {
	if n == 0 {
		return Date{}
	}
	return Date{dateKey(n.year(), n.month(), day)}
}

// appendTo appends the 16 digits of n as written.
func (n number) appendTo(b []byte) []byte {
	if n == 0 {
		return b
	}
	r, d, m, y, s := n.regionN(), n.day(), n.month(), n.year()%100, n.serial()
	return append(b,
		byte('0'+r/100000), byte('0'+r/10000%10), byte('0'+r/1000%10), byte('0'+r/100%10), byte('0'+r/10%10), byte('0'+r%10),
		byte('0'+d/10), byte('0'+d%10), byte('0'+m/10), byte('0'+m%10), byte('0'+y/10), byte('0'+y%10),
		byte('0'+s/1000), byte('0'+s/100%10), byte('0'+s/10%10), byte('0'+s%10))
}

// parse checks s as a NIK (dayPlus40) or KK number and returns it packed, or
// the reason it is invalid. It allocates nothing; errorFor explains a reason.
func (p Parser) parse(s string, dayPlus40 bool) (number, Reason) {
	if len(s) != 16 {
		return 0, ReasonSyntax
	}
	lo, hi := load8(s[:8]), load8(s[8:])
	if !allDigits(lo) || !allDigits(hi) {
		return 0, ReasonSyntax
	}
	lo -= 0x3030303030303030
	hi -= 0x3030303030303030
	pp, kk, cc := pair(lo, 0), pair(lo, 2), pair(lo, 4)
	if !p.regionOK(wilayah.CodeFrom(pp, kk, cc, 0)) {
		return 0, ReasonRegion
	}
	dd, m := pair(lo, 6), pair(hi, 0)
	d := dd
	if dayPlus40 && d > 40 {
		d -= 40
	}
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return 0, ReasonDate
	}
	y := century(pair(hi, 2), m, d, p.refKey())
	if d > 28 && d > daysIn(m, y) {
		return 0, ReasonDate
	}
	serial := pair(hi, 4)*100 + pair(hi, 6)
	if serial == 0 {
		return 0, ReasonSerial
	}
	return pack(pp*10000+kk*100+cc, y, m, dd, serial), 0
}

// regionOK applies the strict or lenient region rule.
func (p Parser) regionOK(c wilayah.Code) bool {
	if c.Level() != wilayah.LevelDistrict { // a zero part: 32.01.00
		return false
	}
	if p.lenient {
		return wilayah.Known(c.Province()) && c.RegencyNumber() != 70
	}
	return wilayah.Known(c)
}

// errorFor builds the error for input s rejected for reason r, explaining
// what is wrong. It runs only on the error path.
func (p Parser) errorFor(what, s string, r Reason) error {
	e := &ParseError{What: what, Input: s, Reason: r}
	switch r {
	case ReasonSyntax:
		if len(s) != 16 {
			e.Msg = "want 16 digits, got " + strconv.Itoa(len(s)) + " bytes"
			break
		}
		i := 0
		for s[i] >= '0' && s[i] <= '9' {
			i++
		}
		e.Msg = "byte " + strconv.Itoa(i+1) + " is not an ASCII digit"
	case ReasonRegion:
		code := s[0:2] + "." + s[2:4] + "." + s[4:6]
		if p.lenient {
			e.Msg = "region code " + code + " is out of range"
		} else {
			e.Msg = "kecamatan " + code + " appears in no Kemendagri edition since 2016"
		}
	case ReasonDate:
		d, _ := strconv.Atoi(s[6:8])
		m, _ := strconv.Atoi(s[8:10])
		yy, _ := strconv.Atoi(s[10:12])
		if what == "NIK" && d > 40 {
			d -= 40
		}
		switch {
		case m < 1 || m > 12:
			e.Msg = "month " + s[8:10] + " is out of range 01-12"
		case d < 1 || d > 31:
			e.Msg = "day " + s[6:8] + " is out of range"
			if what == "NIK" {
				e.Msg += " (01-31 for men, 41-71 for women)"
			}
		default:
			y := century(yy, m, d, p.refKey())
			e.Msg = strconv.Itoa(d) + " " + time.Month(m).String() + " " + strconv.Itoa(y) + " does not exist"
		}
	case ReasonSerial:
		e.Msg = "serial 0000 is never issued"
	}
	return e
}

// load8 reads 8 bytes little-endian; the compiler turns it into one load.
func load8(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// allDigits reports whether all 8 bytes of x are '0'-'9': every high nibble
// is 3, and adding 6 to each byte does not carry out of its low nibble.
func allDigits(x uint64) bool {
	const hiNibbles, threes, sixes = 0xF0F0F0F0F0F0F0F0, 0x3030303030303030, 0x0606060606060606
	return x&hiNibbles == threes && (x+sixes)&hiNibbles == threes
}

// pair returns the two-digit number at byte i of x, whose bytes are 0-9.
func pair(x uint64, i uint) int { return int(x>>(8*i)&0xff)*10 + int(x>>(8*i+8)&0xff) }
