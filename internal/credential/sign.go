package credential

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"sync"

	"github.com/adminduk-id/adminduk/internal/base45"
	"github.com/veraison/go-cose"
)

// COSE algorithms (RFC 9053).
const (
	algEdDSA = int64(cose.AlgorithmEdDSA) // -8
	algES256 = int64(cose.AlgorithmES256) // -7
)

// Sign encodes claims as a credential: COSE_Sign1 over the CBOR claims, zlib
// at best compression, Base45. An empty claims.Issuer takes the signer's; a
// different one is an error. The result is the text of the QR code.
func (s *Signer) Sign(claims Claims) (string, error) {
	if claims.Issuer == "" {
		claims.Issuer = s.issuer
	}
	if claims.Issuer != s.issuer {
		return "", fmt.Errorf("%w: issuer %q signed with the key of %q", ErrClaims, claims.Issuer, s.issuer)
	}
	if err := claims.check(); err != nil {
		return "", err
	}
	payload, err := claims.marshal()
	if err != nil {
		return "", fmt.Errorf("credential: %w", err)
	}
	msg, err := s.sign1(payload)
	if err != nil {
		return "", err
	}
	return encodeTransport(msg)
}

// sign1 returns the tagged COSE_Sign1 message over payload.
func (s *Signer) sign1(payload []byte) ([]byte, error) {
	signer, err := cose.NewSigner(cose.AlgorithmEdDSA, s.key)
	if err != nil {
		return nil, fmt.Errorf("credential: %w", err)
	}
	msg := cose.Sign1Message{
		Headers: cose.Headers{Protected: cose.ProtectedHeader{
			cose.HeaderLabelAlgorithm: cose.AlgorithmEdDSA,
			cose.HeaderLabelKeyID:     s.id[:],
		}},
		Payload: payload,
	}
	if err := msg.Sign(nil, nil, signer); err != nil { // Ed25519 needs no randomness
		return nil, fmt.Errorf("credential: %w", err)
	}
	return msg.MarshalCBOR()
}

// zlibWriters recycles compressors: a new one allocates about 800 KB.
var zlibWriters = sync.Pool{New: func() any {
	w, _ := zlib.NewWriterLevel(nil, zlib.BestCompression)
	return w
}}

// encodeTransport compresses and Base45-encodes a COSE message.
func encodeTransport(msg []byte) (string, error) {
	var z bytes.Buffer
	w := zlibWriters.Get().(*zlib.Writer)
	defer zlibWriters.Put(w)
	w.Reset(&z)
	w.Write(msg)
	if err := w.Close(); err != nil {
		return "", err
	}
	return base45.Encode(z.Bytes()), nil
}
