package main

import (
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"os"
	"path/filepath"
	"runtime"
	rpprof "runtime/pprof"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/credential"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/partnership"
	"github.com/adminduk-id/adminduk/registry"
	"github.com/adminduk-id/adminduk/registry/httpapi"
	"github.com/adminduk-id/adminduk/registry/postgres"
	"github.com/adminduk-id/adminduk/registry/sqlite"
	"github.com/adminduk-id/adminduk/registry/webhook"
)

var (
	regency   = wilayah.MustParseCode("62.08")
	kecamatan = wilayah.MustParseCode("62.08.01")
	village   = wilayah.MustParseCode("62.08.01.2001")
)

const credsName = "load-credentials.json"

// credentials is the shape of demo-credentials.json (examples/server) that
// the load generator reads; "load serve" writes the same shape.
type credentials struct {
	URL      string        `json:"url"`
	Partners []credPartner `json:"partners"`
	Webhook  *credWebhook  `json:"webhook,omitempty"`
}

type credPartner struct {
	ID              string `json:"id"`
	Name            string `json:"name"`
	Category        string `json:"category"`
	APIKey          string `json:"api_key"`
	AgreementStatus string `json:"agreement_status"`
}

type credWebhook struct {
	URL    string `json:"url"`
	Secret string `json:"secret"`
}

type serveOptions struct {
	addr, data, postgres, schema, webhookURL, pprofAddr, cpuProfile string
	partners                                                        int
	rateLimit                                                       float64
	readers                                                         int
}

func serveFlags(fl *flag.FlagSet, o *serveOptions) {
	fl.StringVar(&o.data, "data", "", "`directory` of the SQLite store and "+credsName+" (serve: required; local: a temporary directory)")
	fl.StringVar(&o.postgres, "postgres", "", "PostgreSQL `URL` instead of SQLite")
	fl.StringVar(&o.schema, "schema", "", "PostgreSQL `schema` (default: load_<unix time>)")
	fl.IntVar(&o.partners, "partners", 8, "partner API keys to create on first start (1-64)")
	fl.Float64Var(&o.rateLimit, "rate-limit", 1e6, "the server's per-key request rate limit (httpapi.Config.RateLimit)")
	fl.IntVar(&o.readers, "readers", 0, "SQLite read connections (0: the store's default)")
	fl.StringVar(&o.pprofAddr, "pprof", "", "serve net/http/pprof on this loopback `host:port`")
	fl.StringVar(&o.cpuProfile, "cpuprofile", "", "write a CPU profile of the server to `file`")
}

// server is a registry with its HTTP API listening on loopback.
type server struct {
	url   string
	creds *credentials
	stop  func() error
}

// startServer opens (or creates) the store of o, makes the partners and
// their keys on first start, and serves the API on o.addr.
func startServer(ctx context.Context, o serveOptions, log *slog.Logger) (*server, error) {
	if o.partners < 1 || o.partners > 64 {
		return nil, fmt.Errorf("--partners %d: want 1-64", o.partners)
	}
	if err := loopbackAddr(o.addr); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(o.data, 0o700); err != nil {
		return nil, err
	}
	var store registry.Store
	var err error
	if o.postgres != "" {
		schema := o.schema
		if schema == "" {
			schema = fmt.Sprintf("load_%d", time.Now().Unix())
		}
		store, err = postgres.Open(ctx, o.postgres, postgres.Options{Schema: schema, MaxConns: 16})
	} else {
		store, err = sqlite.Open(ctx, filepath.Join(o.data, "registry.db"), sqlite.Options{Readers: o.readers})
	}
	if err != nil {
		return nil, err
	}
	// A fixed key derived from the data directory: the same across restarts.
	seed := sha256.Sum256([]byte("adminduk load generator " + o.data))
	signer, err := credential.NewSigner("ID-"+regency.Plain(), ed25519.NewKeyFromSeed(seed[:]))
	if err != nil {
		return nil, err
	}
	office := registry.Office{
		Issuer: adminduk.Issuer{Regency: regency, HeadName: "H. Ahmad Suhaemi, M.Si.",
			HeadNIP: adminduk.MustParseNIP("197005121995031002")},
		Name: "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Sukamara", Signer: signer,
	}
	svc, err := registry.New(registry.Config{Store: store, Offices: []registry.Office{office},
		Webhooks: registry.WebhookConfig{AllowPrivate: true}})
	if err != nil {
		_ = store.Close()
		return nil, err
	}
	credsPath := filepath.Join(o.data, credsName)
	creds, err := readCreds(credsPath)
	if errors.Is(err, fs.ErrNotExist) {
		creds, err = makePartners(ctx, svc, o)
		if err == nil {
			err = writeCreds(credsPath, creds)
		}
	}
	if err != nil {
		_ = store.Close()
		return nil, err
	}
	api, err := httpapi.New(httpapi.Config{Service: svc, Demo: true, RateLimit: o.rateLimit, Logger: log})
	if err != nil {
		_ = store.Close()
		return nil, err
	}
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		_ = store.Close()
		return nil, err
	}
	creds.URL = "http://" + ln.Addr().String()
	srv := &http.Server{Handler: api, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 60 * time.Second,
		WriteTimeout: 60 * time.Second, IdleTimeout: 120 * time.Second}
	go func() { _ = srv.Serve(ln) }()

	var pprofSrv *http.Server
	if o.pprofAddr != "" {
		if err := loopbackAddr(o.pprofAddr); err != nil {
			return nil, err
		}
		mux := http.NewServeMux()
		mux.HandleFunc("/debug/pprof/", pprof.Index)
		mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
		mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
		mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
		pprofSrv = &http.Server{Addr: o.pprofAddr, Handler: mux, ReadHeaderTimeout: 10 * time.Second}
		go func() { _ = pprofSrv.ListenAndServe() }()
	}
	var prof *os.File
	if o.cpuProfile != "" {
		if prof, err = os.Create(o.cpuProfile); err != nil {
			return nil, err
		}
		runtime.SetBlockProfileRate(0)
		if err := rpprof.StartCPUProfile(prof); err != nil {
			return nil, err
		}
	}
	wctx, cancelWorker := context.WithCancel(context.WithoutCancel(ctx))
	workerDone := make(chan struct{})
	if creds.Webhook != nil {
		w := webhook.NewWorker(store, webhook.Options{AllowPrivate: true, Poll: 100 * time.Millisecond, Lease: 20 * time.Second,
			Timeout: 5 * time.Second, Logger: log})
		go func() { defer close(workerDone); _ = w.Run(wctx) }()
	} else {
		close(workerDone)
	}
	return &server{url: creds.URL, creds: creds, stop: func() error {
		if prof != nil {
			rpprof.StopCPUProfile()
			_ = prof.Close()
		}
		if pprofSrv != nil {
			_ = pprofSrv.Close()
		}
		sctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
		defer cancel()
		err := srv.Shutdown(sctx)
		cancelWorker()
		<-workerDone
		return errors.Join(err, store.Close())
	}}, nil
}

