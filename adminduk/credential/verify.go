package credential

import (
	"errors"
	"fmt"
	"time"

	"github.com/veraison/go-cose"
)

// ClockSkew is how far in the future an issue time (iat) may lie, against
// the time of verification, before a credential is not yet valid: the
// issuing office's clock and the verifier's may disagree by that much.
const ClockSkew = 5 * time.Minute

// Result is what [Verify] found.
type Result struct {
	Status Status
	// Claims are the decoded claims whenever the payload decodes that far,
	// even when Status is not valid: trust them only when [Result.Authentic].
	Claims Claims
	Kid    KeyID // the kid named in the message, zero when there is none
	Err    error // nil when valid, else a [*VerifyError]
}

// Authentic reports whether a trusted key of the claimed issuer signed the
// claims: the status is valid, expired or not yet valid.
func (r Result) Authentic() bool {
	return r.Status == StatusValid || r.Status == StatusExpired || r.Status == StatusNotYetValid
}

// fail sets the status and error of r.
func (r Result) fail(s Status, cause error, format string, args ...any) Result {
	r.Status = s
	r.Err = &VerifyError{Status: s, Reason: fmt.Sprintf(format, args...), Err: cause}
	return r
}

// Verify checks a credential, the text of a QR code, against the trusted
// keys at time at. The steps, and the status each failure gives:
//
//  1. Base45, zlib (at most [MaxDecompressed] bytes), a COSE_Sign1 (tagged or
//     not) with an integer alg in its protected header and no crit (label 2)
//     naming a header parameter other than alg and kid: else malformed.
//  2. The kid, from the protected header or else the unprotected one: no
//     kid, or no trusted key with it, is unknown_key.
//  3. Each key with that kid whose own type fits the protected alg (Ed25519
//     for -8, P-256 for -7) is tried: none verifies the signature is
//     invalid_signature. The claims must then decode (else malformed), name
//     the key's issuer (else invalid_signature) and have been issued while
//     the key was in force, nbf <= iat <= exp of the key (else unknown_key:
//     the key that vouches for that time is missing from the set).
//  4. An iat more than [ClockSkew] after at is not_yet_valid; an exp before
//     at is expired; else valid.
//
// Verify never panics on input.
func Verify(payload string, keys KeySet, at time.Time) Result {
	var r Result
	raw, err := decodeTransport(payload)
	if err != nil {
		return r.fail(StatusMalformed, err, "transport")
	}
	msg, err := decodeSign1(raw)
	if err != nil {
		return r.fail(StatusMalformed, err, "not a COSE_Sign1 message")
	}
	alg, err := msg.Headers.Protected.Algorithm()
	if err != nil {
		return r.fail(StatusMalformed, err, "protected header: no integer alg")
	}
	if err := checkCrit(msg.Headers.Protected); err != nil {
		return r.fail(StatusMalformed, nil, "protected header: %v", err)
	}
	claims, claimsErr := unmarshalClaims(msg.Payload)
	if claimsErr == nil {
		r.Claims = claims
	}
	kid, err := findKid(msg.Headers)
	r.Kid = kid
	if err != nil {
		return r.fail(StatusUnknownKey, nil, "%v", err)
	}

	var known, verified, otherIssuer bool
	for i := range keys.Keys {
		k := &keys.Keys[i]
		if k.ID != kid {
			continue
		}
		known = true
		if k.alg() != int64(alg) || !verifies(msg, alg, k) {
			continue
		}
		verified = true
		if claimsErr != nil {
			return r.fail(StatusMalformed, claimsErr, "signed claims")
		}
		if claims.Issuer != k.Issuer {
			otherIssuer = true
			continue
		}
		if !k.inForce(claims.IssuedAt) {
			continue
		}
		return checkTimes(r, at)
	}
	switch {
	case !known:
		return r.fail(StatusUnknownKey, nil, "no trusted key has kid %s", kid)
	case !verified:
		return r.fail(StatusInvalidSignature, nil, "no trusted key with kid %s and alg %d verifies the signature", kid, alg)
	case otherIssuer:
		return r.fail(StatusInvalidSignature, nil, "issuer %q is not the issuer of key %s", claims.Issuer, kid)
	}
	return r.fail(StatusUnknownKey, nil, "no key %s of %s was in force at the issue time %s",
		kid, claims.Issuer, claims.IssuedAt.Format(time.RFC3339))
}

