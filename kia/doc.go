// Package kia holds the rules and the model of the KIA (Kartu Identitas
// Anak, Permendagri 2/2016), the identity card of Indonesian children, and
// the signed QR credential printed on it. Rendering (PDF and PNG) lives in
// the sub-package [github.com/adminduk-id/adminduk/kia/render], so that a
// program that only checks cards does not link a PDF library.
//
// # Kinds and validity
//
// A child under five gets the [Under5] card, without a photo, valid until
// its fifth birthday; a child from five to seventeen the [From5] card, with
// a photo, valid until the day before its seventeenth birthday. For a
// child born on 29 February the birthday of a common year is 1 March by
// default ([March1]; [Feb28] is the other convention), so a child born on
// 29 February 2008 holds a card valid until 28 February 2025. A foreign
// (WNA) child's card ends with the parents' residence permit when that
// comes first. [Rules.Decide] returns the [Decision] for an issue date, or
// why the child is not eligible: [ErrTooOld] (17 or older), [ErrMarried],
// [ErrNotBorn], [ErrPermitRequired], [ErrPermitExpired].
//
// A card may replace an earlier one: [Replacement] says why (lost,
// damaged, moved, data change, or the under-5 card giving way at five).
//
// # Cards and validation
//
// A [Card] is what is printed; its dates are [adminduk.Date] values (a
// date that does not exist, such as 30 February, is an error unwrapping to
// [adminduk.ErrInvalidDate], never moved into March) and its issuer is an
// [adminduk.Issuer] whose ID ("ID-6208") is the credential's issuer.
// [Card.Validate] checks it all at once and returns a
// *[adminduk.ValidationError] listing [adminduk.FieldError] values (a JSON
// pointer into card.json such as "/issuer/head_nip", an [adminduk.Code],
// Indonesian and English messages) that unwrap to this package's
// sentinels, such as [ErrRequired] or [ErrTooOld], and through them to the
// shared ones ([adminduk.ErrRequired], [adminduk.ErrInvalid]).
// [Card.Warnings] lists what does not stop a card being issued but what
// the officer should see: a birth date or sex that differs from the one
// encoded in the NIK (legitimate after a correction, since a NIK never
// changes), a photo given for an under-5 card, a name with letters
// outside A-Z.
//
// # card.json
//
// [DecodeCard] reads one card and validates it, returning every problem
// at once (malformed JSON, unknown fields, values of the wrong type or that
// do not parse, and what Validate finds) in one *[adminduk.ValidationError];
// a [Decoder] does the same for a stream of them (one card.json, or JSON
// Lines: one object per line; in JSON Lines a bad line is an error for
// that line only). [DecodeOptions] give the [Rules], the lenient switch for
// region codes, how to read photos and one more check. A leading UTF-8
// byte order mark is ignored, and names, places and the street are read in
// Unicode NFC. The format, every value a string unless noted:
//
//	{
//	  "nik": "6208014512230001",         // the card's number
//	  "name": "Siti Nur Aisyah",          // at most 60 characters; printed in capitals
//	  "birth_place": "Sukamara",
//	  "birth_date": "2023-12-05",         // YYYY-MM-DD
//	  "sex": "female",                    // "male" or "female" (also L/P)
//	  "religion": "Islam",                // Islam, Kristen, Katolik, Hindu, Buddha, Khonghucu, Kepercayaan
//	  "citizenship": "WNI",               // "WNI" or "WNA"
//	  "blood_type": "O",                  // optional: A, B, AB, O with + or -
//	  "kk_number": "6208011012230003",    // the family card the child is on
//	  "head_of_family": "Ahmad Subarjo",
//	  "akta_number": "6208-LU-20122023-0001",
//	  "address": {
//	    "street": "Jl. Tjilik Riwut No. 12",
//	    "rt": "003", "rw": "001",         // 1 to 3 digits
//	    "village": "62.08.01.1004",       // desa/kelurahan, 10 digits, current edition
//	    "district": "62.08.01"            // optional: kecamatan code or name, checked against the village
//	  },
//	  "photo": "photos/siti.jpg",         // JPEG or PNG path, children from 5 only
//	  "issued_at": "2023-12-20",
//	  "issuer": {
//	    "regency": "62.08",               // the issuing kab/kota; the address must be in it
//	    "head_name": "Drs. H. Ahmad Fauzi, M.Si.",
//	    "head_nip": "197003152000031004"  // 18 digits (an adminduk.NIP)
//	  },
//	  "permit_until": "2030-01-31",       // WNA only: end of the parents' residence permit
//	  "married": false,                   // optional; a married child cannot hold a KIA
//	  "replacement": "lost"               // optional: lost, damaged, moved, data_change, turned_5
//	}
//
// The photo path is kept in [Photo.Path]; [DecodeOptions.ReadPhoto] reads
// the file into [Photo.Data] (the CLI resolves it against the directory of
// the JSON file).
//
// # Credential
//
// The QR code of a card carries its claims signed by the Dinas, as the
// credential specification (CREDENTIAL.md) says: [Card.Claims] maps a card
// to them (issuer "ID-" and the kab/kota code, issue time 00:00 WIB of the
// issue date, exp 23:59:59 WIB of the last valid day, NIK, name as printed, birth date,
// sex, nationality, kecamatan of the address, type "KIA", number (the
// NIK), valid-until, KK number; never the photo) and [Card.Sign] signs
// them with a [credential.Signer] of package
// [github.com/adminduk-id/adminduk/adminduk/credential], whose
// [credential.Verify] checks a scanned code against a [credential.KeySet]
// (the Dinas's published JWK Set).
package kia
