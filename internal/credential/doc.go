// Package credential implements the signed QR credential of KIA cards and
// akta documents, exactly as shared/CREDENTIAL.md specifies: CBOR Web Token
// claims with MOSIP Claim 169 identity data, signed as COSE_Sign1 (Ed25519),
// compressed with zlib, encoded in Base45, printed as a QR code in
// alphanumeric mode at error-correction level Q.
//
// # Signing
//
// A [Signer] holds one Dinas's Ed25519 private key (a PKCS#8 PEM file, see
// [ParsePrivateKeyPEM]). [Signer.Sign] turns [Claims] into the Base45 text to
// put in a QR code; [QRPNG] draws it. Signing is deterministic: the same
// claims and key give the same bytes.
//
// # Verifying
//
// [Verify] decodes a payload, finds the key by kid in a [KeySet] (the JWK Set
// published at /.well-known/jwks.json), checks the signature, the issuer and
// the times, and returns a [Result] whose [Status] is one of valid, expired,
// not_yet_valid, unknown_key, invalid_signature and malformed. It never
// trusts an algorithm or key named in the payload, only the protected header
// and its own key set, and never panics on input.
package credential
