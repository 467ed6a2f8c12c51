// Package wilayah holds the Kemendagri region codes (kode wilayah) of every
// edition since 2016, embedded and generated from the committed CSV files in
// data/.
//
// # Codes
//
// A [Code] names a province (11), a kabupaten/kota (11.01), a kecamatan
// (11.01.01) or a desa/kelurahan (11.01.01.2001). [ParseCode] reads the dotted
// form of the regulation and the plain form printed in a NIK ("110101").
// Codes are small comparable values; the zero Code is invalid.
//
// # Editions and successors
//
// Codes are never reused for another place, but they are retired when an area
// moves under a new province (Papua 2022: Merauke 91.01 became 93.01). A NIK
// keeps its first-registration code for life, so [Lookup] answers for the union
// of all editions: it says in which editions a code appears, whether it is
// current, and for a retired code its current successor, matched by name.
//
// # Villages
//
// The 83,762 desa/kelurahan of the current edition live in the sub-package
// [github.com/adminduk-id/adminduk/adminduk/wilayah/desa], so that a program
// that validates NIKs carries only the ~8,500 province, kab/kota and kecamatan
// codes (about 250 KB, no start-up work).
//
// # Search
//
// [Search] finds regions by name ignoring case, spacing, punctuation and the
// "Kab."/"Kabupaten"/"Kota" prefixes.
package wilayah

//go:generate go run gen.go
