package credential

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
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

// ErrNotJWKSet is returned for a document that is not a JWK Set: not JSON,
// not an object, or without a "keys" array (a card.json, "{}"). It wraps
// [ErrKey].
var ErrNotJWKSet = fmt.Errorf("%w: not a JWK Set", ErrKey)

// UnmarshalJSON reads a JWK Set and replaces the keys of s, as
// [ParseJWKSet] does; the keys it skips are not reported: call ParseJWKSet
// to learn about them.
func (s *KeySet) UnmarshalJSON(b []byte) error {
	set, _, err := ParseJWKSet(b)
	if err != nil {
		return err
	}
	*s = set
	return nil
}

// ParseJWKSet reads a JWK Set (RFC 7517). It takes OKP/Ed25519 and
// EC/P-256 keys; as RFC 7517 section 5 advises, it skips keys of other
// types silently and keys it cannot use with a [*JWKError] each in
// skipped: kid not 16 hex digits (for Ed25519, not the kid of the key),
// iss not "ID-" and 4 digits, bad coordinates, members of the wrong JSON
// type. A document that is not a JWK Set fails with [ErrNotJWKSet].
func ParseJWKSet(b []byte) (set KeySet, skipped []*JWKError, err error) {
	raw, err := jwkSetMembers(b)
	if err != nil {
		return KeySet{}, nil, err
	}
	set.Keys = make([]Key, 0, len(raw))
	for i, m := range raw {
		var j jwk
		if err := json.Unmarshal(m, &j); err != nil {
			skipped = append(skipped, &JWKError{Index: i, Kid: rawKid(m), Reason: jsonReason(err)})
			continue
		}
		k, ok, err := j.key()
		if err != nil {
			skipped = append(skipped, &JWKError{Index: i, Kid: j.Kid, Reason: err.Error()})
			continue
		}
		if ok {
			set.Keys = append(set.Keys, k)
		}
	}
	return set, skipped, nil
}

// jwkSetMembers returns the raw members of the "keys" array of a JWK Set.
func jwkSetMembers(b []byte) ([]json.RawMessage, error) {
	var top map[string]json.RawMessage
	if err := json.Unmarshal(b, &top); err != nil {
		return nil, fmt.Errorf("%w: %s", ErrNotJWKSet, jsonReason(err))
	}
	keys, ok := top["keys"]
	if !ok || top == nil {
		return nil, fmt.Errorf("%w: no \"keys\" array", ErrNotJWKSet)
	}
	var raw []json.RawMessage
	if err := json.Unmarshal(keys, &raw); err != nil || raw == nil {
		return nil, fmt.Errorf("%w: \"keys\" is not an array", ErrNotJWKSet)
	}
	return raw, nil
}

// AppendJWK returns the JWK Set document set with k added at the end of
// its "keys" array. Every existing key and member is kept as written,
// including keys this package does not use and members it does not read
// ("use", "alg"); only white space changes. An empty set starts a new
// document. It fails with [ErrNotJWKSet] when set is not a JWK Set.
func AppendJWK(set []byte, k Key) ([]byte, error) {
	top := map[string]json.RawMessage{}
	var raw []json.RawMessage
	if len(bytes.TrimSpace(set)) > 0 {
		var err error
		if raw, err = jwkSetMembers(set); err != nil {
			return nil, err
		}
		_ = json.Unmarshal(set, &top) // cannot fail: jwkSetMembers read it
	}
	one, err := KeySet{Keys: []Key{k}}.MarshalJSON()
	if err != nil {
		return nil, err
	}
	var added jwkSet
	if err := json.Unmarshal(one, &added); err != nil {
		return nil, err
	}
	j, err := json.Marshal(added.Keys[0])
	if err != nil {
		return nil, err
	}
	keys, err := json.Marshal(append(raw, j))
	if err != nil {
		return nil, err
	}
	top["keys"] = keys
	flat, err := json.Marshal(top)
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	if err := json.Indent(&out, flat, "", "  "); err != nil {
		return nil, err
	}
	out.WriteByte('\n')
	return out.Bytes(), nil
}

// rawKid returns the "kid" member of a key that does not decode, if it is
// a string.
func rawKid(m json.RawMessage) string {
	var v struct {
		Kid any `json:"kid"`
	}
	_ = json.Unmarshal(m, &v)
	s, _ := v.Kid.(string)
	return s
}

// jsonReason says in plain words why encoding/json refused a document,
// without Go type names.
func jsonReason(err error) string {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return fmt.Sprintf("not valid JSON (error at byte %d)", se.Offset)
	case errors.As(err, &te) && te.Field != "":
		return fmt.Sprintf("member %q is a JSON %s, of the wrong type", te.Field, te.Value)
	case errors.As(err, &te):
		return fmt.Sprintf("a JSON %s, not an object", te.Value)
	}
	return "not valid JSON"
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
