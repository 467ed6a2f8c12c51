package sqlstore

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/registry"
)

func (s *Store) insertKeys(ctx context.Context, tx querier, office wilayah.Code, keys []registry.SubjectKey, version int) error {
	for _, k := range keys {
		kec := ""
		if k.Kecamatan.IsValid() {
			kec = k.Kecamatan.Plain()
		}
		_, err := s.exec(ctx, tx, `INSERT INTO report_keys (office, role, key, report_id, version, kind, day, multiple, birth_order, kecamatan)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			office.Plain(), string(k.Role), k.Key, k.ReportID, version, int(k.Kind), k.Day.DaysSinceEpoch(), boolInt(k.Multiple), k.BirthOrder, kec)
		if err != nil {
			return fmt.Errorf("registry store: person index of %q: %w", k.ReportID, err)
		}
	}
	return nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

const keyColumns = `k.role, k.key, k.report_id, k.kind, k.day, k.multiple, k.birth_order, k.kecamatan`

// currentKeys joins the keys of the current body versions.
const currentKeys = ` FROM report_keys k JOIN reports r ON r.office = k.office AND r.id = k.report_id AND r.body_version = k.version `

func scanKeys(rows *sql.Rows) ([]registry.SubjectKey, error) {
	defer rows.Close()
	var out []registry.SubjectKey
	for rows.Next() {
		var k registry.SubjectKey
		var role, kec string
		var kind, day, multiple int
		if err := rows.Scan(&role, &k.Key, &k.ReportID, &kind, &day, &multiple, &k.BirthOrder, &kec); err != nil {
			return nil, fmt.Errorf("registry store: person index: %w", err)
		}
		k.Role, k.Kind, k.Day, k.Multiple = registry.SubjectRole(role), registry.Kind(kind), adminduk.FromDayNumber(day), multiple == 1
		if kec != "" {
			c, err := wilayah.ParseCode(kec)
			if err != nil {
				return nil, fmt.Errorf("registry store: person index: %w", err)
			}
			k.Kecamatan = c
		}
		out = append(out, k)
	}
	return out, rows.Err()
}

// The look-ups of duplicate matching, each by an index.
const (
	querySubjectKeys = `SELECT ` + keyColumns + currentKeys + `WHERE k.office = ? AND k.report_id = ?`
	queryMatchKeys   = `SELECT ` + keyColumns + currentKeys + `WHERE k.office = ? AND k.role = ? AND k.key = ?
		AND k.day >= ? AND k.day <= ? AND k.report_id <> ? AND r.status <> ? ORDER BY k.day, k.report_id LIMIT 1000`
	queryDuplicateLinks = `SELECT report_id, candidate_id, rule, at FROM duplicate_links
		WHERE office = ? AND report_id = ? UNION ALL SELECT report_id, candidate_id, rule, at FROM duplicate_links
		WHERE office = ? AND candidate_id = ? ORDER BY 4, 1, 2, 3`
	decisionColumns         = `report_id, candidate_id, duplicate, reason, actor, at`
	queryDuplicateDecisions = `SELECT ` + decisionColumns + ` FROM duplicate_decisions WHERE office = ? AND report_id = ?
		UNION ALL SELECT ` + decisionColumns + ` FROM duplicate_decisions WHERE office = ? AND candidate_id = ? ORDER BY 6, 1, 2`
)

// IndexedQueries are the queries of duplicate matching and of a person's
// record, by name, for tests that check the database answers each by an
// index (their cost must not grow with the number of reports).
func IndexedQueries() map[string]string {
	return map[string]string{
		"SubjectKeys": querySubjectKeys, "MatchKeys": queryMatchKeys, "DuplicateLinks": queryDuplicateLinks,
		"DuplicateDecisions": queryDuplicateDecisions, "NIKReports": queryNIKReports, "DocumentsOf": queryDocumentsOf,
		"DocumentsNumbered": queryDocumentsNumbered, "PersonKeys": queryPersonKeys, "ChildReports": queryChildReports,
	}
}

// SubjectKeys implements registry.Store.
func (s *Store) SubjectKeys(ctx context.Context, office wilayah.Code, reportID string) ([]registry.SubjectKey, error) {
	rows, err := s.query(ctx, s.R, querySubjectKeys, office.Plain(), reportID)
	if err != nil {
		return nil, fmt.Errorf("registry store: person index of %q: %w", reportID, err)
	}
	keys, err := scanKeys(rows)
	// Sorted here: an ORDER BY would tempt the planner to walk the primary
	// key of the whole office.
	slices.SortFunc(keys, func(a, b registry.SubjectKey) int {
		return cmp.Or(cmp.Compare(a.Role, b.Role), cmp.Compare(a.Key, b.Key))
	})
	return keys, err
}

// MatchKeys implements registry.Store.
func (s *Store) MatchKeys(ctx context.Context, q registry.KeyQuery) ([]registry.SubjectKey, error) {
	from, to := -1<<31, 1<<31-1
	if !q.From.IsZero() {
		from = q.From.DaysSinceEpoch()
	}
	if !q.To.IsZero() {
		to = q.To.DaysSinceEpoch()
	}
	rows, err := s.query(ctx, s.R, queryMatchKeys, q.Office.Plain(), string(q.Role), q.Key, from, to, q.Except, int(registry.StatusArchived))
	if err != nil {
		return nil, fmt.Errorf("registry store: match keys: %w", err)
	}
	return scanKeys(rows)
}

// FlagDuplicates implements registry.Store.
func (s *Store) FlagDuplicates(ctx context.Context, office wilayah.Code, reportID string, links []registry.DuplicateLink, actor string, at time.Time) error {
	return s.inTx(ctx, func(tx querier) error {
		var ids []string
		for _, l := range links {
			_, err := s.exec(ctx, tx, `INSERT INTO duplicate_links (office, report_id, candidate_id, rule, at) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (office, report_id, candidate_id, rule) DO NOTHING`,
				office.Plain(), reportID, l.CandidateID, l.Rule, s.t(l.At))
			if err != nil {
				return fmt.Errorf("registry store: duplicate link of %q: %w", reportID, err)
			}
			ids = append(ids, l.CandidateID+" ("+l.Rule+")")
		}
		if err := s.setFlags(ctx, tx, office, reportID, registry.FlagPotentialDuplicate, true); err != nil {
			return err
		}
		return s.audit(ctx, tx, office, s.t(at), actor, "duplicate.flag", reportID, strings.Join(ids, ", "))
	})
}

func (s *Store) setFlags(ctx context.Context, tx querier, office wilayah.Code, id string, f registry.Flags, on bool) error {
	q := `UPDATE reports SET flags = flags | ? WHERE office = ? AND id = ?`
	if !on {
		q = `UPDATE reports SET flags = flags & ~CAST(? AS INTEGER) WHERE office = ? AND id = ?`
	}
	res, err := s.exec(ctx, tx, q, int(f), office.Plain(), id)
	if err != nil {
		return fmt.Errorf("registry store: flags of %q: %w", id, err)
	}
	if n, err := res.RowsAffected(); err != nil || n != 1 {
		return fmt.Errorf("registry store: report %q in %s: %w", id, office, registry.ErrNotFound)
	}
	return nil
}

// DuplicateLinks implements registry.Store.
func (s *Store) DuplicateLinks(ctx context.Context, office wilayah.Code, reportID string) ([]registry.DuplicateLink, error) {
	rows, err := s.query(ctx, s.R, queryDuplicateLinks, office.Plain(), reportID, office.Plain(), reportID)
	if err != nil {
		return nil, fmt.Errorf("registry store: duplicate links of %q: %w", reportID, err)
	}
	defer rows.Close()
	var out []registry.DuplicateLink
	for rows.Next() {
		var l registry.DuplicateLink
		var at dbTime
		if err := rows.Scan(&l.ReportID, &l.CandidateID, &l.Rule, &at); err != nil {
			return nil, fmt.Errorf("registry store: duplicate links of %q: %w", reportID, err)
		}
		l.At = at.T
		out = append(out, l)
	}
	return out, rows.Err()
}

// DecideDuplicates implements registry.Store.
func (s *Store) DecideDuplicates(ctx context.Context, office wilayah.Code, reportID string, ds []registry.DuplicateDecision, archive *registry.Action, status registry.Status) error {
	return s.inTx(ctx, func(tx querier) error {
		if archive != nil {
			if err := s.appendAction(ctx, tx, office, reportID, *archive, status); err != nil {
				return err
			}
		}
		for _, d := range ds {
			_, err := s.exec(ctx, tx, `INSERT INTO duplicate_decisions (office, report_id, candidate_id, duplicate, reason, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
				office.Plain(), reportID, d.CandidateID, boolInt(d.Duplicate), d.Reason, d.Actor, s.t(d.At))
			if err != nil {
				if s.D.IsUnique(err) {
					return fmt.Errorf("registry store: %q and %q already decided: %w", reportID, d.CandidateID, registry.ErrConflict)
				}
				return fmt.Errorf("registry store: duplicate decision of %q: %w", reportID, err)
			}
			action := "duplicate.not"
			if d.Duplicate {
				action = "duplicate.mark"
			}
			if err := s.audit(ctx, tx, office, s.t(d.At), d.Actor, action, reportID, d.CandidateID+": "+d.Reason); err != nil {
				return err
			}
		}
		return s.setFlags(ctx, tx, office, reportID, registry.FlagPotentialDuplicate, false)
	})
}

