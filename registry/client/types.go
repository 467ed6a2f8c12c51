package client

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/adminduk-id/adminduk/partnership"
	"github.com/adminduk-id/adminduk/registry"
)

// Flags are a report's [registry.Flags] as the API writes them: a JSON
// array of keys (["late", "incomplete"]).
type Flags registry.Flags

// Has reports whether every flag of g is set in f.
func (f Flags) Has(g registry.Flags) bool { return registry.Flags(f).Has(g) }

// String lists the flags comma-separated.
func (f Flags) String() string { return registry.Flags(f).String() }

// MarshalJSON writes the array of keys.
func (f Flags) MarshalJSON() ([]byte, error) {
	keys := []string{}
	if s := f.String(); s != "" {
		keys = strings.Split(s, ",")
	}
	return json.Marshal(keys)
}

// UnmarshalJSON reads the array of keys; an unknown key is an error.
func (f *Flags) UnmarshalJSON(b []byte) error {
	var keys []string
	if err := json.Unmarshal(b, &keys); err != nil {
		return err
	}
	return (*registry.Flags)(f).UnmarshalText([]byte(strings.Join(keys, ",")))
}

// ReportCreated is the answer to a new report: its ID, status and flags.
type ReportCreated struct {
	ID     string          `json:"id"`
	Status registry.Status `json:"status"`
	Flags  Flags           `json:"flags"`
}

// Report is a report as the API shows it: the body as submitted, its
// actions, derived status, flags and the documents issued for it.
type Report struct {
	ID          string                 `json:"id"`
	Kind        string                 `json:"kind"` // birth, death, stillbirth
	Office      string                 `json:"office"`
	PartnerID   string                 `json:"partner_id"`
	AgreementID string                 `json:"agreement_id"`
	ExternalRef string                 `json:"external_ref"`
	Status      registry.Status        `json:"status"`
	Flags       Flags                  `json:"flags"`
	Created     time.Time              `json:"created"`
	Body        json.RawMessage        `json:"body"`
	Actions     []registry.Action      `json:"actions"`
	Documents   []registry.DocumentRef `json:"documents"`
	// Duplicates and Decisions are shown to officers: the reports a
	// duplicate rule linked this one to, and the decisions taken.
	Duplicates []registry.DuplicateLink     `json:"duplicates,omitempty"`
	Decisions  []registry.DuplicateDecision `json:"duplicate_decisions,omitempty"`
}

// Birth decodes the body of a birth report.
func (r *Report) Birth() (*registry.BirthReport, error) {
	if r.Kind != "birth" {
		return nil, fmt.Errorf("client: report %q is a %s report, not a birth", r.ID, r.Kind)
	}
	var b registry.BirthReport
	if err := json.Unmarshal(r.Body, &b); err != nil {
		return nil, fmt.Errorf("client: report %q: %w", r.ID, err)
	}
	return &b, nil
}

// ReportSummary is a report in a list.
type ReportSummary struct {
	ID          string          `json:"id"`
	Kind        string          `json:"kind"`
	Status      registry.Status `json:"status"`
	Flags       Flags           `json:"flags"`
	PartnerID   string          `json:"partner_id"`
	ExternalRef string          `json:"external_ref"`
	Created     time.Time       `json:"created"`
}

// ReportList is one page of reports; NextCursor asks for the next.
type ReportList struct {
	Items      []ReportSummary `json:"items"`
	NextCursor string          `json:"next_cursor"`
}

// ListOptions filter a list of reports; zero fields match anything.
type ListOptions struct {
	Status      registry.Status
	Flags       registry.Flags // all must be set
	Partner     string         // officers: one partner's reports
	ExternalRef string
	From, To    string // YYYY-MM-DD, the day the report was created (WIB)
	Limit       int    // 1-500; 0: the server's default
	Cursor      string
}

