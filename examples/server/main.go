// Command server is the Dinas back office in one process: the registry on
// an embedded SQLite file (or PostgreSQL), the officer's web UI and the
// public verification page, seeded with demo data for Kabupaten Sukamara on
// its first start.
//
//	go run ./examples/server
//
// It prints the URL and the path of demo-credentials.json, which holds the
// demo officer's username, password and API token and each demo partner's
// API key. Flags:
//
//	--addr 127.0.0.1:8080   where to listen
//	--data ./adminduk-data  the SQLite file and the signing key (0600), created on first run
//	--postgres URL          keep the registry in PostgreSQL instead of SQLite
//	--demo                  seed demo data (default: only on the first run)
//	--lang id|en            the UI's default language
//
// SIGINT or SIGTERM stops it after the requests in flight are answered.
// Logs are structured (log/slog) with every NIK masked (3201********0001).
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "server:", err)
		os.Exit(1)
	}
}
