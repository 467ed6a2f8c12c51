package webhook_test

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"regexp"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/registry/webhook"
)

// The test vector published with Standard Webhooks.
const (
	vectorSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
	vectorID     = "msg_p5jXN8AQM9LWM0D4loKWxJek"
	vectorTime   = 1614265330
	vectorBody   = `{"test": 2432232314}`
	vectorSig    = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
)

func ExampleSign() {
	sig, err := webhook.Sign(vectorSecret, vectorID, time.Unix(vectorTime, 0), []byte(vectorBody))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(sig)
	// Output: v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=
}

func TestSignVector(t *testing.T) {
	sig, err := webhook.Sign(vectorSecret, vectorID, time.Unix(vectorTime, 0), []byte(vectorBody))
	require.NoError(t, err)
	assert.Equal(t, vectorSig, sig)
	h, err := webhook.SignatureHeader([]string{vectorSecret, "whsec_" + base64.StdEncoding.EncodeToString(make([]byte, 32))},
		vectorID, time.Unix(vectorTime, 0), []byte(vectorBody))
	require.NoError(t, err)
	assert.Regexp(t, `^`+regexp.QuoteMeta(vectorSig)+` v1,[A-Za-z0-9+/]{43}=$`, h)
}

func TestBadSecrets(t *testing.T) {
	for _, s := range []string{"", "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "whsec_", "whsec_!!!", "whsec_" + base64.StdEncoding.EncodeToString(make([]byte, 16)),
		"whsec_" + base64.StdEncoding.EncodeToString(make([]byte, 65))} {
		_, err := webhook.Sign(s, "msg_1", time.Unix(1, 0), nil)
		assert.ErrorIs(t, err, webhook.ErrSecret, "%q", s)
	}
	_, err := webhook.SignatureHeader(nil, "msg_1", time.Unix(1, 0), nil)
	assert.ErrorIs(t, err, webhook.ErrSecret)
}

// FuzzSign checks Sign against a slow reference (the signed content built as
// one string) and that any change of the body changes the signature.
func FuzzSign(f *testing.F) {
	f.Add([]byte("0123456789abcdef0123456789abcdef"), vectorID, int64(vectorTime), []byte(vectorBody))
	f.Add(make([]byte, 24), "", int64(0), []byte{})
	f.Fuzz(func(t *testing.T, key []byte, id string, ts int64, body []byte) {
		if len(key) < 24 || len(key) > 64 {
			return
		}
		secret := "whsec_" + base64.StdEncoding.EncodeToString(key)
		sig, err := webhook.Sign(secret, id, time.Unix(ts, 0), body)
		require.NoError(t, err)
		mac := hmac.New(sha256.New, key)
		mac.Write([]byte(fmt.Sprintf("%s.%d.%s", id, ts, body)))
		require.Equal(t, "v1,"+base64.StdEncoding.EncodeToString(mac.Sum(nil)), sig)
		other, err := webhook.Sign(secret, id, time.Unix(ts, 0), append(append([]byte(nil), body...), 'x'))
		require.NoError(t, err)
		require.NotEqual(t, sig, other)
	})
}
