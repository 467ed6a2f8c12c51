package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/registry"
)

// Bounds of a run: the generator cannot be turned into a flood.
const (
	maxRate        = 5000
	maxConcurrency = 256
	maxDuration    = 10 * time.Minute
)

type loadOptions struct {
	rate        float64
	concurrency int
	duration    time.Duration
	warmup      time.Duration
	acks        string
	prefix      string
	stopOnFail  bool
}

func loadFlags(fl *flag.FlagSet, o *loadOptions) {
	fl.Float64Var(&o.rate, "rate", 0, fmt.Sprintf("target reports per second, open loop (0: closed loop with -c clients; at most %d)", maxRate))
	fl.IntVar(&o.concurrency, "c", 8, fmt.Sprintf("concurrent clients (at most %d)", maxConcurrency))
	fl.DurationVar(&o.duration, "d", 20*time.Second, fmt.Sprintf("measured duration (at most %s)", maxDuration))
	fl.DurationVar(&o.warmup, "warmup", 2*time.Second, "unmeasured load before the measurement")
	fl.StringVar(&o.acks, "acks", "", "append \"ack ID EXTERNAL_REF\" to `file` for every 201, once the answer is read")
	fl.StringVar(&o.prefix, "prefix", "", "external_ref prefix (default: random), distinct per run")
}

func (o *loadOptions) validate() error {
	switch {
	case o.rate < 0 || o.rate > maxRate:
		return fmt.Errorf("-rate %g: want 0-%d", o.rate, maxRate)
	case o.concurrency < 1 || o.concurrency > maxConcurrency:
		return fmt.Errorf("-c %d: want 1-%d", o.concurrency, maxConcurrency)
	case o.duration <= 0 || o.duration > maxDuration:
		return fmt.Errorf("-d %s: want up to %s", o.duration, maxDuration)
	case o.warmup < 0 || o.warmup > time.Minute:
		return fmt.Errorf("-warmup %s: want up to 1m", o.warmup)
	}
	if o.prefix == "" {
		var b [4]byte
		_, _ = rand.Read(b[:])
		o.prefix = "load-" + hex.EncodeToString(b[:])
	}
	return nil
}

// runLocal is "load" without a mode: an in-process server and a run.
func runLocal(ctx context.Context, args []string) error {
	var so serveOptions
	var lo loadOptions
	fl := flag.NewFlagSet("load", flag.ContinueOnError)
	serveFlags(fl, &so)
	loadFlags(fl, &lo)
	if err := fl.Parse(args); err != nil {
		return err
	}
	if err := lo.validate(); err != nil {
		return err
	}
	if so.data == "" {
		dir, err := os.MkdirTemp("", "adminduk-load-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		so.data = dir
	}
	so.addr = "127.0.0.1:0"
	s, err := startServer(ctx, so, nil)
	if err != nil {
		return err
	}
	store := "sqlite " + filepath.Join(so.data, "registry.db")
	if so.postgres != "" {
		store = "postgres"
	}
	fmt.Printf("server %s on %s, %d partner keys, per-key rate limit %g/s\n", s.url, store, len(s.creds.Partners), so.rateLimit)
	runErr := drive(ctx, s.url, keysOf(s.creds), lo, os.Stdout)
	return errors.Join(runErr, s.stop())
}

// runRemote is "load run": a run against a server already listening.
func runRemote(ctx context.Context, args []string) error {
	var lo loadOptions
	var target, credsPath string
	fl := flag.NewFlagSet("run", flag.ContinueOnError)
	loadFlags(fl, &lo)
	fl.StringVar(&target, "url", "", "base `URL` of the server (loopback only; default: the url of --creds)")
	fl.StringVar(&credsPath, "creds", "", "demo-credentials.json or load-credentials.json")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if err := lo.validate(); err != nil {
		return err
	}
	if credsPath == "" {
		return errors.New("run: --creds is required")
	}
	creds, err := readCreds(credsPath)
	if err != nil {
		return err
	}
	if target == "" {
		target = creds.URL
	}
	if err := loopbackURL(target); err != nil {
		return err
	}
	keys := keysOf(creds)
	if len(keys) == 0 {
		return fmt.Errorf("%s: no partner with an active agreement for births", credsPath)
	}
	return drive(ctx, target, keys, lo, os.Stdout)
}

// keysOf returns the API keys of the health partners (the ones that may
// report births) whose agreement is active.
func keysOf(c *credentials) []string {
	var keys []string
	for _, p := range c.Partners {
		switch p.Category {
		case "rumah_sakit", "klinik", "bidan", "puskesmas":
			if p.APIKey != "" && p.AgreementStatus == "active" {
				keys = append(keys, p.APIKey)
			}
		}
	}
	return keys
}

// loopbackURL refuses a URL whose host is not a loopback address.
func loopbackURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return fmt.Errorf("url %q: %w", raw, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("url %q: want http or https", raw)
	}
	port := u.Port()
	if port == "" {
		port = "80"
	}
	return loopbackAddr(net.JoinHostPort(u.Hostname(), port))
}

