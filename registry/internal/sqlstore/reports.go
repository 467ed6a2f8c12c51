package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/partnership"
	"github.com/adminduk-id/adminduk/registry"
)

type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

func (s *Store) audit(ctx context.Context, tx querier, office wilayah.Code, at any, actor, action, record, detail string) error {
	_, err := s.exec(ctx, tx, (`INSERT INTO audit (office, at, actor, action, record, detail) VALUES (?, ?, ?, ?, ?, ?)`),
		office.Plain(), at, actor, action, record, detail)
	if err != nil {
		return fmt.Errorf("registry store: audit: %w", err)
	}
	return nil
}

// PutAgreement implements registry.Store.
func (s *Store) PutAgreement(ctx context.Context, a *partnership.Agreement, actor string) error {
	if a.ID == "" || a.Partner.ID == "" {
		return fmt.Errorf("registry store: agreement without ID or partner ID: %w", registry.ErrConflict)
	}
	office := a.Partner.CurrentDistrict().Regency()
	if !office.IsValid() {
		return fmt.Errorf("registry store: agreement %q: partner has no kab/kota: %w", a.ID, registry.ErrConflict)
	}
	body, err := json.Marshal(a)
	if err != nil {
		return fmt.Errorf("registry store: agreement %q: %w", a.ID, err)
	}
	return s.inTx(ctx, func(tx querier) error {
		now := s.t(timeNow())
		_, err := s.exec(ctx, tx, (`INSERT INTO agreements (office, id, partner_id, body, updated_at) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (office, id) DO UPDATE SET partner_id = excluded.partner_id, body = excluded.body, updated_at = excluded.updated_at`),
			office.Plain(), a.ID, a.Partner.ID, string(body), now)
		if err != nil {
			return fmt.Errorf("registry store: put agreement %q: %w", a.ID, err)
		}
		return s.audit(ctx, tx, office, now, actor, "agreement.put", a.ID, a.State.String())
	})
}

