package client

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/adminduk-id/adminduk/registry"
)

// collection returns the API path of a kind's reports.
func collection(k registry.Kind) (string, error) {
	switch k {
	case registry.KindBirth:
		return "/api/v1/birth-reports", nil
	case registry.KindDeath:
		return "/api/v1/death-reports", nil
	case registry.KindStillbirth:
		return "/api/v1/stillbirth-reports", nil
	}
	return "", fmt.Errorf("client: unknown report kind %d", int(k))
}

// reportPath returns the path of a report, with a suffix ("/verify").
func reportPath(k registry.Kind, id, suffix string) (string, error) {
	c, err := collection(k)
	if err != nil {
		return "", err
	}
	s, err := seg(id)
	if err != nil {
		return "", err
	}
	return c + "/" + s + suffix, nil
}

func (cl *Client) create(ctx context.Context, k registry.Kind, body any, opts []CallOption) (*ReportCreated, error) {
	path, err := collection(k)
	if err != nil {
		return nil, err
	}
	c, err := postJSON(path, body)
	if err != nil {
		return nil, err
	}
	var out ReportCreated
	return &out, cl.do(ctx, c, &out, opts...)
}

// CreateBirthReport submits a birth report (partner key). A retry of the
// same call, by the client or with the same [IdempotencyKey], returns the
// first answer and creates nothing more.
func (cl *Client) CreateBirthReport(ctx context.Context, r *registry.BirthReport, opts ...CallOption) (*ReportCreated, error) {
	return cl.create(ctx, registry.KindBirth, r, opts)
}

// CreateBirthBundle submits a birth as a FHIR R4 Bundle (partner key,
// Content-Type application/fhir+json): the resources a SATUSEHAT-connected
// SIMRS produces, mapped by the registry (package registry/fhir). The
// problem's field pointers name the bundle's elements.
func (cl *Client) CreateBirthBundle(ctx context.Context, bundle []byte, opts ...CallOption) (*ReportCreated, error) {
	c := &call{method: http.MethodPost, path: "/api/v1/birth-reports", body: bundle, contentType: "application/fhir+json"}
	var out ReportCreated
	return &out, cl.do(ctx, c, &out, opts...)
}

// CreateDeathReport submits a death report (partner key).
func (cl *Client) CreateDeathReport(ctx context.Context, r *registry.DeathReport, opts ...CallOption) (*ReportCreated, error) {
	return cl.create(ctx, registry.KindDeath, r, opts)
}

// CreateStillbirthReport submits a stillbirth report (partner key).
func (cl *Client) CreateStillbirthReport(ctx context.Context, r *registry.StillbirthReport, opts ...CallOption) (*ReportCreated, error) {
	return cl.create(ctx, registry.KindStillbirth, r, opts)
}

// Report returns a report: a partner sees only its own (another's is
// [registry.ErrNotFound]), an officer those of the office.
func (cl *Client) Report(ctx context.Context, k registry.Kind, id string) (*Report, error) {
	path, err := reportPath(k, id, "")
	if err != nil {
		return nil, err
	}
	var out Report
	return &out, cl.do(ctx, &call{method: http.MethodGet, path: path}, &out)
}

// Reports lists reports, newest first, one page at a time.
func (cl *Client) Reports(ctx context.Context, k registry.Kind, o ListOptions) (*ReportList, error) {
	path, err := collection(k)
	if err != nil {
		return nil, err
	}
	q := url.Values{}
	if o.Status != 0 {
		q.Set("status", o.Status.String())
	}
	if o.Flags != 0 {
		q.Set("flag", o.Flags.String())
	}
	set := func(k, v string) {
		if v != "" {
			q.Set(k, v)
		}
	}
	set("partner", o.Partner)
	set("external_ref", o.ExternalRef)
	set("from", o.From)
	set("to", o.To)
	set("cursor", o.Cursor)
	if o.Limit > 0 {
		q.Set("limit", strconv.Itoa(o.Limit))
	}
	var out ReportList
	return &out, cl.do(ctx, &call{method: http.MethodGet, path: path, query: q}, &out)
}

