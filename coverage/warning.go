package coverage

import (
	"encoding/json"
	"strconv"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
)

// WarningKind classifies a [Warning].
type WarningKind int

// Warning kinds. The first three are inconsistencies in published figures
// ([WarningKind.Inconsistent]); the others are notes on data and method.
const (
	// WarnClaimedPercent: a published percent that its counts do not give.
	// Stated is the claim and Computed the percent of the counts, both in
	// hundredths of a percent, at the claim's precision.
	WarnClaimedPercent WarningKind = 1 + iota
	// WarnWithoutSum: with + without is not required. Stated is required,
	// Computed is with + without.
	WarnWithoutSum
	// WarnPartsTotal: parts that do not sum to their stated total. Stated is
	// the total, Computed the sum of the parts.
	WarnPartsTotal
	// WarnAbove100: more children hold the document than are required
	// (the numerator is newer than the population snapshot). Reported, not
	// clamped. Stated is With, Computed is Required.
	WarnAbove100
	// WarnTargetCarried: the target table has no figure for the year asked;
	// the latest earlier one is used. Stated is the year asked, Computed the
	// year of the figure used.
	WarnTargetCarried
	// WarnRetiredDistrict: rows name a retired kecamatan code; they count
	// for its successor (Region). Rows and Line (the first) say where.
	WarnRetiredDistrict
	// WarnNIKMismatch: rows whose birth date or sex differ from their NIK's.
	// Legitimate after a correction (a NIK never changes); the columns win.
	WarnNIKMismatch
	// WarnBornAfterAsOf: rows born after the reference date; not counted.
	WarnBornAfterAsOf
	// WarnIssuedAfterAsOf: rows whose akta or KIA is dated after the
	// reference date; the child counts as without it on that date.
	WarnIssuedAfterAsOf
	// WarnUndated: rows that hold an akta (or KIA) without its date. They
	// count as holders, are left out of timeliness, and count as holders
	// at the start of the projection window.
	WarnUndated
	// WarnUnknownColumn: a CSV column the reader does not know; ignored.
	WarnUnknownColumn
)

var warningKeys = [...]string{
	WarnClaimedPercent: "claimed_percent", WarnWithoutSum: "with_without_sum", WarnPartsTotal: "parts_total",
	WarnAbove100: "above_100", WarnTargetCarried: "target_carried", WarnRetiredDistrict: "retired_district",
	WarnNIKMismatch: "nik_mismatch", WarnBornAfterAsOf: "born_after_as_of", WarnIssuedAfterAsOf: "issued_after_as_of",
	WarnUndated: "undated", WarnUnknownColumn: "unknown_column",
}

// IsValid reports whether k is one of the warning kinds.
func (k WarningKind) IsValid() bool { return k > 0 && int(k) < len(warningKeys) }

// String returns the key, e.g. "claimed_percent"; "WarningKind(n)" for a
// number that names nothing.
func (k WarningKind) String() string {
	if !k.IsValid() {
		return unknown("WarningKind", int(k))
	}
	return warningKeys[k]
}

// MarshalText implements [encoding.TextMarshaler].
func (k WarningKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// Inconsistent reports whether k says that published figures contradict
// each other (claimed percent, with + without, parts and total).
func (k WarningKind) Inconsistent() bool {
	return k == WarnClaimedPercent || k == WarnWithoutSum || k == WarnPartsTotal
}

// percentKind reports whether Stated and Computed are percents.
func (k WarningKind) percentKind() bool { return k == WarnClaimedPercent }

// Warning is something worth a look that does not make figures or a row
// unusable, with the figure as stated and the correct one.
type Warning struct {
	Kind WarningKind
	// Label says what the figures are about ("akta 0-17"); may be empty.
	Label string
	// Region is the region concerned, the zero Code when none.
	Region wilayah.Code
	// Stated and Computed: see the kind. Percents are in hundredths.
	Stated, Computed int64
	// Rows and Line: for warnings about CSV rows, how many and the first
	// line.
	Rows int64
	Line int
	// Msg says what is wrong, without the label, in English.
	Msg string
	// msgID is Msg in Indonesian; "" falls back to Msg.
	msgID string
}

// In returns the message in lang: Msg in English, its Indonesian wording
// otherwise (Msg for a warning made outside the package without one).
func (w Warning) In(lang adminduk.Lang) string {
	if lang == adminduk.Indonesian && w.msgID != "" {
		return w.msgID
	}
	return w.Msg
}

// StringIn is [Warning.String] in lang.
func (w Warning) StringIn(lang adminduk.Lang) string {
	if w.Label == "" {
		return w.In(lang)
	}
	return w.Label + ": " + w.In(lang)
}

// bilingual builds a message in English and in Indonesian from one
// function of the language.
func bilingual(f func(lang adminduk.Lang) string) (en, id string) {
	return f(adminduk.English), f(adminduk.Indonesian)
}

// pick returns en or id by lang.
func pick(lang adminduk.Lang, en, id string) string {
	if lang == adminduk.Indonesian {
		return id
	}
	return en
}

// String returns Msg preceded by the label: "akta 0-17: claimed 65.24 %,
// but 18,726 of 19,662 is 95.24 % (one digit differs: a typo?)".
func (w Warning) String() string {
	if w.Label == "" {
		return w.Msg
	}
	return w.Label + ": " + w.Msg
}

// MarshalJSON writes the warning as an object with kind, message and the
// figures that apply; percents are numbers with two decimals.
func (w Warning) MarshalJSON() ([]byte, error) {
	type out struct {
		Kind     WarningKind     `json:"kind"`
		Label    string          `json:"label,omitempty"`
		Region   wilayah.Code    `json:"region,omitzero"`
		Stated   json.RawMessage `json:"stated,omitempty"`
		Computed json.RawMessage `json:"computed,omitempty"`
		Rows     int64           `json:"rows,omitempty"`
		Line     int             `json:"line,omitempty"`
		Message  string          `json:"message"`
	}
	o := out{Kind: w.Kind, Label: w.Label, Region: w.Region, Rows: w.Rows, Line: w.Line, Message: w.Msg}
	if w.Stated != 0 || w.Computed != 0 || w.Kind.Inconsistent() || w.Kind == WarnAbove100 {
		if w.Kind.percentKind() {
			o.Stated, _ = Percent(w.Stated).MarshalJSON()
			o.Computed, _ = Percent(w.Computed).MarshalJSON()
		} else {
			o.Stated = strconv.AppendInt(nil, w.Stated, 10)
			o.Computed = strconv.AppendInt(nil, w.Computed, 10)
		}
	}
	return json.Marshal(o)
}

// group writes n with digit grouping: "18,726" in English, "18.726" in
// Indonesian.
func group(n int64, lang adminduk.Lang) string { return string(appendGroup(nil, n, lang)) }

// FormatCount writes n with its digits grouped in lang's way: 1.234.567 in
// Indonesian, 1,234,567 in English.
func FormatCount(n int64, lang adminduk.Lang) string { return group(n, lang) }

func appendGroup(b []byte, n int64, lang adminduk.Lang) []byte {
	sep := byte(',')
	if lang == adminduk.Indonesian {
		sep = '.'
	}
	u := uint64(n)
	if n < 0 {
		b = append(b, '-')
		u = -u
	}
	var tmp [20]byte
	s := strconv.AppendUint(tmp[:0], u, 10)
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b = append(b, sep)
		}
		b = append(b, c)
	}
	return b
}
