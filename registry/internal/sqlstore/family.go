package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/akta"
	"github.com/adminduk-id/adminduk/registry"
)

// The family register: families holds one row per version of a KK,
// family_members its members; a version is replaced when a later version of
// its KK exists or another KK names it as previous_kk (migration 00004).

// ImportFamily implements registry.Store.
func (s *Store) ImportFamily(ctx context.Context, v registry.FamilyVersion) error {
	return s.inTx(ctx, func(tx querier) error {
		if err := s.putFamily(ctx, tx, v); err != nil {
			return err
		}
		return s.audit(ctx, tx, v.Office, s.t(v.At), v.Actor, "family.import", v.Number.String(), fmt.Sprintf("version %d, %d members", v.Version, len(v.Card.Members)))
	})
}

// putFamily inserts version v of its KK with its members; the version must
// follow the last one stored (1 for a KK not held).
func (s *Store) putFamily(ctx context.Context, tx querier, v registry.FamilyVersion) error {
	office, kk := v.Office.Plain(), v.Number.String()
	conflict := &registry.VersionConflictError{Office: v.Office, Number: v.Number, Version: v.Version}
	var last int
	if err := s.queryRow(ctx, tx, `SELECT MAX(version) FROM families WHERE office = ? AND kk = ?`, office, kk).Scan(&nullInt{&last}); err != nil {
		return fmt.Errorf("registry store: family %s: %w", v.Number, err)
	}
	if v.Version != last+1 {
		return conflict
	}
	if v.Card == nil {
		return fmt.Errorf("registry store: family %s version %d without a card", v.Number, v.Version)
	}
	model, err := json.Marshal(v.Card)
	if err != nil {
		return fmt.Errorf("registry store: family %s: model: %w", v.Number, err)
	}
	head, _ := v.Card.Head()
	_, err = s.exec(ctx, tx, `INSERT INTO families (office, kk, version, source, previous_kk, report_id, head_nik, model, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		office, kk, v.Version, string(v.Source), kkText(v.Previous), v.ReportID, head.NIK.String(), string(model), v.Actor, s.t(v.At))
	if err != nil {
		if s.D.IsUnique(err) {
			return conflict
		}
		return fmt.Errorf("registry store: family %s: %w", v.Number, err)
	}
	for i, m := range v.Card.Members {
		_, err := s.exec(ctx, tx, `INSERT INTO family_members (office, kk, version, pos, nik, name, relation, sex, birth_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			office, kk, v.Version, i+1, m.NIK.String(), m.Name, m.Relationship.String(), m.Sex.String(), m.BirthDate.String())
		if err != nil {
			return fmt.Errorf("registry store: family %s member %d: %w", v.Number, i+1, err)
		}
	}
	return nil
}

func kkText(k adminduk.KK) string {
	if !k.IsValid() {
		return ""
	}
	return k.String()
}

// Family implements registry.Store.
func (s *Store) Family(ctx context.Context, office wilayah.Code, kk adminduk.KK, version int) (registry.FamilyVersion, error) {
	return s.loadFamily(ctx, s.R, office, kk.String(), version)
}