// makePartners imports one active agreement per partner and creates its
// API key; with a webhook URL it registers an endpoint for the first.
func makePartners(ctx context.Context, svc *registry.Service, o serveOptions) (*credentials, error) {
	today := adminduk.DateOf(time.Now().In(adminduk.WIB))
	creds := &credentials{}
	for i := range o.partners {
		id := fmt.Sprintf("load-pkm-%02d", i+1)
		a := partnership.Agreement{
			ID: "pks-" + id, Number: fmt.Sprintf("470/%03d/PKS-LOAD/%d", i+1, today.Year()),
			Partner: partnership.Partner{ID: id, Name: fmt.Sprintf("Puskesmas Beban %d", i+1), Category: partnership.Puskesmas, District: kecamatan},
			Scope: partnership.Scope{Services: partnership.ServicesOf(partnership.AktaKelahiran, partnership.KK,
				partnership.KIA, partnership.AktaKematian)},
			Signed: today.AddDays(-30), Start: today.AddDays(-30), End: today.AddDays(700), State: partnership.Active,
		}
		if err := svc.ImportAgreement(ctx, &a, "load"); err != nil {
			return nil, fmt.Errorf("partner %s: %w", id, err)
		}
		_, key, err := svc.CreateAPIKey(ctx, regency, id, "load", "load generator")
		if err != nil {
			return nil, fmt.Errorf("partner %s: %w", id, err)
		}
		creds.Partners = append(creds.Partners, credPartner{ID: id, Name: a.Partner.Name, Category: a.Partner.Category.String(),
			APIKey: key, AgreementStatus: a.StatusOn(today).String()})
		if i == 0 && o.webhookURL != "" {
			secret, _, err := svc.AddWebhookEndpoint(ctx, regency, id, o.webhookURL, "load")
			if err != nil {
				return nil, fmt.Errorf("webhook endpoint: %w", err)
			}
			creds.Webhook = &credWebhook{URL: o.webhookURL, Secret: secret}
		}
	}
	return creds, nil
}

func readCreds(path string) (*credentials, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var c credentials
	if err := json.Unmarshal(b, &c); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &c, nil
}

// writeCreds writes the credentials with mode 0600 (they hold API keys).
func writeCreds(path string, c *credentials) error {
	b, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(b, '\n'), 0o600)
}

// loopbackAddr refuses a host:port that is not on a loopback address.
func loopbackAddr(hostport string) error {
	host, _, err := net.SplitHostPort(hostport)
	if err != nil {
		return fmt.Errorf("address %q: %w", hostport, err)
	}
	if host == "localhost" {
		return nil
	}
	ip := net.ParseIP(host)
	if ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("address %q: loopback only (127.0.0.1, ::1 or localhost)", hostport)
	}
	return nil
}

// serve is "load serve": a server until SIGTERM (or SIGKILL).
func serve(ctx context.Context, args []string) error {
	var o serveOptions
	fl := flag.NewFlagSet("serve", flag.ContinueOnError)
	serveFlags(fl, &o)
	fl.StringVar(&o.addr, "addr", "127.0.0.1:0", "loopback `host:port` to listen on")
	fl.StringVar(&o.webhookURL, "webhook", "", "register this webhook endpoint `URL` for the first partner on first start and run the delivery worker")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if o.data == "" {
		return errors.New("serve: --data is required")
	}
	s, err := startServer(ctx, o, nil)
	if err != nil {
		return err
	}
	// The URL with a fresh port each start: rewritten so that clients find it.
	if err := writeCreds(filepath.Join(o.data, credsName), s.creds); err != nil {
		return err
	}
	fmt.Printf("serving %s pid %d\n", s.url, os.Getpid())
	<-ctx.Done()
	return s.stop()
}
