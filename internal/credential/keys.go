package credential

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"time"
)

// KeyID is the kid of a key: the first 8 bytes of SHA-256 of the 32-byte raw
// Ed25519 public key.
type KeyID [8]byte

// String returns the kid in lower-case hex, as in the JWK Set.
func (k KeyID) String() string { return hex.EncodeToString(k[:]) }

// KeyIDOf returns the kid of an Ed25519 public key.
func KeyIDOf(pub ed25519.PublicKey) KeyID {
	sum := sha256.Sum256(pub)
	var k KeyID
	copy(k[:], sum[:8])
	return k
}

// Key is one public key of a [KeySet].
type Key struct {
	ID        KeyID
	Issuer    string           // "ID-6208"
	Public    crypto.PublicKey // ed25519.PublicKey, or *ecdsa.PublicKey on P-256 for ES256
	NotBefore time.Time        // documents issued earlier are not accepted with this key
	Expires   time.Time        // zero: open; documents issued later are not accepted
}

// KeySet is the set of keys a verifier trusts: several per issuer after
// rotations, possibly sharing a kid.
type KeySet struct {
	Keys []Key
}

// Add appends a key.
func (s *KeySet) Add(k Key) { s.Keys = append(s.Keys, k) }

func (s *KeySet) byID(id KeyID) []Key {
	var out []Key
	for _, k := range s.Keys {
		if k.ID == id {
			out = append(out, k)
		}
	}
	return out
}

// Signer signs credentials for one issuer.
type Signer struct {
	issuer string
	key    ed25519.PrivateKey
	id     KeyID
}

// NewSigner returns a signer for issuer ("ID-" and the 4-digit kab/kota code).
func NewSigner(issuer string, key ed25519.PrivateKey) (*Signer, error) {
	if !issuerRe.MatchString(issuer) {
		return nil, fmt.Errorf("%w: issuer %q: want ID- and 4 digits", ErrClaims, issuer)
	}
	if len(key) != ed25519.PrivateKeySize {
		return nil, errors.New("credential: not an Ed25519 private key")
	}
	pub := key.Public().(ed25519.PublicKey)
	return &Signer{issuer: issuer, key: key, id: KeyIDOf(pub)}, nil
}

// Issuer returns the signer's issuer.
func (s *Signer) Issuer() string { return s.issuer }

// KeyID returns the kid the signer puts in the protected header.
func (s *Signer) KeyID() KeyID { return s.id }

// PublicKey returns the key to publish, valid from notBefore.
func (s *Signer) PublicKey(notBefore time.Time) Key {
	return Key{ID: s.id, Issuer: s.issuer, Public: s.key.Public(), NotBefore: notBefore}
}

// GenerateKey returns a new Ed25519 private key read from rand (crypto/rand
// when nil).
func GenerateKey(random io.Reader) (ed25519.PrivateKey, error) {
	if random == nil {
		random = rand.Reader
	}
	_, priv, err := ed25519.GenerateKey(random)
	return priv, err
}

// MarshalPrivateKeyPEM encodes an Ed25519 private key as a PKCS#8 PEM block.
func MarshalPrivateKeyPEM(key ed25519.PrivateKey) ([]byte, error) {
	der, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return nil, err
	}
	return pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}), nil
}

// ParsePrivateKeyPEM reads an Ed25519 private key from a PKCS#8 PEM block.
func ParsePrivateKeyPEM(b []byte) (ed25519.PrivateKey, error) {
	block, _ := pem.Decode(b)
	if block == nil || block.Type != "PRIVATE KEY" {
		return nil, errors.New("credential: no PKCS#8 \"PRIVATE KEY\" PEM block")
	}
	k, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		return nil, fmt.Errorf("credential: %w", err)
	}
	priv, ok := k.(ed25519.PrivateKey)
	if !ok {
		return nil, fmt.Errorf("credential: PEM holds a %T, not an Ed25519 key", k)
	}
	return priv, nil
}

// keyAlg returns the COSE algorithm a public key verifies.
func keyAlg(pub crypto.PublicKey) int64 {
	switch p := pub.(type) {
	case ed25519.PublicKey:
		return algEdDSA
	case *ecdsa.PublicKey:
		if p.Curve.Params().Name == "P-256" {
			return algES256
		}
	}
	return 0
}