// checkTimes finishes a result whose signature, issuer and key are good.
func checkTimes(r Result, at time.Time) Result {
	c := &r.Claims
	switch {
	case c.IssuedAt.After(at.Add(ClockSkew)):
		return r.fail(StatusNotYetValid, nil, "issued at %s, after %s", c.IssuedAt.Format(time.RFC3339), at.UTC().Format(time.RFC3339))
	case !c.Expires.IsZero() && at.After(c.Expires):
		return r.fail(StatusExpired, nil, "expired at %s", c.Expires.Format(time.RFC3339))
	}
	r.Status = StatusValid
	return r
}

// verifies reports whether k verifies the signature of msg under alg.
func verifies(msg *cose.Sign1Message, alg cose.Algorithm, k *Key) (ok bool) {
	defer func() { // a library bug must not take the verifier down
		if recover() != nil {
			ok = false
		}
	}()
	v, err := cose.NewVerifier(alg, k.Public)
	return err == nil && msg.Verify(nil, v) == nil
}

// decodeSign1 accepts a tagged COSE_Sign1 and, leniently, an untagged one.
// The payload must be attached.
func decodeSign1(raw []byte) (msg *cose.Sign1Message, err error) {
	defer func() { // the decoder must never take the verifier down
		if p := recover(); p != nil {
			msg, err = nil, fmt.Errorf("cose decoder panic: %v", p)
		}
	}()
	var m cose.Sign1Message
	if err = m.UnmarshalCBOR(raw); err != nil {
		var u cose.UntaggedSign1Message
		if u.UnmarshalCBOR(raw) != nil {
			return nil, err
		}
		m = cose.Sign1Message(u)
	}
	if m.Payload == nil {
		return nil, errors.New("detached payload")
	}
	return &m, nil
}

// understood are the protected header labels a crit (label 2) may name:
// the ones this verifier processes, alg and kid.
var understood = map[int64]bool{cose.HeaderLabelAlgorithm: true, cose.HeaderLabelKeyID: true}

// checkCrit rejects a protected header whose crit parameter names a label
// this verifier does not process: RFC 9052 section 3.1 requires a
// recipient to reject such a message. go-cose has already checked that
// crit is a non-empty array of labels present in the protected header.
func checkCrit(h cose.ProtectedHeader) error {
	v, ok := h[cose.HeaderLabelCritical]
	if !ok {
		return nil
	}
	labels, ok := v.([]any)
	if !ok || len(labels) == 0 {
		return errors.New("crit is not a non-empty array")
	}
	for _, l := range labels {
		var n int64
		switch l := l.(type) {
		case int64:
			n = l
		case uint64:
			if l > 1<<62 {
				return fmt.Errorf("crit names the unknown header parameter %v", l)
			}
			n = int64(l)
		case int:
			n = int64(l)
		default:
			return fmt.Errorf("crit names the unknown header parameter %v", l)
		}
		if !understood[n] {
			return fmt.Errorf("crit names the unknown header parameter %d", n)
		}
	}
	return nil
}

// findKid takes the kid from the protected header, else from the
// unprotected one. It must be an 8-byte string.
func findKid(h cose.Headers) (KeyID, error) {
	v, ok := h.Protected[cose.HeaderLabelKeyID]
	if !ok {
		v, ok = h.Unprotected[cose.HeaderLabelKeyID]
	}
	if !ok {
		return KeyID{}, errors.New("no kid in the headers")
	}
	b, ok := v.([]byte)
	if !ok || len(b) != len(KeyID{}) {
		return KeyID{}, fmt.Errorf("the kid (%T of length %d) is not an 8-byte string", v, len(b))
	}
	return KeyID(b), nil
}