// sample is one request's outcome.
type sample struct {
	at      time.Time
	latency time.Duration
	status  int // 0: transport error
}

// drive submits reports to base for lo.warmup + lo.duration and prints the
// figures of the measured part.
func drive(ctx context.Context, base string, keys []string, lo loadOptions, out io.Writer) error {
	tr := &http.Transport{MaxIdleConns: maxConcurrency, MaxIdleConnsPerHost: maxConcurrency, MaxConnsPerHost: maxConcurrency,
		IdleConnTimeout: 30 * time.Second}
	cl := &http.Client{Transport: tr, Timeout: 30 * time.Second}
	defer tr.CloseIdleConnections()
	var ackw *ackWriter
	if lo.acks != "" {
		f, err := os.OpenFile(lo.acks, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
		if err != nil {
			return err
		}
		defer f.Close()
		ackw = &ackWriter{f: f}
	}
	gen := newGenerator(lo.prefix)
	start := time.Now()
	measureFrom := start.Add(lo.warmup)
	end := measureFrom.Add(lo.duration)
	ctx, cancel := context.WithDeadline(ctx, end)
	defer cancel()

	var mu sync.Mutex
	var samples []sample
	var transportErrs atomic.Int64
	var firstErr atomic.Value
	one := func(worker int) {
		n, body := gen.next()
		key := keys[n%len(keys)]
		t0 := time.Now()
		status, id, err := post(ctx, cl, base, key, lo.prefix, n, body)
		d := time.Since(t0)
		if ctx.Err() != nil && err != nil {
			return // cut by the end of the run: not counted
		}
		if err != nil {
			transportErrs.Add(1)
			firstErr.CompareAndSwap(nil, err.Error())
		}
		if status == http.StatusCreated && ackw != nil {
			ackw.write(id, gen.ref(n))
		}
		mu.Lock()
		samples = append(samples, sample{at: t0, latency: d, status: status})
		mu.Unlock()
	}
	var wg sync.WaitGroup
	if lo.rate > 0 {
		// Open loop: a request every 1/rate, whatever the answers; at most
		// maxConcurrency in flight (beyond it the tick is skipped and counted).
		sem := make(chan struct{}, maxConcurrency)
		interval := time.Duration(float64(time.Second) / lo.rate)
		next := time.Now()
		var skipped int
	loop:
		for {
			next = next.Add(interval)
			if d := time.Until(next); d > 0 {
				select {
				case <-ctx.Done():
					break loop
				case <-time.After(d):
				}
			}
			if ctx.Err() != nil {
				break
			}
			select {
			case sem <- struct{}{}:
				wg.Add(1)
				go func() { defer wg.Done(); defer func() { <-sem }(); one(0) }()
			default:
				skipped++
			}
		}
		if skipped > 0 {
			fmt.Fprintf(out, "warning: %d ticks skipped with %d requests in flight: the server is slower than the rate\n", skipped, maxConcurrency)
		}
	} else {
		for w := range lo.concurrency {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for ctx.Err() == nil {
					one(w)
				}
			}()
		}
	}
	wg.Wait()
	if ackw != nil && ackw.err != nil {
		return ackw.err
	}
	report(out, samples, measureFrom, lo, len(keys))
	if e := firstErr.Load(); e != nil {
		fmt.Fprintf(out, "first transport error: %s\n", e)
	}
	return nil
}

func report(out io.Writer, all []sample, from time.Time, lo loadOptions, keys int) {
	var lat []time.Duration
	byStatus := map[int]int{}
	ok := 0
	for _, s := range all {
		if s.at.Before(from) {
			continue
		}
		byStatus[s.status]++
		if s.status == http.StatusCreated {
			ok++
		}
		lat = append(lat, s.latency)
	}
	mode := fmt.Sprintf("closed loop, %d clients", lo.concurrency)
	if lo.rate > 0 {
		mode = fmt.Sprintf("open loop, target %g/s", lo.rate)
	}
	secs := lo.duration.Seconds()
	fmt.Fprintf(out, "%s, %d keys, %s measured after %s warm-up\n", mode, keys, lo.duration, lo.warmup)
	fmt.Fprintf(out, "requests %d, created %d: %.1f reports/s sustained\n", len(lat), ok, float64(ok)/secs)
	if len(lat) > 0 {
		slices.Sort(lat)
		q := func(p float64) float64 {
			return float64(lat[min(len(lat)-1, int(p*float64(len(lat))))].Microseconds()) / 1000
		}
		fmt.Fprintf(out, "latency ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f\n", q(0.50), q(0.95), q(0.99),
			float64(lat[len(lat)-1].Microseconds())/1000)
	}
	codes := make([]int, 0, len(byStatus))
	for c := range byStatus {
		codes = append(codes, c)
	}
	sort.Ints(codes)
	var parts []string
	for _, c := range codes {
		name := fmt.Sprint(c)
		if c == 0 {
			name = "transport-error"
		}
		parts = append(parts, fmt.Sprintf("%s: %d", name, byStatus[c]))
	}
	fmt.Fprintf(out, "by status: %s\n", strings.Join(parts, ", "))
}

