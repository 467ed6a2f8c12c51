package sqlstore

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/partnership"
	"github.com/adminduk-id/adminduk/registry"
)

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
			return nil, fmt.Errorf("registry store: agreements of %s: %w", office, err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// ReportCounts implements registry.Store.
func (s *Store) ReportCounts(ctx context.Context, office wilayah.Code) ([]registry.ReportCount, error) {
	rows, err := s.query(ctx, s.R, `SELECT kind, status, COUNT(*), SUM(CASE WHEN (flags & ?) <> 0 THEN 1 ELSE 0 END)
		FROM reports WHERE office = ? GROUP BY kind, status ORDER BY kind, status`, int(registry.FlagLate), office.Plain())
	if err != nil {
		return nil, fmt.Errorf("registry store: report counts: %w", err)
	}
	defer rows.Close()
	var out []registry.ReportCount
	for rows.Next() {
		var c registry.ReportCount
		var kind, status int
		if err := rows.Scan(&kind, &status, &c.N, &c.Late); err != nil {
			return nil, fmt.Errorf("registry store: report counts: %w", err)
		}
		c.Kind, c.Status = registry.Kind(kind), registry.Status(status)
		out = append(out, c)
	}
	return out, rows.Err()
}
