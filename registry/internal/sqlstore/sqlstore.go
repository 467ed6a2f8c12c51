// Package sqlstore is the registry.Store over database/sql shared by
// registry/sqlite and registry/postgres: the same statements, with the
// dialect's placeholders, time encoding and unique-violation test. Sequences
// and idempotency rest on the schema's unique constraints and on
// INSERT ... ON CONFLICT ... RETURNING, never on process memory.
package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Dialect is what differs between the databases.
type Dialect struct {
	Dollar   bool                  // $1 placeholders instead of ?
	IsUnique func(err error) bool  // a unique or primary-key violation
	Time     func(t time.Time) any // the argument for a timestamp column
	// CountTable: report_counts, kept by triggers, holds the counts of
	// reports by kind and status (SQLite); without it they are counted.
	CountTable bool
}

// Store implements registry.Store. W is the pool that writes, R the pool
// that reads (may be W). With Writer set (SQLite), the write transactions run
// on the Writer's connection instead of database/sql transactions of W.
type Store struct {
	W, R   *sql.DB
	D      Dialect
	Writer *Writer
	// Closers run on Close, in order.
	Closers []func() error

	stmts stmts // prepared statements; a Store must not be copied after use
}

// Close closes the pools.
func (s *Store) Close() error {
	errs := []error{s.forget()}
	for _, c := range s.Closers {
		errs = append(errs, c())
	}
	return errors.Join(errs...)
}

// q rewrites ? placeholders for the dialect.
func (s *Store) q(query string) string {
	if !s.D.Dollar {
		return query
	}
	var b strings.Builder
	n := 0
	for i := 0; i < len(query); i++ {
		if query[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(query[i])
	}
	return b.String()
}

func (s *Store) t(t time.Time) any { return s.D.Time(t) }

// inTx runs fn in a write transaction, committing when it returns nil.
func (s *Store) inTx(ctx context.Context, fn func(tx querier) error) (err error) {
	if s.Writer != nil {
		return s.Writer.run(ctx, fn)
	}
	tx, err := s.W.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("registry store: begin: %w", err)
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback()
		}
	}()
	if err = fn(tx); err != nil {
		return err
	}
	if err = tx.Commit(); err != nil {
		return fmt.Errorf("registry store: commit: %w", err)
	}
	s.preparePending(ctx)
	return nil
}

// dbTime scans a timestamp stored as time.Time (PostgreSQL) or as RFC 3339
// text (SQLite).
type dbTime struct{ T time.Time }

func (d *dbTime) Scan(src any) error {
	switch v := src.(type) {
	case time.Time:
		d.T = v.UTC()
		return nil
	case string:
		return d.parse(v)
	case []byte:
		return d.parse(string(v))
	case nil:
		d.T = time.Time{}
		return nil
	}
	return fmt.Errorf("registry store: cannot scan %T as a time", src)
}

func (d *dbTime) parse(s string) error {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return fmt.Errorf("registry store: bad time %q: %w", s, err)
	}
	d.T = t.UTC()
	return nil
}

// TextTime formats t for a TEXT column: fixed width UTC with microseconds,
// so that text order is time order.
func TextTime(t time.Time) any { return t.UTC().Format("2006-01-02T15:04:05.000000Z") }
