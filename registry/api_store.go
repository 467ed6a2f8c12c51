package registry

import (
	"context"
	"time"

	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/partnership"
)

// APIStore is the part of [Store] that the HTTP API needs beyond the
// workflow: attachments kept in the registry, the journal of idempotent
// requests, look-ups of documents and agreements by office, and counts.
type APIStore interface {
	// AddAttachment stores a new attachment of a report as the next number
	// of its list (a.Seq is set) in one transaction; an unknown report is
	// ErrNotFound.
	AddAttachment(ctx context.Context, a *AttachmentFile) error
	// Attachments returns the attachments of a report, in order, with their
	// contents when withData.
	Attachments(ctx context.Context, office wilayah.Code, reportID string, withData bool) ([]AttachmentFile, error)
	// BeginRequest records that caller started a request under an
	// idempotency key. When the key was used before it records nothing and
	// returns false with the earlier request's hash and its response (nil
	// while that request is still in flight). A request with the same hash
	// that started more than [AbandonedRequestAfter] before at and has no
	// response was cut off (the server was killed): it returns true, and the
	// retry runs again (the report's own idempotency keeps it to one record).
	BeginRequest(ctx context.Context, office wilayah.Code, caller, key, requestHash string, at time.Time) (bool, string, *StoredResponse, error)
	// FinishRequest records the response of a request begun with
	// BeginRequest; a second response is ErrConflict.
	FinishRequest(ctx context.Context, office wilayah.Code, caller, key string, r StoredResponse) error
	// DocumentVersions returns every version of a document of office, oldest
	// first, or ErrNotFound.
	DocumentVersions(ctx context.Context, office wilayah.Code, t DocType, number string) ([]Document, error)
	// OfficeAgreements returns the agreements of the partners of office, in
	// ID order.
	OfficeAgreements(ctx context.Context, office wilayah.Code) ([]partnership.Agreement, error)
	// CountReports returns the number of reports of office by kind and
	// status.
	CountReports(ctx context.Context, office wilayah.Code) ([]ReportCount, error)
}

// StoredResponse is the response of an idempotent request, replayed to a
// retry with the same key.
type StoredResponse struct {
	Status      int
	ContentType string
	Body        []byte
	At          time.Time
}

// ReportCount is how many reports of an office have one kind and status.
type ReportCount struct {
	Kind   Kind
	Status Status
	N      int
}

// AbandonedRequestAfter is how long a request begun under an idempotency key
// may stay without a response before a retry with the same key and body may
// run it again: far longer than any request the HTTP server lets run, so a
// request still in flight is never run twice, and short enough that a client
// retrying after a crash of the server is not refused for long.
const AbandonedRequestAfter = 2 * time.Minute
