package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/registry"
)

// The outbox: enqueueReport and enqueueDocument run in the transaction of the
// change they announce, so that a change is never committed without its
// event. Each writes the event row and one delivery row per active endpoint
// of the report's partner (two statements; none of them reads back).

const fanOut = `INSERT INTO webhook_deliveries (office, event_id, endpoint_id, next_at, created_at)
	SELECT e.office, ?, e.id, ?, ? FROM webhook_endpoints e
	WHERE e.office = ? AND e.partner_id = (SELECT r.partner_id FROM reports r WHERE r.office = ? AND r.id = ?)
	AND NOT EXISTS (SELECT 1 FROM webhook_endpoint_changes c WHERE c.office = e.office AND c.endpoint_id = e.id AND c.change = 'disable')`

// enqueueReport enqueues the report.status_changed event of action a, which
// left the report in status.
func (s *Store) enqueueReport(ctx context.Context, tx querier, office wilayah.Code, reportID string, a registry.Action, status registry.Status) error {
	id := registry.ReportEventID(office, reportID, a.Seq)
	at := s.t(a.At)
	_, err := s.exec(ctx, tx, `INSERT INTO webhook_events (office, id, partner_id, type, report_id, external_ref, status, occurred_at)
		SELECT office, ?, partner_id, ?, id, external_ref, ?, ? FROM reports WHERE office = ? AND id = ?`,
		id, string(registry.EventReportStatusChanged), status.String(), at, office.Plain(), reportID)
	if err != nil {
		return fmt.Errorf("registry store: webhook event of %q: %w", reportID, err)
	}
	return s.fanOut(ctx, tx, office, reportID, id, at)
}

func (s *Store) fanOut(ctx context.Context, tx querier, office wilayah.Code, reportID, eventID string, at any) error {
	if _, err := s.exec(ctx, tx, fanOut, eventID, at, at, office.Plain(), office.Plain(), reportID); err != nil {
		return fmt.Errorf("registry store: webhook deliveries of %q: %w", reportID, err)
	}
	return nil
}

// enqueueDocument enqueues the document.issued event of d.
func (s *Store) enqueueDocument(ctx context.Context, tx querier, d *registry.Document) error {
	id := registry.DocumentEventID(d.Office, d.ReportID, d.Type, d.Number, d.Version)
	at := s.t(d.IssuedAt)
	_, err := s.exec(ctx, tx, `INSERT INTO webhook_events (office, id, partner_id, type, report_id, external_ref, status, doc_type, doc_number, doc_version, occurred_at)
		SELECT office, ?, partner_id, ?, id, external_ref, ?, ?, ?, ?, ? FROM reports WHERE office = ? AND id = ?`,
		id, string(registry.EventDocumentIssued), string(d.Status), string(d.Type), d.Number, d.Version, at, d.Office.Plain(), d.ReportID)
	if err != nil {
		return fmt.Errorf("registry store: webhook event of document %s: %w", d.Type, err)
	}
	return s.fanOut(ctx, tx, d.Office, d.ReportID, id, at)
}

// AddWebhookEndpoint implements registry.Store.
func (s *Store) AddWebhookEndpoint(ctx context.Context, ep registry.WebhookEndpoint, secret, actor string) error {
	return s.inTx(ctx, func(tx querier) error {
		at := s.t(ep.Created)
		_, err := s.exec(ctx, tx, `INSERT INTO webhook_endpoints (office, id, partner_id, url, created_at, actor) VALUES (?, ?, ?, ?, ?, ?)`,
			ep.Office.Plain(), ep.ID, ep.PartnerID, ep.URL, at, actor)
		if err != nil {
			if s.D.IsUnique(err) {
				return fmt.Errorf("registry store: webhook endpoint %q: %w", ep.ID, registry.ErrConflict)
			}
			return fmt.Errorf("registry store: webhook endpoint %q: %w", ep.ID, err)
		}
		_, err = s.exec(ctx, tx, `INSERT INTO webhook_endpoint_changes (office, endpoint_id, seq, change, secret, actor, at) VALUES (?, ?, 1, 'secret', ?, ?, ?)`,
			ep.Office.Plain(), ep.ID, secret, actor, at)
		if err != nil {
			return fmt.Errorf("registry store: webhook endpoint %q: %w", ep.ID, err)
		}
		return s.audit(ctx, tx, ep.Office, at, actor, "webhook.endpoint.create", ep.ID, "partner="+ep.PartnerID)
	})
}

