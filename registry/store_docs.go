package registry

import (
	"context"
	"time"

	"github.com/adminduk-id/adminduk/adminduk/wilayah"
)

// DocumentStore is the part of [Store] that changes issued documents after
// registration: corrections (a new version) and revocations (a new state).
type DocumentStore interface {
	// Document returns version (0: the current one) of a document with its
	// current state and model, or ErrNotFound.
	Document(ctx context.Context, office wilayah.Code, t DocType, number string, version int) (Document, error)
	// ChangeDocuments appends ch.Action to the log of ch.ReportID (with
	// ch.Status as the derived status), stores the new document versions of
	// ch.New (each the next version of its number, issued for that report)
	// and appends the state changes of ch.States, journaling ch.Audit with
	// ch.Detail, all in one transaction. It fails with ErrConflict, writing
	// nothing, when the action number is taken, a new version is not the
	// next one, or a version to change is no longer active.
	ChangeDocuments(ctx context.Context, ch DocumentChange) error
}

// DocumentChange is the input of [DocumentStore.ChangeDocuments].
type DocumentChange struct {
	Office   wilayah.Code
	ReportID string
	Action   Action
	Status   Status
	New      []Document      // new versions, status active
	States   []DocumentState // state changes of existing versions
	Audit    string          // the audit action: "document.correct", "document.revoke"
	Detail   string          // the audit detail: what changed, before and after
	At       time.Time       // when
}

// DocumentState is a change of state of one version of a document.
type DocumentState struct {
	Type    DocType   `json:"type"`
	Number  string    `json:"number"`
	Version int       `json:"version"`
	Status  DocStatus `json:"status"` // replaced or revoked
}
