package client

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
)

// WebhookTolerance is how far a webhook's timestamp may be from the
// receiver's clock, either way (Standard Webhooks: 5 minutes), so that a
// captured message cannot be replayed later.
const WebhookTolerance = 5 * time.Minute

// Webhook verification errors; each unwraps to [ErrWebhook].
var (
	// ErrWebhook: the message is not a valid webhook of the registry.
	ErrWebhook = adminduk.Sentinel("client: invalid webhook", adminduk.ErrInvalid)
	// ErrWebhookSecret: the secret is not "whsec_" + base64 (or base64).
	ErrWebhookSecret = adminduk.Sentinel("client: invalid webhook secret", ErrWebhook)
	// ErrWebhookHeaders: webhook-id, webhook-timestamp or webhook-signature
	// is missing or malformed.
	ErrWebhookHeaders = adminduk.Sentinel("client: missing or malformed webhook headers", ErrWebhook)
	// ErrWebhookTimestamp: the timestamp is more than [WebhookTolerance]
	// from now.
	ErrWebhookTimestamp = adminduk.Sentinel("client: webhook timestamp out of tolerance", ErrWebhook)
	// ErrWebhookSignature: no v1 signature of the message matches the secret.
	ErrWebhookSignature = adminduk.Sentinel("client: no matching webhook signature", ErrWebhook)
)

// Event is a verified webhook: its message ID (the same across retries and
// endpoints: deduplicate by it), the signed timestamp and the thin payload
// {type, timestamp, data}.
type Event struct {
	ID        string    `json:"-"` // webhook-id, "msg_..."
	Timestamp time.Time `json:"-"` // webhook-timestamp
	// Type is "report.status_changed" or "document.issued".
	Type string `json:"type"`
	// At is when the change happened (the payload's timestamp).
	At   time.Time `json:"timestamp"`
	Data EventData `json:"data"`
}

// EventData names what changed: the report (ID, the partner's
// external_ref) and its status, or for a document event the document's
// type, number, version and status.
type EventData struct {
	ID          string `json:"id"`
	ExternalRef string `json:"external_ref"`
	Type        string `json:"type,omitempty"`
	Number      string `json:"number,omitempty"`
	Version     int    `json:"version,omitempty"`
	Status      string `json:"status"`
}

// VerifyWebhook checks a webhook the registry delivered, by Standard
// Webhooks v1: the HMAC-SHA256, keyed by the endpoint's secret
// ("whsec_..."), of "webhook-id.webhook-timestamp.body" must equal one of
// the space-separated "v1,<base64>" signatures of webhook-signature (several
// while a secret is rotated), compared in constant time, and the timestamp
// must be within [WebhookTolerance] of now. Pass the body exactly as
// received. It returns the decoded event, or an error unwrapping to
// [ErrWebhook].
func VerifyWebhook(secret string, header http.Header, body []byte) (Event, error) {
	return VerifyWebhookAt(time.Now(), secret, header, body)
}

// VerifyWebhookAt is [VerifyWebhook] with the receiver's clock given.
func VerifyWebhookAt(now time.Time, secret string, header http.Header, body []byte) (Event, error) {
	key, err := webhookKey(secret)
	if err != nil {
		return Event{}, err
	}
	id := header.Get("webhook-id")
	tsText := header.Get("webhook-timestamp")
	sigs := header.Get("webhook-signature")
	if id == "" || tsText == "" || sigs == "" {
		return Event{}, fmt.Errorf("%w: webhook-id, webhook-timestamp and webhook-signature are required", ErrWebhookHeaders)
	}
	ts, err := strconv.ParseInt(tsText, 10, 64)
	if err != nil {
		return Event{}, fmt.Errorf("%w: webhook-timestamp %q is not Unix seconds", ErrWebhookHeaders, tsText)
	}
	at := time.Unix(ts, 0)
	if d := now.Sub(at); d > WebhookTolerance || d < -WebhookTolerance {
		return Event{}, fmt.Errorf("%w: %s from now", ErrWebhookTimestamp, d.Round(time.Second))
	}
	m := hmac.New(sha256.New, key)
	m.Write([]byte(id))
	m.Write([]byte{'.'})
	m.Write([]byte(tsText))
	m.Write([]byte{'.'})
	m.Write(body)
	want := m.Sum(nil)
	ok := false
	for _, s := range strings.Fields(sigs) {
		v, b64, found := strings.Cut(s, ",")
		if !found || v != "v1" {
			continue // another version or scheme
		}
		got, err := base64.StdEncoding.DecodeString(b64)
		if err != nil {
			continue
		}
		if hmac.Equal(got, want) { // constant time
			ok = true
		}
	}
	if !ok {
		return Event{}, ErrWebhookSignature
	}
	e := Event{ID: id, Timestamp: at}
	if err := json.Unmarshal(body, &e); err != nil {
		return Event{}, fmt.Errorf("%w: signed body is not an event: %w", ErrWebhook, err)
	}
	return e, nil
}

// webhookKey decodes a secret: "whsec_" and the base64 of the key (the
// prefix may be left out).
func webhookKey(secret string) ([]byte, error) {
	b64 := strings.TrimPrefix(secret, "whsec_")
	key, err := base64.StdEncoding.DecodeString(b64)
	if err != nil || len(key) == 0 {
		return nil, fmt.Errorf("%w: %w", ErrWebhookSecret, errors.Join(err, errors.New("want whsec_ and base64")))
	}
	return key, nil
}
