package adminduk

import (
	"strconv"
	"strings"
	"time"
)

var (
	idMonths = [...]string{"", "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
		"September", "Oktober", "November", "Desember"}
	enOrdinalOnes = [...]string{"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
		"ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
		"seventeenth", "eighteenth", "nineteenth"}
)

// MonthName returns the month's name, capitalised: "Agustus" or "August".
func MonthName(m time.Month, lang Lang) string {
	if m < time.January || m > time.December {
		return ""
	}
	if lang == English {
		return m.String()
	}
	return idMonths[m]
}

// FormatDate writes a date the way documents print it in figures and month
// name: "25 Agustus 2023" or "25 August 2023"; "" for the zero Date.
func FormatDate(dt Date, lang Lang) string {
	if dt.IsZero() {
		return ""
	}
	y, m, d := dt.Year(), dt.Month(), dt.Day()
	return strconv.Itoa(d) + " " + MonthName(m, lang) + " " + strconv.Itoa(y)
}

// DateWords spells a calendar date in words, lower case, the form akta use
// (in capitals) for dates of birth and death. Indonesian: day, month and
// year as cardinals, 25 August 2023 -> "dua puluh lima agustus dua ribu dua
// puluh tiga". English: the day as an ordinal, "twenty-fifth august two
// thousand twenty-three". The zero Date gives "".
func DateWords(dt Date, lang Lang) string {
	if dt.IsZero() {
		return ""
	}
	y, m, d := dt.Year(), dt.Month(), dt.Day()
	if lang == English {
		return Ordinal(int64(d), English) + " " + strings.ToLower(MonthName(m, English)) + " " + Words(int64(y), English)
	}
	return Words(int64(d), Indonesian) + " " + strings.ToLower(MonthName(m, Indonesian)) + " " + Words(int64(y), Indonesian)
}

// Ordinal spells the ordinal of n in words, lower case, as in "anak ke-...".
// Indonesian uses the regular "ke-" form throughout, including "kesatu" for 1
// (the form of legal texts; everyday speech also says "pertama"): 1
// "kesatu", 2 "kedua", 11 "kesebelas", 21 "kedua puluh satu". English: "first",
// "second", "twenty-first", "one hundredth". n below 1 spells the cardinal.
func Ordinal(n int64, lang Lang) string {
	if n < 1 {
		return Words(n, lang)
	}
	if lang != English {
		return "ke" + Words(n, Indonesian)
	}
	w := Words(n, English)
	// Replace the last word (after a space or hyphen) by its ordinal.
	i := strings.LastIndexAny(w, " -") + 1
	last := w[i:]
	for k, s := range enOnes {
		if k > 0 && k < len(enOrdinalOnes) && s == last {
			return w[:i] + enOrdinalOnes[k]
		}
	}
	if strings.HasSuffix(last, "y") {
		return w[:i] + strings.TrimSuffix(last, "y") + "ieth"
	}
	return w + "th"
}
