package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"

	"github.com/pressly/goose/v3"
)

// Migrate applies the goose migrations under "migrations" in fsys to db;
// pkg names the store in errors ("registry/sqlite").
func Migrate(ctx context.Context, db *sql.DB, dialect goose.Dialect, fsys fs.FS, pkg string) error {
	sub, err := fs.Sub(fsys, "migrations")
	if err != nil {
		return fmt.Errorf("%s: migrations: %w", pkg, err)
	}
	p, err := goose.NewProvider(dialect, db, sub)
	if err != nil {
		return fmt.Errorf("%s: migrations: %w", pkg, err)
	}
	if _, err := p.Up(ctx); err != nil {
		return fmt.Errorf("%s: migrate: %w", pkg, err)
	}
	return nil
}