// loadFamily reads version (0: the last) of KK kk with its derived state.
func (s *Store) loadFamily(ctx context.Context, q querier, office wilayah.Code, kk string, version int) (registry.FamilyVersion, error) {
	v := registry.FamilyVersion{Office: office}
	notFound := fmt.Errorf("registry store: KK %s version %d in %s: %w", kk, version, office, registry.ErrNotFound)
	var last int
	var next string
	err := s.queryRow(ctx, q, `SELECT MAX(version) FROM families WHERE office = ? AND kk = ?`, office.Plain(), kk).Scan(&nullInt{&last})
	if err == nil {
		err = s.queryRow(ctx, q, `SELECT COALESCE(MIN(kk), '') FROM families WHERE office = ? AND previous_kk = ?`, office.Plain(), kk).Scan(&next)
	}
	if err != nil {
		return v, fmt.Errorf("registry store: family %s: %w", kk, err)
	}
	if last == 0 {
		return v, notFound
	}
	if version == 0 {
		version = last
	}
	var source, previous, model string
	var at dbTime
	err = s.queryRow(ctx, q, `SELECT version, source, previous_kk, report_id, actor, at, model FROM families WHERE office = ? AND kk = ? AND version = ?`,
		office.Plain(), kk, version).Scan(&v.Version, &source, &previous, &v.ReportID, &v.Actor, &at, &model)
	if errors.Is(err, sql.ErrNoRows) {
		return v, notFound
	}
	if err != nil {
		return v, fmt.Errorf("registry store: family %s: %w", kk, err)
	}
	v.Source, v.At = registry.FamilySource(source), at.T
	var card akta.Family
	if err := json.Unmarshal([]byte(model), &card); err != nil {
		return v, fmt.Errorf("registry store: family %s version %d: model: %w", kk, version, err)
	}
	v.Card, v.Number = &card, card.Number
	if previous != "" {
		if v.Previous, err = adminduk.ParseKK(previous); err != nil {
			return v, fmt.Errorf("registry store: family %s: previous: %w", kk, err)
		}
	}
	if next != "" {
		if v.ReplacedBy, err = adminduk.ParseKK(next); err != nil {
			return v, fmt.Errorf("registry store: family %s: replaced by: %w", kk, err)
		}
	}
	v.Status = registry.DocActive
	if v.Version < last || v.ReplacedBy.IsValid() {
		v.Status = registry.DocReplaced
	}
	return v, nil
}

// familyOf finds the KK in use whose last version lists nik.
func (s *Store) familyOf(ctx context.Context, q querier, office wilayah.Code, nik adminduk.NIK) (registry.FamilyVersion, error) {
	var kk string
	err := s.queryRow(ctx, q, `SELECT m.kk FROM family_members m WHERE m.office = ? AND m.nik = ?
		AND m.version = (SELECT MAX(g.version) FROM families g WHERE g.office = m.office AND g.kk = m.kk)
		AND NOT EXISTS (SELECT 1 FROM families n WHERE n.office = m.office AND n.previous_kk = m.kk)
		ORDER BY m.kk LIMIT 1`, office.Plain(), nik.String()).Scan(&kk)
	if errors.Is(err, sql.ErrNoRows) {
		return registry.FamilyVersion{}, fmt.Errorf("registry store: no KK in use lists %s in %s: %w", nik.Masked(), office, registry.ErrNotFound)
	}
	if err != nil {
		return registry.FamilyVersion{}, fmt.Errorf("registry store: family of %s: %w", nik.Masked(), err)
	}
	return s.loadFamily(ctx, q, office, kk, 0)
}

// FamilyOf implements registry.Store.
func (s *Store) FamilyOf(ctx context.Context, office wilayah.Code, nik adminduk.NIK) (registry.FamilyVersion, error) {
	return s.familyOf(ctx, s.R, office, nik)
}

const deathColumns = `d.report_id, d.nik, d.birth_report_id, d.death_date, d.at`

func scanDeath(office wilayah.Code, row rowScanner) (registry.DeathRecord, error) {
	d := registry.DeathRecord{Office: office}
	var nik string
	var at dbTime
	if err := row.Scan(&d.ReportID, &nik, &d.BirthReportID, &d.DeathDate, &at); err != nil {
		return d, err
	}
	d.At = at.T
	if nik != "" {
		n, err := adminduk.NewParser(adminduk.Options{AsOf: d.DeathDate}).ParseNIK(nik)
		if err != nil {
			return d, fmt.Errorf("registry store: death %q: %w", d.ReportID, err)
		}
		d.NIK = n
	}
	return d, nil
}

