// Package credential implements the signed QR credential of KIA cards and
// akta documents exactly as the project's credential specification
// (CREDENTIAL.md) says, a contract that other tools (scripts/verifier among
// them) verify against.
//
// # Format
//
// [Claims] are encoded as a CBOR Web Token map in RFC 8949 core
// deterministic encoding: 1 iss, 6 iat, 4 exp (KIA only), 169 the MOSIP
// Claim 169 identity map and -65537 the private-use document map; absent
// fields are left out. The claims are signed as a tagged COSE_Sign1 (tag 18)
// whose protected header holds alg -8 (EdDSA) and the 8-byte kid of the key
// ([KeyIDOf]); the unprotected header is empty. The message is compressed
// with zlib at best compression and encoded in Base45 without a prefix. That
// text is the content of the QR code, drawn in alphanumeric mode at error
// correction level Q (drawn by the renderers).
//
// # Signing
//
// A [Signer] holds one Dinas's Ed25519 private key (a PKCS#8 PEM file, see
// [ParsePrivateKeyPEM]; never in the database or the repository) and its
// issuer, "ID-" and the 4-digit kab/kota code. [Sign] (or [Signer.Sign])
// checks the claims with [Claims.Validate] and returns the Base45 text.
// Signing is deterministic: the same claims and key give the same bytes.
// [KIAExpires] computes the exp of a KIA from its valid-until date.
//
// # Keys
//
// A [KeySet] is what a verifier trusts; it marshals to and from the JWK Set
// (RFC 7517) a Dinas publishes at /.well-known/jwks.json. Rotation adds a key
// and old keys stay listed, so documents signed earlier still verify. A key's
// nbf and exp bound the issue times (iat) of the documents it vouches for,
// not the time of verification: a key rotated out keeps verifying what it
// signed while it was in force. Ed25519 keys are generated here; EC P-256
// keys (ES256) published by other issuers are accepted too. [ParseJWKSet]
// skips a key it cannot use and says which (RFC 7517 section 5), and
// refuses a document that is not a JWK Set with [ErrNotJWKSet];
// [AppendJWK] adds a key to a published set keeping every other key and
// member as written.
//
// # Verifying
//
// [Verify] decodes a payload, finds the key by kid in a [KeySet] (several
// keys may share a kid: each is tried), checks the signature, that the
// issuer is the key's, and the times, and returns a [Result] whose [Status]
// is one of valid, expired, not_yet_valid, unknown_key, invalid_signature
// and malformed. It never trusts an algorithm or key named in the payload:
// the alg of the protected header must be the one of the trusted key's own
// type. It decompresses at most [MaxDecompressed] bytes and never panics on
// input. It also accepts ES256 signatures, a kid in the unprotected header,
// an untagged COSE_Sign1 and claim 169 given as a byte string that wraps the
// map (as MOSIP Inji Certify emits it). A protected crit header (RFC 9052
// section 3.1) naming any parameter but alg and kid makes a message
// malformed.
//
// # Errors
//
// Every failure of [Verify] is a [*VerifyError] in [Result.Err] that unwraps
// to one sentinel per status: [ErrMalformed], [ErrUnknownKey],
// [ErrInvalidSignature], [ErrExpired], [ErrNotYetValid]. Claims that break
// the format fail with a [*ClaimsError] ([ErrClaims]); bad keys, PEM files
// and JWK Sets with [ErrKey]. Branch on them with [errors.Is] and
// [errors.As], never on messages.
package credential