// ReportByExternalRef returns the partner's report of its own reference,
// or [registry.ErrNotFound].
func (cl *Client) ReportByExternalRef(ctx context.Context, k registry.Kind, ref string) (*Report, error) {
	l, err := cl.Reports(ctx, k, ListOptions{ExternalRef: ref, Limit: 1})
	if err != nil {
		return nil, err
	}
	if len(l.Items) == 0 {
		return nil, fmt.Errorf("client: no report with external_ref %q: %w", ref, registry.ErrNotFound)
	}
	return cl.Report(ctx, k, l.Items[0].ID)
}

// step posts an action on a report and decodes the answer.
func (cl *Client) step(ctx context.Context, k registry.Kind, id, action string, body any, out any, opts []CallOption) error {
	path, err := reportPath(k, id, "/"+action)
	if err != nil {
		return err
	}
	c := &call{method: http.MethodPost, path: path}
	if body != nil {
		if c, err = postJSON(path, body); err != nil {
			return err
		}
	}
	return cl.do(ctx, c, out, opts...)
}

// Resubmit sends a returned report again (partner key).
func (cl *Client) Resubmit(ctx context.Context, k registry.Kind, id string, opts ...CallOption) (*Report, error) {
	var out Report
	return &out, cl.step(ctx, k, id, "resubmit", nil, &out, opts)
}

// Verify records that the officer checked the report (officer token). An
// incomplete report is refused: errors.Is(err, registry.ErrInvalidTransition).
func (cl *Client) Verify(ctx context.Context, k registry.Kind, id string, opts ...CallOption) (*Report, error) {
	var out Report
	return &out, cl.step(ctx, k, id, "verify", struct{}{}, &out, opts)
}

// Return sends the report back to the partner with at least one reason
// (officer token).
func (cl *Client) Return(ctx context.Context, k registry.Kind, id string, reasons []ReturnReason, opts ...CallOption) (*Report, error) {
	var out Report
	return &out, cl.step(ctx, k, id, "return", struct {
		Reasons []ReturnReason `json:"reasons"`
	}{reasons}, &out, opts)
}

// Register registers a verified report and issues its documents (officer
// token).
func (cl *Client) Register(ctx context.Context, k registry.Kind, id string, opts ...CallOption) (*Registration, error) {
	var out Registration
	return &out, cl.step(ctx, k, id, "register", struct{}{}, &out, opts)
}

// Issue records that the documents were issued (officer token).
func (cl *Client) Issue(ctx context.Context, k registry.Kind, id string, opts ...CallOption) (*Report, error) {
	var out Report
	return &out, cl.step(ctx, k, id, "issue", struct{}{}, &out, opts)
}

// HandOver records who received which documents (officer token; births).
func (cl *Client) HandOver(ctx context.Context, k registry.Kind, id string, h HandOverRequest, opts ...CallOption) (*registry.HandOver, error) {
	var out registry.HandOver
	return &out, cl.step(ctx, k, id, "handover", h, &out, opts)
}

// Archive closes a report without registration, with a reason (officer
// token).
func (cl *Client) Archive(ctx context.Context, k registry.Kind, id, reason string, opts ...CallOption) (*Report, error) {
	var out Report
	return &out, cl.step(ctx, k, id, "archive", struct {
		Reason string `json:"reason"`
	}{reason}, &out, opts)
}

// Attach uploads a scanned document of a report (partner key): kind is an
// attachment kind ("kk", "surat-keterangan-lahir" ...), mediaType
// application/pdf, image/jpeg or image/png (the registry checks the
// content, not the claim).
func (cl *Client) Attach(ctx context.Context, k registry.Kind, id string, kind registry.AttachmentKind, mediaType string, data []byte, opts ...CallOption) (*Attachment, error) {
	path, err := reportPath(k, id, "/attachments")
	if err != nil {
		return nil, err
	}
	c := &call{method: http.MethodPost, path: path, query: url.Values{"kind": {string(kind)}}, body: data, contentType: mediaType}
	var out Attachment
	return &out, cl.do(ctx, c, &out, opts...)
}

// Attachments lists the attachments of a report.
func (cl *Client) Attachments(ctx context.Context, k registry.Kind, id string) ([]Attachment, error) {
	path, err := reportPath(k, id, "/attachments")
	if err != nil {
		return nil, err
	}
	var out []Attachment
	return out, cl.do(ctx, &call{method: http.MethodGet, path: path}, &out)
}
