package registry

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/akta"
	"github.com/adminduk-id/adminduk/partnership"
)

// Kind is the event a report is about.
type Kind int

// Kinds of reports.
const (
	KindBirth Kind = 1 + iota
	KindDeath
	KindStillbirth
)

var kindKeys = [...]string{KindBirth: "birth", KindDeath: "death", KindStillbirth: "stillbirth"}

// IsValid reports whether k is one of the kinds.
func (k Kind) IsValid() bool { return k > 0 && int(k) < len(kindKeys) }

// String returns "birth", "death" or "stillbirth", "Kind(n)" otherwise.
func (k Kind) String() string {
	if !k.IsValid() {
		return fmt.Sprintf("Kind(%d)", int(k))
	}
	return kindKeys[k]
}

// MarshalText implements encoding.TextMarshaler.
func (k Kind) MarshalText() ([]byte, error) {
	if !k.IsValid() {
		return nil, fmt.Errorf("registry: invalid kind %d", int(k))
	}
	return []byte(kindKeys[k]), nil
}

// Service returns the PKS service a partner needs to submit a report of kind
// k: akta_kelahiran for births and stillbirths, akta_kematian for deaths.
func (k Kind) Service() partnership.Service {
	if k == KindDeath {
		return partnership.AktaKematian
	}
	return partnership.AktaKelahiran
}

// Report is a stored report with its log of actions. Body is the report as
// submitted (the canonical JSON of a [BirthReport], [DeathReport] or
// [StillbirthReport]); Status is derived from Actions.
type Report struct {
	Office      wilayah.Code    `json:"office"` // kab/kota of the partner's agreement
	ID          string          `json:"id"`
	Kind        Kind            `json:"kind"`
	PartnerID   string          `json:"partner_id"`
	AgreementID string          `json:"agreement_id"`
	ExternalRef string          `json:"external_ref,omitempty"`
	Body        json.RawMessage `json:"body"`
	BodyHash    string          `json:"body_hash"` // hex SHA-256 of Body
	Flags       Flags           `json:"flags"`
	Status      Status          `json:"status"`
	Created     time.Time       `json:"created"`
	Actions     []Action        `json:"actions"`
	// Documents lists the documents issued for the report (filled by
	// Service.Report).
	Documents []DocumentRef `json:"documents,omitempty"`
}

// Birth decodes the body of a birth report.
func (r *Report) Birth() (*BirthReport, error) {
	if r.Kind != KindBirth {
		return nil, fmt.Errorf("registry: report %q is a %s report, not a birth: %w", r.ID, r.Kind, ErrConflict)
	}
	var b BirthReport
	if err := json.Unmarshal(r.Body, &b); err != nil {
		return nil, fmt.Errorf("registry: report %q: %w", r.ID, err)
	}
	return &b, nil
}

// Death decodes the body of a death report.
func (r *Report) Death() (*DeathReport, error) {
	if r.Kind != KindDeath {
		return nil, fmt.Errorf("registry: report %q is a %s report, not a death: %w", r.ID, r.Kind, ErrConflict)
	}
	var d DeathReport
	if err := json.Unmarshal(r.Body, &d); err != nil {
		return nil, fmt.Errorf("registry: report %q: %w", r.ID, err)
	}
	return &d, nil
}

// Registration is what registering a report allocated: the child's NIK (zero
// for a death or stillbirth) and the akta number (zero for a stillbirth).
type Registration struct {
	Office     wilayah.Code  `json:"office"`
	ReportID   string        `json:"report_id"`
	NIK        adminduk.NIK  `json:"nik,omitzero"`
	Akta       akta.Number   `json:"akta,omitzero"`
	Registered adminduk.Date `json:"registered"` // the day of registration (WIB)
	At         time.Time     `json:"at"`
	// Documents are the documents issued with the registration, each
	// version 1 and active, with its signed credential.
	Documents []Document `json:"documents,omitempty"`
}

// Filter selects reports. Office is required; zero fields match anything.
type Filter struct {
	Office    wilayah.Code
	Kind      Kind
	Status    Status
	PartnerID string
	Flags     Flags // reports having all these flags
	Limit     int   // 0: 100
	// ExternalRef selects the report of a partner's own reference.
	ExternalRef string
	// From and To select reports created at or after From and before To;
	// zero means open.
	From, To time.Time
	// After, when not zero, starts the page after this report (the last of
	// the previous page) in the order of the list.
	After ReportCursor
}

// ReportCursor is a position in a list of reports: a report's creation
// time and ID.
type ReportCursor struct {
	Created time.Time
	ID      string
}

// AuditEntry is one line of the audit journal: who did what to which record.
type AuditEntry struct {
	Office wilayah.Code `json:"office"`
	Seq    int64        `json:"seq"`
	At     time.Time    `json:"at"`
	Actor  string       `json:"actor"`
	Action string       `json:"action"` // "report.create", "action.verify", "agreement.put" ...
	Record string       `json:"record"` // the report or agreement ID
	Detail string       `json:"detail,omitempty"`
}