// death finds the death of nik: recorded with the NIK, or linked to the
// birth report whose registration gave the NIK.
func (s *Store) death(ctx context.Context, q querier, office wilayah.Code, nik adminduk.NIK) (registry.DeathRecord, error) {
	d, err := scanDeath(office, s.queryRow(ctx, q, `SELECT `+deathColumns+` FROM deaths d WHERE d.office = ? AND d.nik = ?
		UNION ALL SELECT `+deathColumns+` FROM deaths d JOIN registrations g ON g.office = d.office AND g.report_id = d.birth_report_id
		WHERE d.office = ? AND d.nik = '' AND g.nik = ? LIMIT 1`, office.Plain(), nik.String(), office.Plain(), nik.String()))
	if errors.Is(err, sql.ErrNoRows) {
		return d, fmt.Errorf("registry store: no death of %s in %s: %w", nik.Masked(), office, registry.ErrNotFound)
	}
	if err != nil {
		return d, fmt.Errorf("registry store: death of %s: %w", nik.Masked(), err)
	}
	d.NIK = nik
	return d, nil
}

// Death implements registry.Store.
func (s *Store) Death(ctx context.Context, office wilayah.Code, nik adminduk.NIK) (registry.DeathRecord, error) {
	return s.death(ctx, s.R, office, nik)
}

func (s *Store) deathOfBirthReport(ctx context.Context, q querier, office wilayah.Code, id string) (registry.DeathRecord, error) {
	d, err := scanDeath(office, s.queryRow(ctx, q, `SELECT `+deathColumns+` FROM deaths d WHERE d.office = ? AND d.birth_report_id = ? ORDER BY d.at LIMIT 1`,
		office.Plain(), id))
	if errors.Is(err, sql.ErrNoRows) {
		return d, fmt.Errorf("registry store: no death linked to birth report %q in %s: %w", id, office, registry.ErrNotFound)
	}
	if err != nil {
		return d, fmt.Errorf("registry store: death of birth report %q: %w", id, err)
	}
	return d, nil
}

// DeathOfBirthReport implements registry.Store.
func (s *Store) DeathOfBirthReport(ctx context.Context, office wilayah.Code, id string) (registry.DeathRecord, error) {
	return s.deathOfBirthReport(ctx, s.R, office, id)
}

// Stillbirths implements registry.Store.
func (s *Store) Stillbirths(ctx context.Context, office wilayah.Code, from, to adminduk.Date) ([]registry.StillbirthRecord, error) {
	rows, err := s.query(ctx, s.R, `SELECT report_id, number, date, kecamatan, sex, at FROM stillbirths
		WHERE office = ? AND date >= ? AND date <= ? ORDER BY date, report_id`, office.Plain(), from.String(), to.String())
	if err != nil {
		return nil, fmt.Errorf("registry store: stillbirths: %w", err)
	}
	defer rows.Close()
	var out []registry.StillbirthRecord
	for rows.Next() {
		r := registry.StillbirthRecord{Office: office}
		var kec, sex string
		var at dbTime
		if err := rows.Scan(&r.ReportID, &r.Number, &r.Date, &kec, &sex, &at); err != nil {
			return nil, fmt.Errorf("registry store: stillbirths: %w", err)
		}
		if r.Kecamatan, err = wilayah.ParseCode(kec); err != nil {
			return nil, fmt.Errorf("registry store: stillbirth %q: %w", r.ReportID, err)
		}
		if sex != "" {
			if r.Sex, err = adminduk.ParseSex(sex); err != nil {
				return nil, fmt.Errorf("registry store: stillbirth %q: %w", r.ReportID, err)
			}
		}
		r.At = at.T
		out = append(out, r)
	}
	return out, rows.Err()
}

// txView is the registry.RegisterTx of one registration's transaction.
type txView struct {
	s      *Store
	tx     querier
	office wilayah.Code
	actor  string
}

func (v *txView) Family(ctx context.Context, kk adminduk.KK) (registry.FamilyVersion, error) {
	return v.s.loadFamily(ctx, v.tx, v.office, kk.String(), 0)
}

