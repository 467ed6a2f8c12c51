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

// Document implements registry.Store.
func (s *Store) Document(ctx context.Context, office wilayah.Code, typ registry.DocType, number string, version int) (registry.Document, error) {
	return s.document(ctx, s.R, office, typ, number, version)
}

func (s *Store) document(ctx context.Context, q querier, office wilayah.Code, typ registry.DocType, number string, version int) (registry.Document, error) {
	d := registry.Document{Office: office, Type: typ, Number: number}
	query := `SELECT d.version, ` + stateOf + `, d.payload, d.issued_at, ` + changedOf + `, d.model, d.report_id
		FROM documents d WHERE d.office = ? AND d.type = ? AND d.number = ?`
	args := []any{office.Plain(), string(typ), number}
	if version == 0 {
		query += ` ORDER BY d.version DESC LIMIT 1`
	} else {
		query += ` AND d.version = ?`
		args = append(args, version)
	}
	var st, model string
	var issued, changed dbTime
	err := s.queryRow(ctx, q, query, args...).Scan(&d.Version, &st, &d.Payload, &issued, &changed, &model, &d.ReportID)
	if errors.Is(err, sql.ErrNoRows) {
		return d, fmt.Errorf("registry store: document %s %q version %d in %s: %w", typ, number, version, office, registry.ErrNotFound)
	}
	if err != nil {
		return d, fmt.Errorf("registry store: document %s: %w", typ, err)
	}
	d.Status, d.IssuedAt, d.ChangedAt = registry.DocStatus(st), issued.T, changed.T
	if model != "" {
		d.Model = json.RawMessage(model)
	}
	return d, nil
}

// ChangeDocuments implements registry.Store.
func (s *Store) ChangeDocuments(ctx context.Context, ch registry.DocumentChange) error {
	return s.inTx(ctx, func(tx querier) error {
		if err := s.appendAction(ctx, tx, ch.Office, ch.ReportID, ch.Action, ch.Status); err != nil {
			return err
		}
		for _, st := range ch.States {
			cur, err := s.document(ctx, tx, ch.Office, st.Type, st.Number, st.Version)
			if err != nil {
				return err
			}
			if cur.Status != registry.DocActive {
				return fmt.Errorf("registry store: document %s %q version %d is %s: %w", st.Type, st.Number, st.Version, cur.Status, registry.ErrConflict)
			}
			var seq int
			err = s.queryRow(ctx, tx, `SELECT MAX(seq) FROM document_states WHERE office = ? AND type = ? AND number = ? AND version = ?`,
				ch.Office.Plain(), string(st.Type), st.Number, st.Version).Scan(&nullInt{&seq})
			if err != nil {
				return fmt.Errorf("registry store: document state: %w", err)
			}
			_, err = s.exec(ctx, tx, `INSERT INTO document_states (office, type, number, version, seq, status, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
				ch.Office.Plain(), string(st.Type), st.Number, st.Version, seq+1, string(st.Status), s.t(ch.At))
			if err != nil {
				if s.D.IsUnique(err) {
					return fmt.Errorf("registry store: document %s %q version %d: %w", st.Type, st.Number, st.Version, registry.ErrConflict)
				}
				return fmt.Errorf("registry store: document state: %w", err)
			}
		}
		for i := range ch.New {
			d := &ch.New[i]
			var last int
			err := s.queryRow(ctx, tx, `SELECT MAX(d.version) FROM documents d WHERE d.office = ? AND d.type = ? AND d.number = ?`,
				ch.Office.Plain(), string(d.Type), d.Number).Scan(&nullInt{&last})
			if err != nil {
				return fmt.Errorf("registry store: document %s: %w", d.Type, err)
			}
			if d.Version != last+1 || d.ReportID != ch.ReportID || d.Office != ch.Office {
				return fmt.Errorf("registry store: document %s %q version %d is not the next version (%d) of report %q: %w",
					d.Type, d.Number, d.Version, last+1, ch.ReportID, registry.ErrConflict)
			}
		}
		if err := s.insertDocuments(ctx, tx, ch.New); err != nil {
			return err
		}
		return s.audit(ctx, tx, ch.Office, s.t(ch.At), ch.Action.Actor, ch.Audit, ch.ReportID, ch.Detail)
	})
}
