// Package postgres is the [registry.Store] for a province or the nation, on
// PostgreSQL through pgx v5 (its database/sql adapter, so that it shares its
// statements with registry/sqlite). Its schema is migrated on Open by its own
// embedded goose migrations.
//
// # Scale and Citus
//
// Every table leads with the office (kab/kota) code and every primary key and
// unique constraint includes it. Sequences are rows: NIK serials per
// (office, kecamatan, date digits) and akta serials per (office, day), taken
// with INSERT ... ON CONFLICT DO UPDATE ... RETURNING, whose row lock orders
// concurrent registrations in the transaction of the record; idempotency keys
// and external references are unique constraints. Nothing lives in process
// memory, so any number of processes may share one database. Past one primary,
// the same schema is distributed by office on Citus:
//
//	SELECT create_distributed_table(t, 'office')
//	FROM unnest(ARRAY['reports', 'actions', 'idempotency_keys', 'nik_serials',
//	                  'akta_serials', 'registrations', 'audit', 'agreements',
//	                  'webhook_endpoints', 'webhook_endpoint_changes', 'webhook_events',
//	                  'webhook_deliveries', 'webhook_attempts']) AS t;
//
// with the tables colocated, since every write and nearly every read names one
// office; a transaction then touches one shard. (The look-up of a partner's
// agreements by partner ID alone is the exception: on Citus it fans out, or
// agreements become a reference table.)
//
// Nothing is ever deleted: a trigger refuses DELETE on every table and UPDATE
// on the append-only ones (actions, registrations,
// documents, document_states, handovers, audit, and the webhook endpoints,
// endpoint changes, events and attempts); every write is
// journaled in the audit table. Webhook workers claim due deliveries across
// offices with FOR UPDATE SKIP LOCKED (on Citus this cross-office claim
// would have to become one claim per office: not done yet).
package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/pressly/goose/v3"

	"github.com/adminduk-id/adminduk/registry"
	"github.com/adminduk-id/adminduk/registry/internal/sqlstore"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Options configure [Open].
type Options struct {
	// Schema, when set, is created if missing and used as the search path:
	// one registry per schema (tests use one each).
	Schema string
	// MaxConns bounds the pool; 0 means pgxpool's default.
	MaxConns int32
}

// Store is a registry.Store on PostgreSQL.
type Store struct {
	sqlstore.Store
	Pool *pgxpool.Pool
}

var _ registry.Store = (*Store)(nil)

// Open connects to the database at dsn (a postgres:// URL or key=value
// string) and migrates it to the current schema.
func Open(ctx context.Context, dsn string, o Options) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("registry/postgres: %w", err)
	}
	if o.MaxConns > 0 {
		cfg.MaxConns = o.MaxConns
	}
	if o.Schema != "" {
		conn, err := pgx.ConnectConfig(ctx, cfg.ConnConfig.Copy())
		if err != nil {
			return nil, fmt.Errorf("registry/postgres: %w", err)
		}
		_, err = conn.Exec(ctx, "CREATE SCHEMA IF NOT EXISTS "+pgx.Identifier{o.Schema}.Sanitize())
		_ = conn.Close(ctx)
		if err != nil {
			return nil, fmt.Errorf("registry/postgres: create schema: %w", err)
		}
		cfg.ConnConfig.RuntimeParams["search_path"] = o.Schema
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("registry/postgres: %w", err)
	}
	db := stdlib.OpenDBFromPool(pool)
	if err := sqlstore.Migrate(ctx, db, goose.DialectPostgres, migrations, "registry/postgres"); err != nil {
		_ = db.Close()
		pool.Close()
		return nil, err
	}
	s := &Store{Store: sqlstore.Store{W: db, R: db, D: sqlstore.Dialect{
		Dollar:   true,
		IsUnique: isUnique,
		Time:     func(t time.Time) any { return t.UTC() },
	}}, Pool: pool}
	s.Closers = []func() error{db.Close, func() error { pool.Close(); return nil }}
	return s, nil
}

func isUnique(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "23505"
}
