package httpapi

import (
	"encoding/json"
	"strings"
	"time"

	"github.com/adminduk-id/adminduk/partnership"
	"github.com/adminduk-id/adminduk/registry"
)

// ReportCreated is the answer to a new report: its ID, status and flags.
type ReportCreated struct {
	ID     string   `json:"id"`
	Status string   `json:"status"`
	Flags  []string `json:"flags"`
}

// ReportSummary is a report in a list.
type ReportSummary struct {
	ID          string    `json:"id"`
	Kind        string    `json:"kind"`
	Status      string    `json:"status"`
	Flags       []string  `json:"flags"`
	ExternalRef string    `json:"external_ref,omitempty"`
	PartnerID   string    `json:"partner_id"`
	Created     time.Time `json:"created"`
}

// ReportView is one report with its body as submitted, its actions and the
// documents issued for it.
type ReportView struct {
	ReportSummary
	Office      string                 `json:"office"`
	AgreementID string                 `json:"agreement_id"`
	Body        json.RawMessage        `json:"body"`
	Actions     []registry.Action      `json:"actions"`
	Documents   []registry.DocumentRef `json:"documents"`
	// Duplicates lists, for an officer, the reports a duplicate rule
	// linked this one to and the decisions taken on them.
	Duplicates []registry.DuplicateLink     `json:"duplicates,omitempty"`
	Decisions  []registry.DuplicateDecision `json:"duplicate_decisions,omitempty"`
}

// ReportList is a page of reports; NextCursor asks for the next page.
type ReportList struct {
	Items      []ReportSummary `json:"items"`
	NextCursor string          `json:"next_cursor,omitempty"`
}

// RegistrationView is what registering a report allocated.
type RegistrationView struct {
	ReportID   string                 `json:"report_id"`
	NIK        string                 `json:"nik,omitempty"`
	Akta       string                 `json:"akta,omitempty"`
	Registered string                 `json:"registered"`
	Documents  []registry.DocumentRef `json:"documents"`
}

// DocumentView is a document's metadata with its signed QR payload.
type DocumentView struct {
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

// VerifyResult is the outcome of a QR check (CREDENTIAL.md) with the
// document's online status, when the registry knows it.
type VerifyResult struct {
	Result   string                   `json:"result"`
	Issuer   string                   `json:"issuer,omitempty"`
	KeyID    string                   `json:"kid,omitempty"`
	Document *VerifiedDocument        `json:"document,omitempty"`
	Online   *registry.DocumentStatus `json:"online,omitempty"`
}

// VerifiedDocument names the document a valid QR is about.
type VerifiedDocument struct {
	Type   string `json:"type"`
	Number string `json:"number"`
}

// APIKeyView is an API key or token without its secret.
type APIKeyView struct {
	ID        string    `json:"id"`
	PartnerID string    `json:"partner_id,omitempty"`
	Label     string    `json:"label,omitempty"`
	CreatedAt time.Time `json:"created_at"`
	CreatedBy string    `json:"created_by"`
	RevokedAt time.Time `json:"revoked_at,omitzero"`
	LastUsed  time.Time `json:"last_used,omitzero"`
}

// NewAPIKey is a created key with its secret, shown this once.
type NewAPIKey struct {
	APIKeyView
	Secret string `json:"secret"`
}

// PartnerView is a partner with the IDs and states of its agreements.
type PartnerView struct {
	Partner    partnership.Partner `json:"partner"`
	Agreements []AgreementState    `json:"agreements"`
	InForce    bool                `json:"in_force"`
}

// AgreementState is an agreement's ID and its state on the day.
type AgreementState struct {
	ID    string `json:"id"`
	State string `json:"state"`
}

func flagList(f registry.Flags) []string {
	out := []string{}
	for k := range strings.SplitSeq(f.String(), ",") {
		if k != "" {
			out = append(out, k)
		}
	}
	return out
}

func summary(r *registry.Report) ReportSummary {
	return ReportSummary{ID: r.ID, Kind: r.Kind.String(), Status: r.Status.String(), Flags: flagList(r.Flags),
		ExternalRef: r.ExternalRef, PartnerID: r.PartnerID, Created: r.Created}
}

func reportView(r *registry.Report) ReportView {
	v := ReportView{ReportSummary: summary(r), Office: r.Office.String(), AgreementID: r.AgreementID, Body: r.Body,
		Actions: r.Actions, Documents: r.Documents}
	if v.Actions == nil {
		v.Actions = []registry.Action{}
	}
	if v.Documents == nil {
		v.Documents = []registry.DocumentRef{}
	}
	return v
}

func keyView(c *registry.Credential) APIKeyView {
	return APIKeyView{ID: c.ID, PartnerID: c.PartnerID, Label: c.Label, CreatedAt: c.CreatedAt, CreatedBy: c.CreatedBy,
		RevokedAt: c.RevokedAt, LastUsed: c.LastUsed}
}
