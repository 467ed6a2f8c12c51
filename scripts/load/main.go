// Command load is the load generator of the registry's HTTP API (issues 12
// and 13): it submits birth reports (POST /api/v1/birth-reports with an
// Idempotency-Key, every report with a mother of its own so that no
// duplicate rule fires) at a target rate or with a fixed number of
// concurrent clients, and prints the sustained reports per second, the
// p50/p95/p99 latency and the errors by status. It talks to loopback
// addresses only and is bounded (rate, duration and concurrency are capped).
//
//	load [flags]                   start a server in-process (SQLite in a temporary
//	                               directory, or --postgres) and load it
//	load run --url URL --creds F   load a running server (loopback only); F is
//	                               demo-credentials.json of examples/server or
//	                               load-credentials.json of "load serve"
//	load serve --data DIR          a minimal server on DIR/registry.db (partners,
//	                               keys and load-credentials.json (in DIR) made on first
//	                               start), optionally with the webhook worker
//	load check --url URL --creds F ACKS...
//	                               prove that every acknowledged report (lines
//	                               "ack ID EXTERNAL_REF") is stored exactly once and
//	                               that no external_ref is stored twice
//	load receive --addr A --out F  a webhook receiver writing one line per message
//
// scripts/load/run.sh and scripts/killload/run.sh drive it.
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
	args := os.Args[1:]
	mode := "local"
	if len(args) > 0 && len(args[0]) > 0 && args[0][0] != '-' {
		mode, args = args[0], args[1:]
	}
	var err error
	switch mode {
	case "local":
		err = runLocal(ctx, args)
	case "run":
		err = runRemote(ctx, args)
	case "serve":
		err = serve(ctx, args)
	case "check":
		err = check(ctx, args)
	case "receive":
		err = receive(ctx, args)
	default:
		err = fmt.Errorf("unknown mode %q (want run, serve, check or receive)", mode)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "load:", err)
		os.Exit(1)
	}
}
