package registry

import (
	"fmt"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
)

// ErrUnauthenticated: a secret that is malformed, unknown or revoked. It
// unwraps to adminduk.ErrForbidden; an HTTP API answers it with 401 (test it
// before [ErrForbidden], which answers 403).
var ErrUnauthenticated = adminduk.Sentinel("registry: unauthenticated", adminduk.ErrForbidden)

// CredentialKind says whom a credential authenticates.
type CredentialKind int

// Kinds of credentials.
const (
	CredentialPartner CredentialKind = 1 + iota // a partner's API key
	CredentialOfficer                           // an officer's bearer token
)

var credentialKeys = [...]string{CredentialPartner: "partner", CredentialOfficer: "officer"}

// Prefixes of the secrets, so that a leaked secret is recognisable (secret
// scanners) and a partner key is never mistaken for an officer token.
const (
	PartnerKeyPrefix   = "adk_"
	OfficerTokenPrefix = "ado_"
)

// IsValid reports whether k is one of the kinds.
func (k CredentialKind) IsValid() bool { return k > 0 && int(k) < len(credentialKeys) }

// String returns "partner" or "officer", "CredentialKind(n)" otherwise.
func (k CredentialKind) String() string {
	if !k.IsValid() {
		return fmt.Sprintf("CredentialKind(%d)", int(k))
	}
	return credentialKeys[k]
}

// MarshalText implements encoding.TextMarshaler.
func (k CredentialKind) MarshalText() ([]byte, error) {
	if !k.IsValid() {
		return nil, fmt.Errorf("registry: invalid credential kind %d", int(k))
	}
	return []byte(credentialKeys[k]), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *CredentialKind) UnmarshalText(b []byte) error {
	for i := CredentialPartner; int(i) < len(credentialKeys); i++ {
		if credentialKeys[i] == string(b) {
			*k = i
			return nil
		}
	}
	return fmt.Errorf("registry: unknown credential kind %q", b)
}

// prefix returns the secret prefix of k.
func (k CredentialKind) prefix() string {
	if k == CredentialOfficer {
		return OfficerTokenPrefix
	}
	return PartnerKeyPrefix
}

// Credential is a stored API key or officer token: who it authenticates and
// its life, never the secret (only its SHA-256, Hash, which is not
// marshalled).
type Credential struct {
	Office    wilayah.Code   `json:"office"`
	ID        string         `json:"id"`
	Kind      CredentialKind `json:"kind"`
	PartnerID string         `json:"partner_id,omitempty"` // partner keys
	Username  string         `json:"username,omitempty"`   // officer tokens
	Role      string         `json:"role,omitempty"`       // officer tokens
	Label     string         `json:"label,omitempty"`      // what the caller named it ("SIMRS production")
	Hash      [32]byte       `json:"-"`
	CreatedAt time.Time      `json:"created_at"`
	CreatedBy string         `json:"created_by"`
	RevokedAt time.Time      `json:"revoked_at,omitzero"` // zero: in force
	RevokedBy string         `json:"revoked_by,omitempty"`
	LastUsed  time.Time      `json:"last_used,omitzero"` // zero: never used
}

// Revoked reports whether the credential was revoked.
func (c *Credential) Revoked() bool { return !c.RevokedAt.IsZero() }

// Principal is who an authenticated request acts for: a partner (PartnerID)
// or an officer (Username, Role), always within one office.
type Principal struct {
	Kind         CredentialKind
	CredentialID string
	Office       wilayah.Code
	PartnerID    string
	Username     string
	Role         string
}

// IsPartner reports whether p is a partner's API key.
func (p Principal) IsPartner() bool { return p.Kind == CredentialPartner }

// IsOfficer reports whether p is an officer's token.
func (p Principal) IsOfficer() bool { return p.Kind == CredentialOfficer }

// Actor returns the name that actions taken by p are recorded under: the
// officer's username, or the partner's ID.
func (p Principal) Actor() string {
	if p.IsOfficer() {
		return p.Username
	}
	return p.PartnerID
}

// AuthReason says why a secret was refused.
type AuthReason int

// Reasons a secret is refused.
const (
	AuthMalformed    AuthReason = 1 + iota // not a secret of this registry's form
	AuthUnknown                            // no credential has this secret
	AuthRevoked                            // the credential was revoked
	AuthOfficeClosed                       // the credential's office is not run by this service
)

var authReasons = [...]string{
	AuthMalformed: "malformed secret", AuthUnknown: "unknown secret",
	AuthRevoked: "revoked", AuthOfficeClosed: "office not served",
}

// String returns the reason in English, lower case.
func (r AuthReason) String() string {
	if r <= 0 || int(r) >= len(authReasons) {
		return fmt.Sprintf("AuthReason(%d)", int(r))
	}
	return authReasons[r]
}

// AuthError reports a refused secret, without the secret. It unwraps to
// [ErrUnauthenticated].
type AuthError struct {
	Reason       AuthReason
	CredentialID string // the credential, when one was found
}

func (e *AuthError) Error() string {
	if e.CredentialID != "" {
		return fmt.Sprintf("registry: credential %q refused: %s", e.CredentialID, e.Reason)
	}
	return "registry: credential refused: " + e.Reason.String()
}

// Unwrap returns [ErrUnauthenticated].
func (e *AuthError) Unwrap() error { return ErrUnauthenticated }
