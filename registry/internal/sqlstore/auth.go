package sqlstore

import (
	"context"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/registry"
)

const credentialColumns = `c.office, c.id, c.kind, c.partner_id, c.username, c.role, c.label, c.hash, c.created_at, c.created_by,
	COALESCE(r.revoked_by, ''), r.revoked_at, u.last_used_at`

const credentialJoins = ` FROM credentials c
	LEFT JOIN credential_revocations r ON r.office = c.office AND r.credential_id = c.id
	LEFT JOIN credential_uses u ON u.office = c.office AND u.credential_id = c.id`

// PutCredential implements registry.Store.
func (s *Store) PutCredential(ctx context.Context, c *registry.Credential) error {
	kind, err := c.Kind.MarshalText()
	if err != nil {
		return fmt.Errorf("registry store: credential %q: %w", c.ID, err)
	}
	return s.inTx(ctx, func(tx querier) error {
		at := s.t(c.CreatedAt)
		_, err := s.exec(ctx, tx, `INSERT INTO credentials (office, id, kind, partner_id, username, role, label, hash, created_at, created_by)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			c.Office.Plain(), c.ID, string(kind), c.PartnerID, c.Username, c.Role, c.Label, hex.EncodeToString(c.Hash[:]), at, c.CreatedBy)
		if err != nil {
			if s.D.IsUnique(err) {
				return fmt.Errorf("registry store: credential %q: %w", c.ID, registry.ErrConflict)
			}
			return fmt.Errorf("registry store: credential %q: %w", c.ID, err)
		}
		who := c.PartnerID
		if who == "" {
			who = c.Username
		}
		return s.audit(ctx, tx, c.Office, at, c.CreatedBy, "credential.create", c.ID, string(kind)+" "+who)
	})
}

func scanCredential(row interface{ Scan(...any) error }) (registry.Credential, error) {
	var c registry.Credential
	var office, kind, hash string
	var created, revoked, used dbTime
	if err := row.Scan(&office, &c.ID, &kind, &c.PartnerID, &c.Username, &c.Role, &c.Label, &hash, &created, &c.CreatedBy,
		&c.RevokedBy, &revoked, &used); err != nil {
		return c, err
	}
	code, err := wilayah.ParseCode(office)
	if err != nil {
		return c, fmt.Errorf("registry store: credential %q: office: %w", c.ID, err)
	}
	if err := c.Kind.UnmarshalText([]byte(kind)); err != nil {
		return c, fmt.Errorf("registry store: credential %q: %w", c.ID, err)
	}
	h, err := hex.DecodeString(hash)
	if err != nil || len(h) != len(c.Hash) {
		return c, fmt.Errorf("registry store: credential %q: bad hash", c.ID)
	}
	copy(c.Hash[:], h)
	c.Office, c.CreatedAt, c.RevokedAt, c.LastUsed = code, created.T, revoked.T, used.T
	return c, nil
}

// CredentialByHash implements registry.Store.
func (s *Store) CredentialByHash(ctx context.Context, hash [32]byte) (registry.Credential, error) {
	c, err := scanCredential(s.queryRow(ctx, s.R, `SELECT `+credentialColumns+credentialJoins+` WHERE c.hash = ?`, hex.EncodeToString(hash[:])))
	if errors.Is(err, sql.ErrNoRows) {
		return c, fmt.Errorf("registry store: credential: %w", registry.ErrNotFound)
	}
	if err != nil {
		return c, fmt.Errorf("registry store: credential: %w", err)
	}
	return c, nil
}

// Credentials implements registry.Store.
func (s *Store) Credentials(ctx context.Context, office wilayah.Code, kind registry.CredentialKind, who string) ([]registry.Credential, error) {
	k, err := kind.MarshalText()
	if err != nil {
		return nil, fmt.Errorf("registry store: credentials: %w", err)
	}
	q := `SELECT ` + credentialColumns + credentialJoins + ` WHERE c.office = ? AND c.kind = ?`
	args := []any{office.Plain(), string(k)}
	if who != "" {
		if kind == registry.CredentialPartner {
			q += ` AND c.partner_id = ?`
		} else {
			q += ` AND c.username = ?`
		}
		args = append(args, who)
	}
	rows, err := s.query(ctx, s.R, q+` ORDER BY c.created_at, c.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("registry store: credentials: %w", err)
	}
	defer rows.Close()
	var out []registry.Credential
	for rows.Next() {
		c, err := scanCredential(rows)
		if err != nil {
			return nil, fmt.Errorf("registry store: credentials: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// RevokeCredential implements registry.Store.
func (s *Store) RevokeCredential(ctx context.Context, office wilayah.Code, id, actor string, at time.Time) error {
	return s.inTx(ctx, func(tx querier) error {
		var n int
		if err := s.queryRow(ctx, tx, `SELECT COUNT(*) FROM credentials WHERE office = ? AND id = ?`, office.Plain(), id).Scan(&n); err != nil {
			return fmt.Errorf("registry store: credential %q: %w", id, err)
		}
		if n == 0 {
			return fmt.Errorf("registry store: credential %q in %s: %w", id, office, registry.ErrNotFound)
		}
		t := s.t(at)
		_, err := s.exec(ctx, tx, `INSERT INTO credential_revocations (office, credential_id, revoked_at, revoked_by) VALUES (?, ?, ?, ?)`,
			office.Plain(), id, t, actor)
		if err != nil {
			if s.D.IsUnique(err) {
				return fmt.Errorf("registry store: credential %q already revoked: %w", id, registry.ErrConflict)
			}
			return fmt.Errorf("registry store: revoke credential %q: %w", id, err)
		}
		return s.audit(ctx, tx, office, t, actor, "credential.revoke", id, "")
	})
}

// TouchCredential implements registry.Store.
func (s *Store) TouchCredential(ctx context.Context, office wilayah.Code, id string, at time.Time) error {
	return s.inTx(ctx, func(tx querier) error {
		_, err := s.exec(ctx, tx, `INSERT INTO credential_uses (office, credential_id, last_used_at) VALUES (?, ?, ?)
			ON CONFLICT (office, credential_id) DO UPDATE SET last_used_at = excluded.last_used_at
			WHERE credential_uses.last_used_at < excluded.last_used_at`,
			office.Plain(), id, s.t(at))
		if err != nil {
			return fmt.Errorf("registry store: touch credential %q: %w", id, err)
		}
		return nil
	})
}
