package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLoopbackOnly(t *testing.T) {
	for _, tc := range []struct {
		url string
		ok  bool
	}{
		{"http://127.0.0.1:8080", true},
		{"http://localhost:8080", true},
		{"http://[::1]:8080", true},
		{"http://127.0.0.2", true},
		{"http://10.0.0.1:8080", false},
		{"http://example.org", false},
		{"https://8.8.8.8:443", false},
		{"ftp://127.0.0.1", false},
		{"://", false},
	} {
		err := loopbackURL(tc.url)
		assert.Equal(t, tc.ok, err == nil, "%s: %v", tc.url, err)
	}
	assert.Error(t, loopbackAddr("0.0.0.0:8080"))
	assert.NoError(t, loopbackAddr("127.0.0.1:0"))
}

func TestBounds(t *testing.T) {
	for _, o := range []loadOptions{
		{rate: maxRate + 1, concurrency: 1, duration: time.Second},
		{rate: -1, concurrency: 1, duration: time.Second},
		{concurrency: maxConcurrency + 1, duration: time.Second},
		{concurrency: 0, duration: time.Second},
		{concurrency: 1, duration: maxDuration + time.Second},
		{concurrency: 1, duration: 0},
		{concurrency: 1, duration: time.Second, warmup: 2 * time.Minute},
	} {
		assert.Error(t, o.validate(), "%+v", o)
	}
	o := loadOptions{rate: 300, concurrency: 8, duration: time.Second}
	require.NoError(t, o.validate())
	assert.True(t, strings.HasPrefix(o.prefix, "load-"))
}

// TestBirthsAreDistinct: the generated mothers differ, so no duplicate rule
// fires within a run.
func TestBirthsAreDistinct(t *testing.T) {
	g := newGenerator("test")
	seen := map[string]bool{}
	for n := range 20000 {
		b := birth(g.ref(n), n, "test", g.today)
		require.NoError(t, b.Validate(), "report %d", n)
		require.False(t, seen[b.Mother.NIK], "mother %s twice", b.Mother.NIK)
		seen[b.Mother.NIK] = true
	}
}

// TestRunAndCheck drives an in-process server for a second, then checks
// that every acknowledged report is stored once, and that check fails on an
// acknowledgement the store does not hold.
func TestRunAndCheck(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping: starts a server and loads it for a second")
	}
	ctx := context.Background()
	dir := t.TempDir()
	s, err := startServer(ctx, serveOptions{addr: "127.0.0.1:0", data: dir, partners: 2, rateLimit: 1e6}, nil)
	require.NoError(t, err)
	defer func() { require.NoError(t, s.stop()) }()
	require.NoError(t, writeCreds(filepath.Join(dir, credsName), s.creds))
	acks := filepath.Join(dir, "acks")
	lo := loadOptions{concurrency: 2, duration: time.Second, acks: acks}
	require.NoError(t, lo.validate())
	require.NoError(t, drive(ctx, s.url, keysOf(s.creds), lo, io.Discard))
	b, err := os.ReadFile(acks)
	require.NoError(t, err)
	require.NotEmpty(t, b)
	creds := filepath.Join(dir, credsName)
	require.NoError(t, check(ctx, []string{"--creds", creds, acks}))

	bogus := filepath.Join(dir, "bogus")
	require.NoError(t, os.WriteFile(bogus, []byte("ack 0123456789abcdef not-stored-ref\n"), 0o600))
	assert.Error(t, check(ctx, []string{"--creds", creds, acks, bogus}))
}
