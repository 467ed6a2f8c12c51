package webui_test

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/coverage"
	"github.com/adminduk-id/adminduk/registry"
	"github.com/adminduk-id/adminduk/registry/render"
	"github.com/adminduk-id/adminduk/registry/storetest"
)

// mothers counts the mothers registered makes, so that its births are not
// duplicates of each other.
var mothers = 100

// registered files and registers a birth of a new mother, returning its
// report and registration.
func registered(t *testing.T, e *env, ref string) (string, registry.Registration) {
	t.Helper()
	ctx := context.Background()
	b := storetest.Birth(ref, storetest.Today.AddDays(-1), "P")
	mothers++
	nik, err := registry.BuildNIK(storetest.Kecamatan, adminduk.MustDate(1995, 1, 1), adminduk.Female, mothers)
	require.NoError(t, err)
	b.Mother.NIK = nik.String()
	r, _, err := e.Service.NotifyBirth(ctx, registry.Submission{PartnerID: "pkm-1"}, b)
	require.NoError(t, err)
	_, err = e.Service.Verify(ctx, storetest.Regency, r.ID, "dewi")
	require.NoError(t, err)
	reg, err := e.Service.Register(ctx, storetest.Regency, r.ID, "dewi")
	require.NoError(t, err)
	return r.ID, reg
}

// TestDocumentPDF: the document page embeds the PDF the UI serves; the PDF
// and PNG are those registry/render writes of the stored version, for a
// logged-in officer only, and only under their own report.
func TestDocumentPDF(t *testing.T) {
	e := newEnv(t)
	id, reg := registered(t, e, "pdf-1")
	other, _ := registered(t, e, "pdf-2")
	base := "/reports/" + id + "/documents/KIA/" + reg.NIK.String()
	doc, err := e.Service.Document(context.Background(), storetest.Regency, registry.DocKIA, reg.NIK.String(), 0)
	require.NoError(t, err)
	var wantPDF, wantPNG bytes.Buffer
	require.NoError(t, render.WritePDF(&wantPDF, doc, render.Options{}))
	require.NoError(t, render.WritePNG(&wantPNG, doc, render.Options{}))

	anon := e.client(t)
	res := e.get(t, anon, base+"/document.pdf")
	assert.Equal(t, http.StatusSeeOther, res.StatusCode)
	assert.Equal(t, "/login", res.Header.Get("Location"))

	c := e.client(t)
	e.login(t, c, "tamu", viewerPW)
	page := body(t, e.get(t, c, base))
	assert.Contains(t, page, `<object class="pdf" id="pdf-view" data="`+base+`/document.pdf" type="application/pdf"`)
	assert.NotContains(t, page, `id="revoke"`, "a viewer cannot revoke")

	for _, tc := range []struct {
		path, ctype string
		want        []byte
	}{
		{base + "/document.pdf", "application/pdf", wantPDF.Bytes()},
		{base + "/document.pdf?version=1", "application/pdf", wantPDF.Bytes()},
		{base + "/document.png", "image/png", wantPNG.Bytes()},
	} {
		res := e.get(t, c, tc.path)
		require.Equal(t, http.StatusOK, res.StatusCode, tc.path)
		assert.Equal(t, tc.ctype, res.Header.Get("Content-Type"))
		assert.Equal(t, "SAMEORIGIN", res.Header.Get("X-Frame-Options"))
		assert.Contains(t, res.Header.Get("Content-Security-Policy"), "frame-ancestors 'self'")
		assert.Contains(t, res.Header.Get("Content-Disposition"), "inline")
		assert.True(t, bytes.Equal(tc.want, []byte(body(t, res))), "%s is the stored document rendered", tc.path)
	}
	for _, p := range []string{
		base + "/document.pdf?version=2",
		base + "/document.pdf?version=x",
		"/reports/" + other + "/documents/KIA/" + reg.NIK.String() + "/document.pdf", // another report's path
		"/reports/" + id + "/documents/KIA/6208010101010001/document.pdf",
	} {
		assert.Equal(t, http.StatusNotFound, e.get(t, c, p).StatusCode, p)
	}
}

