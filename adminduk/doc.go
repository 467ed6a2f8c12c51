// Package adminduk holds the identity primitives of Indonesian population
// administration: the NIK (national identity number), the KK (family card
// number), the NIP (civil-servant number), the civil [Date], sex, religion,
// citizenship and blood type, the one validation vocabulary of the module
// ([FieldError], [ValidationError]), and Indonesian number and date words
// (terbilang).
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
// [NewKK] builds the number of a new family card from its kecamatan,
// record date and serial; [ParseNIP] reads the 18-digit [NIP] printed under
// an official's signature.
//
// # Dates
//
// [Date] is the one civil date of the module: a day without time or zone,
// comparable, ordered, zero meaning "not given". [WIB] is the zone of
// "today" ([Today]). [Date.AddMonths] and [Date.AddYears] clamp to the end
// of a shorter month (31 January plus a month is the end of February; a 29
// February anniversary falls on 28 February, or 1 March with [March1]);
// [Date.DaysSinceEpoch] and [FromDayNumber] convert to and from day numbers;
// [Date.Sub] and [DaysBetween] count days. Every invalid date is an error
// that unwraps to [ErrInvalidDate].
//
// # Validation
//
// Every input of the module (a KIA card, an akta record, an agreement)
// validates the same way: Validate returns a *[ValidationError] that lists
// every problem at once as [FieldError] values, and Warnings lists what is
// accepted but worth a look ([Validator]). A FieldError locates its field
// with a JSON [Pointer] into the documented input ("/child/birth_date"),
// classifies it with a stable [Code], says what is wrong in Indonesian and
// English ([FieldError.Message]) and unwraps to a sentinel. A [Checker]
// collects them. The shared sentinels [ErrSyntax], [ErrInvalid],
// [ErrNotFound], [ErrConflict], [ErrForbidden] and [ErrInvalidTransition]
// live here; other packages wrap them with [Sentinel], so that errors.Is
// answers for the shared one whichever package reported the error.
//
// # Enumerations
//
// [Sex], [Religion], [Citizenship], [BloodType] and [Lang] follow one rule:
// the zero value means unknown (for Lang it is Indonesian, the default);
// IsValid reports a named value; String gives
// the canonical key ("female") and "Type(n)" for a number that names
// nothing; Text(lang) gives the label printed on documents in a [Lang]
// ("PEREMPUAN", "FEMALE"); MarshalText refuses a number that names nothing;
// Parse functions accept keys, labels and common spellings and return a
// *[ValueError] otherwise.
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
