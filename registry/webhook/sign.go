package webhook

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/adminduk-id/adminduk/registry"
)

// ErrSecret: a webhook secret that is not "whsec_" followed by the base64 of
// at least 24 bytes.
var ErrSecret = errors.New("webhook: invalid secret")

// Key decodes a "whsec_..." secret into its HMAC key.
func Key(secret string) ([]byte, error) {
	b64, ok := strings.CutPrefix(secret, registry.SecretPrefix)
	if !ok {
		return nil, fmt.Errorf("%w: no %q prefix", ErrSecret, registry.SecretPrefix)
	}
	key, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrSecret, err)
	}
	if len(key) < 24 || len(key) > 64 {
		return nil, fmt.Errorf("%w: %d bytes, want 24 to 64", ErrSecret, len(key))
	}
	return key, nil
}

// Sign returns the Standard Webhooks v1 signature of a message: "v1," and
// the base64 of HMAC-SHA256, keyed by the secret, of "id.timestamp.body"
// with the timestamp in Unix seconds.
func Sign(secret, id string, timestamp time.Time, body []byte) (string, error) {
	key, err := Key(secret)
	if err != nil {
		return "", err
	}
	return sign(key, id, timestamp.Unix(), body), nil
}

func sign(key []byte, id string, ts int64, body []byte) string {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(id))
	m.Write([]byte{'.'})
	m.Write(strconv.AppendInt(nil, ts, 10))
	m.Write([]byte{'.'})
	m.Write(body)
	return "v1," + base64.StdEncoding.EncodeToString(m.Sum(nil))
}

// SignatureHeader returns the webhook-signature header of a message signed
// by each of secrets (the new and the previous one during a rotation),
// space-separated, in the order given.
func SignatureHeader(secrets []string, id string, timestamp time.Time, body []byte) (string, error) {
	if len(secrets) == 0 {
		return "", fmt.Errorf("%w: no secret", ErrSecret)
	}
	sigs := make([]string, 0, len(secrets))
	for _, s := range secrets {
		sig, err := Sign(s, id, timestamp, body)
		if err != nil {
			return "", err
		}
		sigs = append(sigs, sig)
	}
	return strings.Join(sigs, " "), nil
}
