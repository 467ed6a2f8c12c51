package partnership

import (
	"strconv"

	"github.com/adminduk-id/adminduk/adminduk"
)

// WarningKind classifies a [Warning].
type WarningKind int

// Warning kinds.
const (
	// WarnRetiredDistrict: the partner's kecamatan code is retired; the
	// agreement counts for its successor.
	WarnRetiredDistrict WarningKind = 1 + iota
	// WarnSignedAfterStart: the agreement was signed after its term began.
	WarnSignedAfterStart
	// WarnStatusMismatch: the recorded status contradicts the dates, such
	// as "active" after the end date (an expiry nobody recorded).
	WarnStatusMismatch
	// WarnUnusualScope: a service unusual for the partner's category, such
	// as school data recording at a hospital.
	WarnUnusualScope
	// WarnRenewalGap: days without agreement between a predecessor's end and
	// its successor's start.
	WarnRenewalGap
	// WarnRenewalDue: in force, ending within the report window, and no
	// successor signed.
	WarnRenewalDue
	// WarnStatedTotal: a published total that its parts, or the data, do not
	// sum to.
	WarnStatedTotal
	// WarnUnknownColumn: a CSV column the reader does not know; it is
	// ignored.
	WarnUnknownColumn
)

var warningKeys = [...]string{
	WarnRetiredDistrict: "retired_district", WarnSignedAfterStart: "signed_after_start", WarnStatusMismatch: "status_mismatch",
	WarnUnusualScope: "unusual_scope", WarnRenewalGap: "renewal_gap", WarnRenewalDue: "renewal_due",
	WarnStatedTotal: "stated_total", WarnUnknownColumn: "unknown_column",
}

// IsValid reports whether k is one of the warning kinds.
func (k WarningKind) IsValid() bool { return k > 0 && int(k) < len(warningKeys) }

// String returns the key, e.g. "retired_district"; "WarningKind(n)" for a
// number that names nothing.
func (k WarningKind) String() string {
	if !k.IsValid() {
		return unknown("WarningKind", int(k))
	}
	return warningKeys[k]
}

// MarshalText implements [encoding.TextMarshaler].
func (k WarningKind) MarshalText() ([]byte, error) { return marshalKey(k.IsValid(), k.String()), nil }

// Warning is something worth a look that does not make a row or an
// agreement invalid.
type Warning struct {
	Line   int    // the CSV line, 0 when not about one row
	Number string // the agreement's number, when about one agreement
	Kind   WarningKind
	Msg    string // what is wrong, without the line or number, in English
	msgID  string // Msg in Indonesian; "" falls back to Msg
}

// In returns the message in lang: Msg in English, its Indonesian wording
// otherwise (Msg when a warning made outside the package has none).
func (w Warning) In(lang adminduk.Lang) string {
	if lang == adminduk.Indonesian && w.msgID != "" {
		return w.msgID
	}
	return w.Msg
}

// String returns Msg preceded by the line and the agreement number when
// known: `line 19: agreement "470/001/PKS-DKP/2020": recorded active ...`.
func (w Warning) String() string {
	s := w.Msg
	if w.Number != "" {
		s = "agreement " + strconv.Quote(w.Number) + ": " + s
	}
	if w.Line > 0 {
		s = "line " + strconv.Itoa(w.Line) + ": " + s
	}
	return s
}
