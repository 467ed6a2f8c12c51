package akta

import (
	"github.com/adminduk-id/adminduk/adminduk"
	"strings"
	"unicode"
	"unicode/utf8"
)

// dropPunct removes the dots and commas of a word.
var dropPunct = strings.NewReplacer(".", "", ",", "")

// titles are academic, educational and religious titles (and their usual
// abbreviations), upper case without dots. Permendagri 73/2022 keeps them
// off the akta; they may appear on KK and KTP.
var titles = map[string]bool{
	"HAJI": true, "HAJAH": true, "HAJJAH": true, "HJ": true, "H": true, "KH": true, "KYAI": true, "KIAI": true,
	"USTADZ": true, "USTAZ": true, "USTADZAH": true, "USTAZAH": true, "TGH": true, "HABIB": false,
	"DR": true, "DRS": true, "DRA": true, "IR": true, "PROF": true, "DRG": true,
	"SH": true, "SE": true, "ST": true, "SPD": true, "SAG": true, "SSOS": true, "SKOM": true, "SKM": true,
	"SKED": true, "SKEP": true, "SPSI": true, "SIP": true, "SS": true, "SSI": true, "SHI": true, "SPDI": true,
	"MM": true, "MSI": true, "MPD": true, "MKOM": true, "MH": true, "MT": true, "MAG": true, "MKES": true,
	"AMD": true, "AMK": true, "AMKEB": true, "BSC": true, "MSC": true, "PHD": true, "MBA": true, "LLM": true,
}

// IsTitle reports whether word is an academic, educational or religious
// title ("HAJI", "H.", "Dr", "S.Kom", "M.Si."), case and dots ignored.
func IsTitle(word string) bool {
	w := strings.ToUpper(strings.Trim(dropPunct.Replace(word), " "))
	return titles[w]
}

// Titles returns the words of name that are titles, in order.
func Titles(name string) []string {
	var out []string
	for _, w := range strings.Fields(name) {
		if IsTitle(w) {
			out = append(out, w)
		}
	}
	return out
}

// OfficialName returns the name of a signing official as printed: the
// name in capitals, its titles as written ("Drs. H. Ahmad Suhaemi, M.Si."
// gives "Drs. H. AHMAD SUHAEMI, M.Si."). Everything after the first comma
// is post-nominal titles.
func OfficialName(s string) string {
	s = strings.TrimSpace(s)
	name, post, hasPost := strings.Cut(s, ",")
	words := strings.Fields(name)
	for i, w := range words {
		if !IsTitle(w) && !strings.HasSuffix(w, ".") {
			words[i] = strings.ToUpper(w)
		}
	}
	out := strings.Join(words, " ")
	if hasPost {
		out += "," + post
	}
	return out
}

// NameRulesFrom is the day Permendagri 73/2022 on names in population
// documents was promulgated (21 April 2022, as we read it: M). A birth
// registered on or after it must give the child a name that follows the
// rules ([Birth.Validate]); for one registered before, a name that does
// not is only a warning ([Birth.Warnings]), so older akta can be printed
// again as recorded.
var NameRulesFrom = adminduk.MustDate(2022, 4, 21)

// nameRulesApply reports whether a birth registered on registered is a new
// registration under Permendagri 73/2022; an unknown date counts as new.
func nameRulesApply(registered adminduk.Date) bool {
	return registered.IsZero() || !registered.Before(NameRulesFrom)
}

// childName checks a child's name in a birth registration against
// Permendagri 73/2022: at least two words, at most 60 characters with
// spaces, letters only with the apostrophe of established spellings, no
// abbreviations (a word ending in "." or a single letter).
func (c *checker) childName(field adminduk.Pointer, s string) {
	if strings.TrimSpace(s) == "" {
		return // reported as required by name
	}
	const rule = " (Permendagri 73/2022)"
	words := strings.Fields(s)
	if len(words) < 2 {
		c.add(field, adminduk.CodeRange, "nama paling sedikit dua kata"+rule, "name must have at least two words"+rule)
	}
	if utf8.RuneCountInString(strings.Join(words, " ")) > 60 {
		c.add(field, adminduk.CodeRange, "nama paling banyak 60 huruf termasuk spasi"+rule, "name must have at most 60 characters with spaces"+rule)
	}
	digit, punct, abbr := false, false, false
	for _, w := range words {
		if strings.IndexFunc(w, unicode.IsLetter) < 0 {
			punct = true // a word without a letter: "''"
		}
		if strings.Contains(w, ".") || utf8.RuneCountInString(w) == 1 {
			abbr = true // "M.", "Moh.Rizki", "A"
		}
		for _, r := range w {
			switch {
			case unicode.IsDigit(r):
				digit = true
			case unicode.IsLetter(r), unicode.Is(unicode.Mn, r), r == '\'', r == '’', r == '.':
			default:
				punct = true
			}
		}
	}
	if digit {
		c.add(field, adminduk.CodeInvalid, "nama tidak boleh memuat angka"+rule, "name must not contain digits"+rule)
	}
	if abbr {
		c.add(field, adminduk.CodeInvalid, "nama tidak boleh disingkat"+rule, "name must not be abbreviated"+rule)
	}
	if punct {
		c.add(field, adminduk.CodeInvalid, "nama hanya boleh memuat huruf dan apostrof"+rule, "name may contain letters and the apostrophe only"+rule)
	}
}

// titleWarnings warns about titles in names printed on an akta.
func titleWarnings(c *checker, fields []adminduk.Pointer, names []string) {
	for i, n := range names {
		if t := Titles(n); len(t) > 0 {
			c.add(fields[i], adminduk.CodeInvalid, "gelar tidak dicantumkan pada akta (Permendagri 73/2022): "+strings.Join(t, " "),
				"titles are not printed on an akta (Permendagri 73/2022): "+strings.Join(t, " "))
		}
	}
}
