package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/registry"
)

const documentColumns = `d.report_id, d.type, d.number, d.version, ` + stateOf + `, d.payload, d.issued_at, ` + changedOf

func scanDocuments(office wilayah.Code, rows *sql.Rows) ([]registry.Document, error) {
	defer rows.Close()
	var out []registry.Document
	for rows.Next() {
		d := registry.Document{Office: office}
		var typ, st string
		var issued, changed dbTime
		if err := rows.Scan(&d.ReportID, &typ, &d.Number, &d.Version, &st, &d.Payload, &issued, &changed); err != nil {
			return nil, fmt.Errorf("registry store: documents: %w", err)
		}
		d.Type, d.Status, d.IssuedAt, d.ChangedAt = registry.DocType(typ), registry.DocStatus(st), issued.T, changed.T
		out = append(out, d)
	}
	return out, rows.Err()
}

// Document implements registry.Store.
func (s *Store) Document(ctx context.Context, office wilayah.Code, t registry.DocType, number string, version int) (registry.Document, error) {
	rows, err := s.query(ctx, s.R, `SELECT `+documentColumns+` FROM documents d WHERE d.office = ? AND d.type = ? AND d.number = ?
		AND d.version = CASE WHEN ? = 0 THEN (SELECT MAX(x.version) FROM documents x WHERE x.office = d.office AND x.type = d.type AND x.number = d.number) ELSE ? END`,
		office.Plain(), string(t), number, version, version)
	if err != nil {
		return registry.Document{}, fmt.Errorf("registry store: document %s: %w", t, err)
	}
	docs, err := scanDocuments(office, rows)
	if err != nil {
		return registry.Document{}, err
	}
	if len(docs) == 0 {
		return registry.Document{}, fmt.Errorf("registry store: document %s %q version %d in %s: %w", t, number, version, office, registry.ErrNotFound)
	}
	return docs[0], nil
}

// personReports selects the reports naming a NIK: the registered child, or
// a role of the person index of the current body.
const personReports = `SELECT g.report_id AS id, 'child' AS role FROM registrations g WHERE g.office = ? AND g.nik = ?
	UNION SELECT k.report_id, k.role` + currentKeys + `WHERE k.office = ? AND k.role IN ('mother', 'father', 'deceased') AND k.key = ?`

// DocumentsByNIK implements registry.Store.
func (s *Store) DocumentsByNIK(ctx context.Context, office wilayah.Code, nik string) ([]registry.Document, error) {
	o := office.Plain()
	rows, err := s.query(ctx, s.R, `SELECT `+documentColumns+` FROM documents d WHERE d.office = ? AND (d.report_id IN (
		SELECT g.report_id FROM registrations g WHERE g.office = ? AND g.nik = ?
		UNION SELECT k.report_id`+currentKeys+`WHERE k.office = ? AND k.role = 'deceased' AND k.key = ?)
		OR (d.type = ? AND d.number = ?)) ORDER BY d.issued_at, d.type, d.number, d.version`,
		o, o, nik, o, nik, string(registry.DocKIA), nik)
	if err != nil {
		return nil, fmt.Errorf("registry store: documents of a NIK: %w", err)
	}
	return scanDocuments(office, rows)
}

// PersonReports implements registry.Store.
func (s *Store) PersonReports(ctx context.Context, office wilayah.Code, nik string) ([]registry.PersonReport, error) {
	o := office.Plain()
	rows, err := s.query(ctx, s.R, `SELECT p.id, p.role, r.kind, r.status, r.created_at,
		COALESCE((SELECT MIN(c.day) FROM report_keys c WHERE c.office = r.office AND c.report_id = r.id AND c.version = r.body_version), 0)
		FROM (`+personReports+`) p JOIN reports r ON r.office = ? AND r.id = p.id ORDER BY r.created_at, r.id, p.role`,
		o, nik, o, nik, o)
	if err != nil {
		return nil, fmt.Errorf("registry store: reports of a NIK: %w", err)
	}
	defer rows.Close()
	var out []registry.PersonReport
	for rows.Next() {
		var p registry.PersonReport
		var role string
		var kind, status, day int
		var created dbTime
		if err := rows.Scan(&p.ReportID, &role, &kind, &status, &created, &day); err != nil {
			return nil, fmt.Errorf("registry store: reports of a NIK: %w", err)
		}
		p.Role, p.Kind, p.Status, p.Created = registry.Role(role), registry.Kind(kind), registry.Status(status), created.T
		if day != 0 {
			p.Day = adminduk.FromDayNumber(day)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// JournalRead implements registry.Store.
func (s *Store) JournalRead(ctx context.Context, office wilayah.Code, actor, record, detail string, at time.Time) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		return s.audit(ctx, tx, office, s.t(at), actor, "read", record, detail)
	})
}

