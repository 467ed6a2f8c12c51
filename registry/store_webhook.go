package registry

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/adminduk-id/adminduk/adminduk/wilayah"
)

// WebhookStore is the storage of webhooks: endpoints with their secrets, the
// outbox of events (written by the store itself in the transaction of every
// action and every issued document) and the deliveries of those events to
// the endpoints, with their attempts. Package registry/webhook drains it.
type WebhookStore interface {
	// AddWebhookEndpoint stores a new endpoint with its first secret.
	AddWebhookEndpoint(ctx context.Context, ep WebhookEndpoint, secret, actor string) error
	// RotateWebhookSecret gives endpoint id a new secret; the previous ones
	// keep signing until previousUntil. ErrNotFound for an unknown endpoint.
	RotateWebhookSecret(ctx context.Context, office wilayah.Code, id, secret string, previousUntil, at time.Time, actor string) error
	// DisableWebhookEndpoint disables an endpoint for good: nothing more is
	// delivered to it. ErrNotFound for an unknown endpoint, ErrConflict when
	// it is disabled already.
	DisableWebhookEndpoint(ctx context.Context, office wilayah.Code, id, reason string, at time.Time, actor string) error
	// WebhookEndpoint returns one endpoint (without secrets), or ErrNotFound.
	WebhookEndpoint(ctx context.Context, office wilayah.Code, id string) (WebhookEndpoint, error)
	// WebhookEndpoints returns the endpoints of a partner, oldest first.
	WebhookEndpoints(ctx context.Context, office wilayah.Code, partnerID string) ([]WebhookEndpoint, error)
	// WebhookDeliveries returns the deliveries to an endpoint, newest first,
	// with their attempts, at most limit (0: 100).
	WebhookDeliveries(ctx context.Context, office wilayah.Code, endpointID string, limit int) ([]WebhookDelivery, error)
	// ClaimWebhookDeliveries leases at most limit due deliveries (pending,
	// due at now, endpoint not disabled) of any office to owner until
	// now+lease, counting the attempt. A delivery leased and not finished
	// is due again when its lease ends. Two concurrent claims never return
	// the same delivery.
	ClaimWebhookDeliveries(ctx context.Context, owner string, now time.Time, lease time.Duration, limit int) ([]WebhookClaim, error)
	// FinishWebhookAttempt records the attempt of claim c and the state it
	// leads to. It fails with ErrConflict when c's lease was lost (the
	// delivery was claimed again) and records nothing then.
	FinishWebhookAttempt(ctx context.Context, c *WebhookClaim, r WebhookResult) error
}

// EventType is the type of a webhook event.
type EventType string

// Event types.
const (
	// EventReportStatusChanged: an action was appended to a report (its
	// first one, notify, included); data {id, external_ref, status}.
	EventReportStatusChanged EventType = "report.status_changed"
	// EventDocumentIssued: a version of a document was issued for a report;
	// data {id, external_ref, type, number, version, status}.
	EventDocumentIssued EventType = "document.issued"
)

// WebhookEvent is one event of the outbox, addressed to the partner of its
// report. ID is the Standard Webhooks message id ("msg_..."), stable across
// retries and the same for every endpoint, derived from what the event is
// about (never from personal data), so the receiver deduplicates by it.
type WebhookEvent struct {
	Office      wilayah.Code
	ID          string
	PartnerID   string
	Type        EventType
	ReportID    string
	ExternalRef string
	Status      string       // the report's status, or the document's
	Document    *DocumentRef // for document events
	At          time.Time    // when the change happened
}

// webhookPayload is the thin payload of Standard Webhooks.
type webhookPayload struct {
	Type      EventType   `json:"type"`
	Timestamp string      `json:"timestamp"`
	Data      webhookData `json:"data"`
}

type webhookData struct {
	ID          string  `json:"id"`
	ExternalRef string  `json:"external_ref"`
	Type        DocType `json:"type,omitempty"`
	Number      string  `json:"number,omitempty"`
	Version     int     `json:"version,omitempty"`
	Status      string  `json:"status"`
}

// Payload returns the JSON body delivered for e: {type, timestamp, data}
// with data {id, external_ref, status} for a report (id is the report ID)
// and {id, external_ref, type, number, version, status} for a document. The
// same event always gives the same bytes.
func (e *WebhookEvent) Payload() ([]byte, error) {
	p := webhookPayload{Type: e.Type, Timestamp: e.At.UTC().Format(time.RFC3339Nano),
		Data: webhookData{ID: e.ReportID, ExternalRef: e.ExternalRef, Status: e.Status}}
	if e.Document != nil {
		p.Data.Type, p.Data.Number, p.Data.Version = e.Document.Type, e.Document.Number, e.Document.Version
	}
	b, err := json.Marshal(p)
	if err != nil {
		return nil, fmt.Errorf("registry: webhook payload: %w", err)
	}
	return b, nil
}

// ReportEventID returns the message id of the event of action seq of a
// report: "msg_" and 24 hex digits (see eventID).
func ReportEventID(office wilayah.Code, reportID string, seq int) string {
	return eventID(reportID, "report", office.Plain(), reportID, strconv.Itoa(seq))
}