// Registration is what registering a report allocated.
type Registration struct {
	ReportID   string                 `json:"report_id"`
	NIK        string                 `json:"nik"`
	Akta       string                 `json:"akta"`
	Registered string                 `json:"registered"`
	Documents  []registry.DocumentRef `json:"documents"`
}

// Attachment is a file attached to a report, as stored by the registry.
type Attachment struct {
	ReportID  string    `json:"report_id"`
	Seq       int       `json:"seq"`
	Kind      string    `json:"kind"`
	MediaType string    `json:"media_type"`
	Size      int64     `json:"size"`
	SHA256    string    `json:"sha256"`
	CreatedAt time.Time `json:"created_at"`
	CreatedBy string    `json:"created_by"`
}

// ReturnReason is one reason an officer returns a report: the field
// (optional JSON pointer into the report) and what is wrong.
type ReturnReason struct {
	Pointer string `json:"pointer,omitempty"`
	Message string `json:"message"`
}

// HandOverRequest names who receives which documents (none: all).
type HandOverRequest struct {
	Receiver  string                 `json:"receiver"`
	Relation  string                 `json:"relation"`
	Documents []registry.DocumentRef `json:"documents,omitempty"`
}

// Document is a document's metadata and signed QR payload.
type Document struct {
	Type           registry.DocType   `json:"type"`
	Number         string             `json:"number"`
	Version        int                `json:"version"`
	Status         registry.DocStatus `json:"status"`
	CurrentVersion int                `json:"current_version"`
	ReportID       string             `json:"report_id"`
	IssuedAt       time.Time          `json:"issued_at"`
	ChangedAt      time.Time          `json:"changed_at"`
	Payload        string             `json:"payload"`
}

// VerifyResult is the registry's check of a QR payload (CREDENTIAL.md):
// the offline result and, when the registry issued it, the online status.
type VerifyResult struct {
	Result   string `json:"result"` // valid, expired, not_yet_valid, unknown_key, invalid_signature, malformed
	Issuer   string `json:"issuer"`
	Kid      string `json:"kid"`
	Document *struct {
		Type   string `json:"type"`
		Number string `json:"number"`
	} `json:"document"`
	Online *registry.DocumentStatus `json:"online"`
}

// JWK is one public key of the registry's JWK Set.
type JWK struct {
	Kty string `json:"kty"`
	Crv string `json:"crv"`
	X   string `json:"x"`
	Kid string `json:"kid"`
	Iss string `json:"iss"`
	Nbf int64  `json:"nbf"`
	Exp int64  `json:"exp,omitempty"`
}

// JWKSet is the registry's published keys.
type JWKSet struct {
	Keys []JWK `json:"keys"`
}

// Health is the answer of /healthz.
type Health struct {
	Status  string   `json:"status"`
	Offices []string `json:"offices"`
}

// PartnerView is a partner of the office with its agreements' states.
type PartnerView struct {
	Partner    partnership.Partner `json:"partner"`
	Agreements []struct {
		ID    string `json:"id"`
		State string `json:"state"`
	} `json:"agreements"`
	InForce bool `json:"in_force"`
}

// APIKey is a partner's API key, without its secret.
type APIKey struct {
	ID        string    `json:"id"`
	PartnerID string    `json:"partner_id"`
	Label     string    `json:"label"`
	CreatedAt time.Time `json:"created_at"`
	CreatedBy string    `json:"created_by"`
	LastUsed  time.Time `json:"last_used,omitzero"`
	RevokedAt time.Time `json:"revoked_at,omitzero"`
}

// NewAPIKey is a key just created, with its secret, shown this once.
type NewAPIKey struct {
	APIKey
	Secret string `json:"secret"`
}

// RenewRequest renews an agreement: the new agreement's ID and number,
// optionally the partner's number, start (YYYY-MM-DD) and term ("2y").
type RenewRequest struct {
	ID            string `json:"id"`
	Number        string `json:"number"`
	PartnerNumber string `json:"partner_number,omitempty"`
	Start         string `json:"start,omitempty"`
	Term          string `json:"term,omitempty"`
}
