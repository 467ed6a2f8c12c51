package coverage

import (
	"unsafe"

	"github.com/adminduk-id/adminduk/adminduk"
)

// minYear is the first year a date of this package may have: a birth or a
// registration before 1800 in a population file is a typo.
const minYear = 1800

// parseDate reads YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY (the Indonesian order
// in spreadsheets) with [adminduk.ParseDateLenient], without copying b, and
// refuses a year before minYear.
func parseDate(b []byte) (adminduk.Date, bool) {
	if len(b) != 10 {
		return adminduk.Date{}, false
	}
	// The string aliases b only for the duration of the call; the error,
	// which would keep it, is dropped.
	d, err := adminduk.ParseDateLenient(unsafe.String(unsafe.SliceData(b), len(b)))
	return d, err == nil && d.Year() >= minYear
}

// yymmdd returns the date as the six digits YYMMDD a NIK holds.
func yymmdd(d adminduk.Date) int32 {
	return int32(d.Year()%100*10000 + int(d.Month())*100 + d.Day())
}

func digits2(b []byte) (int, bool) {
	x, y := b[0]-'0', b[1]-'0'
	return int(x)*10 + int(y), x <= 9 && y <= 9
}