// TestDocumentWithoutRenderer: an SKLM is listed with its QR code, and its
// PDF is answered 501 with a plain message (registry/render has no SKLM
// renderer), never a server error.
func TestDocumentWithoutRenderer(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	r, _, err := e.Service.NotifyStillbirth(ctx, registry.Submission{PartnerID: "pkm-1"}, storetest.Stillbirth("lm-1", storetest.Today.AddDays(-1)))
	require.NoError(t, err)
	_, err = e.Service.Verify(ctx, storetest.Regency, r.ID, "dewi")
	require.NoError(t, err)
	reg, err := e.Service.Register(ctx, storetest.Regency, r.ID, "dewi")
	require.NoError(t, err)
	require.NotEmpty(t, reg.Documents)
	sklm := reg.Documents[0]
	require.Equal(t, registry.DocSKLM, sklm.Type)
	c := e.client(t)
	e.login(t, c, "dewi", officerPW)
	base := "/reports/" + r.ID + "/documents/SKLM/" + sklm.Number
	page := body(t, e.get(t, c, base))
	assert.NotContains(t, page, `id="pdf-view"`)
	assert.Contains(t, page, `id="qr"`)
	res := e.get(t, c, base+"/document.pdf")
	assert.Equal(t, http.StatusNotImplemented, res.StatusCode)
	assert.Contains(t, body(t, res), "belum tersedia")
}

// TestCorrectAndRevoke: a supervisor corrects an akta from its page
// (version 2 with the marginal note, version 1 replaced) and revokes
// another; an officer may do neither.
func TestCorrectAndRevoke(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	id, reg := registered(t, e, "cor-1")
	base := "/reports/" + id + "/documents/AKTA-KELAHIRAN/" + reg.Akta.String()
	form := url.Values{"child_name": {"Nur Aisyah Lestari"}, "authority": {"Penetapan Pengadilan Negeri Sukamara Nomor 12/Pdt.P/2026/PN Skr"}}

	officer := e.client(t)
	e.login(t, officer, "dewi", officerPW)
	page := body(t, e.get(t, officer, base))
	assert.NotContains(t, page, `id="correct"`)
	assert.Equal(t, http.StatusForbidden, e.post(t, officer, base+"/correct", form).StatusCode)
	assert.Equal(t, http.StatusForbidden, e.post(t, officer, base+"/revoke", url.Values{"reason": {"x"}}).StatusCode)

	sup := e.client(t)
	e.login(t, sup, "kepala", supervisorPW)
	page = body(t, e.get(t, sup, base))
	assert.Contains(t, page, `id="correct"`)
	assert.Contains(t, page, `id="revoke"`)
	res := e.post(t, sup, base+"/correct", url.Values{"child_name": {"Nur Aisyah Lestari"}})
	assert.Equal(t, http.StatusUnprocessableEntity, res.StatusCode, "the authority is required")
	assert.Contains(t, body(t, res), "/authority")
	res = e.post(t, sup, base+"/correct", form)
	require.Equal(t, http.StatusSeeOther, res.StatusCode, body(t, res))
	v1, err := e.Service.DocumentVersionStatus(ctx, registry.DocAktaKelahiran, reg.Akta.String(), 1)
	require.NoError(t, err)
	assert.Equal(t, registry.DocReplaced, v1.Status)
	assert.Equal(t, 2, v1.CurrentVersion)
	page = body(t, e.get(t, sup, base))
	assert.Contains(t, page, `id="pdf-v2"`)

	id2, reg2 := registered(t, e, "rev-1")
	base2 := "/reports/" + id2 + "/documents/AKTA-KELAHIRAN/" + reg2.Akta.String()
	assert.Equal(t, http.StatusUnprocessableEntity, e.post(t, sup, base2+"/revoke", url.Values{}).StatusCode, "a reason is required")
	res = e.post(t, sup, base2+"/revoke", url.Values{"reason": {"surat keterangan lahir palsu"}})
	require.Equal(t, http.StatusSeeOther, res.StatusCode, body(t, res))
	st, err := e.Service.DocumentStatus(ctx, registry.DocAktaKelahiran, reg2.Akta.String())
	require.NoError(t, err)
	assert.Equal(t, registry.DocRevoked, st.Status)
	page = body(t, e.get(t, sup, base2))
	assert.NotContains(t, page, `id="revoke"`, "a revoked akta is not revoked again")
}

