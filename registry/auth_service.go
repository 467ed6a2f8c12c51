package registry

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/partnership"
)

// secretBytes is the entropy of a secret: 32 random bytes, 43 characters of
// base64url after the prefix.
const secretBytes = 32

// TouchInterval is how stale the recorded last use of a credential may be:
// Authenticate writes the last use only when the recorded one is older, so
// that a busy key does not turn every request into a write.
const TouchInterval = time.Minute

// CreateAPIKey creates an API key for a partner of office and returns it
// with its secret ("adk_" and 43 base64url characters), which is shown once:
// only its SHA-256 is stored. The partner must have an agreement under the
// office (in any state: a key may be prepared before the PKS is in force;
// requests are refused while none is); otherwise it is ErrNotFound.
func (s *Service) CreateAPIKey(ctx context.Context, office wilayah.Code, partnerID, actor, label string) (Credential, string, error) {
	if err := s.checkCredentialInput(office, actor, label, map[string]string{"partner_id": partnerID}); err != nil {
		return Credential{}, "", err
	}
	as, err := s.store.Agreements(ctx, partnerID)
	if err != nil {
		return Credential{}, "", err
	}
	found := false
	for i := range as {
		if as[i].Partner.ID == partnerID && as[i].Partner.CurrentDistrict().Regency() == office {
			found = true
		}
	}
	if !found {
		return Credential{}, "", fmt.Errorf("registry: partner %q has no agreement with office %s: %w", partnerID, office, ErrNotFound)
	}
	return s.newCredential(ctx, Credential{Office: office, Kind: CredentialPartner, PartnerID: partnerID, Label: label, CreatedBy: actor})
}

// CreateOfficerToken creates a bearer token for an officer (username and
// role, as the officer accounts define them) of office and returns it with
// its secret ("ado_" and 43 base64url characters), shown once.
func (s *Service) CreateOfficerToken(ctx context.Context, office wilayah.Code, username, role, actor, label string) (Credential, string, error) {
	if err := s.checkCredentialInput(office, actor, label, map[string]string{"username": username, "role": role}); err != nil {
		return Credential{}, "", err
	}
	return s.newCredential(ctx, Credential{Office: office, Kind: CredentialOfficer, Username: username, Role: role, Label: label, CreatedBy: actor})
}

func (s *Service) checkCredentialInput(office wilayah.Code, actor, label string, required map[string]string) error {
	if _, ok := s.offices[office]; !ok {
		return fmt.Errorf("registry: office %s is not run here: %w", office, ErrNotFound)
	}
	c := adminduk.Checker{What: "registry: invalid credential"}
	required["actor"] = actor
	for _, k := range []string{"partner_id", "username", "role", "actor"} {
		v, ok := required[k]
		if !ok {
			continue
		}
		if strings.TrimSpace(v) == "" {
			c.Required(adminduk.NewPointer(k))
		} else if len(v) > 100 {
			c.AddCode(adminduk.NewPointer(k), adminduk.CodeRange, "paling banyak 100 karakter", "at most 100 characters")
		}
	}
	if len(label) > 200 {
		c.AddCode(adminduk.NewPointer("label"), adminduk.CodeRange, "paling banyak 200 karakter", "at most 200 characters")
	}
	return c.Err()
}

func (s *Service) newCredential(ctx context.Context, c Credential) (Credential, string, error) {
	var raw [secretBytes]byte
	_, _ = rand.Read(raw[:]) // never fails (crypto/rand)
	secret := c.Kind.prefix() + base64.RawURLEncoding.EncodeToString(raw[:])
	c.ID = s.newID()
	c.Hash = sha256.Sum256([]byte(secret))
	c.CreatedAt, _ = s.clock()
	if err := s.store.PutCredential(ctx, &c); err != nil {
		return Credential{}, "", err
	}
	return c, secret, nil
}

// APIKeys returns the API keys of a partner of office, revoked ones too,
// without their secrets.
func (s *Service) APIKeys(ctx context.Context, office wilayah.Code, partnerID string) ([]Credential, error) {
	return s.store.Credentials(ctx, office, CredentialPartner, partnerID)
}

// OfficerTokens returns the tokens of an officer of office ("" for every
// officer), revoked ones too, without their secrets.
func (s *Service) OfficerTokens(ctx context.Context, office wilayah.Code, username string) ([]Credential, error) {
	return s.store.Credentials(ctx, office, CredentialOfficer, username)
}

