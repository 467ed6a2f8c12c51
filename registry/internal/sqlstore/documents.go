package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/registry"
)

// insertDocuments stores the version rows of docs, in the state they are
// issued in, in tx, and enqueues their document.issued webhook events.
func (s *Store) insertDocuments(ctx context.Context, tx querier, docs []registry.Document) error {
	for i := range docs {
		d := &docs[i]
		_, err := s.exec(ctx, tx, `INSERT INTO documents (office, type, number, version, report_id, status, payload, issued_at, model) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			d.Office.Plain(), string(d.Type), d.Number, d.Version, d.ReportID, string(d.Status), d.Payload, s.t(d.IssuedAt), string(d.Model))
		if err != nil {
			if s.D.IsUnique(err) {
				return fmt.Errorf("registry store: document %s %s version %d: %w", d.Type, d.Number, d.Version, registry.ErrConflict)
			}
			return fmt.Errorf("registry store: document %s: %w", d.Type, err)
		}
		if err := s.enqueueDocument(ctx, tx, d); err != nil {
			return err
		}
	}
	return nil
}

// stateOf is the current state of version d: its last change, else the
// state it was issued in; changedOf is when that state began.
const stateOf = `COALESCE((SELECT st.status FROM document_states st WHERE st.office = d.office AND st.type = d.type
	AND st.number = d.number AND st.version = d.version ORDER BY st.seq DESC LIMIT 1), d.status)`

const changedOf = `COALESCE((SELECT st.changed_at FROM document_states st WHERE st.office = d.office AND st.type = d.type
	AND st.number = d.number AND st.version = d.version ORDER BY st.seq DESC LIMIT 1), d.issued_at)`

// Documents implements registry.Store.
func (s *Store) Documents(ctx context.Context, office wilayah.Code, reportID string) ([]registry.Document, error) {
	rows, err := s.query(ctx, s.R, `SELECT d.type, d.number, d.version, `+stateOf+`, d.payload, d.issued_at, `+changedOf+`, d.model
		FROM documents d WHERE d.office = ? AND d.report_id = ? ORDER BY d.issued_at, d.type, d.number, d.version`,
		office.Plain(), reportID)
	if err != nil {
		return nil, fmt.Errorf("registry store: documents of %q: %w", reportID, err)
	}
	defer rows.Close()
	var out []registry.Document
	for rows.Next() {
		d := registry.Document{Office: office, ReportID: reportID}
		var typ, st, model string
		var issued, changed dbTime
		if err := rows.Scan(&typ, &d.Number, &d.Version, &st, &d.Payload, &issued, &changed, &model); err != nil {
			return nil, fmt.Errorf("registry store: documents of %q: %w", reportID, err)
		}
		d.Type, d.Status, d.IssuedAt, d.ChangedAt = registry.DocType(typ), registry.DocStatus(st), issued.T, changed.T
		if model != "" {
			d.Model = json.RawMessage(model)
		}
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("registry store: documents of %q: %w", reportID, err)
	}
	return out, nil
}

// DocumentStatus implements registry.Store.
func (s *Store) DocumentStatus(ctx context.Context, office wilayah.Code, typ registry.DocType, number string, version int) (registry.DocumentStatus, error) {
	out := registry.DocumentStatus{Type: typ, Number: number}
	err := s.queryRow(ctx, s.R, `SELECT MAX(d.version) FROM documents d WHERE d.office = ? AND d.type = ? AND d.number = ?`,
		office.Plain(), string(typ), number).Scan(&nullInt{&out.CurrentVersion})
	if err != nil {
		return out, fmt.Errorf("registry store: document %s: %w", typ, err)
	}
	if out.CurrentVersion == 0 {
		return out, fmt.Errorf("registry store: document %s %q in %s: %w", typ, number, office, registry.ErrNotFound)
	}
	if version == 0 {
		version = out.CurrentVersion
	}
	out.Version = version
	var st string
	var changed dbTime
	err = s.queryRow(ctx, s.R, `SELECT `+stateOf+`, `+changedOf+` FROM documents d WHERE d.office = ? AND d.type = ? AND d.number = ? AND d.version = ?`,
		office.Plain(), string(typ), number, version).Scan(&st, &changed)
	if errors.Is(err, sql.ErrNoRows) {
		return out, fmt.Errorf("registry store: document %s %q version %d in %s: %w", typ, number, version, office, registry.ErrNotFound)
	}
	if err != nil {
		return out, fmt.Errorf("registry store: document %s: %w", typ, err)
	}
	out.Status, out.ChangedAt = registry.DocStatus(st), changed.T
	return out, nil
}

// nullInt scans an integer that may be NULL (0).
type nullInt struct{ p *int }

func (n *nullInt) Scan(src any) error {
	var v sql.NullInt64
	if err := v.Scan(src); err != nil {
		return err
	}
	*n.p = int(v.Int64)
	return nil
}

// HandOver implements registry.Store.
func (s *Store) HandOver(ctx context.Context, office wilayah.Code, reportID string, a registry.Action, status registry.Status, h registry.HandOver) error {
	docs, err := json.Marshal(h.Documents)
	if err != nil {
		return fmt.Errorf("registry store: hand-over: %w", err)
	}
	return s.inTx(ctx, func(tx querier) error {
		if err := s.appendAction(ctx, tx, office, reportID, a, status); err != nil {
			return err
		}
		_, err := s.exec(ctx, tx, `INSERT INTO handovers (office, report_id, seq, receiver, relation, documents, at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			office.Plain(), reportID, a.Seq, h.Receiver, h.Relation, string(docs), s.t(h.At))
		if err != nil {
			return fmt.Errorf("registry store: hand-over of %q: %w", reportID, err)
		}
		return s.audit(ctx, tx, office, s.t(h.At), a.Actor, "handover.create", reportID, fmt.Sprintf("%d documents to %s", len(h.Documents), h.Relation))
	})
}

// HandOvers implements registry.Store.
func (s *Store) HandOvers(ctx context.Context, office wilayah.Code, reportID string) ([]registry.HandOver, error) {
	rows, err := s.query(ctx, s.R, `SELECT h.receiver, h.relation, h.documents, h.at, a.actor FROM handovers h
		JOIN actions a ON a.office = h.office AND a.report_id = h.report_id AND a.seq = h.seq
		WHERE h.office = ? AND h.report_id = ? ORDER BY h.seq`, office.Plain(), reportID)
	if err != nil {
		return nil, fmt.Errorf("registry store: hand-overs of %q: %w", reportID, err)
	}
	defer rows.Close()
	var out []registry.HandOver
	for rows.Next() {
		var h registry.HandOver
		var docs string
		var at dbTime
		if err := rows.Scan(&h.Receiver, &h.Relation, &docs, &at, &h.Actor); err != nil {
			return nil, fmt.Errorf("registry store: hand-overs of %q: %w", reportID, err)
		}
		if err := json.Unmarshal([]byte(docs), &h.Documents); err != nil {
			return nil, fmt.Errorf("registry store: hand-overs of %q: %w", reportID, err)
		}
		h.At = at.T
		out = append(out, h)
	}
	return out, rows.Err()
}