// TestDuplicateDecision: the same baby reported twice shows the candidate
// side by side; register is not offered until an officer decides, and the
// decision archives the duplicate.
func TestDuplicateDecision(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	day := storetest.Today.AddDays(-1)
	first, _, err := e.Service.NotifyBirth(ctx, registry.Submission{PartnerID: "pkm-1"}, storetest.Birth("dup-a", day, "P"))
	require.NoError(t, err)
	second, _, err := e.Service.NotifyBirth(ctx, registry.Submission{PartnerID: "pkm-1"}, storetest.Birth("dup-b", day, "P"))
	require.NoError(t, err)
	require.NotZero(t, second.Flags&registry.FlagPotentialDuplicate)
	_, err = e.Service.Verify(ctx, storetest.Regency, second.ID, "dewi")
	require.NoError(t, err)

	viewer := e.client(t)
	e.login(t, viewer, "tamu", viewerPW)
	res := e.post(t, viewer, "/reports/"+second.ID+"/duplicate", url.Values{"candidate": {first.ID}, "decision": {"duplicate"}, "reason": {"x"}})
	assert.Equal(t, http.StatusForbidden, res.StatusCode, "a viewer decides nothing")
	res = e.post(t, e.client(t), "/reports/"+second.ID+"/duplicate", url.Values{"candidate": {first.ID}, "decision": {"duplicate"}, "reason": {"x"}})
	assert.Equal(t, http.StatusUnauthorized, res.StatusCode, "nor does anyone not logged in")

	c := e.client(t)
	e.login(t, c, "dewi", officerPW)
	page := body(t, e.get(t, c, "/reports/"+second.ID))
	assert.Contains(t, page, `id="h-dup-`+first.ID+`"`)
	assert.Contains(t, page, `<tr class="differs"><td><code>/external_ref</code></td><td>dup-b</td><td>dup-a</td></tr>`)
	assert.Contains(t, page, `id="dup-yes-`+first.ID+`"`)
	assert.NotContains(t, page, `id="step-register"`, "no registration while the duplicate is undecided")

	res = e.post(t, c, "/reports/"+second.ID+"/duplicate", url.Values{"candidate": {first.ID}, "decision": {"maybe"}, "reason": {"x"}})
	assert.Equal(t, http.StatusBadRequest, res.StatusCode)
	res = e.post(t, c, "/reports/"+second.ID+"/duplicate", url.Values{"candidate": {first.ID}, "decision": {"duplicate"}, "reason": {"bayi yang sama, dilaporkan dua kali"}})
	require.Equal(t, http.StatusSeeOther, res.StatusCode, body(t, res))
	got, err := e.Service.Report(ctx, storetest.Regency, second.ID)
	require.NoError(t, err)
	assert.Equal(t, registry.StatusArchived, got.Status)
	page = body(t, e.get(t, c, "/reports/"+second.ID))
	assert.Contains(t, page, "bayi yang sama, dilaporkan dua kali")
	assert.NotContains(t, page, `id="dup-yes-`)
}

