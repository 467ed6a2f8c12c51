package credential

import (
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"time"
)

// jwk is one key of a JWK Set (RFC 7517) in the shape of CREDENTIAL.md.
type jwk struct {
	Kty string `json:"kty"`
	Crv string `json:"crv"`
	X   string `json:"x"`
	Y   string `json:"y,omitempty"`
	Kid string `json:"kid"`
	Iss string `json:"iss"`
	Nbf int64  `json:"nbf"`
	Exp int64  `json:"exp,omitempty"`
}

var b64 = base64.RawURLEncoding

// MarshalJSON writes the set as a JWK Set: {"keys": [...]}.
func (s KeySet) MarshalJSON() ([]byte, error) {
	keys := make([]jwk, 0, len(s.Keys))
	for _, k := range s.Keys {
		j := jwk{Kid: k.ID.String(), Iss: k.Issuer, Nbf: k.NotBefore.Unix()}
		if !k.Expires.IsZero() {
			j.Exp = k.Expires.Unix()
		}
		switch p := k.Public.(type) {
		case ed25519.PublicKey:
			j.Kty, j.Crv, j.X = "OKP", "Ed25519", b64.EncodeToString(p)
		case *ecdsa.PublicKey:
			e, err := p.ECDH()
			if err != nil || p.Curve != elliptic.P256() {
				return nil, errors.New("credential: only P-256 EC keys are supported")
			}
			raw := e.Bytes() // 0x04 || X || Y
			j.Kty, j.Crv, j.X, j.Y = "EC", "P-256", b64.EncodeToString(raw[1:33]), b64.EncodeToString(raw[33:])
		default:
			return nil, fmt.Errorf("credential: unsupported key type %T", k.Public)
		}
		keys = append(keys, j)
	}
	return json.Marshal(struct {
		Keys []jwk `json:"keys"`
	}{keys})
}

// UnmarshalJSON reads a JWK Set with OKP/Ed25519 and EC/P-256 keys. A kid is
// required; for Ed25519 it must match the key.
func (s *KeySet) UnmarshalJSON(b []byte) error {
	var set struct {
		Keys []jwk `json:"keys"`
	}
	if err := json.Unmarshal(b, &set); err != nil {
		return fmt.Errorf("credential: JWK Set: %w", err)
	}
	s.Keys = s.Keys[:0]
	for i, j := range set.Keys {
		k, err := j.key()
		if err != nil {
			return fmt.Errorf("credential: JWK Set key %d: %w", i, err)
		}
		s.Keys = append(s.Keys, k)
	}
	return nil
}

func (j jwk) key() (Key, error) {
	kid, err := hex.DecodeString(j.Kid)
	if err != nil || len(kid) != 8 {
		return Key{}, fmt.Errorf("kid %q: want 16 hex digits", j.Kid)
	}
	if !issuerRe.MatchString(j.Iss) {
		return Key{}, fmt.Errorf("iss %q: want ID- and 4 digits", j.Iss)
	}
	k := Key{Issuer: j.Iss, NotBefore: time.Unix(j.Nbf, 0).UTC()}
	copy(k.ID[:], kid)
	if j.Exp != 0 {
		k.Expires = time.Unix(j.Exp, 0).UTC()
	}
	x, err := b64.DecodeString(j.X)
	if err != nil {
		return Key{}, fmt.Errorf("x: %w", err)
	}
	switch {
	case j.Kty == "OKP" && j.Crv == "Ed25519":
		if len(x) != ed25519.PublicKeySize {
			return Key{}, errors.New("x: want 32 bytes")
		}
		k.Public = ed25519.PublicKey(x)
		if KeyIDOf(x) != k.ID {
			return Key{}, fmt.Errorf("kid %s does not match the key (%s)", j.Kid, KeyIDOf(x))
		}
	case j.Kty == "EC" && j.Crv == "P-256":
		y, err := b64.DecodeString(j.Y)
		if err != nil || len(x) != 32 || len(y) != 32 {
			return Key{}, errors.New("x, y: want 32 bytes each")
		}
		raw := append(append([]byte{4}, x...), y...)
		if _, err := ecdh.P256().NewPublicKey(raw); err != nil {
			return Key{}, errors.New("not a point on P-256")
		}
		k.Public = &ecdsa.PublicKey{Curve: elliptic.P256(), X: new(big.Int).SetBytes(x), Y: new(big.Int).SetBytes(y)}
	default:
		return Key{}, fmt.Errorf("kty %q crv %q: want OKP/Ed25519 or EC/P-256", j.Kty, j.Crv)
	}
	return k, nil
}
