package credential

import "strconv"

// Status is the outcome of [Verify]. The zero value is not a valid status.
type Status uint8

// Outcomes, distinct as CREDENTIAL.md requires.
const (
	// StatusValid: the signature is good, the issuer is the key's and the
	// credential is in force.
	StatusValid Status = 1 + iota
	// StatusExpired: signature good, exp has passed (a KIA of a child now 17).
	StatusExpired
	// StatusNotYetValid: signature good, iat lies more than [ClockSkew] in
	// the future.
	StatusNotYetValid
	// StatusUnknownKey: no trusted key has the kid, the message names no
	// kid, or the keys with that kid were not in force at the issue time.
	StatusUnknownKey
	// StatusInvalidSignature: no trusted key with the kid verifies the
	// signature (any altered byte), the protected alg does not fit the key
	// type, or the issuer is not the key's.
	StatusInvalidSignature
	// StatusMalformed: not Base45, zlib, CBOR, COSE_Sign1 or claims, no alg
	// in the protected header, or more than [MaxDecompressed] bytes.
	StatusMalformed
)

var statusNames = [...]string{
	StatusValid:            "valid",
	StatusExpired:          "expired",
	StatusNotYetValid:      "not_yet_valid",
	StatusUnknownKey:       "unknown_key",
	StatusInvalidSignature: "invalid_signature",
	StatusMalformed:        "malformed",
}

// String returns the status as the verifiers print it: "valid", "expired",
// "not_yet_valid", "unknown_key", "invalid_signature" or "malformed".
func (s Status) String() string {
	if s == 0 || int(s) >= len(statusNames) {
		return "Status(" + strconv.Itoa(int(s)) + ")"
	}
	return statusNames[s]
}

// MarshalText implements [encoding.TextMarshaler] with [Status.String].
func (s Status) MarshalText() ([]byte, error) { return []byte(s.String()), nil }
