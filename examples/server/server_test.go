package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/registry/httpapi"
)

// syncBuffer is a bytes.Buffer safe for the server's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// server is a run of the example server in this process.
type server struct {
	URL    string
	Out    *syncBuffer
	cancel context.CancelFunc
	done   chan error
}

// start runs the server on a free port with args and waits until it serves.
func start(t testing.TB, args ...string) *server {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	s := &server{Out: &syncBuffer{}, cancel: cancel, done: make(chan error, 1)}
	go func() { s.done <- run(ctx, append([]string{"--addr", "127.0.0.1:0"}, args...), s.Out) }()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		out := s.Out.String()
		if i := strings.Index(out, "Adminduk back office: "); i >= 0 {
			line := out[i+len("Adminduk back office: "):]
			s.URL = strings.TrimSpace(line[:strings.IndexByte(line, '\n')])
			return s
		}
		select {
		case err := <-s.done:
			t.Fatalf("server stopped: %v\n%s", err, out)
		case <-time.After(20 * time.Millisecond):
		}
	}
	t.Fatalf("server did not start:\n%s", s.Out.String())
	return nil
}

// stop sends the equivalent of SIGTERM and waits for a clean exit.
func (s *server) stop(t testing.TB) {
	t.Helper()
	s.cancel()
	select {
	case err := <-s.done:
		require.NoError(t, err)
	case <-time.After(20 * time.Second):
		t.Fatal("server did not stop")
	}
}

func readCreds(t testing.TB, dir string) demoCredentials {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, credsFile))
	require.NoError(t, err)
	var c demoCredentials
	require.NoError(t, json.Unmarshal(b, &c))
	return c
}

func TestFirstAndSecondStart(t *testing.T) {
	dir := t.TempDir()
	s := start(t, "--data", dir)
	creds := readCreds(t, dir)
	assert.Equal(t, s.URL, creds.URL)
	assert.Equal(t, "admin", creds.Officer.Username)
	assert.GreaterOrEqual(t, len(creds.Officer.Password), 16)
	statuses := map[string]bool{}
	cats := map[string]bool{}
	for _, p := range creds.Partners {
		statuses[p.AgreementStatus] = true
		cats[p.Category] = true
	}
	for _, st := range []string{"active", "expired", "suspended"} {
		assert.True(t, statuses[st], "a partner with an agreement %s", st)
	}
	for _, c := range []string{"rumah_sakit", "puskesmas", "klinik", "bidan", "paud_tk", "sd", "smp", "merchant", "tempat_wisata"} {
		assert.True(t, cats[c], "a partner of category %s", c)
	}
	for _, f := range []string{keyFile, credsFile, dbFile} {
		fi, err := os.Stat(filepath.Join(dir, f))
		require.NoError(t, err)
		assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm(), f)
	}
	res, err := http.Get(s.URL + "/login")
	require.NoError(t, err)
	_ = res.Body.Close()
	assert.Equal(t, http.StatusOK, res.StatusCode)
	s.stop(t)
	assert.Contains(t, s.Out.String(), "stopped")

	// The second start reuses the data: no new demo, same credentials.
	s2 := start(t, "--data", dir)
	defer s2.stop(t)
	again := readCreds(t, dir)
	assert.Equal(t, creds.Officer.Password, again.Officer.Password)
	assert.Contains(t, s2.Out.String(), "demo=false")
}

func TestShutdownDrainsRequests(t *testing.T) {
	dir := t.TempDir()
	s := start(t, "--data", dir)
	// A request in flight when the stop comes is answered.
	pr, pw := io.Pipe()
	resc := make(chan *http.Response, 1)
	go func() {
		req, _ := http.NewRequest(http.MethodPost, s.URL+"/verify", pr)
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Sec-Fetch-Site", "same-origin")
		res, err := http.DefaultClient.Do(req)
		if err == nil {
			resc <- res
		}
		close(resc)
	}()
	_, _ = pw.Write([]byte("payload="))
	time.Sleep(100 * time.Millisecond)
	go s.cancel()
	time.Sleep(100 * time.Millisecond)
	_, _ = pw.Write([]byte("abc"))
	_ = pw.Close()
	res := <-resc
	require.NotNil(t, res, "the request in flight was answered")
	_ = res.Body.Close()
	assert.Equal(t, http.StatusOK, res.StatusCode)
	require.NoError(t, <-s.done, "a clean exit")
}

func TestFlags(t *testing.T) {
	for _, args := range [][]string{{"--lang", "fr"}, {"extra"}, {"--nope"}} {
		err := run(context.Background(), args, io.Discard)
		assert.Error(t, err, "%q", args)
	}
}

func TestMaskNIKs(t *testing.T) {
	for in, want := range map[string]string{
		"3201014512230001":                         "3201********0001",
		"path=/documents/KIA/6208014212260001/pdf": "path=/documents/KIA/6208********0001/pdf",
		"a 6208014212260001,6208014212260002 b":    "a 6208********0001,6208********0002 b",
		"12345":                                    "12345",
		"32010145122300011":                        "32010145122300011", // 17 digits: not a NIK
	} {
		assert.Equal(t, want, httpapi.MaskNIKs(in), in)
	}
	var buf bytes.Buffer
	newLogger(&buf).Info("lookup 6208014212260001", "nik", "6208014212260001", "err", io.EOF)
	assert.NotContains(t, buf.String(), "6208014212260001")
	assert.Contains(t, buf.String(), "6208********0001")
}
