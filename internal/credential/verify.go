package credential

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/adminduk-id/adminduk/internal/base45"
	"github.com/veraison/go-cose"
)

// Status is the outcome of [Verify].
type Status uint8

// Outcomes, distinct as CREDENTIAL.md requires.
const (
	StatusValid            Status = 1 + iota // signature good, times good
	StatusExpired                            // signature good, exp passed
	StatusNotYetValid                        // signature good, issued in the future
	StatusUnknownKey                         // no trusted key with this kid (valid for this issue time)
	StatusInvalidSignature                   // any altered byte, or an issuer the key does not belong to
	StatusMalformed                          // not Base45, zlib, CBOR or COSE
)

var statusNames = [...]string{StatusValid: "valid", StatusExpired: "expired", StatusNotYetValid: "not_yet_valid",
	StatusUnknownKey: "unknown_key", StatusInvalidSignature: "invalid_signature", StatusMalformed: "malformed"}

// String returns the status as the CLI prints it: "valid", "expired",
// "not_yet_valid", "unknown_key", "invalid_signature" or "malformed".
func (s Status) String() string {
	if s == 0 || int(s) >= len(statusNames) {
		return "unknown"
	}
	return statusNames[s]
}

// MarshalText implements [encoding.TextMarshaler].
func (s Status) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Sentinel errors, one per outcome that is not valid.
var (
	ErrMalformed        = errors.New("credential: malformed")
	ErrUnknownKey       = errors.New("credential: unknown key")
	ErrInvalidSignature = errors.New("credential: invalid signature")
	ErrExpired          = errors.New("credential: expired")
	ErrNotYetValid      = errors.New("credential: not yet valid")
)

var statusErrs = map[Status]error{StatusMalformed: ErrMalformed, StatusUnknownKey: ErrUnknownKey,
	StatusInvalidSignature: ErrInvalidSignature, StatusExpired: ErrExpired, StatusNotYetValid: ErrNotYetValid}

// VerifyError explains a result that is not valid; it unwraps to the
// sentinel of its status.
type VerifyError struct {
	Status Status
	Msg    string
}

func (e *VerifyError) Error() string { return "credential: " + e.Status.String() + ": " + e.Msg }

// Unwrap returns the sentinel of e.Status.
func (e *VerifyError) Unwrap() error { return statusErrs[e.Status] }

// Result is what [Verify] found.
type Result struct {
	Status Status
	Claims Claims // decoded claims; zero when malformed or the signature does not verify
	KeyID  KeyID  // the kid named in the message, when there is one
	Err    error  // nil when valid, else a *VerifyError
}

// MaxDecompressed caps the decompressed COSE message.
const MaxDecompressed = 64 << 10

// ClockSkew is how far in the future an issue time may lie before a
// credential is not yet valid.
const ClockSkew = 5 * time.Minute

func fail(s Status, kid KeyID, format string, args ...any) Result {
	return Result{Status: s, KeyID: kid, Err: &VerifyError{Status: s, Msg: fmt.Sprintf(format, args...)}}
}

// Verify checks a credential (the text of the QR code) against keys at time
// at. A kid may be shared by several keys: each is tried.
func Verify(payload string, keys KeySet, at time.Time) Result {
	var kid KeyID
	z, err := base45.Decode(payload)
	if err != nil {
		return fail(StatusMalformed, kid, "%v", err)
	}
	zr, err := zlib.NewReader(bytes.NewReader(z))
	if err != nil {
		return fail(StatusMalformed, kid, "zlib: %v", err)
	}
	raw, err := io.ReadAll(io.LimitReader(zr, MaxDecompressed+1))
	if err != nil {
		return fail(StatusMalformed, kid, "zlib: %v", err)
	}
	if len(raw) > MaxDecompressed {
		return fail(StatusMalformed, kid, "decompresses to more than %d bytes", MaxDecompressed)
	}
	msg, err := decodeSign1(raw)
	if err != nil {
		return fail(StatusMalformed, kid, "COSE_Sign1: %v", err)
	}
	alg, err := msg.Headers.Protected.Algorithm()
	if err != nil || (int64(alg) != algEdDSA && int64(alg) != algES256) {
		return fail(StatusMalformed, kid, "protected header: algorithm must be EdDSA (-8) or ES256 (-7)")
	}
	kid, ok := findKid(msg.Headers)
	if !ok {
		return fail(StatusUnknownKey, kid, "no 8-byte kid in the headers")
	}
	candidates := keys.byID(kid)
	if len(candidates) == 0 {
		return fail(StatusUnknownKey, kid, "no trusted key has kid %s", kid)
	}
	var signedBy *Key
	for i := range candidates {
		k := &candidates[i]
		if keyAlg(k.Public) != int64(alg) {
			continue
		}
		v, err := cose.NewVerifier(alg, k.Public)
		if err == nil && msg.Verify(nil, v) == nil {
			signedBy = k
			break
		}
	}
	if signedBy == nil {
		return fail(StatusInvalidSignature, kid, "no key with kid %s verifies the signature", kid)
	}
	claims, err := unmarshalClaims(msg.Payload)
	if err != nil {
		return fail(StatusMalformed, kid, "claims: %v", err)
	}
	r := Result{Claims: claims, KeyID: kid}
	reject := func(s Status, format string, args ...any) Result {
		r.Status, r.Err = s, &VerifyError{Status: s, Msg: fmt.Sprintf(format, args...)}
		return r
	}
	switch {
	case claims.Issuer != signedBy.Issuer:
		return reject(StatusInvalidSignature, "issuer %q signed with a key of %q", claims.Issuer, signedBy.Issuer)
	case claims.IssuedAt.Before(signedBy.NotBefore) || (!signedBy.Expires.IsZero() && claims.IssuedAt.After(signedBy.Expires)):
		return reject(StatusUnknownKey, "key %s was not in force when the document was issued (%s)", kid, claims.IssuedAt.Format(time.RFC3339))
	case claims.IssuedAt.After(at.Add(ClockSkew)):
		return reject(StatusNotYetValid, "issued at %s, after %s", claims.IssuedAt.Format(time.RFC3339), at.UTC().Format(time.RFC3339))
	case !claims.Expires.IsZero() && at.After(claims.Expires):
		return reject(StatusExpired, "expired at %s", claims.Expires.Format(time.RFC3339))
	}
	r.Status = StatusValid
	return r
}

// decodeSign1 accepts a tagged COSE_Sign1 and, leniently, an untagged one.
func decodeSign1(raw []byte) (msg *cose.Sign1Message, err error) {
	defer func() { // the decoder must never take the verifier down
		if p := recover(); p != nil {
			msg, err = nil, fmt.Errorf("decoder panic: %v", p)
		}
	}()
	var m cose.Sign1Message
	if err = m.UnmarshalCBOR(raw); err == nil {
		return &m, nil
	}
	var u cose.UntaggedSign1Message
	if uerr := u.UnmarshalCBOR(raw); uerr == nil {
		return (*cose.Sign1Message)(&u), nil
	}
	return nil, err
}

// findKid takes the kid from the protected header, else the unprotected one.
func findKid(h cose.Headers) (KeyID, bool) {
	var id KeyID
	for _, m := range []map[any]any{h.Protected, h.Unprotected} {
		if v, ok := m[cose.HeaderLabelKeyID].([]byte); ok && len(v) == len(id) {
			copy(id[:], v)
			return id, true
		}
	}
	return id, false
}
