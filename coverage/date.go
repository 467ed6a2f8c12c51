package coverage

import "time"

// Dates inside the package are kept as two int32 values: the key yyyymmdd,
// which orders dates and gives ages by subtraction ((ref-birth)/10000 is the
// number of birthdays had, with 29 February's on 1 March in other years),
// and the day number since 1970-01-01, which gives intervals.

// daysFromCivil returns the number of days from 1970-01-01 to y-m-d in the
// proleptic Gregorian calendar (H. Hinnant's algorithm).
func daysFromCivil(y, m, d int) int32 {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return int32(era*146097 + doe - 719468)
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func daysIn(m, y int) int {
	switch m {
	case 2:
		if isLeap(y) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// civilDate is a calendar date as a key and a day number.
type civilDate struct {
	key int32 // yyyymmdd; 0 means no date
	day int32 // days since 1970-01-01
}

func newCivil(y, m, d int) (civilDate, bool) {
	if y < 1800 || y > 9999 || m < 1 || m > 12 || d < 1 || d > daysIn(m, y) {
		return civilDate{}, false
	}
	return civilDate{key: int32(y*10000 + m*100 + d), day: daysFromCivil(y, m, d)}, true
}

func civilOf(t time.Time) civilDate {
	if t.IsZero() {
		return civilDate{}
	}
	y, m, d := t.Date()
	c, _ := newCivil(y, int(m), d)
	return c
}

func (c civilDate) year() int { return int(c.key / 10000) }

func (c civilDate) time() time.Time {
	if c.key == 0 {
		return time.Time{}
	}
	return time.Date(int(c.key/10000), time.Month(c.key/100%100), int(c.key%100), 0, 0, 0, 0, time.UTC)
}

// addMonths returns the date n months later (n may be negative); a day past
// the end of the month moves back to its last day (31 March - 1 month is
// 28 or 29 February), unlike time.AddDate.
func (c civilDate) addMonths(n int) civilDate {
	y, m, d := int(c.key/10000), int(c.key/100%100), int(c.key%100)
	mm := y*12 + m - 1 + n
	y, m = mm/12, mm%12+1
	d = min(d, daysIn(m, y))
	r, _ := newCivil(y, m, d)
	return r
}

// parseDate reads YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY (the Indonesian
// order in spreadsheets).
func parseDate(b []byte) (civilDate, bool) {
	if len(b) != 10 {
		return civilDate{}, false
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
	if !ok {
		return civilDate{}, false
	}
	return newCivil(y, m, d)
}

func digits2(b []byte) (int, bool) {
	x, y := b[0]-'0', b[1]-'0'
	return int(x)*10 + int(y), x <= 9 && y <= 9
}

func digits4(b []byte) (int, bool) {
	h, ok1 := digits2(b[0:2])
	l, ok2 := digits2(b[2:4])
	return h*100 + l, ok1 && ok2
}

// civilFromDays is the inverse of daysFromCivil.
func civilFromDays(z int32) civilDate {
	zz := int(z) + 719468
	era := zz / 146097
	if zz < 0 && zz%146097 != 0 {
		era--
	}
	doe := zz - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return civilDate{key: int32(y*10000 + m*100 + d), day: z}
}

// appendDate appends c as YYYY-MM-DD.
func appendDate(b []byte, c civilDate) []byte {
	y, m, d := int(c.key/10000), int(c.key/100%100), int(c.key%100)
	return append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+m/10), byte('0'+m%10), '-', byte('0'+d/10), byte('0'+d%10))
}