// RevokeAPIKey revokes an API key of office: from the moment this returns,
// [Service.Authenticate] refuses it. An unknown key, or an officer token, is
// ErrNotFound; a key already revoked is ErrConflict.
func (s *Service) RevokeAPIKey(ctx context.Context, office wilayah.Code, id, actor string) error {
	return s.revoke(ctx, office, CredentialPartner, id, actor)
}

// RevokeOfficerToken is [Service.RevokeAPIKey] for an officer token.
func (s *Service) RevokeOfficerToken(ctx context.Context, office wilayah.Code, id, actor string) error {
	return s.revoke(ctx, office, CredentialOfficer, id, actor)
}

func (s *Service) revoke(ctx context.Context, office wilayah.Code, kind CredentialKind, id, actor string) error {
	if strings.TrimSpace(actor) == "" {
		c := adminduk.Checker{What: "registry: invalid revocation"}
		c.Required(adminduk.NewPointer("actor"))
		return c.Err()
	}
	cs, err := s.store.Credentials(ctx, office, kind, "")
	if err != nil {
		return err
	}
	for i := range cs {
		if cs[i].ID == id {
			now, _ := s.clock()
			return s.store.RevokeCredential(ctx, office, id, actor, now)
		}
	}
	return fmt.Errorf("registry: %s credential %q in %s: %w", kind, id, office, ErrNotFound)
}

// Authenticate returns who secret (an API key or officer token) acts for.
// The secret is looked up by its SHA-256 and the stored hash compared in
// constant time; a malformed, unknown or revoked secret is an *[AuthError]
// that unwraps to [ErrUnauthenticated]. A revocation takes effect at once:
// nothing is cached. The last use is recorded (at most every
// [TouchInterval]). Authenticate does not check a partner's agreement:
// [Service.CheckPartner] and every submission do.
func (s *Service) Authenticate(ctx context.Context, secret string) (Principal, error) {
	var kind CredentialKind
	switch {
	case strings.HasPrefix(secret, PartnerKeyPrefix):
		kind = CredentialPartner
	case strings.HasPrefix(secret, OfficerTokenPrefix):
		kind = CredentialOfficer
	default:
		return Principal{}, &AuthError{Reason: AuthMalformed}
	}
	body := secret[len(kind.prefix()):]
	if base64.RawURLEncoding.DecodedLen(len(body)) != secretBytes {
		return Principal{}, &AuthError{Reason: AuthMalformed}
	}
	var raw [secretBytes]byte
	if n, err := base64.RawURLEncoding.Decode(raw[:], []byte(body)); err != nil || n != secretBytes {
		return Principal{}, &AuthError{Reason: AuthMalformed}
	}
	hash := sha256.Sum256([]byte(secret))
	c, err := s.store.CredentialByHash(ctx, hash)
	if errors.Is(err, ErrNotFound) {
		return Principal{}, &AuthError{Reason: AuthUnknown}
	}
	if err != nil {
		return Principal{}, err
	}
	if subtle.ConstantTimeCompare(c.Hash[:], hash[:]) != 1 || c.Kind != kind {
		return Principal{}, &AuthError{Reason: AuthUnknown}
	}
	if c.Revoked() {
		return Principal{}, &AuthError{Reason: AuthRevoked, CredentialID: c.ID}
	}
	if _, ok := s.offices[c.Office]; !ok {
		return Principal{}, &AuthError{Reason: AuthOfficeClosed, CredentialID: c.ID}
	}
	now, _ := s.clock()
	if now.Sub(c.LastUsed) >= TouchInterval {
		if err := s.store.TouchCredential(ctx, c.Office, c.ID, now); err != nil {
			return Principal{}, err
		}
	}
	return Principal{Kind: c.Kind, CredentialID: c.ID, Office: c.Office, PartnerID: c.PartnerID, Username: c.Username, Role: c.Role}, nil
}

// CheckPartner returns nil when partnerID has an agreement in force today
// for one of the services reports need (akta kelahiran, akta kematian), and
// otherwise the *[ForbiddenError] that says why not (lapsed, suspended ...).
// An HTTP API calls it on every request of a partner key, so that a lapsed
// PKS stops the key at once.
func (s *Service) CheckPartner(ctx context.Context, partnerID string) error {
	_, today := s.clock()
	_, err := s.authorize(ctx, partnerID, partnership.AktaKelahiran, today)
	if err == nil {
		return nil
	}
	if _, err2 := s.authorize(ctx, partnerID, partnership.AktaKematian, today); err2 == nil {
		return nil
	}
	return err
}