// nextChange checks that endpoint id exists and is active, and returns the
// number of its next change.
func (s *Store) nextChange(ctx context.Context, tx querier, office wilayah.Code, id string) (int, error) {
	var n, disabled int
	err := s.queryRow(ctx, tx, `SELECT COALESCE(MAX(c.seq), 0), COALESCE(SUM(CASE WHEN c.change = 'disable' THEN 1 ELSE 0 END), 0)
		FROM webhook_endpoint_changes c WHERE c.office = ? AND c.endpoint_id = ?`, office.Plain(), id).Scan(&n, &disabled)
	if err != nil {
		return 0, fmt.Errorf("registry store: webhook endpoint %q: %w", id, err)
	}
	if n == 0 {
		return 0, fmt.Errorf("registry store: webhook endpoint %q in %s: %w", id, office, registry.ErrNotFound)
	}
	if disabled > 0 {
		return 0, fmt.Errorf("registry store: webhook endpoint %q is disabled: %w", id, registry.ErrConflict)
	}
	return n + 1, nil
}

// RotateWebhookSecret implements registry.Store.
func (s *Store) RotateWebhookSecret(ctx context.Context, office wilayah.Code, id, secret string, previousUntil, at time.Time, actor string) error {
	return s.inTx(ctx, func(tx querier) error {
		seq, err := s.nextChange(ctx, tx, office, id)
		if err != nil {
			return err
		}
		_, err = s.exec(ctx, tx, `INSERT INTO webhook_endpoint_changes (office, endpoint_id, seq, change, secret, previous_until, actor, at) VALUES (?, ?, ?, 'secret', ?, ?, ?, ?)`,
			office.Plain(), id, seq, secret, s.t(previousUntil), actor, s.t(at))
		if err != nil {
			if s.D.IsUnique(err) {
				return fmt.Errorf("registry store: webhook endpoint %q changed concurrently: %w", id, registry.ErrConflict)
			}
			return fmt.Errorf("registry store: rotate webhook secret of %q: %w", id, err)
		}
		return s.audit(ctx, tx, office, s.t(at), actor, "webhook.secret.rotate", id, "")
	})
}

// DisableWebhookEndpoint implements registry.Store.
func (s *Store) DisableWebhookEndpoint(ctx context.Context, office wilayah.Code, id, reason string, at time.Time, actor string) error {
	return s.inTx(ctx, func(tx querier) error {
		return s.disable(ctx, tx, office, id, reason, at, actor)
	})
}

func (s *Store) disable(ctx context.Context, tx querier, office wilayah.Code, id, reason string, at time.Time, actor string) error {
	seq, err := s.nextChange(ctx, tx, office, id)
	if err != nil {
		return err
	}
	_, err = s.exec(ctx, tx, `INSERT INTO webhook_endpoint_changes (office, endpoint_id, seq, change, reason, actor, at) VALUES (?, ?, ?, 'disable', ?, ?, ?)`,
		office.Plain(), id, seq, reason, actor, s.t(at))
	if err != nil {
		if s.D.IsUnique(err) {
			return fmt.Errorf("registry store: webhook endpoint %q changed concurrently: %w", id, registry.ErrConflict)
		}
		return fmt.Errorf("registry store: disable webhook endpoint %q: %w", id, err)
	}
	return s.audit(ctx, tx, office, s.t(at), actor, "webhook.endpoint.disable", id, reason)
}

