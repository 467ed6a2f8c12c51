package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/akta"
	"github.com/adminduk-id/adminduk/registry"
)

// RegistrationByNIK implements registry.Store.
func (s *Store) RegistrationByNIK(ctx context.Context, office wilayah.Code, nik adminduk.NIK) (registry.Registration, error) {
	var id, num string
	var at dbTime
	var day adminduk.Date
	// "nik <> ''" lets the partial unique index serve.
	err := s.queryRow(ctx, s.R, `SELECT report_id, akta_number, registered_on, at FROM registrations WHERE office = ? AND nik = ? AND nik <> ''`,
		office.Plain(), nik.String()).Scan(&id, &num, &day, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return registry.Registration{}, fmt.Errorf("registry store: registration of NIK %s in %s: %w", nik.Masked(), office, registry.ErrNotFound)
	}
	if err != nil {
		return registry.Registration{}, fmt.Errorf("registry store: registration of NIK %s: %w", nik.Masked(), err)
	}
	reg := registry.Registration{Office: office, ReportID: id, NIK: nik, Registered: day, At: at.T}
	if num != "" {
		if reg.Akta, err = akta.ParseNumber(num); err != nil {
			return reg, fmt.Errorf("registry store: registration of %q: %w", id, err)
		}
	}
	return reg, nil
}

// SchoolBatch implements registry.Store.
func (s *Store) SchoolBatch(ctx context.Context, office wilayah.Code, partnerID, key string) (registry.SchoolBatchRecord, error) {
	return s.schoolBatch(ctx, s.R, office, partnerID, key)
}

func (s *Store) schoolBatch(ctx context.Context, q querier, office wilayah.Code, partnerID, key string) (registry.SchoolBatchRecord, error) {
	b := registry.SchoolBatchRecord{Office: office, PartnerID: partnerID, Key: key}
	var result string
	var at dbTime
	err := s.queryRow(ctx, q, `SELECT agreement_id, request_hash, actor, result, at FROM school_batches WHERE office = ? AND partner_id = ? AND batch_key = ?`,
		office.Plain(), partnerID, key).Scan(&b.AgreementID, &b.RequestHash, &b.Actor, &result, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return b, fmt.Errorf("registry store: school batch %q of %q: %w", key, partnerID, registry.ErrNotFound)
	}
	if err != nil {
		return b, fmt.Errorf("registry store: school batch %q: %w", key, err)
	}
	b.At = at.T
	if err := json.Unmarshal([]byte(result), &b.Result); err != nil {
		return b, fmt.Errorf("registry store: school batch %q: %w", key, err)
	}
	return b, nil
}

// PutSchoolBatch implements registry.Store.
func (s *Store) PutSchoolBatch(ctx context.Context, b *registry.SchoolBatchRecord) (registry.SchoolBatchRecord, bool, error) {
	result, err := json.Marshal(&b.Result)
	if err != nil {
		return registry.SchoolBatchRecord{}, false, fmt.Errorf("registry store: school batch: %w", err)
	}
	var out registry.SchoolBatchRecord
	created := false
	err = s.inTx(ctx, func(tx querier) error {
		at := s.t(b.At)
		res, err := s.exec(ctx, tx, `INSERT INTO school_batches (office, partner_id, batch_key, agreement_id, request_hash, actor, result, at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (office, partner_id, batch_key) DO NOTHING`,
			b.Office.Plain(), b.PartnerID, b.Key, b.AgreementID, b.RequestHash, b.Actor, string(result), at)
		if err != nil {
			return fmt.Errorf("registry store: school batch %q: %w", b.Key, err)
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			out, err = s.schoolBatch(ctx, tx, b.Office, b.PartnerID, b.Key)
			return err
		}
		if err := s.insertDocuments(ctx, tx, b.Documents); err != nil {
			return err
		}
		for _, r := range b.Replaced {
			_, err := s.exec(ctx, tx, `INSERT INTO document_states (office, type, number, version, seq, status, changed_at)
				SELECT ?, ?, ?, ?, COALESCE(MAX(seq), 0) + 1, ?, ? FROM document_states WHERE office = ? AND type = ? AND number = ? AND version = ?`,
				b.Office.Plain(), string(r.Type), r.Number, r.Version, string(registry.DocReplaced), at,
				b.Office.Plain(), string(r.Type), r.Number, r.Version)
			if err != nil {
				if s.D.IsUnique(err) {
					return fmt.Errorf("registry store: state of %s version %d: %w", r.Type, r.Version, registry.ErrConflict)
				}
				return fmt.Errorf("registry store: state of %s: %w", r.Type, err)
			}
		}
		for _, d := range b.Documents {
			if err := s.audit(ctx, tx, b.Office, at, b.Actor, "document.issue", d.ReportID,
				fmt.Sprintf("%s version %d, school batch %s", d.Type, d.Version, b.Key)); err != nil {
				return err
			}
		}
		created, out = true, *b
		return s.audit(ctx, tx, b.Office, at, b.Actor, "school_batch.create", b.Key,
			fmt.Sprintf("partner %s: %d pupils, %d KIA issued, %d without akta", b.PartnerID, b.Result.Len(), len(b.Result.Issued), len(b.Result.NoAkta)))
	})
	return out, created, err
}
