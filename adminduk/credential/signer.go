package credential

import (
	"crypto/ed25519"
	"errors"
	"fmt"
	"time"

	"github.com/veraison/go-cose"
)

// COSE algorithms (RFC 9053).
const (
	algEdDSA = int64(cose.AlgorithmEdDSA) // -8
	algES256 = int64(cose.AlgorithmES256) // -7
)

// Signer signs credentials for one issuer with its Ed25519 key. It is safe
// for concurrent use.
type Signer struct {
	issuer string
	key    ed25519.PrivateKey
	id     KeyID
	cose   cose.Signer
}

// NewSigner returns a signer for issuer ("ID-" and the 4-digit kab/kota
// code). It fails with [ErrClaims] for a bad issuer and [ErrKey] for a key
// that is not an Ed25519 private key.
func NewSigner(issuer string, key ed25519.PrivateKey) (*Signer, error) {
	if !validIssuer(issuer) {
		return nil, &ClaimsError{Field: "Issuer", Value: issuer, Reason: `want "ID-" and the 4-digit kab/kota code`}
	}
	if len(key) != ed25519.PrivateKeySize {
		return nil, fmt.Errorf("%w: an Ed25519 private key has %d bytes, not %d", ErrKey, ed25519.PrivateKeySize, len(key))
	}
	key = append(ed25519.PrivateKey(nil), key...) // the caller may reuse its slice
	cs, err := cose.NewSigner(cose.AlgorithmEdDSA, key)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrKey, err)
	}
	return &Signer{issuer: issuer, key: key, id: KeyIDOf(key.Public().(ed25519.PublicKey)), cose: cs}, nil
}

// Issuer returns the signer's issuer, e.g. "ID-6208".
func (s *Signer) Issuer() string { return s.issuer }

// KeyID returns the kid the signer puts in the protected header.
func (s *Signer) KeyID() KeyID { return s.id }

// PublicKey returns the key to publish in the issuer's JWK Set, vouching for
// documents issued from notBefore on.
func (s *Signer) PublicKey(notBefore time.Time) Key {
	return Key{ID: s.id, Issuer: s.issuer, Public: s.key.Public(), NotBefore: notBefore}
}

// Sign is [Signer.Sign]: it returns the credential text of claims signed by s.
func Sign(claims Claims, s *Signer) (string, error) {
	if s == nil {
		return "", errors.New("credential: nil signer")
	}
	return s.Sign(claims)
}

// Sign returns the credential text of claims: COSE_Sign1 over the CBOR
// claims, zlib at best compression, Base45. An empty claims.Issuer takes the
// signer's; another issuer than the signer's is a [*ClaimsError], as is
// anything [Claims.Validate] refuses. The same claims and key always give the
// same text (Ed25519 is deterministic).
func (s *Signer) Sign(claims Claims) (string, error) {
	if claims.Issuer == "" {
		claims.Issuer = s.issuer
	}
	if claims.Issuer != s.issuer {
		return "", &ClaimsError{Field: "Issuer", Value: claims.Issuer, Reason: "the signer's key belongs to " + s.issuer}
	}
	if err := claims.Validate(); err != nil {
		return "", err
	}
	payload, err := claims.marshal()
	if err != nil {
		return "", fmt.Errorf("credential: encoding claims: %w", err)
	}
	msg, err := s.sign1(payload)
	if err != nil {
		return "", err
	}
	return encodeTransport(msg)
}

// sign1 returns the tagged COSE_Sign1 message over payload: protected header
// {1: -8, 4: kid}, empty unprotected header.
func (s *Signer) sign1(payload []byte) ([]byte, error) {
	msg := cose.Sign1Message{
		Headers: cose.Headers{Protected: cose.ProtectedHeader{
			cose.HeaderLabelAlgorithm: cose.AlgorithmEdDSA,
			cose.HeaderLabelKeyID:     s.id[:],
		}},
		Payload: payload,
	}
	if err := msg.Sign(nil, nil, s.cose); err != nil { // Ed25519 needs no randomness
		return nil, fmt.Errorf("credential: signing: %w", err)
	}
	b, err := msg.MarshalCBOR()
	if err != nil {
		return nil, fmt.Errorf("credential: signing: %w", err)
	}
	return b, nil
}