// DocumentEventID returns the message id of the issue of a document version
// of a report.
func DocumentEventID(office wilayah.Code, reportID string, t DocType, number string, version int) string {
	return eventID(reportID, "document", office.Plain(), string(t), number, strconv.Itoa(version))
}

// eventID is "msg_" and 24 hex digits: the first 12 are those of the report
// ID when it is a [NewReportID] (its milliseconds, so that the events of a
// report sort after those of earlier reports and the events table grows at
// its end), else of the hash; the rest come from a SHA-256 of the event's
// identity (parts). The same event always has the same id.
func eventID(reportID string, parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	var sum [sha256.Size]byte
	digits := hex.EncodeToString(h.Sum(sum[:0])[:12])
	if isLowerHex(reportID) && len(reportID) == 32 {
		digits = reportID[:12] + digits[12:]
	}
	return "msg_" + digits
}

func isLowerHex(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// WebhookEndpoint is a partner's receiver of webhooks.
type WebhookEndpoint struct {
	Office    wilayah.Code `json:"office"`
	ID        string       `json:"id"`
	PartnerID string       `json:"partner_id"`
	URL       string       `json:"url"`
	Created   time.Time    `json:"created"`
	// Disabled is when the endpoint was disabled (zero: active), by an
	// officer or partner, or by the receiver answering 410 Gone.
	Disabled       time.Time `json:"disabled,omitzero"`
	DisabledReason string    `json:"disabled_reason,omitempty"`
	// Rotated is when the secret last changed (zero: never).
	Rotated time.Time `json:"rotated,omitzero"`
}

// Active reports whether the endpoint receives deliveries.
func (e *WebhookEndpoint) Active() bool { return e.Disabled.IsZero() }

// DeliveryState is the state of the delivery of one event to one endpoint.
type DeliveryState int

// Delivery states.
const (
	DeliveryPending   DeliveryState = 1 + iota // waiting for its next attempt
	DeliveryDelivered                          // a 2xx answer was received
	DeliveryFailed                             // attempts exhausted, or 410 Gone
)

var deliveryKeys = [...]string{DeliveryPending: "pending", DeliveryDelivered: "delivered", DeliveryFailed: "failed"}

// IsValid reports whether s is one of the states.
func (s DeliveryState) IsValid() bool { return s > 0 && int(s) < len(deliveryKeys) }

// String returns "pending", "delivered" or "failed", "DeliveryState(n)" otherwise.
func (s DeliveryState) String() string {
	if !s.IsValid() {
		return fmt.Sprintf("DeliveryState(%d)", int(s))
	}
	return deliveryKeys[s]
}

// MarshalText implements encoding.TextMarshaler.
func (s DeliveryState) MarshalText() ([]byte, error) {
	if !s.IsValid() {
		return nil, fmt.Errorf("registry: invalid delivery state %d", int(s))
	}
	return []byte(deliveryKeys[s]), nil
}

// WebhookDelivery is the delivery of one event to one endpoint.
type WebhookDelivery struct {
	Office     wilayah.Code     `json:"office"`
	EventID    string           `json:"event_id"`
	EventType  EventType        `json:"event_type"`
	EndpointID string           `json:"endpoint_id"`
	State      DeliveryState    `json:"state"`
	NextAt     time.Time        `json:"next_at,omitzero"` // the next attempt, when pending
	Attempts   []WebhookAttempt `json:"attempts"`
}

// WebhookAttempt is one POST of a delivery and its outcome.
type WebhookAttempt struct {
	N          int           `json:"n"` // 1, 2, ...
	At         time.Time     `json:"at"`
	StatusCode int           `json:"status_code,omitempty"` // 0: no answer
	Error      string        `json:"error,omitempty"`
	Duration   time.Duration `json:"duration"`
	Worker     string        `json:"worker"`
}

// WebhookClaim is a delivery leased to a worker: the event, where to send it
// and the secrets to sign it with (newest first: during a rotation's overlap
// there are two), and the attempt's number.
type WebhookClaim struct {
	Event      WebhookEvent
	EndpointID string
	URL        string
	Secrets    []string
	Attempt    int
	Owner      string
}

// WebhookResult is what [WebhookStore.FinishWebhookAttempt] records: the
// attempt, the state it leads to (NextAt when still pending) and whether
// the endpoint must be disabled (it answered 410 Gone).
type WebhookResult struct {
	Attempt WebhookAttempt
	State   DeliveryState
	NextAt  time.Time
	Disable bool
}

// WebhookBackoff is the wait before each retry of a delivery: after the
// first failed attempt 5 s, then 5 min, 30 min, 2 h, 5 h, 10 h and 24 h; the
// delivery fails after len(WebhookBackoff)+1 attempts.
var WebhookBackoff = [...]time.Duration{5 * time.Second, 5 * time.Minute, 30 * time.Minute,
	2 * time.Hour, 5 * time.Hour, 10 * time.Hour, 24 * time.Hour}

// WebhookRetryAt returns when attempt n (1, 2, ...) that failed at t is
// retried, and false when it was the last.
func WebhookRetryAt(n int, t time.Time) (time.Time, bool) {
	if n < 1 || n > len(WebhookBackoff) {
		return time.Time{}, false
	}
	return t.Add(WebhookBackoff[n-1]), true
}
