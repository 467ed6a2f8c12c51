// Package adminduk holds the identity primitives of Indonesian population
// administration: the NIK (national identity number), the KK (family card
// number), sex, religion, citizenship and blood type, and Indonesian number
// and date words (terbilang).
//
// # NIK and KK
//
// [ParseNIK] turns 16 digits into a [NIK], a small comparable value like
// [net/netip.Addr]: region of first registration, sex (day + 40 for women),
// birth date and serial. There is no check digit, so validation is
// structural: ASCII digits, a region code that appears in some Kemendagri
// edition since 2016 (retired Papua codes stay valid, see package
// [github.com/adminduk-id/adminduk/adminduk/wilayah]), a real calendar date
// and a non-zero serial. The two-digit year is resolved against a reference
// date, today by default; a [Parser] built with [NewParser] fixes another
// reference date or checks regions leniently. Parsing a valid NIK allocates
// nothing.
//
// Errors are *[ParseError] values that unwrap to one sentinel per reason:
// [ErrSyntax], [ErrUnknownRegion], [ErrInvalidDate], [ErrInvalidSerial].
// Their messages show the NIK masked, as does formatting a NIK with %v; use
// [NIK.String] for the digits.
//
// # Words
//
// [Terbilang] spells any int64 in Indonesian, [Words] also in English,
// [DateWords] spells dates as akta print them ("dua puluh lima agustus dua
// ribu dua puluh tiga") and [Ordinal] gives "kedua" for "anak ke-".
//
// # Validation tags
//
// Struct-tag validation with go-playground/validator lives in the
// sub-package [github.com/adminduk-id/adminduk/adminduk/validation], so that
// programs that only parse NIKs do not link it.
package adminduk
