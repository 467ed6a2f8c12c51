package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/registry"
)

// CreateOfficer implements registry.Store.
func (s *Store) CreateOfficer(ctx context.Context, o registry.Officer, passwordHash, actor string) error {
	return s.inTx(ctx, func(tx querier) error {
		_, err := s.exec(ctx, tx, `INSERT INTO officers (office, username, name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
			o.Office.Plain(), o.Username, o.Name, o.Role.String(), passwordHash, s.t(o.Created))
		if err != nil {
			if s.D.IsUnique(err) {
				return fmt.Errorf("registry store: officer %q exists: %w", o.Username, registry.ErrConflict)
			}
			return fmt.Errorf("registry store: officer %q: %w", o.Username, err)
		}
		return s.audit(ctx, tx, o.Office, s.t(o.Created), actor, "officer.create", "officer:"+o.Username, o.Role.String())
	})
}

func scanOfficer(sc rowScanner, o *registry.Officer, hash *string) error {
	var office, role string
	var created dbTime
	dest := []any{&office, &o.Username, &o.Name, &role, &created}
	if hash != nil {
		dest = append(dest, hash)
	}
	if err := sc.Scan(dest...); err != nil {
		return err
	}
	code, err := wilayah.ParseCode(office)
	if err != nil {
		return fmt.Errorf("registry store: officer office %q: %w", office, err)
	}
	r, err := registry.ParseRole(role)
	if err != nil {
		return err
	}
	o.Office, o.Role, o.Created = code, r, created.T
	return nil
}

// OfficerByUsername implements registry.Store.
func (s *Store) OfficerByUsername(ctx context.Context, username string) (registry.Officer, string, error) {
	var o registry.Officer
	var hash string
	err := scanOfficer(s.queryRow(ctx, s.R, `SELECT office, username, name, role, created_at, password_hash FROM officers WHERE username = ?`, username), &o, &hash)
	if errors.Is(err, sql.ErrNoRows) {
		return o, "", fmt.Errorf("registry store: officer %q: %w", username, registry.ErrNotFound)
	}
	if err != nil {
		return o, "", fmt.Errorf("registry store: officer %q: %w", username, err)
	}
	return o, hash, nil
}

// Officers implements registry.Store.
func (s *Store) Officers(ctx context.Context, office wilayah.Code) ([]registry.Officer, error) {
	rows, err := s.query(ctx, s.R, `SELECT office, username, name, role, created_at FROM officers WHERE office = ? ORDER BY username`, office.Plain())
	if err != nil {
		return nil, fmt.Errorf("registry store: officers: %w", err)
	}
	defer rows.Close()
	var out []registry.Officer
	for rows.Next() {
		var o registry.Officer
		if err := scanOfficer(rows, &o, nil); err != nil {
			return nil, fmt.Errorf("registry store: officers: %w", err)
		}
		out = append(out, o)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("registry store: officers: %w", err)
	}
	return out, nil
}

// CreateSession implements registry.Store.
func (s *Store) CreateSession(ctx context.Context, tokenHash string, sess registry.Session) error {
	return s.inTx(ctx, func(tx querier) error {
		_, err := s.exec(ctx, tx, `INSERT INTO officer_sessions (office, token_hash, username, created_at, expires_at) VALUES (?, ?, ?, ?, ?)`,
			sess.Office.Plain(), tokenHash, sess.Username, s.t(sess.Created), s.t(sess.Expires))
		if err != nil {
			if s.D.IsUnique(err) {
				return fmt.Errorf("registry store: session: %w", registry.ErrConflict)
			}
			return fmt.Errorf("registry store: session of %q: %w", sess.Username, err)
		}
		return s.audit(ctx, tx, sess.Office, s.t(sess.Created), sess.Username, "session.start", "officer:"+sess.Username, "")
	})
}

// Session implements registry.Store.
func (s *Store) Session(ctx context.Context, tokenHash string) (registry.Session, registry.Officer, error) {
	var sess registry.Session
	var o registry.Officer
	var office, role string
	var created, expires, revoked, ocreated dbTime
	err := s.queryRow(ctx, s.R, `SELECT s.office, s.username, s.created_at, s.expires_at,
		(SELECT r.revoked_at FROM session_revocations r WHERE r.office = s.office AND r.token_hash = s.token_hash),
		o.name, o.role, o.created_at
		FROM officer_sessions s JOIN officers o ON o.office = s.office AND o.username = s.username
		WHERE s.token_hash = ?`, tokenHash).Scan(&office, &sess.Username, &created, &expires, &revoked, &o.Name, &role, &ocreated)
	if errors.Is(err, sql.ErrNoRows) {
		return sess, o, fmt.Errorf("registry store: session: %w", registry.ErrNotFound)
	}
	if err != nil {
		return sess, o, fmt.Errorf("registry store: session: %w", err)
	}
	code, err := wilayah.ParseCode(office)
	if err != nil {
		return sess, o, fmt.Errorf("registry store: session office %q: %w", office, err)
	}
	r, err := registry.ParseRole(role)
	if err != nil {
		return sess, o, err
	}
	sess.Office, sess.Created, sess.Expires, sess.Revoked = code, created.T, expires.T, revoked.T
	o.Office, o.Username, o.Role, o.Created = code, sess.Username, r, ocreated.T
	return sess, o, nil
}

// RevokeSession implements registry.Store.
func (s *Store) RevokeSession(ctx context.Context, tokenHash string, at time.Time) error {
	return s.inTx(ctx, func(tx querier) error {
		var office, username string
		err := s.queryRow(ctx, tx, `SELECT office, username FROM officer_sessions WHERE token_hash = ?`, tokenHash).Scan(&office, &username)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("registry store: session: %w", registry.ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("registry store: session: %w", err)
		}
		res, err := s.exec(ctx, tx, `INSERT INTO session_revocations (office, token_hash, revoked_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`,
			office, tokenHash, s.t(at))
		if err != nil {
			return fmt.Errorf("registry store: revoke session: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return nil // revoked before
		}
		code, _ := wilayah.ParseCode(office)
		return s.audit(ctx, tx, code, s.t(at), username, "session.end", "officer:"+username, "")
	})
}
