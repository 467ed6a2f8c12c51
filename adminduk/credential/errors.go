package credential

import (
	"errors"
	"strconv"
)

// Sentinels of [Verify], one per [Status] that is not valid; [Result.Err]
// unwraps to exactly one of them.
var (
	ErrMalformed        = errors.New("credential: malformed")
	ErrUnknownKey       = errors.New("credential: unknown key")
	ErrInvalidSignature = errors.New("credential: invalid signature")
	ErrExpired          = errors.New("credential: expired")
	ErrNotYetValid      = errors.New("credential: not yet valid")
)

// ErrClaims is the sentinel of [*ClaimsError]: claims that break the format.
var ErrClaims = errors.New("credential: invalid claims")

// ErrKey is the sentinel of every error about a key: a private key that is
// not Ed25519, a PEM file without a PKCS#8 key, a JWK Set entry that is not
// a usable key (see [*JWKError]).
var ErrKey = errors.New("credential: invalid key")

// statusErrs maps a status that is not valid to its sentinel.
var statusErrs = [...]error{
	StatusMalformed:        ErrMalformed,
	StatusUnknownKey:       ErrUnknownKey,
	StatusInvalidSignature: ErrInvalidSignature,
	StatusExpired:          ErrExpired,
	StatusNotYetValid:      ErrNotYetValid,
}

// VerifyError explains a [Result] that is not valid. It unwraps to the
// sentinel of its status and, when there is one, to the cause: a Base45
// DecodeError, a zlib, CBOR or COSE error.
type VerifyError struct {
	Status Status // never StatusValid
	Reason string // what is wrong, lower case
	Err    error  // the underlying error, or nil
}

// Error returns "credential: <status>: <reason>[: <cause>]".
func (e *VerifyError) Error() string {
	s := "credential: " + e.Status.String() + ": " + e.Reason
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns the sentinel of e.Status and the cause, if any.
func (e *VerifyError) Unwrap() []error {
	var errs []error
	if int(e.Status) < len(statusErrs) && statusErrs[e.Status] != nil {
		errs = append(errs, statusErrs[e.Status])
	}
	if e.Err != nil {
		errs = append(errs, e.Err)
	}
	return errs
}

// ClaimsError reports claims that [Sign] refuses; it unwraps to [ErrClaims].
type ClaimsError struct {
	Field  string // Go name of the field, e.g. "Identity.BirthDate"
	Value  string // the offending value, quoted in the message (never a NIK)
	Reason string // what is wrong
}

// Error returns "credential: invalid claims: <field> <value>: <reason>".
func (e *ClaimsError) Error() string {
	s := "credential: invalid claims: " + e.Field
	if e.Value != "" {
		s += " " + strconv.Quote(e.Value)
	}
	return s + ": " + e.Reason
}

// Unwrap returns [ErrClaims].
func (e *ClaimsError) Unwrap() error { return ErrClaims }

// JWKError reports a key of a JWK Set that cannot be used; it unwraps to
// [ErrKey].
type JWKError struct {
	Index  int    // position in the "keys" array
	Kid    string // the kid member as given
	Reason string
}

// Error returns "credential: invalid key: jwk <index> (kid <kid>): <reason>".
func (e *JWKError) Error() string {
	return "credential: invalid key: jwk " + strconv.Itoa(e.Index) + " (kid " + strconv.Quote(e.Kid) + "): " + e.Reason
}

// Unwrap returns [ErrKey].
func (e *JWKError) Unwrap() error { return ErrKey }
