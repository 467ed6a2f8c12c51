package client

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/registry"
)

// DuplicateDecision is an officer's decision on a report flagged as a
// potential duplicate: Duplicate of Candidate (the report is archived), or
// not a duplicate of Candidates (none: of every report it matches), which
// clears the flag.
type DuplicateDecision struct {
	Duplicate  bool     `json:"duplicate"`
	Candidate  string   `json:"candidate,omitempty"`
	Candidates []string `json:"candidates,omitempty"`
	Reason     string   `json:"reason"`
}

// DecideDuplicate records an officer's decision on a potential duplicate
// (officer token) and returns the report.
func (cl *Client) DecideDuplicate(ctx context.Context, k registry.Kind, id string, d DuplicateDecision, opts ...CallOption) (*Report, error) {
	var out Report
	return &out, cl.step(ctx, k, id, "duplicate-decision", d, &out, opts)
}

// ResubmitBirth sends a returned birth report again with a corrected body
// (partner key), validated like a new report; its external_ref cannot
// change. [Client.Resubmit] sends it again unchanged.
func (cl *Client) ResubmitBirth(ctx context.Context, id string, r *registry.BirthReport, opts ...CallOption) (*Report, error) {
	var out Report
	return &out, cl.step(ctx, registry.KindBirth, id, "resubmit", r, &out, opts)
}

// ResubmitBirthBundle is [Client.ResubmitBirth] with the corrected report
// as a FHIR R4 Bundle (application/fhir+json).
func (cl *Client) ResubmitBirthBundle(ctx context.Context, id string, bundle []byte, opts ...CallOption) (*Report, error) {
	path, err := reportPath(registry.KindBirth, id, "/resubmit")
	if err != nil {
		return nil, err
	}
	var out Report
	return &out, cl.do(ctx, &call{method: http.MethodPost, path: path, body: bundle, contentType: "application/fhir+json"}, &out, opts...)
}

// ResubmitDeath is [Client.ResubmitBirth] for a death report.
func (cl *Client) ResubmitDeath(ctx context.Context, id string, r *registry.DeathReport, opts ...CallOption) (*Report, error) {
	var out Report
	return &out, cl.step(ctx, registry.KindDeath, id, "resubmit", r, &out, opts)
}

// ResubmitStillbirth is [Client.ResubmitBirth] for a stillbirth report.
func (cl *Client) ResubmitStillbirth(ctx context.Context, id string, r *registry.StillbirthReport, opts ...CallOption) (*Report, error) {
	var out Report
	return &out, cl.step(ctx, registry.KindStillbirth, id, "resubmit", r, &out, opts)
}

// Correct corrects an akta kelahiran (officer token): the next version,
// with the marginal note of c, is returned; the previous one is replaced.
func (cl *Client) Correct(ctx context.Context, t registry.DocType, number string, c registry.Correction, opts ...CallOption) (*Document, error) {
	path, err := docPath(t, number, "/corrections")
	if err != nil {
		return nil, err
	}
	req, err := postJSON(path, c)
	if err != nil {
		return nil, err
	}
	var out Document
	return &out, cl.do(ctx, req, &out, opts...)
}

// Revoke revokes the registration a document belongs to, with a reason
// (officer token): every active document it issued is revoked. It returns
// the online status of the named document.
func (cl *Client) Revoke(ctx context.Context, t registry.DocType, number, reason string, opts ...CallOption) (*registry.DocumentStatus, error) {
	path, err := docPath(t, number, "/revocations")
	if err != nil {
		return nil, err
	}
	req, err := postJSON(path, struct {
		Reason string `json:"reason"`
	}{reason})
	if err != nil {
		return nil, err
	}
	var out registry.DocumentStatus
	return &out, cl.do(ctx, req, &out, opts...)
}

// DocumentPDF returns a document printed on demand as PDF (officer token):
// version 0 is the current one.
func (cl *Client) DocumentPDF(ctx context.Context, t registry.DocType, number string, version int) ([]byte, error) {
	path, err := docPath(t, number, "/pdf")
	if err != nil {
		return nil, err
	}
	c := &call{method: http.MethodGet, path: path, accept: "application/pdf, application/problem+json"}
	if version > 0 {
		c.query = url.Values{"version": {strconv.Itoa(version)}}
	}
	var out []byte
	return out, cl.do(ctx, c, &out)
}

// Coverage returns the akta and KIA coverage of region (the office's
// kab/kota or one of its kecamatan) on day asOf (the zero Date: today),
// from the registry's records (officer token).
func (cl *Client) Coverage(ctx context.Context, region wilayah.Code, asOf adminduk.Date) (*registry.Coverage, error) {
	q := url.Values{"region": {region.String()}}
	if !asOf.IsZero() {
		q.Set("as_of", asOf.String())
	}
	var out registry.Coverage
	return &out, cl.do(ctx, &call{method: http.MethodGet, path: "/api/v1/coverage", query: q}, &out)
}