const endpointColumns = `e.id, e.partner_id, e.url, e.created_at,
	(SELECT c.at FROM webhook_endpoint_changes c WHERE c.office = e.office AND c.endpoint_id = e.id AND c.change = 'disable'),
	COALESCE((SELECT c.reason FROM webhook_endpoint_changes c WHERE c.office = e.office AND c.endpoint_id = e.id AND c.change = 'disable'), ''),
	(SELECT MAX(c.at) FROM webhook_endpoint_changes c WHERE c.office = e.office AND c.endpoint_id = e.id AND c.change = 'secret' AND c.seq > 1)`

func scanEndpoint(row rowScanner, office wilayah.Code) (registry.WebhookEndpoint, error) {
	ep := registry.WebhookEndpoint{Office: office}
	var created, disabled, rotated dbTime
	err := row.Scan(&ep.ID, &ep.PartnerID, &ep.URL, &created, &disabled, &ep.DisabledReason, &rotated)
	ep.Created, ep.Disabled, ep.Rotated = created.T, disabled.T, rotated.T
	return ep, err
}

// WebhookEndpoint implements registry.Store.
func (s *Store) WebhookEndpoint(ctx context.Context, office wilayah.Code, id string) (registry.WebhookEndpoint, error) {
	ep, err := scanEndpoint(s.queryRow(ctx, s.R, `SELECT `+endpointColumns+` FROM webhook_endpoints e WHERE e.office = ? AND e.id = ?`,
		office.Plain(), id), office)
	if errors.Is(err, sql.ErrNoRows) {
		return ep, fmt.Errorf("registry store: webhook endpoint %q in %s: %w", id, office, registry.ErrNotFound)
	}
	if err != nil {
		return ep, fmt.Errorf("registry store: webhook endpoint %q: %w", id, err)
	}
	return ep, nil
}

// WebhookEndpoints implements registry.Store.
func (s *Store) WebhookEndpoints(ctx context.Context, office wilayah.Code, partnerID string) ([]registry.WebhookEndpoint, error) {
	rows, err := s.query(ctx, s.R, `SELECT `+endpointColumns+` FROM webhook_endpoints e WHERE e.office = ? AND e.partner_id = ? ORDER BY e.created_at, e.id`,
		office.Plain(), partnerID)
	if err != nil {
		return nil, fmt.Errorf("registry store: webhook endpoints: %w", err)
	}
	defer rows.Close()
	var out []registry.WebhookEndpoint
	for rows.Next() {
		ep, err := scanEndpoint(rows, office)
		if err != nil {
			return nil, fmt.Errorf("registry store: webhook endpoints: %w", err)
		}
		out = append(out, ep)
	}
	return out, rows.Err()
}

