package registry

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/adminduk-id/adminduk/adminduk/wilayah"
)

// DocType is the type of a document the registry issues.
type DocType string

// Document types.
const (
	DocAktaKelahiran DocType = "AKTA-KELAHIRAN"
	DocAktaKematian  DocType = "AKTA-KEMATIAN"
	DocKK            DocType = "KK"
	DocKIA           DocType = "KIA"
	DocSKLM          DocType = "SKLM" // surat keterangan lahir mati
)

// IsValid reports whether t is one of the document types.
func (t DocType) IsValid() bool {
	switch t {
	case DocAktaKelahiran, DocAktaKematian, DocKK, DocKIA, DocSKLM:
		return true
	}
	return false
}

// DocStatus is the state of one version of a document.
type DocStatus string

// Document states (CREDENTIAL.md, "Online status").
const (
	DocActive   DocStatus = "active"
	DocReplaced DocStatus = "replaced"
	DocRevoked  DocStatus = "revoked"
)

// Document is one version of an issued document: its identity, its state,
// the signed QR credential it carries (Payload, the Base45 text) and the
// model it was issued from (Model: the JSON form of an akta.Birth, akta.Death,
// akta.Family or kia.Card), from which its PDF is rendered on demand.
// Versions are never overwritten; a status change is a new row of its history.
type Document struct {
	Office    wilayah.Code    `json:"office"`
	Type      DocType         `json:"type"`
	Number    string          `json:"number"`
	Version   int             `json:"version"`
	Status    DocStatus       `json:"status"`
	Payload   string          `json:"payload"`
	IssuedAt  time.Time       `json:"issued_at"`
	ReportID  string          `json:"report_id"`
	ChangedAt time.Time       `json:"changed_at"`
	Model     json.RawMessage `json:"model,omitempty"`
}

// Ref returns the reference of d listed with a report.
func (d *Document) Ref() DocumentRef {
	return DocumentRef{Type: d.Type, Number: d.Number, Version: d.Version, Status: d.Status}
}

// DocumentRef is how a report lists its documents.
type DocumentRef struct {
	Type    DocType   `json:"type"`
	Number  string    `json:"number"`
	Version int       `json:"version"`
	Status  DocStatus `json:"status"`
}

// DocumentStatus is the online status of a document (CREDENTIAL.md): no
// personal data, only the document's identity and state.
type DocumentStatus struct {
	Type           DocType   `json:"type"`
	Number         string    `json:"number"`
	Version        int       `json:"version"`
	Status         DocStatus `json:"status"`
	CurrentVersion int       `json:"current_version"`
	ChangedAt      time.Time `json:"changed_at"`
}

// HandOver records who received which documents of a report, and when.
type HandOver struct {
	Receiver  string        `json:"receiver"` // name of the person who received them
	Relation  string        `json:"relation"` // ayah, ibu, keluarga, ...
	Documents []DocumentRef `json:"documents"`
	At        time.Time     `json:"at"`
	Actor     string        `json:"actor"` // the officer who handed them over
}

func (t DocType) check() error {
	if !t.IsValid() {
		return fmt.Errorf("registry: unknown document type %q: %w", string(t), ErrNotFound)
	}
	return nil
}