// DuplicateDecisions implements registry.Store.
func (s *Store) DuplicateDecisions(ctx context.Context, office wilayah.Code, reportID string) ([]registry.DuplicateDecision, error) {
	rows, err := s.query(ctx, s.R, queryDuplicateDecisions, office.Plain(), reportID, office.Plain(), reportID)
	if err != nil {
		return nil, fmt.Errorf("registry store: duplicate decisions of %q: %w", reportID, err)
	}
	defer rows.Close()
	var out []registry.DuplicateDecision
	for rows.Next() {
		var d registry.DuplicateDecision
		var dup int
		var at dbTime
		if err := rows.Scan(&d.ReportID, &d.CandidateID, &dup, &d.Reason, &d.Actor, &at); err != nil {
			return nil, fmt.Errorf("registry store: duplicate decisions of %q: %w", reportID, err)
		}
		d.Duplicate, d.At = dup == 1, at.T
		out = append(out, d)
	}
	return out, rows.Err()
}

// ResubmitBody implements registry.Store.
func (s *Store) ResubmitBody(ctx context.Context, office wilayah.Code, reportID string, a registry.Action, status registry.Status, b registry.BodyVersion) error {
	return s.inTx(ctx, func(tx querier) error {
		var body, hash string
		var version, flags int
		err := s.queryRow(ctx, tx, `SELECT body, body_hash, body_version, flags FROM reports WHERE office = ? AND id = ?`,
			office.Plain(), reportID).Scan(&body, &hash, &version, &flags)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("registry store: report %q in %s: %w", reportID, office, registry.ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("registry store: report %q: %w", reportID, err)
		}
		if version == 1 {
			// Keep the notified body as version 1 before the first correction.
			var actor string
			var at dbTime
			if err := s.queryRow(ctx, tx, `SELECT actor, at FROM actions WHERE office = ? AND report_id = ? AND seq = 1`,
				office.Plain(), reportID).Scan(&actor, &at); err != nil {
				return fmt.Errorf("registry store: report %q: %w", reportID, err)
			}
			if err := s.insertBody(ctx, tx, office, reportID, registry.BodyVersion{Version: 1, Body: []byte(body), BodyHash: hash,
				Flags: registry.Flags(flags), Actor: actor, At: at.T}); err != nil {
				return err
			}
		}
		b.Version = version + 1
		if err := s.insertBody(ctx, tx, office, reportID, b); err != nil {
			return err
		}
		if _, err := s.exec(ctx, tx, `UPDATE reports SET body = ?, body_hash = ?, body_version = ?, flags = ? WHERE office = ? AND id = ?`,
			string(b.Body), b.BodyHash, b.Version, int(b.Flags), office.Plain(), reportID); err != nil {
			return fmt.Errorf("registry store: report %q: %w", reportID, err)
		}
		keys := make([]registry.SubjectKey, len(b.Keys))
		for i, k := range b.Keys {
			k.ReportID = reportID
			keys[i] = k
		}
		if err := s.insertKeys(ctx, tx, office, keys, b.Version); err != nil {
			return err
		}
		if err := s.appendAction(ctx, tx, office, reportID, a, status); err != nil {
			return err
		}
		return s.audit(ctx, tx, office, s.t(b.At), b.Actor, "report.body", reportID, fmt.Sprintf("version %d", b.Version))
	})
}

