package kia

import (
	"github.com/adminduk-id/adminduk/adminduk"
)

// Sentinel errors of card fields. A field error of [Card.Validate] or
// [DecodeCard] unwraps to the one of its [adminduk.Code] (and to the
// eligibility error behind it, such as [ErrTooOld]); each wraps the shared
// sentinel of that code, so errors.Is(err, adminduk.ErrRequired) and
// errors.Is(err, ErrRequired) both ask whether any field is missing.
var (
	ErrRequired     = adminduk.Sentinel("kia: required field missing", adminduk.ErrRequired)
	ErrInvalid      = adminduk.Sentinel("kia: invalid value", adminduk.ErrInvalid)
	ErrRegion       = adminduk.Sentinel("kia: region unknown or outside the issuing kab/kota", adminduk.ErrUnknownRegion)
	ErrMismatch     = adminduk.Sentinel("kia: fields disagree", adminduk.ErrMismatch)
	ErrNotAllowed   = adminduk.Sentinel("kia: field not allowed here", adminduk.ErrNotAllowed)
	ErrUnknownField = adminduk.Sentinel("kia: unknown field", adminduk.ErrUnknownField)
	ErrReplacement  = adminduk.Sentinel("kia: replacement reason does not apply", adminduk.ErrInvalid)
	ErrIneligible   = adminduk.Sentinel("kia: child not eligible", adminduk.ErrInvalid)
	// ErrJSON: the input is not JSON of the card.json shape at all
	// (malformed, not an object, data after the card). It wraps
	// [adminduk.ErrSyntax].
	ErrJSON = adminduk.Sentinel("kia: malformed card.json", adminduk.ErrSyntax)
)

// Codes of this package's field errors, besides the shared ones
// ([adminduk.CodeRequired], [adminduk.CodeInvalid], ...).
const (
	CodeReplacement adminduk.Code = "replacement" // ErrReplacement: the replacement reason does not apply
	CodeIneligible  adminduk.Code = "ineligible"  // ErrIneligible, and one of ErrTooOld, ErrMarried, ErrNotBorn, ErrPermitRequired, ErrPermitExpired
)

// codeErrs maps the codes this package reports to its sentinels.
var codeErrs = map[adminduk.Code]error{
	adminduk.CodeRequired:   ErrRequired,
	adminduk.CodeInvalid:    ErrInvalid,
	adminduk.CodeRegion:     ErrRegion,
	adminduk.CodeMismatch:   ErrMismatch,
	adminduk.CodeNotAllowed: ErrNotAllowed,
	adminduk.CodeUnknown:    ErrUnknownField,
	CodeReplacement:         ErrReplacement,
	CodeIneligible:          ErrIneligible,
}

// whatCard starts the message of a card's *adminduk.ValidationError.
const whatCard = "kia: invalid card"

// checker collects field errors with this package's sentinels.
type checker struct{ c adminduk.Checker }

func newChecker() *checker { return &checker{c: adminduk.Checker{What: whatCard}} }

func fieldError(p adminduk.Pointer, code adminduk.Code, id, en string, cause error) adminduk.FieldError {
	return adminduk.FieldError{Pointer: p, Code: code, Indonesian: id, English: en, Err: codeErrs[code], Cause: cause}
}

func (c *checker) add(p adminduk.Pointer, code adminduk.Code, id, en string) {
	c.c.Add(fieldError(p, code, id, en, nil))
}

func (c *checker) addErr(p adminduk.Pointer, code adminduk.Code, id, en string, err error) {
	c.c.Add(fieldError(p, code, id, en, err))
}

func (c *checker) warn(p adminduk.Pointer, code adminduk.Code, id, en string) {
	c.c.Warn(fieldError(p, code, id, en, nil))
}

func (c *checker) required(p adminduk.Pointer) {
	c.add(p, adminduk.CodeRequired, "wajib diisi", "is required")
}

func (c *checker) has(p adminduk.Pointer) bool { return c.c.Has(p) }

func (c *checker) err() error { return c.c.Err() }

// Field pointers into card.json.
var (
	pNIK          = adminduk.NewPointer("nik")
	pName         = adminduk.NewPointer("name")
	pBirthPlace   = adminduk.NewPointer("birth_place")
	pBirthDate    = adminduk.NewPointer("birth_date")
	pSex          = adminduk.NewPointer("sex")
	pReligion     = adminduk.NewPointer("religion")
	pCitizenship  = adminduk.NewPointer("citizenship")
	pBloodType    = adminduk.NewPointer("blood_type")
	pKK           = adminduk.NewPointer("kk_number")
	pHeadOfFamily = adminduk.NewPointer("head_of_family")
	pAkta         = adminduk.NewPointer("akta_number")
	pStreet       = adminduk.NewPointer("address", "street")
	pRT           = adminduk.NewPointer("address", "rt")
	pRW           = adminduk.NewPointer("address", "rw")
	pVillage      = adminduk.NewPointer("address", "village")
	pDistrict     = adminduk.NewPointer("address", "district")
	pPhoto        = adminduk.NewPointer("photo")
	pIssuedAt     = adminduk.NewPointer("issued_at")
	pRegency      = adminduk.NewPointer("issuer", "regency")
	pHeadName     = adminduk.NewPointer("issuer", "head_name")
	pHeadNIP      = adminduk.NewPointer("issuer", "head_nip")
	pPermitUntil  = adminduk.NewPointer("permit_until")
	pMarried      = adminduk.NewPointer("married")
	pReplacement  = adminduk.NewPointer("replacement")
)
