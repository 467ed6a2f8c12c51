package registry

import (
	"context"
	"time"

	"github.com/adminduk-id/adminduk/adminduk/wilayah"
)

// AuthStore is the part of [Store] that keeps credentials: rows never
// updated or deleted, a revocation is a record of its own, and the last use
// is the one value that is overwritten.
type AuthStore interface {
	// PutCredential stores a new credential; an ID or hash already stored is
	// ErrConflict.
	PutCredential(ctx context.Context, c *Credential) error
	// CredentialByHash returns the credential whose secret hashes to hash,
	// with its revocation and last use, or ErrNotFound.
	CredentialByHash(ctx context.Context, hash [32]byte) (Credential, error)
	// Credentials returns the credentials of kind in office, of one partner
	// (partner keys) or one officer (officer tokens) when who is not empty,
	// in creation order.
	Credentials(ctx context.Context, office wilayah.Code, kind CredentialKind, who string) ([]Credential, error)
	// RevokeCredential records the revocation of a credential; an unknown
	// credential is ErrNotFound, one already revoked ErrConflict.
	RevokeCredential(ctx context.Context, office wilayah.Code, id, actor string, at time.Time) error
	// TouchCredential records at as the last use of a credential.
	TouchCredential(ctx context.Context, office wilayah.Code, id string, at time.Time) error
}