// TestDashboardCoverage: without a population the dashboard says so and the
// chart is not found; with one, the table has the counts and the chart is a
// PNG.
func TestDashboardCoverage(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	_, _ = registered(t, e, "cov-1")
	c := e.client(t)
	e.login(t, c, "tamu", viewerPW)
	assert.Contains(t, body(t, e.get(t, c, "/")), `id="no-population"`)
	assert.Equal(t, http.StatusNotFound, e.get(t, c, "/coverage.png").StatusCode)

	var buf bytes.Buffer
	_, err := coverage.Synthesize(&buf, coverage.SynthOptions{Regency: storetest.Regency, Seed: 1, AsOf: storetest.Today, Rows: 200, Clean: true})
	require.NoError(t, err)
	pop, _, err := registry.PopulationFromRecords(&buf, storetest.Today, "synth")
	require.NoError(t, err)
	_, err = e.Service.ImportPopulation(ctx, storetest.Regency, pop, "setup")
	require.NoError(t, err)
	cov, err := e.Service.Coverage(ctx, storetest.Regency, storetest.Today)
	require.NoError(t, err)

	page := body(t, e.get(t, c, "/"))
	assert.NotContains(t, page, `id="no-population"`)
	assert.Contains(t, page, `id="coverage-chart"`)
	p, ok := cov.Akta.Counts.Percent()
	require.True(t, ok)
	assert.Contains(t, page, p.In(adminduk.Indonesian)+"</td>", "the akta percent of the kab/kota")
	res := e.get(t, c, "/coverage.png")
	require.Equal(t, http.StatusOK, res.StatusCode)
	assert.Equal(t, "image/png", res.Header.Get("Content-Type"))
	chart1 := body(t, res)
	assert.True(t, strings.HasPrefix(chart1, "\x89PNG"))
	assert.Equal(t, chart1, body(t, e.get(t, c, "/coverage.png")), "the same figures, the same chart")
	_, _ = registered(t, e, "cov-2")
	chart2 := body(t, e.get(t, c, "/coverage.png"))
	assert.True(t, strings.HasPrefix(chart2, "\x89PNG"))
	assert.NotEqual(t, chart1, chart2, "a registration changes the figures, so the chart is drawn again")
}

// TestContentSecurityPolicyFrames: the pages may frame and embed only the
// UI's own documents, and are framed by nobody.
func TestContentSecurityPolicyFrames(t *testing.T) {
	e := newEnv(t)
	res := e.get(t, e.client(t), "/login")
	csp := res.Header.Get("Content-Security-Policy")
	assert.Contains(t, csp, "frame-src 'self'")
	assert.Contains(t, csp, "object-src 'self'")
	assert.Contains(t, csp, "frame-ancestors 'none'")
	assert.Contains(t, csp, "script-src 'none'")
}

// TestBodyVersions: a report resubmitted with a corrected body lists both
// bodies and what changed between them.
func TestBodyVersions(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	b := storetest.Birth("bv-1", storetest.Today.AddDays(-1), "P")
	right := b.Child.Name
	b.Child.Name = "Nur Aisya"
	r, _, err := e.Service.NotifyBirth(ctx, registry.Submission{PartnerID: "pkm-1"}, b)
	require.NoError(t, err)
	c := e.client(t)
	e.login(t, c, "dewi", officerPW)
	assert.NotContains(t, body(t, e.get(t, c, "/reports/"+r.ID)), `id="h-bodies"`, "one body: no versions panel")

	_, err = e.Service.Return(ctx, storetest.Regency, r.ID, "dewi", "nama anak salah ketik")
	require.NoError(t, err)
	b.Child.Name = right
	_, err = e.Service.ResubmitBirth(ctx, storetest.Regency, r.ID, b, "simrs")
	require.NoError(t, err)
	page := body(t, e.get(t, c, "/reports/"+r.ID))
	assert.Contains(t, page, `id="h-bodies"`)
	assert.Contains(t, page, `<tr class="differs"><td><code>/child/name</code></td><td>Nur Aisya</td><td>`+right+`</td></tr>`)
	assert.Contains(t, page, `id="changed-v2"`)
}
