package credential

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"time"
)

// KeyID is a kid: for an Ed25519 key, the first 8 bytes of SHA-256 of its
// 32-byte raw public key ([KeyIDOf]).
type KeyID [8]byte

// String returns the kid in lower-case hex, as in the JWK Set.
func (k KeyID) String() string { return hex.EncodeToString(k[:]) }

// KeyIDOf returns the kid of an Ed25519 public key.
func KeyIDOf(pub ed25519.PublicKey) KeyID {
	sum := sha256.Sum256(pub)
	return KeyID(sum[:8])
}

// Key is one public key of a [KeySet].
type Key struct {
	ID     KeyID
	Issuer string // "ID-6208": the only issuer this key vouches for
	// Public is an [ed25519.PublicKey] (alg EdDSA, -8) or an
	// [*ecdsa.PublicKey] on P-256 (alg ES256, -7). Its type alone decides
	// the algorithm it verifies.
	Public    crypto.PublicKey
	NotBefore time.Time // documents issued (iat) earlier are not vouched for
	Expires   time.Time // zero: open; documents issued later are not vouched for
}

// alg returns the COSE algorithm the key verifies, or 0.
func (k *Key) alg() int64 {
	switch p := k.Public.(type) {
	case ed25519.PublicKey:
		if len(p) == ed25519.PublicKeySize {
			return algEdDSA
		}
	case *ecdsa.PublicKey:
		if p != nil && p.Curve == elliptic.P256() {
			return algES256
		}
	}
	return 0
}

// inForce reports whether the key vouches for a document issued at iat.
func (k *Key) inForce(iat time.Time) bool {
	return !iat.Before(k.NotBefore) && (k.Expires.IsZero() || !iat.After(k.Expires))
}

// KeySet is the set of keys a verifier trusts: several per issuer after
// rotations, possibly sharing a kid. Its JSON form is the JWK Set of
// CREDENTIAL.md (see [KeySet.MarshalJSON]). The zero value is an empty set.
type KeySet struct {
	Keys []Key
}

// Add appends a key: a rotation adds the new key and keeps the old ones.
func (s *KeySet) Add(k Key) { s.Keys = append(s.Keys, k) }

// GenerateKey returns a new Ed25519 private key, read from random, or from
// a secure source when random is nil.
func GenerateKey(random io.Reader) (ed25519.PrivateKey, error) {
	if random == nil {
		random = rand.Reader
	}
	_, priv, err := ed25519.GenerateKey(random)
	return priv, err
}