// post submits one birth report and returns the status and, for 201, the ID.
func post(ctx context.Context, cl *http.Client, base, key, prefix string, n int, body []byte) (int, string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, base+"/api/v1/birth-reports", bytes.NewReader(body))
	if err != nil {
		return 0, "", err
	}
	req.Header.Set("Authorization", "Bearer "+key)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Idempotency-Key", fmt.Sprintf("%s-%d", prefix, n))
	resp, err := cl.Do(req)
	if err != nil {
		return 0, "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return 0, "", err
	}
	if resp.StatusCode != http.StatusCreated {
		return resp.StatusCode, "", nil
	}
	var created struct {
		ID string `json:"id"`
	}
	if err := json.Unmarshal(b, &created); err != nil || created.ID == "" {
		return 0, "", fmt.Errorf("201 without an id: %q", b)
	}
	return resp.StatusCode, created.ID, nil
}

// ackWriter appends acknowledgement lines, each written (unbuffered) before
// the next request of its worker.
type ackWriter struct {
	mu  sync.Mutex
	f   *os.File
	err error
}

func (a *ackWriter) write(id, ref string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.err == nil {
		_, a.err = fmt.Fprintf(a.f, "ack %s %s\n", id, ref)
	}
}

// generator makes the birth reports of a run: each with its own
// external_ref and a mother no other report of the run names.
type generator struct {
	prefix string
	n      atomic.Int64
	today  adminduk.Date
}

func newGenerator(prefix string) *generator {
	return &generator{prefix: prefix, today: adminduk.DateOf(time.Now().In(adminduk.WIB))}
}

func (g *generator) ref(n int) string { return fmt.Sprintf("%s-%d", g.prefix, n) }

// next returns the number and the JSON body of the next report.
func (g *generator) next() (int, []byte) {
	n := int(g.n.Add(1) - 1)
	b := birth(g.ref(n), n, g.prefix, g.today)
	body, err := json.Marshal(b)
	if err != nil {
		panic(err) // a fixed struct
	}
	return n, body
}

// birth is a valid birth report numbered n: the mother's NIK and birth date
// vary with n and the run's prefix (distinct for 3.3 M reports of a run),
// the child is born within the last 30 days.
func birth(ref string, n int, prefix string, today adminduk.Date) *registry.BirthReport {
	sex := []string{"L", "P"}[n%2]
	name := []string{"Muhammad Rizki Pratama", "Nur Aisyah Putri"}[n%2]
	h := 0
	for _, c := range prefix {
		h = h*31 + int(c)
	}
	m := (n + h&0xffff*9999) % (9999 * 28 * 12)
	serial, rest := m%9999+1, m/9999
	day, month := rest%28+1, rest/28%12+1
	year := 90 + (h>>16)%10
	return &registry.BirthReport{
		ExternalRef: ref,
		Child: registry.Newborn{
			Name: name, Sex: sex, BirthDate: today.AddDays(-1 - n%30).String(), BirthTime: "07:45",
			PlaceType: registry.PlacePuskesmas, Place: "Puskesmas Sukamara",
			Multiplicity: "tunggal", BirthOrder: 1, Attendant: registry.AttendantMidwife, Religion: "Islam",
			WeightG: 2800 + n%700, LengthCM: 49.5,
		},
		Mother: registry.Parent{NIK: fmt.Sprintf("%s%02d%02d%02d%04d", kecamatan.Plain(), day+40, month, year, serial),
			Name: "Siti Aminah", BirthDate: fmt.Sprintf("19%02d-%02d-%02d", year, month, day)},
		Father:   &registry.Parent{NIK: "6208011203900002", Name: "Ahmad Fauzi"},
		Parents:  registry.ParentsMarried,
		Marriage: &registry.MarriageProof{Kind: registry.BukuNikah, Number: "0123/045/VI/2020"},
		Family: registry.FamilyRef{KK: "6208011506200003", Address: registry.Address{Street: "Jl. Tjilik Riwut", RT: "002", RW: "005",
			Village: village.String()}},
		Reporter:    registry.Reporter{NIK: "6208011203900002", Name: "Ahmad Fauzi", Relation: "ayah"},
		Proof:       registry.ProofCertificate,
		Certificate: &registry.Certificate{Number: fmt.Sprintf("SKL/%d/XII/2026", n), Faskes: "Puskesmas Sukamara", Attendant: "Bd. Rina"},
	}
}
