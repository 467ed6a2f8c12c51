package storetest

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/partnership"
	"github.com/adminduk-id/adminduk/registry"
)

// MinimalPDF is a small well-formed PDF for attachment tests.
var MinimalPDF = []byte("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")

// testAPIStore drives what the HTTP API needs of a store: attachments,
// idempotent requests, documents by number, agreements by office, counts
// and paged queries.
func testAPIStore(t *testing.T, e *Env) {
	s := e.Service
	r, _, err := s.NotifyBirth(ctx(), sub, Birth("att-1", Today.AddDays(-1), "P"))
	require.NoError(t, err)

	// Attachments: sniffed, numbered, kept with their bytes.
	a, err := s.Attach(ctx(), Regency, r.ID, "bidan.rina", registry.AttachBirthCertificate, "application/pdf", MinimalPDF)
	require.NoError(t, err)
	assert.Equal(t, 1, a.Seq)
	assert.Equal(t, registry.MediaPDF, a.MediaType)
	png := append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR"), make([]byte, 17)...)
	a2, err := s.Attach(ctx(), Regency, r.ID, "bidan.rina", registry.AttachKK, "", png)
	require.NoError(t, err)
	assert.Equal(t, 2, a2.Seq)
	assert.Equal(t, registry.MediaPNG, a2.MediaType)
	_, err = s.Attach(ctx(), Regency, r.ID, "bidan.rina", registry.AttachKK, "application/pdf", []byte("<html>not a pdf</html>"))
	var me *registry.MediaError
	require.ErrorAs(t, err, &me)
	assert.ErrorIs(t, err, registry.ErrUnsupportedMedia)
	_, err = s.Attach(ctx(), Regency, r.ID, "bidan.rina", registry.AttachKK, "image/png", MinimalPDF)
	require.ErrorAs(t, err, &me, "a PDF claimed as PNG")
	assert.Equal(t, registry.MediaPDF, me.Sniffed)
	_, err = s.Attach(ctx(), Regency, "nope", "bidan.rina", registry.AttachKK, "", MinimalPDF)
	assert.ErrorIs(t, err, registry.ErrNotFound)
	_, err = s.Attach(ctx(), Regency, r.ID, "bidan.rina", "selfie", "", MinimalPDF)
	var ve *adminduk.ValidationError
	require.ErrorAs(t, err, &ve)
	as, err := s.Attachments(ctx(), Regency, r.ID, true)
	require.NoError(t, err)
	require.Len(t, as, 2)
	assert.True(t, bytes.Equal(MinimalPDF, as[0].Data))
	as, err = s.Attachments(ctx(), Regency, r.ID, false)
	require.NoError(t, err)
	assert.Nil(t, as[0].Data)
	assert.Equal(t, len(MinimalPDF), as[0].Size)

	// Idempotent requests: begun once, in flight, finished once, replayed.
	begun, _, resp, err := s.BeginRequest(ctx(), Regency, "pkm-1", "k1", "h1")
	require.NoError(t, err)
	assert.True(t, begun)
	assert.Nil(t, resp)
	begun, prev, resp, err := s.BeginRequest(ctx(), Regency, "pkm-1", "k1", "h2")
	require.NoError(t, err)
	assert.False(t, begun)
	assert.Equal(t, "h1", prev)
	assert.Nil(t, resp, "in flight")
	require.NoError(t, s.FinishRequest(ctx(), Regency, "pkm-1", "k1", 201, "application/json", []byte(`{"id":"x"}`)))
	require.ErrorIs(t, s.FinishRequest(ctx(), Regency, "pkm-1", "k1", 201, "application/json", nil), registry.ErrConflict)
	begun, _, resp, err = s.BeginRequest(ctx(), Regency, "pkm-1", "k1", "h1")
	require.NoError(t, err)
	assert.False(t, begun)
	require.NotNil(t, resp)
	assert.Equal(t, 201, resp.Status)
	assert.JSONEq(t, `{"id":"x"}`, string(resp.Body))
	begun, _, _, err = s.BeginRequest(ctx(), Regency, "pkm-2", "k1", "h1")
	require.NoError(t, err)
	assert.True(t, begun, "keys are scoped to the caller")

	// A request cut off by a crash (begun, never finished) is run again by
	// a retry with the same body once it is abandoned, never before, and
	// never with another body.
	begun, _, _, err = s.BeginRequest(ctx(), Regency, "pkm-1", "k-cut", "h1")
	require.NoError(t, err)
	require.True(t, begun)
	begun, _, resp, err = s.BeginRequest(ctx(), Regency, "pkm-1", "k-cut", "h1")
	require.NoError(t, err)
	assert.False(t, begun, "still in flight")
	assert.Nil(t, resp)
	e.Clock.SetDay(Today.AddDays(1))
	begun, _, _, err = s.BeginRequest(ctx(), Regency, "pkm-1", "k-cut", "h2")
	require.NoError(t, err)
	assert.False(t, begun, "another body never takes an abandoned key")
	begun, _, _, err = s.BeginRequest(ctx(), Regency, "pkm-1", "k-cut", "h1")
	require.NoError(t, err)
	assert.True(t, begun, "abandoned: the retry runs")
	require.NoError(t, s.FinishRequest(ctx(), Regency, "pkm-1", "k-cut", 201, "application/json", []byte(`{"id":"y"}`)))
	e.Clock.SetDay(Today)

	// Documents by number.
	reg, err := e.RegisterBirth("doc-1", Today.AddDays(-2), "L")
	require.NoError(t, err)
	d, err := s.Document(ctx(), Regency, registry.DocAktaKelahiran, reg.Akta.String(), 0)
	require.NoError(t, err)
	assert.Equal(t, 1, d.Version)
	assert.Equal(t, registry.DocActive, d.Status)
	assert.NotEmpty(t, d.Payload)
	assert.Equal(t, reg.ReportID, d.ReportID)
	_, err = s.Document(ctx(), Regency, registry.DocAktaKelahiran, "3201-LU-01012020-0001", 0)
	assert.ErrorIs(t, err, registry.ErrNotFound)

	// Agreements by office; counts; paging and filters.
	ag := Agreement("pks-9", "pkm-9", partnership.Draft, Today, Today.AddYears(2))
	ag.Signed = adminduk.Date{}
	require.NoError(t, s.CreateAgreement(ctx(), Regency, &ag, "admin"))
	require.ErrorIs(t, s.CreateAgreement(ctx(), Regency, &ag, "admin"), registry.ErrConflict)
	ags, err := s.Agreements(ctx(), Regency)
	require.NoError(t, err)
	require.Len(t, ags, 2)
	assert.Equal(t, "pks-1", ags[0].ID)
	signed, err := s.AgreementEvent(ctx(), Regency, "pks-9", partnership.EventSign, "admin", "")
	require.NoError(t, err)
	assert.Equal(t, partnership.Signed, signed.State)
	_, err = s.AgreementEvent(ctx(), Regency, "pks-9", partnership.EventResume, "admin", "")
	assert.ErrorIs(t, err, partnership.ErrInvalidTransition)

	counts, err := s.CountReports(ctx(), Regency)
	require.NoError(t, err)
	total := 0
	for _, c := range counts {
		total += c.N
	}
	assert.Equal(t, 2, total)

	for i := range 5 {
		_, _, err := s.NotifyBirth(ctx(), sub, Birth(fmt.Sprintf("page-%d", i), Today.AddDays(-1), "L"))
		require.NoError(t, err)
	}
	var ids []string
	f := registry.Filter{Office: Regency, Limit: 3}
	for {
		page, err := s.Reports(ctx(), f)
		require.NoError(t, err)
		for _, r := range page {
			ids = append(ids, r.ID)
		}
		if len(page) < f.Limit {
			break
		}
		last := page[len(page)-1]
		f.After = registry.ReportCursor{Created: last.Created, ID: last.ID}
	}
	assert.Len(t, ids, 7, "every report once across the pages")
	seen := map[string]bool{}
	for _, id := range ids {
		assert.False(t, seen[id], id)
		seen[id] = true
	}
	one, err := s.Reports(ctx(), registry.Filter{Office: Regency, ExternalRef: "page-3"})
	require.NoError(t, err)
	require.Len(t, one, 1)
	assert.Equal(t, "page-3", one[0].ExternalRef)
	none, err := s.Reports(ctx(), registry.Filter{Office: Regency, From: e.Clock.Now()})
	require.NoError(t, err)
	assert.Empty(t, none)
	all, err := s.Reports(ctx(), registry.Filter{Office: Regency, To: e.Clock.Now()})
	require.NoError(t, err)
	assert.Len(t, all, 7)
}
