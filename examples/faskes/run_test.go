package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/partnership"
	"github.com/adminduk-id/adminduk/registry"
	"github.com/adminduk-id/adminduk/registry/httpapi"
	"github.com/adminduk-id/adminduk/registry/sqlite"
	"github.com/adminduk-id/adminduk/registry/storetest"
)

// TestRunAgainstServer: run submits births, half as JSON and half as FHIR
// bundles, to a live registry on SQLite; every one is accepted and stored
// once, a second run of the same births creates nothing, and the summary
// counts what the officer did.
func TestRunAgainstServer(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "r.db"), sqlite.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { _ = st.Close() })
	clk := storetest.NewClock(storetest.Today)
	svc, err := registry.New(registry.Config{Store: st, Offices: []registry.Office{storetest.Office()}, Now: clk.Now})
	require.NoError(t, err)
	ag := storetest.Agreement("pks-1", "pkm-1", partnership.Active, storetest.Today.AddYears(-1), storetest.Today.AddYears(1))
	require.NoError(t, st.PutAgreement(ctx, &ag, "admin"))
	_, key, err := svc.CreateAPIKey(ctx, storetest.Regency, "pkm-1", "setup", "")
	require.NoError(t, err)
	api, err := httpapi.New(httpapi.Config{Service: svc, Now: clk.Now, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), RateLimit: 1000})
	require.NoError(t, err)
	srv := httptest.NewServer(api)
	t.Cleanup(srv.Close)

	var out bytes.Buffer
	args := []string{"--server", srv.URL, "--key", key, "--births", "6", "--progress=false",
		"--date", storetest.Today.AddDays(-1).String(), "--prefix", "T"}
	require.NoError(t, run(ctx, args, &out), out.String())
	assert.Contains(t, out.String(), "accepted   6 (3 JSON, 3 FHIR; 0 replayed)")
	assert.Contains(t, out.String(), "registered 0")

	// The officer registers two; a second run of the same births is
	// answered with the first reports (same external_ref, same body).
	rs, err := svc.Reports(ctx, registry.Filter{Office: storetest.Regency})
	require.NoError(t, err)
	require.Len(t, rs, 6)
	for _, r := range rs[:2] {
		_, err := svc.Verify(ctx, storetest.Regency, r.ID, "ani")
		require.NoError(t, err)
		_, err = svc.Register(ctx, storetest.Regency, r.ID, "ani")
		require.NoError(t, err)
	}
	out.Reset()
	require.NoError(t, run(ctx, args, &out), out.String())
	assert.Contains(t, out.String(), "registered 2")
	assert.Contains(t, out.String(), "documents  4 issued")
	rs, err = svc.Reports(ctx, registry.Filter{Office: storetest.Regency})
	require.NoError(t, err)
	assert.Len(t, rs, 6, "nothing duplicated")
	t.Log(out.String())
}
