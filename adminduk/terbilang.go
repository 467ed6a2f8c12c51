package adminduk

import "strings"

// Lang selects the language of number and date words.
type Lang uint8

// Languages for words.
const (
	Indonesian Lang = iota // the default
	English
)

var (
	idOnes   = [...]string{"nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"}
	idScales = [...]string{"", "ribu", "juta", "miliar", "triliun", "kuadriliun", "kuintiliun"}

	enOnes = [...]string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
	enTens   = [...]string{"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
	enScales = [...]string{"", "thousand", "million", "billion", "trillion", "quadrillion", "quintillion"}
)

// Terbilang spells n in Indonesian words, lower case, as on receipts and
// documents: 0 "nol", 11 "sebelas", 100 "seratus", 1000 "seribu", 2023 "dua
// ribu dua puluh tiga", 1e6 "satu juta", then miliar, triliun, kuadriliun,
// kuintiliun; negative numbers start with "minus". Every int64 is accepted.
func Terbilang(n int64) string { return Words(n, Indonesian) }

// Words spells n in the given language, lower case. English uses the short
// scale without "and" ("one hundred twenty-three", "two thousand
// twenty-three").
func Words(n int64, lang Lang) string {
	var b strings.Builder
	if n < 0 {
		b.WriteString("minus ")
	}
	u := uint64(n)
	if n < 0 {
		u = -u // two's complement: also right for math.MinInt64
	}
	if lang == English {
		englishSpeller.write(&b, u)
	} else {
		indonesianSpeller.write(&b, u)
	}
	return b.String()
}

// groups splits u into base-1000 groups, least significant first.
func groups(u uint64) (g [7]int, n int) {
	for u > 0 {
		g[n] = int(u % 1000)
		u /= 1000
		n++
	}
	return g, n
}

// speller spells numbers in one language: the word for zero, the base-1000
// scale words, how to spell a group of 1-999, and, when the language has one,
// the single word for a group of exactly one thousand ("seribu").
type speller struct {
	zero     string
	scales   *[7]string
	group    func(n int) string
	thousand string
}

var (
	indonesianSpeller = speller{"nol", &idScales, id999, "seribu"}
	englishSpeller    = speller{"zero", &enScales, en999, ""}
)

func (s *speller) write(b *strings.Builder, u uint64) {
	if u == 0 {
		b.WriteString(s.zero)
		return
	}
	g, n := groups(u)
	sep := ""
	for i := n - 1; i >= 0; i-- {
		if g[i] == 0 {
			continue
		}
		b.WriteString(sep)
		sep = " "
		if i == 1 && g[i] == 1 && s.thousand != "" {
			b.WriteString(s.thousand)
			continue
		}
		b.WriteString(s.group(g[i]))
		if i > 0 {
			b.WriteString(" " + s.scales[i])
		}
	}
}

// id999 spells 1-999 in Indonesian.
func id999(n int) string {
	var parts []string
	switch h := n / 100; {
	case h == 1:
		parts = append(parts, "seratus")
	case h > 1:
		parts = append(parts, idOnes[h]+" ratus")
	}
	switch t, o := n%100/10, n%10; {
	case t == 1 && o == 0:
		parts = append(parts, "sepuluh")
	case t == 1 && o == 1:
		parts = append(parts, "sebelas")
	case t == 1:
		parts = append(parts, idOnes[o]+" belas")
	default:
		if t > 1 {
			parts = append(parts, idOnes[t]+" puluh")
		}
		if o > 0 {
			parts = append(parts, idOnes[o])
		}
	}
	return strings.Join(parts, " ")
}

// en999 spells 1-999 in English.
func en999(n int) string {
	var parts []string
	if h := n / 100; h > 0 {
		parts = append(parts, enOnes[h]+" hundred")
	}
	switch r := n % 100; {
	case r == 0:
	case r < 20:
		parts = append(parts, enOnes[r])
	case r%10 == 0:
		parts = append(parts, enTens[r/10])
	default:
		parts = append(parts, enTens[r/10]+"-"+enOnes[r%10])
	}
	return strings.Join(parts, " ")
}
