package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/akta"
	"github.com/adminduk-id/adminduk/registry"
)

var timeNow = time.Now

// Register implements registry.Store.
func (s *Store) Register(ctx context.Context, in registry.Registering) (registry.Registration, error) {
	var out registry.Registration
	err := s.inTx(ctx, func(tx querier) error {
		if err := s.appendAction(ctx, tx, in.Office, in.ReportID, in.Action, in.Status); err != nil {
			return err
		}
		var nikSerial, aktaSerial int
		if in.NIK != nil {
			err := s.queryRow(ctx, tx, (`INSERT INTO nik_serials (office, kecamatan, digits, last) VALUES (?, ?, ?, 1)
				ON CONFLICT (office, kecamatan, digits) DO UPDATE SET last = nik_serials.last + 1 RETURNING last`),
				in.Office.Plain(), in.NIK.Kecamatan.Plain(), in.NIK.Digits).Scan(&nikSerial)
			if err != nil {
				return fmt.Errorf("registry store: NIK serial: %w", err)
			}
			if nikSerial > 9999 {
				return fmt.Errorf("registry store: NIK serials of %s %s: %w", in.NIK.Kecamatan, in.NIK.Digits, registry.ErrExhausted)
			}
		}
		if !in.AktaDay.IsZero() {
			err := s.queryRow(ctx, tx, (`INSERT INTO akta_serials (office, day, last) VALUES (?, ?, 1)
				ON CONFLICT (office, day) DO UPDATE SET last = akta_serials.last + 1 RETURNING last`),
				in.Office.Plain(), in.AktaDay.String()).Scan(&aktaSerial)
			if err != nil {
				return fmt.Errorf("registry store: akta serial: %w", err)
			}
			if aktaSerial > 9999 {
				return fmt.Errorf("registry store: akta serials of %s on %s: %w", in.Office, in.AktaDay, registry.ErrExhausted)
			}
		}
		var reg registry.Registration
		var err error
		if in.BuildTx != nil {
			reg, err = in.BuildTx(ctx, &txView{s: s, tx: tx, office: in.Office, actor: in.Action.Actor}, nikSerial, aktaSerial)
		} else {
			reg, err = in.Build(nikSerial, aktaSerial)
		}
		if err != nil {
			return err
		}
		_, err = s.exec(ctx, tx, (`INSERT INTO registrations (office, report_id, nik, akta_number, registered_on, at) VALUES (?, ?, ?, ?, ?, ?)`),
			in.Office.Plain(), in.ReportID, reg.NIK.String(), reg.Akta.String(), reg.Registered.String(), s.t(reg.At))
		if err != nil {
			if s.D.IsUnique(err) {
				return fmt.Errorf("registry store: registration of %q: %w", in.ReportID, registry.ErrConflict)
			}
			return fmt.Errorf("registry store: registration of %q: %w", in.ReportID, err)
		}
		if err := s.insertDocuments(ctx, tx, reg.Documents); err != nil {
			return err
		}
		detail := "akta=" + reg.Akta.String()
		if reg.NIK.IsValid() {
			detail += " nik=" + reg.NIK.Masked()
		}
		if err := s.audit(ctx, tx, in.Office, s.t(reg.At), in.Action.Actor, "registration.create", in.ReportID, detail); err != nil {
			return err
		}
		out = reg
		return nil
	})
	return out, err
}

// Registration implements registry.Store.
func (s *Store) Registration(ctx context.Context, office wilayah.Code, id string) (registry.Registration, error) {
	var nik, num string
	var at dbTime
	var dayScan adminduk.Date
	err := s.queryRow(ctx, s.R, (`SELECT nik, akta_number, registered_on, at FROM registrations WHERE office = ? AND report_id = ?`),
		office.Plain(), id).Scan(&nik, &num, &dayScan, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return registry.Registration{}, fmt.Errorf("registry store: registration of %q in %s: %w", id, office, registry.ErrNotFound)
	}
	if err != nil {
		return registry.Registration{}, fmt.Errorf("registry store: registration of %q: %w", id, err)
	}
	reg := registry.Registration{Office: office, ReportID: id, Registered: dayScan, At: at.T}
	if nik != "" {
		if reg.NIK, err = adminduk.NewParser(adminduk.Options{AsOf: dayScan}).ParseNIK(nik); err != nil {
			return reg, fmt.Errorf("registry store: registration of %q: %w", id, err)
		}
	}
	if num != "" {
		if reg.Akta, err = akta.ParseNumber(num); err != nil {
			return reg, fmt.Errorf("registry store: registration of %q: %w", id, err)
		}
	}
	return reg, nil
}
