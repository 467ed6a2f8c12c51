package credential

import (
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"time"
)

// jwk is one key of a JWK Set (RFC 7517, 8037, 7518) in the shape of
// CREDENTIAL.md, with its issuer and validity.
type jwk struct {
	Kty string `json:"kty"`
	Crv string `json:"crv"`
	X   string `json:"x"`
	Y   string `json:"y,omitempty"`
	Kid string `json:"kid"`
	Iss string `json:"iss"`
	Nbf int64  `json:"nbf"`
	Exp *int64 `json:"exp,omitempty"`
}

// jwkSet is a JWK Set document.
type jwkSet struct {
	Keys []jwk `json:"keys"`
}

// b64 is base64url without padding, as JWK requires.
var b64 = base64.RawURLEncoding

// MarshalJSON writes the set as the JWK Set of CREDENTIAL.md:
//
//	{"keys":[{"kty":"OKP","crv":"Ed25519","x":"<base64url>","kid":"<16 hex>",
//	  "iss":"ID-6208","nbf":<seconds>,"exp":<seconds, when set>}]}
//
// An EC P-256 key is written with "kty":"EC","crv":"P-256" and "x", "y".
// Other key types fail with [ErrKey].
func (s KeySet) MarshalJSON() ([]byte, error) {
	set := jwkSet{Keys: make([]jwk, 0, len(s.Keys))}
	for i := range s.Keys {
		k := &s.Keys[i]
		j := jwk{Kid: k.ID.String(), Iss: k.Issuer, Nbf: k.NotBefore.Unix()}
		if !k.Expires.IsZero() {
			exp := k.Expires.Unix()
			j.Exp = &exp
		}
		switch k.alg() {
		case algEdDSA:
			j.Kty, j.Crv, j.X = "OKP", "Ed25519", b64.EncodeToString(k.Public.(ed25519.PublicKey))
		case algES256:
			raw, err := k.Public.(*ecdsa.PublicKey).Bytes() // 0x04 || X || Y
			if err != nil {
				return nil, &JWKError{Index: i, Kid: j.Kid, Reason: err.Error()}
			}
			j.Kty, j.Crv, j.X, j.Y = "EC", "P-256", b64.EncodeToString(raw[1:33]), b64.EncodeToString(raw[33:])
		default:
			return nil, &JWKError{Index: i, Kid: j.Kid, Reason: fmt.Sprintf("unsupported key type %T", k.Public)}
		}
		set.Keys = append(set.Keys, j)
	}
	return json.Marshal(set)
}

// UnmarshalJSON reads a JWK Set and replaces the keys of s. It takes
// OKP/Ed25519 and EC/P-256 keys and, as RFC 7517 section 5 advises, skips
// keys of other types. A key of a supported type that is not usable fails
// with a [*JWKError]: kid not 16 hex digits (for Ed25519, not the kid of the
// key), iss not "ID-" and 4 digits, bad coordinates.
func (s *KeySet) UnmarshalJSON(b []byte) error {
	var set jwkSet
	if err := json.Unmarshal(b, &set); err != nil {
		return fmt.Errorf("%w: JWK Set: %w", ErrKey, err)
	}
	keys := make([]Key, 0, len(set.Keys))
	for i, j := range set.Keys {
		k, ok, err := j.key()
		if err != nil {
			return &JWKError{Index: i, Kid: j.Kid, Reason: err.Error()}
		}
		if ok {
			keys = append(keys, k)
		}
	}
	s.Keys = keys
	return nil
}

// key converts j; ok is false for a key type this package does not use.
func (j *jwk) key() (k Key, ok bool, err error) {
	okp := j.Kty == "OKP" && j.Crv == "Ed25519"
	ec := j.Kty == "EC" && j.Crv == "P-256"
	if !okp && !ec {
		return Key{}, false, nil
	}
	kid, err := hex.DecodeString(j.Kid)
	if err != nil || len(kid) != len(KeyID{}) {
		return Key{}, false, fmt.Errorf("kid: want 16 hex digits")
	}
	if !validIssuer(j.Iss) {
		return Key{}, false, fmt.Errorf("iss %q: want \"ID-\" and 4 digits", j.Iss)
	}
	k = Key{ID: KeyID(kid), Issuer: j.Iss, NotBefore: time.Unix(j.Nbf, 0).UTC()}
	if j.Exp != nil {
		k.Expires = time.Unix(*j.Exp, 0).UTC()
	}
	x, err := b64.DecodeString(j.X)
	if err != nil {
		return Key{}, false, fmt.Errorf("x: not base64url without padding")
	}
	if okp {
		if len(x) != ed25519.PublicKeySize {
			return Key{}, false, fmt.Errorf("x: want %d bytes, got %d", ed25519.PublicKeySize, len(x))
		}
		if got := KeyIDOf(x); got != k.ID {
			return Key{}, false, fmt.Errorf("kid is not the kid of the key, %s", got)
		}
		k.Public = ed25519.PublicKey(x)
		return k, true, nil
	}
	y, err := b64.DecodeString(j.Y)
	if err != nil || len(x) != 32 || len(y) != 32 {
		return Key{}, false, fmt.Errorf("x, y: want 32 bytes of base64url each")
	}
	pub, err := ecdsa.ParseUncompressedPublicKey(elliptic.P256(), append(append([]byte{4}, x...), y...))
	if err != nil {
		return Key{}, false, fmt.Errorf("not a point on P-256")
	}
	k.Public = pub
	return k, true, nil
}
