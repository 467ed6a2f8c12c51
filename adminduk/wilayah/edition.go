package wilayah

import "strconv"

// Edition is one published edition of the Kemendagri region codes.
type Edition uint8

// The editions embedded in this package, oldest first.
const (
	Edition2016 Edition = 1 + iota // Permendagri 56/2015
	Edition2018                    // Permendagri 137/2017
	Edition2020                    // Permendagri 72/2019, Kepmendagri 146.1-4717/2020
	Edition2022                    // Permendagri 58/2021, Kepmendagri 050-145/2022
	Edition2023                    // Kepmendagri 100.1.1-6117/2022
	Edition2025                    // Kepmendagri 300.2.2-2138/2025

	// CurrentEdition is the edition in force.
	CurrentEdition = Edition2025
)

var editionInfo = [...]struct{ year, regulation string }{
	Edition2016: {"2016", "Permendagri 56/2015"},
	Edition2018: {"2018", "Permendagri 137/2017"},
	Edition2020: {"2020", "Permendagri 72/2019"},
	Edition2022: {"2022", "Permendagri 58/2021"},
	Edition2023: {"2023", "Kepmendagri 100.1.1-6117/2022"},
	Edition2025: {"2025", "Kepmendagri 300.2.2-2138/2025"},
}

// String returns the edition's year, e.g. "2025".
func (e Edition) String() string {
	if e < Edition2016 || e > Edition2025 {
		return "edition(" + strconv.Itoa(int(e)) + ")"
	}
	return editionInfo[e].year
}

// Regulation names the regulation that published the edition.
func (e Edition) Regulation() string {
	if e < Edition2016 || e > Edition2025 {
		return ""
	}
	return editionInfo[e].regulation
}

// EditionSet is a set of editions.
type EditionSet uint8

// Has reports whether e is in the set.
func (s EditionSet) Has(e Edition) bool { return e >= Edition2016 && s&(1<<(e-1)) != 0 }

// Latest returns the newest edition in the set, 0 if it is empty.
func (s EditionSet) Latest() Edition {
	for e := Edition2025; e >= Edition2016; e-- {
		if s.Has(e) {
			return e
		}
	}
	return 0
}

// Editions lists the editions in the set, oldest first.
func (s EditionSet) Editions() []Edition {
	var out []Edition
	for e := Edition2016; e <= Edition2025; e++ {
		if s.Has(e) {
			out = append(out, e)
		}
	}
	return out
}

// String lists the years, e.g. "2016,2018,2020,2022".
func (s EditionSet) String() string {
	var b []byte
	for _, e := range s.Editions() {
		if len(b) > 0 {
			b = append(b, ',')
		}
		b = append(b, e.String()...)
	}
	return string(b)
}