// Agreements implements registry.Store.
func (s *Store) Agreements(ctx context.Context, partnerID string) ([]partnership.Agreement, error) {
	rows, err := s.query(ctx, s.R, (`SELECT body FROM agreements WHERE partner_id = ? ORDER BY id`), partnerID)
	if err != nil {
		return nil, fmt.Errorf("registry store: agreements: %w", err)
	}
	defer rows.Close()
	var out []partnership.Agreement
	for rows.Next() {
		var body string
		if err := rows.Scan(&body); err != nil {
			return nil, fmt.Errorf("registry store: agreements: %w", err)
		}
		var a partnership.Agreement
		if err := json.Unmarshal([]byte(body), &a); err != nil {
			return nil, fmt.Errorf("registry store: agreement of %q: %w", partnerID, err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// CreateReport implements registry.Store.
func (s *Store) CreateReport(ctx context.Context, r *registry.Report, keys []registry.SubjectKey, key string) (registry.Report, bool, error) {
	if len(r.Actions) != 1 || r.Actions[0].Seq != 1 {
		return registry.Report{}, false, errors.New("registry store: a new report has exactly its first action")
	}
	for attempt := 0; ; attempt++ {
		out, created, err := s.createOnce(ctx, r, keys, key)
		if err != nil && s.D.IsUnique(err) {
			// Another transaction took the key, the reference or the ID
			// between our look-up and our insert: look again.
			if attempt < 3 {
				continue
			}
			return registry.Report{}, false, fmt.Errorf("registry store: create report: %w: %w", registry.ErrConflict, err)
		}
		return out, created, err
	}
}

func (s *Store) createOnce(ctx context.Context, r *registry.Report, keys []registry.SubjectKey, key string) (out registry.Report, created bool, err error) {
	office := r.Office.Plain()
	err = s.inTx(ctx, func(tx querier) error {
		if key != "" {
			var hash, id string
			err := s.queryRow(ctx, tx, (`SELECT body_hash, report_id FROM idempotency_keys WHERE office = ? AND partner_id = ? AND key = ?`),
				office, r.PartnerID, key).Scan(&hash, &id)
			switch {
			case err == nil:
				if hash != r.BodyHash {
					return &registry.ConflictError{PartnerID: r.PartnerID, Field: "idempotency_key", Value: key, ReportID: id}
				}
				out, err = s.load(ctx, tx, r.Office, id)
				return err
			case !errors.Is(err, sql.ErrNoRows):
				return fmt.Errorf("registry store: idempotency key: %w", err)
			}
		}
		if r.ExternalRef != "" {
			var hash, id string
			// "external_ref <> ''" lets the partial unique index serve: without
			// it SQLite (and a generic PostgreSQL plan) scans every report.
			err := s.queryRow(ctx, tx, (`SELECT body_hash, id FROM reports WHERE office = ? AND partner_id = ? AND external_ref = ? AND external_ref <> ''`),
				office, r.PartnerID, r.ExternalRef).Scan(&hash, &id)
			switch {
			case err == nil:
				if hash != r.BodyHash {
					return &registry.ConflictError{PartnerID: r.PartnerID, Field: "external_ref", Value: r.ExternalRef, ReportID: id}
				}
				if key != "" {
					if err := s.putKey(ctx, tx, r, key, id); err != nil {
						return err
					}
				}
				out, err = s.load(ctx, tx, r.Office, id)
				return err
			case !errors.Is(err, sql.ErrNoRows):
				return fmt.Errorf("registry store: external_ref: %w", err)
			}
		}
		created = true
		at := s.t(r.Created)
		_, err := s.exec(ctx, tx, (`INSERT INTO reports (office, id, kind, partner_id, agreement_id, external_ref, body, body_hash, flags, status, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
			office, r.ID, int(r.Kind), r.PartnerID, r.AgreementID, r.ExternalRef, string(r.Body), r.BodyHash, int(r.Flags), int(r.Status), at)
		if err != nil {
			return err // a unique violation is retried by the caller
		}
		if err := s.insertAction(ctx, tx, r.Office, r.ID, r.Actions[0]); err != nil {
			return err
		}
		if err := s.insertKeys(ctx, tx, r.Office, keys, 1); err != nil {
			return err
		}
		if err := s.enqueueReport(ctx, tx, r.Office, r.ID, r.Actions[0], r.Status); err != nil {
			return err
		}
		if key != "" {
			if err := s.putKey(ctx, tx, r, key, r.ID); err != nil {
				return err
			}
		}
		if err := s.audit(ctx, tx, r.Office, at, r.Actions[0].Actor, "report.create", r.ID, r.Kind.String()); err != nil {
			return err
		}
		out = *r
		out.Actions = append([]registry.Action(nil), r.Actions...)
		return nil
	})
	return out, created, err
}

func (s *Store) putKey(ctx context.Context, tx querier, r *registry.Report, key, id string) error {
	_, err := s.exec(ctx, tx, (`INSERT INTO idempotency_keys (office, partner_id, key, body_hash, report_id, created_at) VALUES (?, ?, ?, ?, ?, ?)`),
		r.Office.Plain(), r.PartnerID, key, r.BodyHash, id, s.t(r.Created))
	return err
}

func (s *Store) insertAction(ctx context.Context, tx querier, office wilayah.Code, id string, a registry.Action) error {
	_, err := s.exec(ctx, tx, (`INSERT INTO actions (office, report_id, seq, type, actor, at, reason) VALUES (?, ?, ?, ?, ?, ?, ?)`),
		office.Plain(), id, a.Seq, int(a.Type), a.Actor, s.t(a.At), a.Reason)
	return err
}

const reportColumns = `office, id, kind, partner_id, agreement_id, external_ref, body, body_hash, flags, status, created_at`

func scanReport(row interface{ Scan(...any) error }) (registry.Report, error) {
	var r registry.Report
	var office, body string
	var kind, flags, status int
	var created dbTime
	if err := row.Scan(&office, &r.ID, &kind, &r.PartnerID, &r.AgreementID, &r.ExternalRef, &body, &r.BodyHash, &flags, &status, &created); err != nil {
		return r, err
	}
	code, err := wilayah.ParseCode(office)
	if err != nil {
		return r, fmt.Errorf("registry store: report %q: office: %w", r.ID, err)
	}
	r.Office, r.Kind, r.Flags, r.Status, r.Created = code, registry.Kind(kind), registry.Flags(flags), registry.Status(status), created.T
	r.Body = json.RawMessage(body)
	return r, nil
}

func (s *Store) load(ctx context.Context, q querier, office wilayah.Code, id string) (registry.Report, error) {
	r, err := scanReport(s.queryRow(ctx, q, (`SELECT ` + reportColumns + ` FROM reports WHERE office = ? AND id = ?`), office.Plain(), id))
	if errors.Is(err, sql.ErrNoRows) {
		return r, fmt.Errorf("registry store: report %q in %s: %w", id, office, registry.ErrNotFound)
	}
	if err != nil {
		return r, fmt.Errorf("registry store: report %q: %w", id, err)
	}
	rows, err := s.query(ctx, q, (`SELECT seq, type, actor, at, reason FROM actions WHERE office = ? AND report_id = ? ORDER BY seq`), office.Plain(), id)
	if err != nil {
		return r, fmt.Errorf("registry store: actions of %q: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var a registry.Action
		var typ int
		var at dbTime
		if err := rows.Scan(&a.Seq, &typ, &a.Actor, &at, &a.Reason); err != nil {
			return r, fmt.Errorf("registry store: actions of %q: %w", id, err)
		}
		a.Type, a.At = registry.ActionType(typ), at.T
		r.Actions = append(r.Actions, a)
	}
	return r, rows.Err()
}

// Report implements registry.Store.
func (s *Store) Report(ctx context.Context, office wilayah.Code, id string) (registry.Report, error) {
	return s.load(ctx, s.R, office, id)
}

// Reports implements registry.Store.
func (s *Store) Reports(ctx context.Context, f registry.Filter) ([]registry.Report, error) {
	where := []string{"office = ?"}
	args := []any{f.Office.Plain()}
	if f.Kind != 0 {
		where, args = append(where, "kind = ?"), append(args, int(f.Kind))
	}
	if f.Status != 0 {
		where, args = append(where, "status = ?"), append(args, int(f.Status))
	}
	if f.PartnerID != "" {
		where, args = append(where, "partner_id = ?"), append(args, f.PartnerID)
	}
	if f.Flags != 0 {
		// Inlined (a number, never text of the caller) so that the partial
		// indexes of the flagged reports (migration 00011) can serve: a bound
		// parameter does not imply an index's condition.
		fl := strconv.Itoa(int(f.Flags))
		where = append(where, "(flags & "+fl+") = "+fl)
	}
	if f.ExternalRef != "" {
		where, args = append(where, "external_ref = ?"), append(args, f.ExternalRef)
	}
	if !f.From.IsZero() {
		where, args = append(where, "created_at >= ?"), append(args, s.t(f.From))
	}
	if !f.To.IsZero() {
		where, args = append(where, "created_at < ?"), append(args, s.t(f.To))
	}
	if f.After.ID != "" {
		where = append(where, "(created_at < ? OR (created_at = ? AND id < ?))")
		args = append(args, s.t(f.After.Created), s.t(f.After.Created), f.After.ID)
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 100
	}
	args = append(args, limit, max(f.Offset, 0))
	rows, err := s.query(ctx, s.R, (`SELECT ` + reportColumns + ` FROM reports WHERE ` + strings.Join(where, " AND ") +
		` ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`), args...)
	if err != nil {
		return nil, fmt.Errorf("registry store: reports: %w", err)
	}
	defer rows.Close()
	var out []registry.Report
	for rows.Next() {
		r, err := scanReport(rows)
		if err != nil {
			return nil, fmt.Errorf("registry store: reports: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// AppendAction implements registry.Store.
func (s *Store) AppendAction(ctx context.Context, office wilayah.Code, id string, a registry.Action, status registry.Status) error {
	return s.inTx(ctx, func(tx querier) error {
		return s.appendAction(ctx, tx, office, id, a, status)
	})
}

func (s *Store) appendAction(ctx context.Context, tx querier, office wilayah.Code, id string, a registry.Action, status registry.Status) error {
	res, err := s.exec(ctx, tx, (`UPDATE reports SET status = ? WHERE office = ? AND id = ?`), int(status), office.Plain(), id)
	if err != nil {
		return fmt.Errorf("registry store: report %q: %w", id, err)
	}
	if n, err := res.RowsAffected(); err != nil || n != 1 {
		return fmt.Errorf("registry store: report %q in %s: %w", id, office, registry.ErrNotFound)
	}
	if err := s.insertAction(ctx, tx, office, id, a); err != nil {
		if s.D.IsUnique(err) {
			return fmt.Errorf("registry store: report %q: action %d already taken: %w", id, a.Seq, registry.ErrConflict)
		}
		return fmt.Errorf("registry store: report %q: %w", id, err)
	}
	if err := s.enqueueReport(ctx, tx, office, id, a, status); err != nil {
		return err
	}
	return s.audit(ctx, tx, office, s.t(a.At), a.Actor, "action."+a.Type.String(), id, a.Reason)
}

// Audit implements registry.Store.
func (s *Store) Audit(ctx context.Context, office wilayah.Code, record string) ([]registry.AuditEntry, error) {
	rows, err := s.query(ctx, s.R, (`SELECT seq, at, actor, action, record, detail FROM audit WHERE office = ? AND record = ? ORDER BY seq`),
		office.Plain(), record)
	if err != nil {
		return nil, fmt.Errorf("registry store: audit: %w", err)
	}
	defer rows.Close()
	var out []registry.AuditEntry
	for rows.Next() {
		e := registry.AuditEntry{Office: office}
		var at dbTime
		if err := rows.Scan(&e.Seq, &at, &e.Actor, &e.Action, &e.Record, &e.Detail); err != nil {
			return nil, fmt.Errorf("registry store: audit: %w", err)
		}
		e.At = at.T
		out = append(out, e)
	}
	return out, rows.Err()
}
