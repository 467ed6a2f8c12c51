package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/partnership"
	"github.com/adminduk-id/adminduk/registry"
)

// AddAttachment implements registry.Store.
func (s *Store) AddAttachment(ctx context.Context, a *registry.AttachmentFile) error {
	office := a.Office.Plain()
	return s.inTx(ctx, func(tx querier) error {
		var n int
		if err := s.queryRow(ctx, tx, `SELECT COUNT(*) FROM reports WHERE office = ? AND id = ?`, office, a.ReportID).Scan(&n); err != nil {
			return fmt.Errorf("registry store: attachment of %q: %w", a.ReportID, err)
		}
		if n == 0 {
			return fmt.Errorf("registry store: report %q in %s: %w", a.ReportID, a.Office, registry.ErrNotFound)
		}
		var seq int
		if err := s.queryRow(ctx, tx, `SELECT COALESCE(MAX(seq), 0) + 1 FROM attachments WHERE office = ? AND report_id = ?`,
			office, a.ReportID).Scan(&seq); err != nil {
			return fmt.Errorf("registry store: attachment of %q: %w", a.ReportID, err)
		}
		at := s.t(a.CreatedAt)
		_, err := s.exec(ctx, tx, `INSERT INTO attachments (office, report_id, seq, kind, media_type, size, sha256, data, created_at, created_by)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			office, a.ReportID, seq, string(a.Kind), a.MediaType, a.Size, a.SHA256, a.Data, at, a.CreatedBy)
		if err != nil {
			if s.D.IsUnique(err) {
				return fmt.Errorf("registry store: attachment %d of %q: %w", seq, a.ReportID, registry.ErrConflict)
			}
			return fmt.Errorf("registry store: attachment of %q: %w", a.ReportID, err)
		}
		a.Seq = seq
		return s.audit(ctx, tx, a.Office, at, a.CreatedBy, "attachment.add", a.ReportID, fmt.Sprintf("%d %s %s %s", seq, a.Kind, a.MediaType, a.SHA256))
	})
}

// Attachments implements registry.Store.
func (s *Store) Attachments(ctx context.Context, office wilayah.Code, reportID string, withData bool) ([]registry.AttachmentFile, error) {
	data := `NULL`
	if withData {
		data = `data`
	}
	rows, err := s.query(ctx, s.R, `SELECT seq, kind, media_type, size, sha256, `+data+`, created_at, created_by
		FROM attachments WHERE office = ? AND report_id = ? ORDER BY seq`, office.Plain(), reportID)
	if err != nil {
		return nil, fmt.Errorf("registry store: attachments of %q: %w", reportID, err)
	}
	defer rows.Close()
	var out []registry.AttachmentFile
	for rows.Next() {
		a := registry.AttachmentFile{Office: office, ReportID: reportID}
		var kind string
		var at dbTime
		if err := rows.Scan(&a.Seq, &kind, &a.MediaType, &a.Size, &a.SHA256, &a.Data, &at, &a.CreatedBy); err != nil {
			return nil, fmt.Errorf("registry store: attachments of %q: %w", reportID, err)
		}
		a.Kind, a.CreatedAt = registry.AttachmentKind(kind), at.T
		out = append(out, a)
	}
	return out, rows.Err()
}

// BeginRequest implements registry.Store.
func (s *Store) BeginRequest(ctx context.Context, office wilayah.Code, caller, key, hash string, at time.Time) (bool, string, *registry.StoredResponse, error) {
	var begun bool
	var prev string
	var resp *registry.StoredResponse
	err := s.inTx(ctx, func(tx querier) error {
		res, err := s.exec(ctx, tx, `INSERT INTO http_requests (office, caller, key, request_hash, started_at) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (office, caller, key) DO NOTHING`, office.Plain(), caller, key, hash, s.t(at))
		if err != nil {
			return fmt.Errorf("registry store: begin request: %w", err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return fmt.Errorf("registry store: begin request: %w", err)
		} else if n == 1 {
			begun = true
			return nil
		}
		var started dbTime
		if err := s.queryRow(ctx, tx, `SELECT request_hash, started_at FROM http_requests WHERE office = ? AND caller = ? AND key = ?`,
			office.Plain(), caller, key).Scan(&prev, &started); err != nil {
			return fmt.Errorf("registry store: begin request: %w", err)
		}
		var r registry.StoredResponse
		var fin dbTime
		err = s.queryRow(ctx, tx, `SELECT status, content_type, body, finished_at FROM http_responses WHERE office = ? AND caller = ? AND key = ?`,
			office.Plain(), caller, key).Scan(&r.Status, &r.ContentType, &r.Body, &fin)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			// No response: in flight, or cut off by a crash long ago.
			begun = prev == hash && at.Sub(started.T) > registry.AbandonedRequestAfter
			return nil
		case err != nil:
			return fmt.Errorf("registry store: begin request: %w", err)
		}
		r.At = fin.T
		resp = &r
		return nil
	})
	return begun, prev, resp, err
}

// FinishRequest implements registry.Store.
func (s *Store) FinishRequest(ctx context.Context, office wilayah.Code, caller, key string, r registry.StoredResponse) error {
	return s.inTx(ctx, func(tx querier) error {
		body := r.Body
		if body == nil {
			body = []byte{}
		}
		_, err := s.exec(ctx, tx, `INSERT INTO http_responses (office, caller, key, status, content_type, body, finished_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			office.Plain(), caller, key, r.Status, r.ContentType, body, s.t(r.At))
		if err != nil {
			if s.D.IsUnique(err) {
				return fmt.Errorf("registry store: request %q already finished: %w", key, registry.ErrConflict)
			}
			return fmt.Errorf("registry store: finish request: %w", err)
		}
		return nil
	})
}

// DocumentVersions implements registry.Store.
func (s *Store) DocumentVersions(ctx context.Context, office wilayah.Code, t registry.DocType, number string) ([]registry.Document, error) {
	rows, err := s.query(ctx, s.R, `SELECT d.version, `+stateOf+`, d.payload, d.issued_at, `+changedOf+`, d.report_id
		FROM documents d WHERE d.office = ? AND d.type = ? AND d.number = ? ORDER BY d.version`,
		office.Plain(), string(t), number)
	if err != nil {
		return nil, fmt.Errorf("registry store: document %s: %w", t, err)
	}
	defer rows.Close()
	var out []registry.Document
	for rows.Next() {
		d := registry.Document{Office: office, Type: t, Number: number}
		var st string
		var issued, changed dbTime
		if err := rows.Scan(&d.Version, &st, &d.Payload, &issued, &changed, &d.ReportID); err != nil {
			return nil, fmt.Errorf("registry store: document %s: %w", t, err)
		}
		d.Status, d.IssuedAt, d.ChangedAt = registry.DocStatus(st), issued.T, changed.T
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("registry store: document %s: %w", t, err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("registry store: document %s %q in %s: %w", t, number, office, registry.ErrNotFound)
	}
	return out, nil
}

// OfficeAgreements implements registry.Store.
func (s *Store) OfficeAgreements(ctx context.Context, office wilayah.Code) ([]partnership.Agreement, error) {
	rows, err := s.query(ctx, s.R, `SELECT body FROM agreements WHERE office = ? ORDER BY id`, office.Plain())
	if err != nil {
		return nil, fmt.Errorf("registry store: agreements of %s: %w", office, err)
	}
	defer rows.Close()
	var out []partnership.Agreement
	for rows.Next() {
		var body string
		if err := rows.Scan(&body); err != nil {
			return nil, fmt.Errorf("registry store: agreements of %s: %w", office, err)
		}
		var a partnership.Agreement
		if err := json.Unmarshal([]byte(body), &a); err != nil {
			return nil, fmt.Errorf("registry store: agreement in %s: %w", office, err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// CountReports implements registry.Store.
func (s *Store) CountReports(ctx context.Context, office wilayah.Code) ([]registry.ReportCount, error) {
	q := `SELECT kind, status, COUNT(*) FROM reports WHERE office = ? GROUP BY kind, status ORDER BY kind, status`
	if s.D.CountTable {
		q = `SELECT kind, status, n FROM report_counts WHERE office = ? AND n > 0 ORDER BY kind, status`
	}
	rows, err := s.query(ctx, s.R, q, office.Plain())
	if err != nil {
		return nil, fmt.Errorf("registry store: count reports: %w", err)
	}
	defer rows.Close()
	var out []registry.ReportCount
	for rows.Next() {
		var c registry.ReportCount
		var kind, status int
		if err := rows.Scan(&kind, &status, &c.N); err != nil {
			return nil, fmt.Errorf("registry store: count reports: %w", err)
		}
		c.Kind, c.Status = registry.Kind(kind), registry.Status(status)
		out = append(out, c)
	}
	return out, rows.Err()
}