func (s *Store) insertBody(ctx context.Context, tx querier, office wilayah.Code, reportID string, b registry.BodyVersion) error {
	_, err := s.exec(ctx, tx, `INSERT INTO report_bodies (office, report_id, version, body, body_hash, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		office.Plain(), reportID, b.Version, string(b.Body), b.BodyHash, b.Actor, s.t(b.At))
	if err != nil {
		if s.D.IsUnique(err) {
			return fmt.Errorf("registry store: body %d of %q: %w", b.Version, reportID, registry.ErrConflict)
		}
		return fmt.Errorf("registry store: body %d of %q: %w", b.Version, reportID, err)
	}
	return nil
}

// BodyVersions implements registry.Store.
func (s *Store) BodyVersions(ctx context.Context, office wilayah.Code, reportID string) ([]registry.BodyVersion, error) {
	rows, err := s.query(ctx, s.R, `SELECT version, body, body_hash, actor, at FROM report_bodies WHERE office = ? AND report_id = ? ORDER BY version`,
		office.Plain(), reportID)
	if err != nil {
		return nil, fmt.Errorf("registry store: bodies of %q: %w", reportID, err)
	}
	defer rows.Close()
	var out []registry.BodyVersion
	for rows.Next() {
		var b registry.BodyVersion
		var body string
		var at dbTime
		if err := rows.Scan(&b.Version, &body, &b.BodyHash, &b.Actor, &at); err != nil {
			return nil, fmt.Errorf("registry store: bodies of %q: %w", reportID, err)
		}
		b.Body, b.At = []byte(body), at.T
		out = append(out, b)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("registry store: bodies of %q: %w", reportID, err)
	}
	if len(out) > 0 {
		return out, nil
	}
	// Never corrected: the body of the report is version 1.
	r, err := s.load(ctx, s.R, office, reportID)
	if err != nil {
		return nil, err
	}
	return []registry.BodyVersion{{Version: 1, Body: r.Body, BodyHash: r.BodyHash, Flags: r.Flags,
		Actor: r.Actions[0].Actor, At: r.Actions[0].At}}, nil
}