func (v *txView) FamilyOf(ctx context.Context, nik adminduk.NIK) (registry.FamilyVersion, error) {
	return v.s.familyOf(ctx, v.tx, v.office, nik)
}

func (v *txView) NextKKSerial(ctx context.Context, kecamatan wilayah.Code, day adminduk.Date) (int, error) {
	var n int
	err := v.s.queryRow(ctx, v.tx, `INSERT INTO kk_serials (office, kecamatan, day, last) VALUES (?, ?, ?, 1)
		ON CONFLICT (office, kecamatan, day) DO UPDATE SET last = kk_serials.last + 1 RETURNING last`,
		v.office.Plain(), kecamatan.Plain(), day.String()).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("registry store: KK serial: %w", err)
	}
	if n > 9999 {
		return 0, fmt.Errorf("registry store: KK serials of %s on %s: %w", kecamatan, day, registry.ErrExhausted)
	}
	return n, nil
}

func (v *txView) NextDocSerial(ctx context.Context, t registry.DocType, day adminduk.Date) (int, error) {
	var n int
	err := v.s.queryRow(ctx, v.tx, `INSERT INTO doc_serials (office, type, day, last) VALUES (?, ?, ?, 1)
		ON CONFLICT (office, type, day) DO UPDATE SET last = doc_serials.last + 1 RETURNING last`,
		v.office.Plain(), string(t), day.String()).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("registry store: %s serial: %w", t, err)
	}
	if n > 9999 {
		return 0, fmt.Errorf("registry store: %s serials of %s on %s: %w", t, v.office, day, registry.ErrExhausted)
	}
	return n, nil
}

func (v *txView) Registration(ctx context.Context, reportID string) (registry.Registration, error) {
	var nik, num string
	var day adminduk.Date
	err := v.s.queryRow(ctx, v.tx, `SELECT nik, akta_number, registered_on FROM registrations WHERE office = ? AND report_id = ?`,
		v.office.Plain(), reportID).Scan(&nik, &num, &day)
	if errors.Is(err, sql.ErrNoRows) {
		return registry.Registration{}, fmt.Errorf("registry store: registration of %q in %s: %w", reportID, v.office, registry.ErrNotFound)
	}
	if err != nil {
		return registry.Registration{}, fmt.Errorf("registry store: registration of %q: %w", reportID, err)
	}
	reg := registry.Registration{Office: v.office, ReportID: reportID, Registered: day}
	if nik != "" {
		if reg.NIK, err = adminduk.NewParser(adminduk.Options{AsOf: day}).ParseNIK(nik); err != nil {
			return reg, fmt.Errorf("registry store: registration of %q: %w", reportID, err)
		}
	}
	if num != "" {
		if reg.Akta, err = akta.ParseNumber(num); err != nil {
			return reg, fmt.Errorf("registry store: registration of %q: %w", reportID, err)
		}
	}
	return reg, nil
}

func (v *txView) Death(ctx context.Context, nik adminduk.NIK) (registry.DeathRecord, error) {
	return v.s.death(ctx, v.tx, v.office, nik)
}

func (v *txView) DeathOfBirthReport(ctx context.Context, id string) (registry.DeathRecord, error) {
	return v.s.deathOfBirthReport(ctx, v.tx, v.office, id)
}

func (v *txView) PutFamily(ctx context.Context, f registry.FamilyVersion) error {
	if f.Office != v.office {
		return fmt.Errorf("registry store: family of %s in a registration of %s: %w", f.Office, v.office, registry.ErrConflict)
	}
	if err := v.s.putFamily(ctx, v.tx, f); err != nil {
		return err
	}
	detail := fmt.Sprintf("version %d (%s)", f.Version, f.Source)
	if f.Previous.IsValid() {
		detail += " replaces " + f.Previous.String()
	}
	return v.s.audit(ctx, v.tx, v.office, v.s.t(f.At), f.Actor, "family.version", f.Number.String(), detail)
}

