package registry

import (
	"context"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/partnership"
)

// Store is the storage contract of the registry. Every method is one
// transaction; sequences and idempotency live in the store's constraints, so
// several processes may share one store. Implementations translate their
// errors into [ErrNotFound] and [ErrConflict], never delete anything and
// journal every write in the audit table. registry/storetest checks an
// implementation.
type Store interface {
	SchoolStore  // school batches (store_school.go)
	AuthStore    // credentials of the HTTP API (auth_store.go)
	APIStore     // attachments, idempotent requests, look-ups (api_store.go)
	OfficerStore // officer accounts and web sessions (officer.go)

	// PutAgreement inserts or replaces an agreement, under the office of its
	// partner's kab/kota.
	PutAgreement(ctx context.Context, a *partnership.Agreement, actor string) error
	// Agreements returns the agreements of a partner, in ID order.
	Agreements(ctx context.Context, partnerID string) ([]partnership.Agreement, error)

	// CreateReport stores a new report with its first action (notify). With
	// an idempotency key already used by the partner it returns the earlier
	// report and false when the body hash is the same, and a *ConflictError
	// otherwise; likewise for an external_ref already used by the partner.
	// Nothing is written in those cases. keys is the person index of r's
	// body ([Report.SubjectKeys], computed by the service), stored with it.
	CreateReport(ctx context.Context, r *Report, keys []SubjectKey, idempotencyKey string) (Report, bool, error)
	// Report returns a report with its actions, or ErrNotFound.
	Report(ctx context.Context, office wilayah.Code, id string) (Report, error)
	// Reports returns the reports matching f, newest first, without actions.
	Reports(ctx context.Context, f Filter) ([]Report, error)
	// AppendAction appends a to the log of a report as action number a.Seq
	// and records status as the report's derived status. When a.Seq is
	// already taken (someone else acted first) it fails with ErrConflict.
	AppendAction(ctx context.Context, office wilayah.Code, reportID string, a Action, status Status) error
	// Register appends the register action and allocates the serials of in,
	// all in one transaction.
	Register(ctx context.Context, in Registering) (Registration, error)
	// Registration returns what registering a report allocated, or ErrNotFound.
	Registration(ctx context.Context, office wilayah.Code, reportID string) (Registration, error)
	// Documents returns the documents issued for a report, every version
	// with its current state.
	Documents(ctx context.Context, office wilayah.Code, reportID string) ([]Document, error)
	// DocumentStatus returns the state of version (0: the current one) of a
	// document, or ErrNotFound.
	DocumentStatus(ctx context.Context, office wilayah.Code, t DocType, number string, version int) (DocumentStatus, error)
	// HandOver appends the hand-over action a and records h, in one
	// transaction; when a.Seq is taken it fails with ErrConflict.
	HandOver(ctx context.Context, office wilayah.Code, reportID string, a Action, status Status, h HandOver) error
	// HandOvers returns the hand-overs of a report, oldest first.
	HandOvers(ctx context.Context, office wilayah.Code, reportID string) ([]HandOver, error)
	// Audit returns the audit entries of a record, oldest first.
	Audit(ctx context.Context, office wilayah.Code, record string) ([]AuditEntry, error)
	RecordStore
	WebhookStore
	// Close releases the store.
	Close() error

	FamilyStore
	FamilyCompleteStore // completing a card built from a report (store_family_complete.go)
	DocumentStore
}

// SerialKey names a NIK serial sequence: the kecamatan of first
// registration and the six date digits of the NIK (DDMMYY, day +40 for girls).
type SerialKey struct {
	Kecamatan wilayah.Code
	Digits    string
}

// Registering is the input of [Store.Register]: the register action
// (Action.Seq the next number) and what to allocate. The store takes the next
// NIK serial of NIK (when not nil) and the next akta serial of the office on
// AktaDay (when not zero), then calls Build with them (0 for what was not
// allocated) inside the transaction and stores its result, with the
// documents it lists (each active, in the version it carries). When BuildTx is set the store
// calls it instead of Build, with the transaction's [RegisterTx] (the family
// register, KK and document serials, deaths and stillbirths).
type Registering struct {
	Office   wilayah.Code
	ReportID string
	Action   Action
	Status   Status
	NIK      *SerialKey
	AktaDay  adminduk.Date
	Build    func(nikSerial, aktaSerial int) (Registration, error)
	BuildTx  func(ctx context.Context, tx RegisterTx, nikSerial, aktaSerial int) (Registration, error)
}
