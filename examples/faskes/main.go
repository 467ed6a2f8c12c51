// Command faskes is a simulated hospital system (SIMRS) of a partner faskes:
// it submits births to a Dinas registry through package registry/client —
// half as the registry's JSON, half as the FHIR R4 bundles a
// SATUSEHAT-connected SIMRS already produces — listens for the registry's
// webhooks, and prints what came of them.
//
//	go run ./examples/faskes --server http://127.0.0.1:8080 --key adk_... --births 20 \
//	    --listen 127.0.0.1:9090 --webhook-secret whsec_... --wait 30s
//
// The summary counts the births accepted (and refused, by status), then,
// from the reports' status after --wait, those returned and registered and
// the documents issued for them, and from the webhooks received (verified
// with client.VerifyWebhook) the events, documents and latency.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"slices"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/registry"
	"github.com/adminduk-id/adminduk/registry/client"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "faskes:", err)
		os.Exit(1)
	}
}

type options struct {
	server, key, listen, secret string
	births                      int
	wait                        time.Duration
	village, kk, prefix         string
	day                         string
	progress, fhir              bool
}

func parse(args []string, out io.Writer) (*options, error) {
	fs := flag.NewFlagSet("faskes", flag.ContinueOnError)
	fs.SetOutput(out)
	o := &options{}
	fs.StringVar(&o.server, "server", "", "the registry's URL (required)")
	fs.StringVar(&o.key, "key", "", "the partner's API key (required; or $ADMINDUK_API_KEY)")
	fs.IntVar(&o.births, "births", 10, "births to submit (1-9999), half JSON, half FHIR")
	fs.StringVar(&o.listen, "listen", "", "address to receive webhooks on, e.g. 127.0.0.1:9090 (none: no webhooks)")
	fs.StringVar(&o.secret, "webhook-secret", "", "the endpoint's whsec_ secret (required with --listen; or $ADMINDUK_WEBHOOK_SECRET)")
	fs.DurationVar(&o.wait, "wait", 0, "how long to wait after submitting for the Dinas to act, before the summary")
	fs.StringVar(&o.village, "village", "62.08.01.2001", "desa/kelurahan code of the families' address")
	fs.StringVar(&o.kk, "kk", "6208011506200003", "the families' KK number")
	fs.StringVar(&o.prefix, "prefix", "", "external_ref prefix (default SIMRS-<unix time>)")
	fs.StringVar(&o.day, "date", "", "the day of birth, YYYY-MM-DD (default yesterday, WIB)")
	fs.BoolVar(&o.progress, "progress", true, "show a progress bar")
	fs.BoolVar(&o.fhir, "fhir", true, "send every second birth as a FHIR R4 bundle (false: all as JSON)")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if o.key == "" {
		o.key = os.Getenv("ADMINDUK_API_KEY")
	}
	if o.secret == "" {
		o.secret = os.Getenv("ADMINDUK_WEBHOOK_SECRET")
	}
	switch {
	case o.server == "":
		return nil, errors.New("--server is required")
	case o.key == "":
		return nil, errors.New("--key is required")
	case o.births < 1 || o.births > 9999:
		return nil, fmt.Errorf("--births %d: want 1 to 9999", o.births)
	case o.listen != "" && o.secret == "":
		return nil, errors.New("--listen needs --webhook-secret to verify what it receives")
	}
	return o, nil
}

// run submits the births and prints the summary on stdout.
func run(ctx context.Context, args []string, stdout io.Writer) error {
	o, err := parse(args, stdout)
	if err != nil {
		return err
	}
	village, err := wilayah.ParseCode(o.village)
	if err != nil || village.Level() != wilayah.LevelVillage {
		return fmt.Errorf("--village %q is not a desa/kelurahan code", o.village)
	}
	day := adminduk.Today().AddDays(-1)
	if o.day != "" {
		if day, err = adminduk.ParseDate(o.day); err != nil {
			return fmt.Errorf("--date: %w", err)
		}
	}
	if o.prefix == "" {
		o.prefix = fmt.Sprintf("SIMRS-%d", time.Now().Unix())
	}
	c, err := client.New(client.Config{BaseURL: o.server, Token: o.key})
	if err != nil {
		return err
	}
	var hooks *receiver
	if o.listen != "" {
		if hooks, err = listen(ctx, o.listen, o.secret); err != nil {
			return err
		}
		defer hooks.close()
		fmt.Fprintf(stdout, "listening for webhooks on http://%s/\n", hooks.addr)
	}
	b := &births{village: village, day: day, prefix: o.prefix, kk: o.kk}
	sum := submit(ctx, c, b, o, stdout)
	if o.wait > 0 {
		select {
		case <-ctx.Done():
		case <-time.After(o.wait):
		}
	}
	sum.collect(ctx, c)
	if hooks != nil {
		sum.hooks = hooks.snapshot()
	}
	sum.print(stdout)
	if sum.accepted == 0 {
		return fmt.Errorf("no birth was accepted (first error: %v)", sum.firstErr)
	}
	return nil
}

// submitted is one birth the registry accepted.
type submitted struct {
	id   string
	fhir bool
}

// summary is what came of a run.
type summary struct {
	accepted, jsonN, fhirN, replayed int
	refused                          map[string]int // by problem slug or "network"
	firstErr                         error
	reports                          []submitted
	elapsed                          time.Duration
	status                           map[registry.Status]int
	documents                        int
	hooks                            hookStats
}

