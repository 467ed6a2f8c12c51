package client_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/registry/client"
)

// The signatures below were computed apart from this package, with
// Python's hmac and base64 modules; the first is the example of the
// Standard Webhooks specification.
const (
	stdSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
	stdID     = "msg_p5jXN8AQM9LWM0D4loKWxJek"
	stdTS     = "1614265330"
	stdBody   = `{"test": 2432232314}`
	stdSig    = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="

	// secret1 is base64 of bytes 0..31, secret2 of bytes 100..131.
	secret1 = "whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="
	secret2 = "whsec_ZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXp7fH1+f4CBgoM="
	evID    = "msg_2Ykq9bY1Qx"
	evTS    = "1796264100" // 2026-12-03T02:15:00Z
	evBody  = `{"type":"report.status_changed","timestamp":"2026-12-03T02:15:00Z","data":{"id":"r-0001","external_ref":"RSUD-SKM-2026-000123","status":"registered"}}`
	evSig1  = "v1,12EEpZlp1c5NAHlqeH1orkPy7iHPOo+CA7YYeVwxNjQ="
	evSig2  = "v1,c07BkspIhuuCZ5932ekX3DfxQfK+a/tdZhE43983lcM="
)

func headers(id, ts, sig string) http.Header {
	h := http.Header{}
	if id != "" {
		h.Set("Webhook-Id", id)
	}
	if ts != "" {
		h.Set("Webhook-Timestamp", ts)
	}
	if sig != "" {
		h.Set("Webhook-Signature", sig)
	}
	return h
}

func TestVerifyWebhook(t *testing.T) {
	std := time.Unix(1614265330, 0)
	ev := time.Unix(1796264100, 0)
	tests := []struct {
		name   string
		now    time.Time
		secret string
		h      http.Header
		body   string
		want   error // nil: valid
	}{
		{"specification example", std, stdSecret, headers(stdID, stdTS, stdSig), stdBody, nil},
		{"secret without prefix", std, stdSecret[len("whsec_"):], headers(stdID, stdTS, stdSig), stdBody, nil},
		{"old and new secret during rotation", ev, secret2, headers(evID, evTS, evSig1+" "+evSig2), evBody, nil},
		{"unknown versions are skipped", ev, secret1, headers(evID, evTS, "v1a,xyz v2,"+evSig2[3:]+" "+evSig1), evBody, nil},
		{"4:59 late", ev.Add(4*time.Minute + 59*time.Second), secret1, headers(evID, evTS, evSig1), evBody, nil},
		{"5:00 early", ev.Add(-5 * time.Minute), secret1, headers(evID, evTS, evSig1), evBody, nil},
		{"5:01 late", ev.Add(5*time.Minute + time.Second), secret1, headers(evID, evTS, evSig1), evBody, client.ErrWebhookTimestamp},
		{"5:01 early", ev.Add(-5*time.Minute - time.Second), secret1, headers(evID, evTS, evSig1), evBody, client.ErrWebhookTimestamp},
		{"other secret", ev, secret2, headers(evID, evTS, evSig1), evBody, client.ErrWebhookSignature},
		{"altered body", ev, secret1, headers(evID, evTS, evSig1), evBody[:len(evBody)-2] + ` }}`, client.ErrWebhookSignature},
		{"altered id", ev, secret1, headers(evID+"x", evTS, evSig1), evBody, client.ErrWebhookSignature},
		{"timestamp written otherwise", ev, secret1, headers(evID, "0"+evTS, evSig1), evBody, client.ErrWebhookSignature},
		{"signature of another version only", ev, secret1, headers(evID, evTS, "v2,"+evSig1[3:]), evBody, client.ErrWebhookSignature},
		{"signature not base64", ev, secret1, headers(evID, evTS, "v1,!!!"), evBody, client.ErrWebhookSignature},
		{"no id", ev, secret1, headers("", evTS, evSig1), evBody, client.ErrWebhookHeaders},
		{"no signature", ev, secret1, headers(evID, evTS, ""), evBody, client.ErrWebhookHeaders},
		{"timestamp not seconds", ev, secret1, headers(evID, "2026-12-03T02:15:00Z", evSig1), evBody, client.ErrWebhookHeaders},
		{"secret not base64", ev, "whsec_***", headers(evID, evTS, evSig1), evBody, client.ErrWebhookSecret},
		{"signed but not JSON", ev, secret1, headers(evID, evTS, "v1,6/BuhDhJEhsguFnMGS0r3eaBT082z3qrqvuHSk0U4wk="), "not json", client.ErrWebhook},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := client.VerifyWebhookAt(tt.now, tt.secret, tt.h, []byte(tt.body))
			if tt.want != nil {
				require.ErrorIs(t, err, tt.want)
				require.ErrorIs(t, err, client.ErrWebhook)
				require.ErrorIs(t, err, adminduk.ErrInvalid)
				assert.Empty(t, e.ID)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.h.Get("webhook-id"), e.ID)
		})
	}
}

func TestWebhookEvent(t *testing.T) {
	e, err := client.VerifyWebhookAt(time.Unix(1796264100, 0), secret1, headers(evID, evTS, evSig1), []byte(evBody))
	require.NoError(t, err)
	assert.Equal(t, client.Event{
		ID: evID, Timestamp: time.Unix(1796264100, 0), Type: "report.status_changed",
		At:   time.Date(2026, 12, 3, 2, 15, 0, 0, time.UTC),
		Data: client.EventData{ID: "r-0001", ExternalRef: "RSUD-SKM-2026-000123", Status: "registered"},
	}, e)

}
