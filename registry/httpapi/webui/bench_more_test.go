package webui_test

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/coverage"
	"github.com/adminduk-id/adminduk/registry"
	"github.com/adminduk-id/adminduk/registry/storetest"
)

// benchWith measures the page path returns for a logged-in officer after
// setup prepared the store (and returned the path).
func benchWith(b *testing.B, setup func(e *env) string) {
	e := newEnvB(b)
	path := setup(e)
	ctx := context.Background()
	o, err := e.Service.Login(ctx, "dewi", officerPW)
	require.NoError(b, err)
	token, _, err := e.Service.StartSession(ctx, o, 0)
	require.NoError(b, err)
	req := httptest.NewRequest(http.MethodGet, path, nil)
	req.AddCookie(&http.Cookie{Name: "adminduk_session", Value: token})
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		w := httptest.NewRecorder()
		e.UI.ServeHTTP(w, req)
		if w.Code != http.StatusOK {
			b.Fatalf("%s: %d", path, w.Code)
		}
	}
}

// withPopulation imports a synthetic population of the regency (the whole
// kab/kota's children, as the coverage synth generator writes them).
func withPopulation(b *testing.B, e *env) {
	var buf bytes.Buffer
	_, err := coverage.Synthesize(&buf, coverage.SynthOptions{Regency: storetest.Regency, Seed: 1, AsOf: storetest.Today, Clean: true})
	require.NoError(b, err)
	pop, _, err := registry.PopulationFromRecords(&buf, storetest.Today, "synth")
	require.NoError(b, err)
	_, err = e.Service.ImportPopulation(context.Background(), storetest.Regency, pop, "setup")
	require.NoError(b, err)
}

// BenchmarkDashboardCoverage is the dashboard with a population imported:
// the coverage figures are computed on every request.
func BenchmarkDashboardCoverage(b *testing.B) {
	benchWith(b, func(e *env) string { withPopulation(b, e); return "/" })
}

// BenchmarkCoverageChart draws the dashboard's chart as PNG.
func BenchmarkCoverageChart(b *testing.B) {
	benchWith(b, func(e *env) string { withPopulation(b, e); return "/coverage.png" })
}

// BenchmarkDocumentPDF renders a KIA from the register as PDF.
func BenchmarkDocumentPDF(b *testing.B) {
	benchWith(b, func(e *env) string {
		reg, err := e.RegisterBirth("bench-pdf", storetest.Today.AddDays(-1), "P")
		require.NoError(b, err)
		return "/reports/" + reg.ReportID + "/documents/KIA/" + reg.NIK.String() + "/document.pdf"
	})
}
