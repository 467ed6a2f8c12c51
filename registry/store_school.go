package registry

import (
	"context"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
)

// SchoolStore is what [Service.SchoolBatch] needs of a store beyond the
// workflow of reports: the registration of a NIK, and the school batches
// recorded under their idempotency keys.
type SchoolStore interface {
	// RegistrationByNIK returns the registration that allocated nik in the
	// office, or ErrNotFound.
	RegistrationByNIK(ctx context.Context, office wilayah.Code, nik adminduk.NIK) (Registration, error)
	// SchoolBatch returns the batch recorded under the partner's key, or
	// ErrNotFound.
	SchoolBatch(ctx context.Context, office wilayah.Code, partnerID, key string) (SchoolBatchRecord, error)
	// PutSchoolBatch records b with the documents it issued and the state
	// changes of the versions they replace, in one transaction. When the
	// partner's key was used before it writes nothing and returns the
	// earlier record and false (the caller compares the request hashes).
	// A document version taken meanwhile is ErrConflict.
	PutSchoolBatch(ctx context.Context, b *SchoolBatchRecord) (SchoolBatchRecord, bool, error)
}

// SchoolBatchRecord is a school batch as stored: who sent it under which
// key, the hash of the request, what it issued (Documents) and replaced
// (Replaced: earlier versions now replaced), and the result returned.
type SchoolBatchRecord struct {
	Office      wilayah.Code
	PartnerID   string
	AgreementID string
	Key         string
	RequestHash string // hex SHA-256 of the canonical request
	Actor       string
	At          time.Time
	Documents   []Document    // the KIA issued, each a new version
	Replaced    []DocumentRef // earlier KIA versions the new ones replace
	Result      SchoolBatchResult
}
