package credential

import (
	"crypto/ed25519"
	"crypto/x509"
	"encoding/pem"
	"fmt"
)

// pemType is the PEM block type of a PKCS#8 private key (RFC 7468).
const pemType = "PRIVATE KEY"

// MarshalPrivateKeyPEM encodes an Ed25519 private key as a PKCS#8
// "PRIVATE KEY" PEM block.
func MarshalPrivateKeyPEM(key ed25519.PrivateKey) ([]byte, error) {
	if len(key) != ed25519.PrivateKeySize {
		return nil, fmt.Errorf("%w: an Ed25519 private key has %d bytes, not %d", ErrKey, ed25519.PrivateKeySize, len(key))
	}
	der, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrKey, err)
	}
	return pem.EncodeToMemory(&pem.Block{Type: pemType, Bytes: der}), nil
}

// ParsePrivateKeyPEM reads an Ed25519 private key from the first PKCS#8
// "PRIVATE KEY" PEM block of b. It fails with [ErrKey].
func ParsePrivateKeyPEM(b []byte) (ed25519.PrivateKey, error) {
	block, _ := pem.Decode(b)
	if block == nil || block.Type != pemType {
		return nil, fmt.Errorf("%w: no PKCS#8 %q PEM block", ErrKey, pemType)
	}
	k, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrKey, err)
	}
	priv, ok := k.(ed25519.PrivateKey)
	if !ok {
		return nil, fmt.Errorf("%w: the PEM block holds a %T, not an Ed25519 key", ErrKey, k)
	}
	return priv, nil
}
