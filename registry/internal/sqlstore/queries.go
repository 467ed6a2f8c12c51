package sqlstore

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"
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

// The look-ups of a person's record, each by an index with every
// constraint a constant, so that even without statistics the planner cannot
// prefer a walk over the office's rows.
const (
	// queryNIKReports: the reports of the birth registered with the NIK and
	// of the deaths naming it.
	queryNIKReports = `SELECT g.report_id FROM registrations g WHERE g.office = ? AND g.nik = ? AND g.nik <> ''
		UNION SELECT k.report_id FROM report_keys k WHERE k.office = ? AND k.role = 'deceased' AND k.key = ?`
	// queryDocumentsOf: the documents of one report.
	queryDocumentsOf = `SELECT ` + documentColumns + ` FROM documents d WHERE d.office = ? AND d.report_id = ?`
	// queryDocumentsNumbered: the versions of a document.
	queryDocumentsNumbered = `SELECT ` + documentColumns + ` FROM documents d WHERE d.office = ? AND d.type = ? AND d.number = ?`
	// queryPersonKeys: the reports naming a NIK as mother, father or
	// deceased in their current body.
	queryPersonKeys = `SELECT k.report_id, k.role, k.day, r.kind, r.status, r.created_at` + currentKeys + `
		WHERE k.office = ? AND k.role IN ('mother', 'father', 'deceased') AND k.key = ?`
	// queryChildReports: the report registered with a NIK.
	queryChildReports = `SELECT g.report_id, r.kind, r.status, r.created_at FROM registrations g
		JOIN reports r ON r.office = g.office AND r.id = g.report_id WHERE g.office = ? AND g.nik = ? AND g.nik <> ''`
)

// DocumentsByNIK implements registry.Store.
func (s *Store) DocumentsByNIK(ctx context.Context, office wilayah.Code, nik string) ([]registry.Document, error) {
	o := office.Plain()
	rows, err := s.query(ctx, s.R, queryNIKReports, o, nik, o, nik)
	if err != nil {
		return nil, fmt.Errorf("registry store: documents of a NIK: %w", err)
	}
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, fmt.Errorf("registry store: documents of a NIK: %w", err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("registry store: documents of a NIK: %w", err)
	}
	var out []registry.Document
	seen := map[[3]string]bool{}
	add := func(q string, args ...any) error {
		rows, err := s.query(ctx, s.R, q, args...)
		if err != nil {
			return fmt.Errorf("registry store: documents of a NIK: %w", err)
		}
		docs, err := scanDocuments(office, rows)
		if err != nil {
			return err
		}
		for _, d := range docs {
			k := [3]string{string(d.Type), d.Number, strconv.Itoa(d.Version)}
			if !seen[k] {
				seen[k] = true
				out = append(out, d)
			}
		}
		return nil
	}
	for _, id := range ids {
		if err := add(queryDocumentsOf, o, id); err != nil {
			return nil, err
		}
	}
	if err := add(queryDocumentsNumbered, o, string(registry.DocKIA), nik); err != nil {
		return nil, err
	}
	slices.SortFunc(out, func(a, b registry.Document) int {
		return cmp.Or(a.IssuedAt.Compare(b.IssuedAt), cmp.Compare(a.Type, b.Type), cmp.Compare(a.Number, b.Number), cmp.Compare(a.Version, b.Version))
	})
	return out, nil
}

// PersonReports implements registry.Store.
func (s *Store) PersonReports(ctx context.Context, office wilayah.Code, nik string) ([]registry.PersonReport, error) {
	o := office.Plain()
	var out []registry.PersonReport
	rows, err := s.query(ctx, s.R, queryPersonKeys, o, nik)
	if err != nil {
		return nil, fmt.Errorf("registry store: reports of a NIK: %w", err)
	}
	for rows.Next() {
		var p registry.PersonReport
		var role string
		var day, kind, status int
		var created dbTime
		if err := rows.Scan(&p.ReportID, &role, &day, &kind, &status, &created); err != nil {
			rows.Close()
			return nil, fmt.Errorf("registry store: reports of a NIK: %w", err)
		}
		p.Role, p.Day, p.Kind, p.Status, p.Created = registry.SubjectRole(role), adminduk.FromDayNumber(day), registry.Kind(kind), registry.Status(status), created.T
		out = append(out, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("registry store: reports of a NIK: %w", err)
	}
	rows, err = s.query(ctx, s.R, queryChildReports, o, nik)
	if err != nil {
		return nil, fmt.Errorf("registry store: reports of a NIK: %w", err)
	}
	var children []registry.PersonReport
	for rows.Next() {
		p := registry.PersonReport{Role: registry.RoleChild}
		var kind, status int
		var created dbTime
		if err := rows.Scan(&p.ReportID, &kind, &status, &created); err != nil {
			rows.Close()
			return nil, fmt.Errorf("registry store: reports of a NIK: %w", err)
		}
		p.Kind, p.Status, p.Created = registry.Kind(kind), registry.Status(status), created.T
		children = append(children, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("registry store: reports of a NIK: %w", err)
	}
	for _, p := range children {
		keys, err := s.SubjectKeys(ctx, office, p.ReportID)
		if err != nil {
			return nil, err
		}
		for _, k := range keys {
			if k.Role == registry.RoleChild {
				p.Day = k.Day
			}
		}
		out = append(out, p)
	}
	slices.SortFunc(out, func(a, b registry.PersonReport) int {
		return cmp.Or(a.Created.Compare(b.Created), cmp.Compare(a.ReportID, b.ReportID), cmp.Compare(a.Role, b.Role))
	})
	return out, nil
}

// JournalRead implements registry.Store.
func (s *Store) JournalRead(ctx context.Context, office wilayah.Code, actor, record, detail string, at time.Time) error {
	return s.inTx(ctx, func(tx querier) error {
		return s.audit(ctx, tx, office, s.t(at), actor, "read", record, detail)
	})
}

// ImportPopulation implements registry.Store.
func (s *Store) ImportPopulation(ctx context.Context, office wilayah.Code, p *registry.Population, actor string, at time.Time) (int, error) {
	var seq int
	err := s.inTx(ctx, func(tx querier) error {
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
	args = append(args, string(t), s.t(end), string(registry.DocActive), asOf.String())
	rows, err := s.query(ctx, s.R, queryChildrenWithDocument(cond), args...)
	if err != nil {
		return nil, fmt.Errorf("registry store: children with %s: %w", t, err)
	}
	return scanCounts(rows)
}

// queryChildrenWithDocument counts the children with a document per
// kecamatan, leaving out a child whose death was registered by then; cond
// narrows to one kecamatan.
func queryChildrenWithDocument(cond string) string {
	return `SELECT k.kecamatan, COUNT(*)` + currentKeys + `WHERE k.office = ? AND k.role = 'child'
		AND k.day >= ? AND k.day <= ?` + cond + ` AND EXISTS (SELECT 1 FROM documents d WHERE d.office = k.office
		AND d.report_id = k.report_id AND d.type = ? AND d.issued_at < ? AND ` + stateOf + ` = ?)
		AND NOT EXISTS (SELECT 1 FROM registrations g JOIN report_keys kd ON kd.office = g.office AND kd.role = 'deceased' AND kd.key = g.nik
			JOIN registrations gd ON gd.office = kd.office AND gd.report_id = kd.report_id
			WHERE g.office = k.office AND g.report_id = k.report_id AND g.nik <> '' AND gd.registered_on <= ?)
		GROUP BY k.kecamatan`
}
