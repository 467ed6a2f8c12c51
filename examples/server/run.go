package main

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/credential"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/registry"
	"github.com/adminduk-id/adminduk/registry/httpapi/webui"
	"github.com/adminduk-id/adminduk/registry/postgres"
	"github.com/adminduk-id/adminduk/registry/sqlite"
	"github.com/adminduk-id/adminduk/registry/webhook"
)

// Regency is the kab/kota of the demo Dinas: Kabupaten Sukamara.
var Regency = wilayah.MustParseCode("62.08")

const (
	keyFile   = "signing-key.pem"
	dbFile    = "registry.db"
	credsFile = "demo-credentials.json"
)

type options struct {
	addr, data, postgres, lang string
	demo, demoSet              bool
}

func parseFlags(args []string, stderr io.Writer) (options, error) {
	var o options
	fl := flag.NewFlagSet("server", flag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.StringVar(&o.addr, "addr", "127.0.0.1:8080", "`host:port` to listen on")
	fl.StringVar(&o.data, "data", "./adminduk-data", "`directory` of the SQLite store and the signing key (created on first run)")
	fl.StringVar(&o.postgres, "postgres", "", "PostgreSQL `URL` to keep the registry in instead of SQLite")
	fl.BoolVar(&o.demo, "demo", false, "seed demo data (default: on the first run only)")
	fl.StringVar(&o.lang, "lang", "id", "default language of the UI: id or en")
	if err := fl.Parse(args); err != nil {
		return o, err
	}
	if fl.NArg() > 0 {
		return o, fmt.Errorf("unexpected arguments %q", fl.Args())
	}
	if o.lang != "id" && o.lang != "en" {
		return o, fmt.Errorf("--lang %q: want id or en", o.lang)
	}
	fl.Visit(func(f *flag.Flag) {
		if f.Name == "demo" {
			o.demoSet = true
		}
	})
	return o, nil
}

// run serves until ctx is done, then drains the requests in flight.
func run(ctx context.Context, args []string, stdout io.Writer) error {
	started := time.Now()
	o, err := parseFlags(args, stdout)
	if err != nil {
		return err
	}
	log := newLogger(stdout)
	if err := os.MkdirAll(o.data, 0o700); err != nil {
		return fmt.Errorf("data directory: %w", err)
	}
	key, firstRun, err := loadOrCreateKey(filepath.Join(o.data, keyFile))
	if err != nil {
		return err
	}
	demo := firstRun
	if o.demoSet {
		demo = o.demo
	}
	signer, err := credential.NewSigner("ID-"+Regency.Plain(), key)
	if err != nil {
		return err
	}
	office := registry.Office{
		Issuer: adminduk.Issuer{Regency: Regency, HeadName: "H. Ahmad Suhaemi, M.Si.",
			HeadNIP: adminduk.MustParseNIP("197005121995031002")},
		Name:   "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Sukamara",
		Signer: signer,
	}
	store, err := openStore(ctx, o)
	if err != nil {
		return err
	}
	defer store.Close()
	// A demonstration server delivers webhooks to receivers on this machine too.
	svc, err := registry.New(registry.Config{Store: store, Offices: []registry.Office{office},
		Webhooks: registry.WebhookConfig{AllowPrivate: true}})
	if err != nil {
		return err
	}
	keys := svc.KeySet()

	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return err
	}
	url := "http://" + ln.Addr().String()
	if demo {
		creds, err := seedDemo(ctx, svc, office, url)
		if err != nil {
			_ = ln.Close()
			return fmt.Errorf("demo data: %w", err)
		}
		if err := writeSecretJSON(filepath.Join(o.data, credsFile), creds); err != nil {
			_ = ln.Close()
			return err
		}
	}
	ui, err := webui.New(webui.Config{Service: svc, Keys: keys, Lang: o.lang, Logger: log,
		OfficeNames: map[string]string{Regency.Plain(): "Disdukcapil Kab. Sukamara"}})
	if err != nil {
		_ = ln.Close()
		return err
	}
	handler, err := mount(svc, ui, log)
	if err != nil {
		_ = ln.Close()
		return err
	}
	srv := &http.Server{Handler: handler, ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout: 60 * time.Second, WriteTimeout: 60 * time.Second, IdleTimeout: 120 * time.Second,
		ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn)}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	// The webhook worker drains the outbox in process until shutdown.
	wctx, stopWorker := context.WithCancel(context.Background())
	workerDone := make(chan struct{})
	worker := webhook.NewWorker(store, webhook.Options{AllowPrivate: true, Logger: log, OnAttempt: handler.WebhookAttempt})
	go func() {
		defer close(workerDone)
		_ = worker.Run(wctx) // returns the context's error when stopped
	}()
	defer func() {
		stopWorker()
		<-workerDone
	}()

	fmt.Fprintf(stdout, "Adminduk back office: %s\n", url)
	if _, err := os.Stat(filepath.Join(o.data, credsFile)); err == nil {
		fmt.Fprintf(stdout, "Demo credentials: %s\n", filepath.Join(o.data, credsFile))
	}
	log.Info("serving", "url", url, "store", storeName(o), "demo", demo, "startup_ms", time.Since(started).Milliseconds())

	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down: draining requests")
	sctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	log.Info("stopped")
	return nil
}

func storeName(o options) string {
	if o.postgres != "" {
		return "postgres"
	}
	return "sqlite:" + filepath.Join(o.data, dbFile)
}

func openStore(ctx context.Context, o options) (registry.Store, error) {
	if o.postgres != "" {
		return postgres.Open(ctx, o.postgres, postgres.Options{})
	}
	return sqlite.Open(ctx, filepath.Join(o.data, dbFile), sqlite.Options{})
}

// loadOrCreateKey reads the office's Ed25519 key, creating it (mode 0600)
// when the file does not exist; created tells which.
func loadOrCreateKey(path string) (key ed25519.PrivateKey, created bool, err error) {
	b, err := os.ReadFile(path)
	if err == nil {
		key, err := credential.ParsePrivateKeyPEM(b)
		if err != nil {
			return nil, false, fmt.Errorf("signing key %s: %w", path, err)
		}
		return key, false, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return nil, false, fmt.Errorf("signing key: %w", err)
	}
	key, err = credential.GenerateKey(rand.Reader)
	if err != nil {
		return nil, false, err
	}
	pem, err := credential.MarshalPrivateKeyPEM(key)
	if err != nil {
		return nil, false, err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, false, fmt.Errorf("signing key: %w", err)
	}
	if _, err := f.Write(pem); err != nil {
		_ = f.Close()
		return nil, false, fmt.Errorf("signing key: %w", err)
	}
	if err := f.Close(); err != nil {
		return nil, false, fmt.Errorf("signing key: %w", err)
	}
	return key, true, nil
}

// writeSecretJSON writes v to path with mode 0600, replacing the file.
func writeSecretJSON(path string, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	tmp := path + ".tmp"
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if _, err := f.Write(append(b, '\n')); err != nil {
		_ = f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
