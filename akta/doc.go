// Package akta holds civil-registration records and their rules: akta
// register numbers, birth and death registrations with on-time and late
// registration, and the family card (KK) with the changes a birth or a
// death makes to it. Rendering (PDF, PNG, signed QR) lives in the
// sub-package [github.com/adminduk-id/adminduk/akta/render], so that a
// program that only checks records does not link a PDF library.
//
// # Register numbers
//
// A [Number] is `KKKK-TT-DDMMYYYY-NNNN`, e.g. 3201-LU-25082023-0001: the
// issuing kab/kota, a type code, the registration date and the office's
// serial for that day. It is a small comparable value like
// [net/netip.Addr]: [ParseNumber], [MustParseNumber], [Number.String],
// [Number.AppendTo], text and SQL marshalling, zero value invalid. Type
// codes come from a [Types] table: LU (birth on time), LT (birth late) and
// KM (death) by default. KM is not confirmed by regulation, so a [Parser]
// takes another table built with [NewTypes] or [Types.With]. Text that
// looks like the current layout (with or without hyphens) must be correct:
// "3604LU010920230042x" is invalid with its reason. Numbers of older
// layouts are refused ([ErrLegacy]) unless the caller asks for them
// ([ParseNumberLegacy], [ParseOptions].AllowLegacy); they then parse as
// legacy ([Number.IsLegacy]), keep their text and are never checked.
// Errors are *[NumberError] values unwrapping to [ErrSyntax],
// [ErrUnknownOffice], [ErrUnknownType], [adminduk.ErrInvalidDate] or
// [ErrInvalidSerial]; each of these wraps the shared sentinel of package
// adminduk (ErrSyntax, ErrUnknownRegion, ErrInvalid, ErrInvalidSerial).
//
// New numbers come from a [Sequencer], the next serial per office and day;
// [MemorySequencer] keeps them in memory, the registry in its database.
// [Allocate], [Birth.Register] and [Death.Register] put the pieces together.
//
// # Records and rules
//
// A [Birth] holds the child (NIK, name, sex, date and time, place, birth
// order, single or multiple birth, weight and length), the mother, the
// father, the parent case ([Parents]: married, married but the marriage
// not recorded with SPTJM F-2.04, or mother only), the proof ([Proof]: the
// surat keterangan lahir or an SPTJM F-2.03), the reporter, the witnesses
// (two only when an SPTJM replaces a document), the registration and issue
// dates and the issuing Dinas. A [Death] holds the deceased (NIK optional:
// a newborn who died before registration), date, place and optional cause
// category of death (recorded, never printed) and the same parties and
// dates. A child's name in a birth registered since [NameRulesFrom] follows
// Permendagri 73/2022 (two words or more, at most 60 characters, no
// digits, abbreviations or punctuation but the apostrophe; for older
// registrations these are warnings); titles in printed names ([IsTitle])
// are warnings, never stripped. A birth registered more
// than 60 days after it happened is late (type LT rather than LU, UU 24/2013
// art. 27: [BirthLate]); a death more than 30 days (art. 44: [DeathLate]).
// Registering on the 60th (30th) day is on time.
//
// Records, like every input of this module, are an [adminduk.Validator]:
// Validate reports every problem at once as a *[adminduk.ValidationError]
// of [adminduk.FieldError] values: a JSON pointer into akta.json or kk.json
// ("/child/birth_date", "/witnesses/1/nik"), an [adminduk.Code] and a
// message in Indonesian and English. Each unwraps to a sentinel of this
// package ([ErrRequired], [ErrInvalid], [ErrOutOfRange], [ErrDateOrder],
// [ErrMismatch], [ErrDuplicate], [ErrUnknown]) which wraps the shared one
// ([adminduk.ErrRequired] ...), so callers branch with errors.Is and
// errors.As. Warnings lists what deserves a look without being wrong (a
// NIK coding another sex or birth date, which a correction legitimately
// causes). Dates are [adminduk.Date], the Kepala Dinas's NIP an
// [adminduk.NIP] and the issuing Dinas an [adminduk.Issuer].
//
// # Enumerations
//
// [Kind], [Multiplicity], [Cause], [Parents], [Proof], [Relationship],
// [MaritalStatus] and [Education] follow the rule of package adminduk: 0
// means unknown or not given; IsValid reports a named value; String gives
// the akta.json key ("kawin-tercatat") and "Type(n)" for a number that
// names nothing; Text(lang) gives the label in Indonesian or English
// ("KAWIN TERCATAT", "MARRIED (RECORDED)"); MarshalText refuses a number
// that names nothing; the Parse functions accept keys, labels and common
// spellings and return an *[adminduk.ValueError] unwrapping to
// [ErrUnknownValue] otherwise.
//
// # Credentials
//
// Each record builds the claims of its signed QR credential
// ([Birth.Claims], [Death.Claims], [Family.Claims], CREDENTIAL.md): the
// person as printed ([Printed]), the register or card number, the KK
// number and the event. The renderer signs them and draws.
//
// # Family card
//
// A [Family] is a KK: number, address, members with relationship, NIK, sex,
// birth place and date, religion, education, occupation, marital status,
// citizenship and parents' names. Changes return the next version and leave
// the old one alone: [Family.AddNewborn] enters the child of a birth;
// [Family.RemoveDeceased] takes out the person of a death, marks the spouse
// widowed and, when the head died, picks the next head ([Family.Successor]:
// the spouse first) and allocates a new KK number ([adminduk.NewKK]).
//
// # akta.json
//
// [DecodeRecord] reads the CLI's input and [Birth.MarshalJSON] and
// [Death.MarshalJSON] write it. It returns the record as far as it could be
// read and every problem at once (malformed JSON, unknown fields, wrong
// JSON types, values that do not parse, and what Validate finds) as one
// *[adminduk.ValidationError]. Unknown fields are an error; dates are
// YYYY-MM-DD, times HH:MM; sex is "L"/"P" or "male"/"female"; NIKs are 16
// digits. A birth:
//
//	{
//	  "type": "kelahiran",
//	  "number": "3604-LU-01092023-0001",
//	  "child": {"nik": "3604016508230001", "name": "Siti Aminah", "sex": "P",
//	            "birth_date": "2023-08-25", "birth_time": "07:45",
//	            "birth_place": "Serang", "birth_order": 2,
//	            "multiplicity": "tunggal", "weight_g": 3100, "length_cm": 49.5},
//	  "mother": {"nik": "3604014101950002", "name": "Nur Halimah"},
//	  "father": {"nik": "3604011203900001", "name": "Ahmad Fauzi"},
//	  "reporter": {"nik": "3604011203900001", "name": "Ahmad Fauzi"},
//	  "witnesses": [{"nik": "...", "name": "..."}, {"nik": "...", "name": "..."}],
//	  "registered_at": "2023-09-01",
//	  "issued_at": "2023-09-01",
//	  "issuer": {"regency": "36.04", "head_name": "Dr. H. Ahmad Suhaemi, M.Si.",
//	             "head_nip": "197005121995031002", "place": "Serang"},
//	  "kk_number": "3604010109230001"
//	}
//
// "parents" is "kawin" (married: both parents), "kawin-belum-tercatat"
// (marriage not recorded, SPTJM F-2.04: both parents and the phrase
// "yang perkawinannya belum tercatat ...", two witnesses) or "ibu" (mother
// only, no "father"); without it a record with "father" is "kawin" and one
// without is "ibu", as older inputs meant. "proof" is "surat-keterangan"
// (the default) or "sptjm" (F-2.03, two witnesses); "witnesses" is needed
// only with an SPTJM.
// "father" is omitted for a child whose father is not named;
// "multiplicity" is "tunggal", "kembar-2" ... "kembar-9" (or the number);
// "birth_order" is the child's place among the mother's children;
// "birth_time", "weight_g", "length_cm", "citizenship" ("WNI", the
// default, or "WNA"), "issuer.place" and "kk_number" are optional. The KK
// number was "kk" before "kk_number", the key of every input of the
// module; the old key is still read, with a warning. A death:
//
//	{
//	  "type": "kematian",
//	  "number": "3604-KM-10032024-0007",
//	  "deceased": {"nik": "...", "name": "...", "sex": "L", "birth_place": "...",
//	               "birth_date": "1950-04-02", "father_name": "...", "mother_name": "..."},
//	  "death_date": "2024-03-01", "death_time": "23:10", "death_place": "Serang",
//	  "cause": "sakit",
//	  "reporter": {...}, "witnesses": [{...}, {...}],
//	  "registered_at": "2024-03-10", "issued_at": "2024-03-10",
//	  "issuer": {...}, "kk_number": "..."
//	}
//
// "cause", optional, is one of "sakit" (illness or old age), "wabah",
// "kecelakaan", "kriminalitas", "bunuh-diri", "lainnya"; the deceased's
// NIK, the death time, the parents' names and "citizenship" are optional;
// "proof" is "surat-keterangan" (the default) or "sptjm", which needs the
// two witnesses. A UTF-8 byte order mark before the JSON is ignored.
//
// # kk.json
//
// [DecodeFamily] reads a family card and [Family.MarshalJSON] writes it:
//
//	{
//	  "kk_number": "3604012509230003",
//	  "address": {"street": "Kp. Ciruas Lor", "rt": "002", "rw": "005",
//	              "village": "36.04.01.2001", "postal_code": "42182"},
//	  "members": [{"name": "Ahmad Fauzi", "nik": "...", "sex": "L",
//	               "birth_place": "Serang", "birth_date": "1990-03-12",
//	               "religion": "Islam", "education": "slta",
//	               "occupation": "Karyawan Swasta", "blood_type": "O",
//	               "marital_status": "kawin-tercatat", "marriage_date": "2018-06-10",
//	               "relationship": "kepala-keluarga", "citizenship": "WNI",
//	               "father_name": "...", "mother_name": "..."}],
//	  "issued_at": "2023-09-01",
//	  "issuer": {"regency": "36.04", "head_name": "...", "head_nip": "..."}
//	}
//
// Religion, blood type and citizenship take the values of package adminduk;
// education is one of "tidak-sekolah", "belum-tamat-sd", "sd", "sltp",
// "slta", "d1-d2", "d3", "s1", "s2", "s3"; marital_status one of
// "belum-kawin", "kawin", "kawin-tercatat", "kawin-belum-tercatat",
// "cerai-hidup", "cerai-mati"; relationship one of "kepala-keluarga",
// "suami", "istri", "anak", "menantu", "cucu", "orang-tua", "mertua",
// "famili-lain", "pembantu", "lainnya" (the printed labels are accepted
// too). "blood_type", "marriage_date", "passport", "kitap" and
// "address.postal_code" (the kode pos, 5 digits) are optional. The card
// number was "number" before "kk_number"; the old key is still read, with
// a warning.
package akta