func (v *txView) ChangeState(ctx context.Context, t registry.DocType, number string, status registry.DocStatus, at time.Time, actor, reason string) (bool, error) {
	var version int
	var reportID, current string
	err := v.s.queryRow(ctx, v.tx, `SELECT d.version, d.report_id, `+stateOf+` FROM documents d WHERE d.office = ? AND d.type = ? AND d.number = ?
		ORDER BY d.version DESC LIMIT 1`, v.office.Plain(), string(t), number).Scan(&version, &reportID, &current)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("registry store: document %s: %w", t, err)
	}
	if registry.DocStatus(current) == status {
		return true, nil
	}
	var seq int
	err = v.s.queryRow(ctx, v.tx, `SELECT COALESCE(MAX(seq), 0) + 1 FROM document_states WHERE office = ? AND type = ? AND number = ? AND version = ?`,
		v.office.Plain(), string(t), number, version).Scan(&seq)
	if err != nil {
		return false, fmt.Errorf("registry store: document %s: %w", t, err)
	}
	_, err = v.s.exec(ctx, v.tx, `INSERT INTO document_states (office, type, number, version, seq, status, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		v.office.Plain(), string(t), number, version, seq, string(status), v.s.t(at))
	if err != nil {
		if v.s.D.IsUnique(err) {
			return false, fmt.Errorf("registry store: document %s version %d changed by another transaction: %w", t, version, registry.ErrConflict)
		}
		return false, fmt.Errorf("registry store: document %s: %w", t, err)
	}
	shown := number
	if t == registry.DocKIA {
		if n, err := adminduk.ParseNIK(number); err == nil {
			shown = n.Masked()
		}
	}
	detail := fmt.Sprintf("%s %s version %d %s: %s", t, shown, version, status, reason)
	return true, v.s.audit(ctx, v.tx, v.office, v.s.t(at), actor, "document."+string(status), reportID, detail)
}

func (v *txView) RecordDeath(ctx context.Context, d registry.DeathRecord) error {
	nik := ""
	if d.NIK.IsValid() {
		nik = d.NIK.String()
	}
	_, err := v.s.exec(ctx, v.tx, `INSERT INTO deaths (office, report_id, nik, birth_report_id, death_date, at) VALUES (?, ?, ?, ?, ?, ?)`,
		v.office.Plain(), d.ReportID, nik, d.BirthReportID, d.DeathDate.String(), v.s.t(d.At))
	if err != nil {
		if v.s.D.IsUnique(err) && d.NIK.IsValid() {
			return &registry.DeceasedError{NIK: d.NIK, DeathDate: d.DeathDate}
		}
		return fmt.Errorf("registry store: death of report %q: %w", d.ReportID, err)
	}
	detail := "death " + d.DeathDate.String()
	if d.NIK.IsValid() {
		detail += " nik=" + d.NIK.Masked()
	}
	if d.BirthReportID != "" {
		detail += " birth_report=" + d.BirthReportID
	}
	return v.s.audit(ctx, v.tx, v.office, v.s.t(d.At), v.actor, "death.record", d.ReportID, detail)
}

func (v *txView) RecordStillbirth(ctx context.Context, r registry.StillbirthRecord) error {
	sex := ""
	if r.Sex != 0 {
		sex = r.Sex.String()
	}
	_, err := v.s.exec(ctx, v.tx, `INSERT INTO stillbirths (office, report_id, number, date, kecamatan, sex, at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		v.office.Plain(), r.ReportID, r.Number, r.Date.String(), r.Kecamatan.Plain(), sex, v.s.t(r.At))
	if err != nil {
		return fmt.Errorf("registry store: stillbirth of report %q: %w", r.ReportID, err)
	}
	return v.s.audit(ctx, v.tx, v.office, v.s.t(r.At), v.actor, "stillbirth.record", r.ReportID, r.Number)
}
