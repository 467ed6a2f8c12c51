package coverage

import (
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
)

// minYear is the first year a date of this package may have: a birth or a
// registration before 1800 in a population file is a typo.
const minYear = 1800

// parseDate reads YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY (the Indonesian order
// in spreadsheets): what [adminduk.ParseDateLenient] accepts, read from
// bytes without allocating or building an error for a bad cell (the fuzz
// test checks that they agree), and refuses a year before minYear.
func parseDate(b []byte) (adminduk.Date, bool) {
	if len(b) != 10 {
		return adminduk.Date{}, false
	}
	var y, m, d int
	var ok bool
	switch {
	case b[4] == '-' && b[7] == '-':
		y, ok = digits4(b[0:4])
		m2, ok2 := digits2(b[5:7])
		d2, ok3 := digits2(b[8:10])
		m, d, ok = m2, d2, ok && ok2 && ok3
	case (b[2] == '-' && b[5] == '-') || (b[2] == '/' && b[5] == '/'):
		d, ok = digits2(b[0:2])
		m2, ok2 := digits2(b[3:5])
		y2, ok3 := digits4(b[6:10])
		m, y, ok = m2, y2, ok && ok2 && ok3
	}
	if !ok || y < minYear {
		return adminduk.Date{}, false
	}
	return adminduk.NewDate(y, time.Month(m), d)
}

func digits4(b []byte) (int, bool) {
	h, ok1 := digits2(b[0:2])
	l, ok2 := digits2(b[2:4])
	return h*100 + l, ok1 && ok2
}

// yymmdd returns the date as the six digits YYMMDD a NIK holds.
func yymmdd(d adminduk.Date) int32 {
	return int32(d.Year()%100*10000 + int(d.Month())*100 + d.Day())
}

func digits2(b []byte) (int, bool) {
	x, y := b[0]-'0', b[1]-'0'
	return int(x)*10 + int(y), x <= 9 && y <= 9
}