// ImportPopulation imports the children per kecamatan and age, the
// denominator of coverage (officer token), and returns the import's number
// (coverage uses the newest; earlier imports are kept).
func (cl *Client) ImportPopulation(ctx context.Context, p *registry.Population, opts ...CallOption) (int, error) {
	c, err := postJSON("/api/v1/population", p)
	if err != nil {
		return 0, err
	}
	var out struct {
		Import int `json:"import"`
	}
	err = cl.do(ctx, c, &out, opts...)
	return out.Import, err
}

// SchoolBatch sends a school's list of pupils (partner key of a school):
// each is issued a KIA or listed with the reason. The Idempotency-Key is
// the batch key: pass [IdempotencyKey] to send the same batch again later.
func (cl *Client) SchoolBatch(ctx context.Context, pupils []registry.Pupil, opts ...CallOption) (*registry.SchoolBatchResult, error) {
	c, err := postJSON("/api/v1/school-batches", struct {
		Pupils []registry.Pupil `json:"pupils"`
	}{pupils})
	if err != nil {
		return nil, err
	}
	var out registry.SchoolBatchResult
	return &out, cl.do(ctx, c, &out, opts...)
}

// WebhookEndpoint is a partner's webhook receiver. Secret is set only in
// the answer that creates the endpoint or rotates its secret.
type WebhookEndpoint struct {
	ID             string    `json:"id"`
	PartnerID      string    `json:"partner_id"`
	URL            string    `json:"url"`
	Created        time.Time `json:"created"`
	Active         bool      `json:"active"`
	Disabled       time.Time `json:"disabled,omitzero"`
	DisabledReason string    `json:"disabled_reason,omitempty"`
	Rotated        time.Time `json:"rotated,omitzero"`
	Secret         string    `json:"secret,omitempty"`
}

// WebhookDelivery is the delivery of one event to an endpoint, with its
// attempts.
type WebhookDelivery struct {
	EventID    string           `json:"event_id"`
	EventType  string           `json:"event_type"`
	EndpointID string           `json:"endpoint_id"`
	State      string           `json:"state"` // pending, delivered, failed
	NextAt     time.Time        `json:"next_at,omitzero"`
	Attempts   []WebhookAttempt `json:"attempts"`
}

// WebhookAttempt is one POST of a delivery.
type WebhookAttempt struct {
	N          int           `json:"n"`
	At         time.Time     `json:"at"`
	StatusCode int           `json:"status_code,omitempty"` // 0: no answer
	Error      string        `json:"error,omitempty"`
	Duration   time.Duration `json:"duration"`
	Worker     string        `json:"worker"`
}

// AddWebhookEndpoint registers a receiver of the partner's webhooks
// (partner key): https, and no private or loopback address unless the
// server runs in demo mode. Its secret ("whsec_...", for [VerifyWebhook])
// is in the answer, this once.
func (cl *Client) AddWebhookEndpoint(ctx context.Context, rawURL string, opts ...CallOption) (*WebhookEndpoint, error) {
	c, err := postJSON("/api/v1/webhook-endpoints", struct {
		URL string `json:"url"`
	}{rawURL})
	if err != nil {
		return nil, err
	}
	var out WebhookEndpoint
	return &out, cl.do(ctx, c, &out, opts...)
}

// WebhookEndpoints lists the partner's endpoints, without secrets.
func (cl *Client) WebhookEndpoints(ctx context.Context) ([]WebhookEndpoint, error) {
	var out []WebhookEndpoint
	return out, cl.do(ctx, &call{method: http.MethodGet, path: "/api/v1/webhook-endpoints"}, &out)
}

func endpointPath(id, suffix string) (string, error) {
	s, err := seg(id)
	if err != nil {
		return "", err
	}
	return "/api/v1/webhook-endpoints/" + s + suffix, nil
}

// RotateWebhookSecret gives an endpoint a new secret, returned this once;
// during the overlap messages carry both signatures.
func (cl *Client) RotateWebhookSecret(ctx context.Context, id string, opts ...CallOption) (*WebhookEndpoint, error) {
	path, err := endpointPath(id, "/rotate")
	if err != nil {
		return nil, err
	}
	c, err := postJSON(path, struct{}{})
	if err != nil {
		return nil, err
	}
	var out WebhookEndpoint
	return &out, cl.do(ctx, c, &out, opts...)
}

// DisableWebhookEndpoint disables an endpoint for good, with a reason.
func (cl *Client) DisableWebhookEndpoint(ctx context.Context, id, reason string, opts ...CallOption) (*WebhookEndpoint, error) {
	path, err := endpointPath(id, "/disable")
	if err != nil {
		return nil, err
	}
	c, err := postJSON(path, struct {
		Reason string `json:"reason"`
	}{reason})
	if err != nil {
		return nil, err
	}
	var out WebhookEndpoint
	return &out, cl.do(ctx, c, &out, opts...)
}

// WebhookDeliveries lists the deliveries to an endpoint with their
// attempts.
func (cl *Client) WebhookDeliveries(ctx context.Context, id string) ([]WebhookDelivery, error) {
	path, err := endpointPath(id, "/deliveries")
	if err != nil {
		return nil, err
	}
	var out []WebhookDelivery
	return out, cl.do(ctx, &call{method: http.MethodGet, path: path}, &out)
}
