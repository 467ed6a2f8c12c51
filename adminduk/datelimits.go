package adminduk

// FirstDate and LastDate are the first and last days a [Date] can hold,
// 0001-01-01 and 9999-12-31: the ends at which [Date.AddDaysClamped] stops.
var (
	FirstDate = Date{10101}
	LastDate  = Date{99991231}
)

// AddDaysClamped is like [Date.AddDays] but stops at [FirstDate] or
// [LastDate] instead of giving the zero Date when the result falls outside
// the years 1-9999: a deadline "n days from now" for any n. The zero Date
// stays zero.
func (d Date) AddDaysClamped(n int) Date {
	switch {
	case d.k == 0:
		return d
	case n >= maxDayNumber-d.days():
		return LastDate
	case n <= minDayNumber-d.days():
		return FirstDate
	}
	return FromDayNumber(d.days() + n)
}
