package adminduk

import (
	"sync"
	"sync/atomic"
	"time"
)

// dateKey packs a calendar date as yyyymmdd, so dates compare as integers.
func dateKey(y, m, d int) int32 { return int32(y*10000 + m*100 + d) }

func keyOf(t time.Time) int32 {
	y, m, d := t.Date()
	return dateKey(y, int(m), d)
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

// today holds today's date key in WIB once first asked for. Reading the
// clock costs more than parsing a NIK, so a timer refreshes the key just after
// each WIB midnight instead. (A machine that sleeps through midnight refreshes
// when the timer fires after it wakes.)
var (
	today      atomic.Int32
	startToday sync.Once
)

func todayKey() int32 {
	if k := today.Load(); k != 0 {
		return k
	}
	startToday.Do(refreshToday)
	return today.Load()
}

func refreshToday() {
	now := time.Now().In(WIB)
	today.Store(keyOf(now))
	y, m, d := now.Date()
	next := time.Date(y, m, d+1, 0, 0, 0, 0, WIB)
	time.AfterFunc(next.Sub(now)+time.Millisecond, refreshToday)
}

// century resolves a two-digit year against a reference date: YY up to the
// reference's YY belongs to the reference's century, a larger one to the
// century before, and a date that would still lie after the reference falls
// back one more century.
func century(yy, m, d int, ref int32) int {
	refYear := int(ref / 10000)
	y := refYear/100*100 + yy
	if y > refYear {
		y -= 100
	}
	if dateKey(y, m, d) > ref {
		y -= 100
	}
	return y
}