// ImportPopulation implements registry.Store.
func (s *Store) ImportPopulation(ctx context.Context, office wilayah.Code, p *registry.Population, actor string, at time.Time) (int, error) {
	var seq int
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.queryRow(ctx, tx, `SELECT COALESCE(MAX(seq), 0) + 1 FROM population_imports WHERE office = ?`, office.Plain()).Scan(&seq); err != nil {
			return fmt.Errorf("registry store: population: %w", err)
		}
		_, err := s.exec(ctx, tx, `INSERT INTO population_imports (office, seq, as_of, source, actor, at) VALUES (?, ?, ?, ?, ?, ?)`,
			office.Plain(), seq, p.AsOf.String(), p.Source, actor, s.t(at))
		if err != nil {
			if s.D.IsUnique(err) {
				return fmt.Errorf("registry store: population import %d: %w", seq, registry.ErrConflict)
			}
			return fmt.Errorf("registry store: population: %w", err)
		}
		for _, r := range p.Rows {
			if _, err := s.exec(ctx, tx, `INSERT INTO population (office, seq, kecamatan, age, count) VALUES (?, ?, ?, ?, ?)`,
				office.Plain(), seq, r.Kecamatan.Plain(), r.Age, r.Count); err != nil {
				return fmt.Errorf("registry store: population: %w", err)
			}
		}
		return s.audit(ctx, tx, office, s.t(at), actor, "population.import", fmt.Sprintf("population-%d", seq),
			fmt.Sprintf("%d rows as of %s from %s", len(p.Rows), p.AsOf, p.Source))
	})
	return seq, err
}

// regionFilter narrows a kecamatan column to region when it is a kecamatan.
func regionFilter(col string, region wilayah.Code) (string, []any) {
	if region.Level() == wilayah.LevelDistrict {
		return ` AND ` + col + ` = ?`, []any{region.Plain()}
	}
	return "", nil
}

// PopulationCounts implements registry.Store.
func (s *Store) PopulationCounts(ctx context.Context, office, region wilayah.Code, from, to int) (map[wilayah.Code]int64, adminduk.Date, error) {
	var seq int
	var asOf adminduk.Date
	err := s.queryRow(ctx, s.R, `SELECT seq, as_of FROM population_imports WHERE office = ? ORDER BY seq DESC LIMIT 1`,
		office.Plain()).Scan(&seq, &asOf)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, asOf, fmt.Errorf("registry store: no population imported for %s: %w", office, registry.ErrNotFound)
	}
	if err != nil {
		return nil, asOf, fmt.Errorf("registry store: population: %w", err)
	}
	cond, extra := regionFilter("kecamatan", region)
	args := append([]any{office.Plain(), seq, from, to}, extra...)
	rows, err := s.query(ctx, s.R, `SELECT kecamatan, SUM(count) FROM population WHERE office = ? AND seq = ? AND age >= ? AND age < ?`+cond+
		` GROUP BY kecamatan`, args...)
	if err != nil {
		return nil, asOf, fmt.Errorf("registry store: population: %w", err)
	}
	out, err := scanCounts(rows)
	return out, asOf, err
}

func scanCounts(rows *sql.Rows) (map[wilayah.Code]int64, error) {
	defer rows.Close()
	out := map[wilayah.Code]int64{}
	for rows.Next() {
		var kec string
		var n int64
		if err := rows.Scan(&kec, &n); err != nil {
			return nil, fmt.Errorf("registry store: counts: %w", err)
		}
		c, err := wilayah.ParseCode(kec)
		if err != nil {
			return nil, fmt.Errorf("registry store: counts: %w", err)
		}
		out[c] = n
	}
	return out, rows.Err()
}

// ChildrenWithDocument implements registry.Store.
func (s *Store) ChildrenWithDocument(ctx context.Context, office, region wilayah.Code, t registry.DocType, born, bornTo, asOf adminduk.Date) (map[wilayah.Code]int64, error) {
	cond, extra := regionFilter("k.kecamatan", region)
	end := asOf.AddDays(1).In(adminduk.WIB)
	args := append([]any{office.Plain(), born.DaysSinceEpoch(), bornTo.DaysSinceEpoch()}, extra...)
	args = append(args, string(t), s.t(end), string(registry.DocActive))
	rows, err := s.query(ctx, s.R, `SELECT k.kecamatan, COUNT(*)`+currentKeys+`WHERE k.office = ? AND k.role = 'child'
		AND k.day >= ? AND k.day <= ?`+cond+` AND EXISTS (SELECT 1 FROM documents d WHERE d.office = k.office
		AND d.report_id = k.report_id AND d.type = ? AND d.issued_at < ? AND `+stateOf+` = ?) GROUP BY k.kecamatan`, args...)
	if err != nil {
		return nil, fmt.Errorf("registry store: children with %s: %w", t, err)
	}
	return scanCounts(rows)
}