// WebhookDeliveries implements registry.Store.
func (s *Store) WebhookDeliveries(ctx context.Context, office wilayah.Code, endpointID string, limit int) ([]registry.WebhookDelivery, error) {
	if limit <= 0 {
		limit = 100
	}
	rows, err := s.query(ctx, s.R, `SELECT d.event_id, v.type, d.state, d.next_at FROM webhook_deliveries d
		JOIN webhook_events v ON v.office = d.office AND v.id = d.event_id
		WHERE d.office = ? AND d.endpoint_id = ? ORDER BY d.created_at DESC, d.event_id DESC LIMIT ?`,
		office.Plain(), endpointID, limit)
	if err != nil {
		return nil, fmt.Errorf("registry store: webhook deliveries: %w", err)
	}
	var out []registry.WebhookDelivery
	for rows.Next() {
		d := registry.WebhookDelivery{Office: office, EndpointID: endpointID}
		var typ string
		var state int
		var next dbTime
		if err := rows.Scan(&d.EventID, &typ, &state, &next); err != nil {
			rows.Close()
			return nil, fmt.Errorf("registry store: webhook deliveries: %w", err)
		}
		d.EventType, d.State = registry.EventType(typ), registry.DeliveryState(state)
		if d.State == registry.DeliveryPending {
			d.NextAt = next.T
		}
		out = append(out, d)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("registry store: webhook deliveries: %w", err)
	}
	for i := range out {
		if out[i].Attempts, err = s.attempts(ctx, office, out[i].EventID, endpointID); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (s *Store) attempts(ctx context.Context, office wilayah.Code, eventID, endpointID string) ([]registry.WebhookAttempt, error) {
	rows, err := s.query(ctx, s.R, `SELECT n, at, status_code, error, duration_us, worker FROM webhook_attempts
		WHERE office = ? AND event_id = ? AND endpoint_id = ? ORDER BY n`, office.Plain(), eventID, endpointID)
	if err != nil {
		return nil, fmt.Errorf("registry store: webhook attempts: %w", err)
	}
	defer rows.Close()
	var out []registry.WebhookAttempt
	for rows.Next() {
		var a registry.WebhookAttempt
		var at dbTime
		var us int64
		if err := rows.Scan(&a.N, &at, &a.StatusCode, &a.Error, &us, &a.Worker); err != nil {
			return nil, fmt.Errorf("registry store: webhook attempts: %w", err)
		}
		a.At, a.Duration = at.T, time.Duration(us)*time.Microsecond
		out = append(out, a)
	}
	return out, rows.Err()
}

// ClaimWebhookDeliveries implements registry.Store. On PostgreSQL the due
// rows are locked with FOR UPDATE SKIP LOCKED, so concurrent workers take
// disjoint sets; on SQLite the claim runs in an immediate transaction of the
// one writer.
func (s *Store) ClaimWebhookDeliveries(ctx context.Context, owner string, now time.Time, lease time.Duration, limit int) ([]registry.WebhookClaim, error) {
	if limit <= 0 {
		limit = 16
	}
	lock := ""
	if s.D.Dollar {
		lock = ` FOR UPDATE OF d SKIP LOCKED`
	}
	var out []registry.WebhookClaim
	err := s.inTx(ctx, func(tx querier) error {
		out = out[:0]
		rows, err := s.query(ctx, tx, `UPDATE webhook_deliveries SET attempts = attempts + 1, lease_owner = ?, next_at = ?
			WHERE (office, event_id, endpoint_id) IN (SELECT d.office, d.event_id, d.endpoint_id FROM webhook_deliveries d
				WHERE d.state = 1 AND d.next_at <= ?
				AND NOT EXISTS (SELECT 1 FROM webhook_endpoint_changes c WHERE c.office = d.office AND c.endpoint_id = d.endpoint_id AND c.change = 'disable')
				ORDER BY d.next_at LIMIT ?`+lock+`)
			RETURNING office, event_id, endpoint_id, attempts`,
			owner, s.t(now.Add(lease)), s.t(now), limit)
		if err != nil {
			return fmt.Errorf("registry store: claim webhook deliveries: %w", err)
		}
		for rows.Next() {
			var c registry.WebhookClaim
			var office string
			if err := rows.Scan(&office, &c.Event.ID, &c.EndpointID, &c.Attempt); err != nil {
				rows.Close()
				return fmt.Errorf("registry store: claim webhook deliveries: %w", err)
			}
			if c.Event.Office, err = wilayah.ParseCode(office); err != nil {
				rows.Close()
				return fmt.Errorf("registry store: claim webhook deliveries: office: %w", err)
			}
			c.Owner = owner
			out = append(out, c)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("registry store: claim webhook deliveries: %w", err)
		}
		for i := range out {
			if err := s.loadClaim(ctx, tx, &out[i], now); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// loadClaim fills the event, URL and secrets of c.
func (s *Store) loadClaim(ctx context.Context, tx querier, c *registry.WebhookClaim, now time.Time) error {
	e := &c.Event
	office := e.Office.Plain()
	var docType, docNumber string
	var docVersion int
	var at dbTime
	var typ string
	err := s.queryRow(ctx, tx, `SELECT v.partner_id, v.type, v.report_id, v.external_ref, v.status, v.doc_type, v.doc_number, v.doc_version, v.occurred_at, p.url
		FROM webhook_events v JOIN webhook_endpoints p ON p.office = v.office AND p.id = ? WHERE v.office = ? AND v.id = ?`,
		c.EndpointID, office, e.ID).Scan(&e.PartnerID, &typ, &e.ReportID, &e.ExternalRef, &e.Status, &docType, &docNumber, &docVersion, &at, &c.URL)
	if err != nil {
		return fmt.Errorf("registry store: webhook event %s: %w", e.ID, err)
	}
	e.Type, e.At = registry.EventType(typ), at.T
	if docType != "" {
		e.Document = &registry.DocumentRef{Type: registry.DocType(docType), Number: docNumber, Version: docVersion, Status: registry.DocStatus(e.Status)}
	}
	rows, err := s.query(ctx, tx, `SELECT secret, previous_until FROM webhook_endpoint_changes
		WHERE office = ? AND endpoint_id = ? AND change = 'secret' ORDER BY seq DESC`, office, c.EndpointID)
	if err != nil {
		return fmt.Errorf("registry store: webhook secrets: %w", err)
	}
	defer rows.Close()
	// Newest first: a secret signs while it is the newest or while the
	// rotation that followed it is in its overlap.
	var until time.Time
	for first := true; rows.Next(); first = false {
		var secret string
		var prev dbTime
		if err := rows.Scan(&secret, &prev); err != nil {
			return fmt.Errorf("registry store: webhook secrets: %w", err)
		}
		if first || until.After(now) {
			c.Secrets = append(c.Secrets, secret)
		}
		if first || prev.T.Before(until) {
			until = prev.T
		}
	}
	return rows.Err()
}

// FinishWebhookAttempt implements registry.Store.
func (s *Store) FinishWebhookAttempt(ctx context.Context, c *registry.WebhookClaim, r registry.WebhookResult) error {
	if !r.State.IsValid() {
		return fmt.Errorf("registry store: finish webhook attempt: invalid state %d", int(r.State))
	}
	next := r.NextAt
	if r.State != registry.DeliveryPending || next.IsZero() {
		next = r.Attempt.At
	}
	e := &c.Event
	return s.inTx(ctx, func(tx querier) error {
		res, err := s.exec(ctx, tx, `UPDATE webhook_deliveries SET state = ?, next_at = ?, lease_owner = ''
			WHERE office = ? AND event_id = ? AND endpoint_id = ? AND state = 1 AND lease_owner = ? AND attempts = ?`,
			int(r.State), s.t(next), e.Office.Plain(), e.ID, c.EndpointID, c.Owner, c.Attempt)
		if err != nil {
			return fmt.Errorf("registry store: finish webhook attempt: %w", err)
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			return fmt.Errorf("registry store: webhook delivery %s to %q: lease of attempt %d lost: %w", e.ID, c.EndpointID, c.Attempt, registry.ErrConflict)
		}
		a := &r.Attempt
		_, err = s.exec(ctx, tx, `INSERT INTO webhook_attempts (office, event_id, endpoint_id, n, at, status_code, error, duration_us, worker) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			e.Office.Plain(), e.ID, c.EndpointID, c.Attempt, s.t(a.At), a.StatusCode, a.Error, a.Duration.Microseconds(), c.Owner)
		if err != nil {
			if s.D.IsUnique(err) {
				return fmt.Errorf("registry store: webhook attempt %d of %s: %w", c.Attempt, e.ID, registry.ErrConflict)
			}
			return fmt.Errorf("registry store: webhook attempt: %w", err)
		}
		if r.Disable {
			err := s.disable(ctx, tx, e.Office, c.EndpointID, fmt.Sprintf("the receiver answered %d", a.StatusCode), a.At, "webhook-worker:"+c.Owner)
			if err != nil && !errors.Is(err, registry.ErrConflict) {
				return err
			}
		}
		return nil
	})
}