func submit(ctx context.Context, c *client.Client, b *births, o *options, stdout io.Writer) *summary {
	s := &summary{refused: map[string]int{}, status: map[registry.Status]int{}}
	var bar *progressbar.ProgressBar
	if o.progress {
		bar = progressbar.NewOptions(o.births, progressbar.OptionSetWriter(stdout), progressbar.OptionSetDescription("births"),
			progressbar.OptionShowCount(), progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionOnCompletion(func() {
				fmt.Fprintln(stdout)
			}))
	}
	start := time.Now()
	for i := 0; i < o.births && ctx.Err() == nil; i++ {
		var created *client.ReportCreated
		var err error
		var replayed bool
		asFHIR := o.fhir && i%2 == 1
		if asFHIR {
			var data []byte
			if data, err = b.bundle(i); err == nil {
				created, err = c.CreateBirthBundle(ctx, data, client.Replayed(&replayed))
			}
		} else {
			created, err = c.CreateBirthReport(ctx, b.report(i), client.Replayed(&replayed))
		}
		switch {
		case err == nil:
			s.accepted++
			if asFHIR {
				s.fhirN++
			} else {
				s.jsonN++
			}
			if replayed {
				s.replayed++
			}
			s.reports = append(s.reports, submitted{id: created.ID, fhir: asFHIR})
		default:
			var e *client.Error
			if errors.As(err, &e) {
				s.refused[fmt.Sprintf("%d %s", e.Status, e.Slug())]++
			} else {
				s.refused["network"]++
			}
			if s.firstErr == nil {
				s.firstErr = err
			}
		}
		if bar != nil {
			_ = bar.Add(1)
		}
	}
	s.elapsed = time.Since(start)
	return s
}

// collect reads the status and documents of every accepted report.
func (s *summary) collect(ctx context.Context, c *client.Client) {
	for _, r := range s.reports {
		v, err := c.Report(ctx, registry.KindBirth, r.id)
		if err != nil {
			s.refused["read "+err.Error()]++
			continue
		}
		s.status[v.Status]++
		s.documents += len(v.Documents)
	}
}

func (s *summary) print(w io.Writer) {
	n := s.accepted + sumValues(s.refused)
	fmt.Fprintf(w, "submitted %d births in %s (%.1f/s)\n", n, s.elapsed.Round(time.Millisecond), float64(n)/max(s.elapsed.Seconds(), 1e-9))
	fmt.Fprintf(w, "accepted   %d (%d JSON, %d FHIR; %d replayed)\n", s.accepted, s.jsonN, s.fhirN, s.replayed)
	for _, k := range sortedKeys(s.refused) {
		fmt.Fprintf(w, "refused    %d %s\n", s.refused[k], k)
	}
	var registered int
	for st, k := range s.status {
		if st >= registry.StatusRegistered && st <= registry.StatusHandedOver {
			registered += k
		}
	}
	fmt.Fprintf(w, "returned   %d\n", s.status[registry.StatusReturned])
	fmt.Fprintf(w, "registered %d\n", registered)
	fmt.Fprintf(w, "documents  %d issued\n", s.documents)
	h := s.hooks
	if h.received+h.invalid > 0 || h.listening {
		fmt.Fprintf(w, "webhooks   %d received (%d duplicates, %d invalid), %d documents\n", h.received, h.duplicates, h.invalid, h.documents)
		if len(h.latencies) > 0 {
			fmt.Fprintf(w, "webhook latency p50 %s, p95 %s, max %s\n", pct(h.latencies, 50), pct(h.latencies, 95), pct(h.latencies, 100))
		}
	}
}

func sumValues(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

func sortedKeys(m map[string]int) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// pct returns the p-th percentile (nearest rank) of ds.
func pct(ds []time.Duration, p int) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	i := (p*len(s) + 99) / 100
	return s[min(max(i, 1), len(s))-1].Round(time.Millisecond)
}

// hookStats is what the webhook receiver saw.
type hookStats struct {
	listening                                bool
	received, duplicates, invalid, documents int
	latencies                                []time.Duration
}

// receiver verifies and counts the webhooks delivered to it.
type receiver struct {
	addr   string
	secret string
	srv    *http.Server
	mu     sync.Mutex
	seen   map[string]bool
	stats  hookStats
}

func listen(ctx context.Context, addr, secret string) (*receiver, error) {
	ln, err := (&net.ListenConfig{}).Listen(ctx, "tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("--listen: %w", err)
	}
	r := &receiver{addr: ln.Addr().String(), secret: secret, seen: map[string]bool{}, stats: hookStats{listening: true}}
	r.srv = &http.Server{Handler: r, ReadHeaderTimeout: 5 * time.Second}
	go func() { _ = r.srv.Serve(ln) }()
	return r, nil
}

// ServeHTTP verifies one delivery and counts it once per message id.
func (r *receiver) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	body, err := io.ReadAll(io.LimitReader(req.Body, 1<<20))
	now := time.Now()
	if err != nil {
		http.Error(w, "read error", http.StatusBadRequest)
		return
	}
	e, err := client.VerifyWebhook(r.secret, req.Header, body)
	r.mu.Lock()
	defer r.mu.Unlock()
	if err != nil {
		r.stats.invalid++
		http.Error(w, "invalid webhook", http.StatusUnauthorized)
		return
	}
	if r.seen[e.ID] {
		r.stats.duplicates++
		w.WriteHeader(http.StatusNoContent)
		return
	}
	r.seen[e.ID] = true
	r.stats.received++
	if e.Type == "document.issued" {
		r.stats.documents++
	}
	if !e.At.IsZero() {
		r.stats.latencies = append(r.stats.latencies, max(now.Sub(e.At), 0))
	}
	w.WriteHeader(http.StatusNoContent)
}

func (r *receiver) snapshot() hookStats {
	r.mu.Lock()
	defer r.mu.Unlock()
	s := r.stats
	s.latencies = slices.Clone(s.latencies)
	return s
}

func (r *receiver) close() {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	_ = r.srv.Shutdown(ctx)
}
