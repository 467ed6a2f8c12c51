package httpapi_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/registry"
	"github.com/adminduk-id/adminduk/registry/httpapi"
	"github.com/adminduk-id/adminduk/registry/storetest"
)

// walkMore drives the operations of duplicates, documents (PDF,
// corrections, revocations), coverage, school batches and webhook
// endpoints, each to success and the main ones to failure.
func walkMore(t *testing.T, e *env) {
	today := storetest.Today
	for _, k := range []struct {
		path string
		body func(ref string) any
	}{
		{"birth-reports", func(ref string) any { return storetest.Birth(ref, today.AddDays(-2), "L") }},
		{"death-reports", func(ref string) any {
			d := storetest.Death(ref, today.AddDays(-2))
			d.Deceased.NIK, d.Deceased.BirthDate = "6208011505550007", "1955-05-15" // not walk's deceased
			return d
		}},
		{"stillbirth-reports", func(ref string) any { return stillbirthOtherMother(ref, today.AddDays(-6), 2) }},
	} {
		base := "/api/v1/" + k.path
		first := e.post(base, k.body(k.path+"-d1"))
		second := e.post(base, k.body(k.path+"-d2"))
		third := e.post(base, k.body(k.path+"-d3"))
		require.Contains(t, second.Flags, "potential_duplicate", k.path)
		require.Contains(t, third.Flags, "potential_duplicate", k.path)

		// The officer sees the candidates; a partner does not.
		var v httpapi.ReportView
		e.do(req{method: "GET", path: base + "/" + second.ID, token: e.officer}).json(t, &v)
		require.NotEmpty(t, v.Duplicates, "an officer sees the candidates")
		var candidates []string
		for _, l := range v.Duplicates {
			candidates = append(candidates, l.CandidateID, l.ReportID)
		}
		assert.Contains(t, candidates, first.ID)
		r := e.do(req{method: "GET", path: base + "/" + second.ID, token: e.key1})
		assert.NotContains(t, string(r.Body), `"duplicates"`, "a partner never sees other reports")

		// Invalid decisions: 422 with pointers; another partner 404.
		r = e.do(req{method: "POST", path: base + "/" + second.ID + "/duplicate-decision", token: e.officer, invalid: true,
			body: httpapi.DuplicateDecisionRequest{Duplicate: true}})
		require.Equal(t, 422, r.Status, string(r.Body))
		assert.ElementsMatch(t, []string{"/reason", "/candidate"}, pointers(r.problem(t)))
		r = e.do(req{method: "POST", path: base + "/" + second.ID + "/duplicate-decision", token: e.key2, invalid: true,
			body: httpapi.DuplicateDecisionRequest{Duplicate: false, Reason: "x"}})
		assert.Equal(t, 403, r.Status, "officers only")

		// A duplicate: archived. Not a duplicate: the flag is cleared.
		r = e.do(req{method: "POST", path: base + "/" + second.ID + "/duplicate-decision", token: e.officer,
			body: httpapi.DuplicateDecisionRequest{Duplicate: true, Candidate: first.ID, Reason: "laporan dikirim dua kali"}})
		require.Equal(t, 200, r.Status, string(r.Body))
		r.json(t, &v)
		assert.Equal(t, "archived", v.Status)
		require.Len(t, v.Decisions, 1)
		assert.True(t, v.Decisions[0].Duplicate)
		r = e.do(req{method: "POST", path: base + "/" + third.ID + "/duplicate-decision", token: e.officer,
			body: httpapi.DuplicateDecisionRequest{Reason: "kembar, bukan ganda"}})
		require.Equal(t, 200, r.Status, string(r.Body))
		r.json(t, &v)
		assert.NotContains(t, v.Flags, "potential_duplicate")
		assert.Equal(t, "notified", v.Status)

		// The first is linked to the third too: not a duplicate either.
		e.do(req{method: "GET", path: base + "/" + first.ID, token: e.officer}).json(t, &v)
		if slices.Contains(v.Flags, "potential_duplicate") {
			r = e.do(req{method: "POST", path: base + "/" + first.ID + "/duplicate-decision", token: e.officer,
				body: httpapi.DuplicateDecisionRequest{Reason: "kembar, bukan ganda"}})
			require.Equal(t, 200, r.Status, string(r.Body))
		}
		// Register the first and hand its documents over (every kind).
		for _, step := range []string{"verify", "register", "issue"} {
			r = e.do(req{method: "POST", path: base + "/" + first.ID + "/" + step, token: e.officer})
			require.Equal(t, 200, r.Status, "%s %s: %s", k.path, step, r.Body)
		}
		r = e.do(req{method: "POST", path: base + "/" + first.ID + "/handover", token: e.officer,
			body: httpapi.HandOverRequest{Receiver: "Ahmad Fauzi", Relation: "keluarga"}})
		require.Equal(t, 200, r.Status, "%s handover: %s", k.path, r.Body)
	}

	// Documents: PDF on demand, a correction, a revocation.
	first := e.post("/api/v1/birth-reports", otherBirth("pdf-1", today.AddDays(-3)))
	for _, step := range []string{"verify", "register"} {
		r := e.do(req{method: "POST", path: "/api/v1/birth-reports/" + first.ID + "/" + step, token: e.officer})
		require.Equal(t, 200, r.Status, string(r.Body))
	}
	var view httpapi.ReportView
	e.do(req{method: "GET", path: "/api/v1/birth-reports/" + first.ID, token: e.officer}).json(t, &view)
	var akta registry.DocumentRef
	for _, d := range view.Documents {
		r := e.do(req{method: "GET", path: "/api/v1/documents/" + string(d.Type) + "/" + d.Number + "/pdf", token: e.officer})
		require.Equal(t, 200, r.Status, string(r.Body))
		assert.Equal(t, "application/pdf", r.Header.Get("Content-Type"))
		assert.True(t, bytes.HasPrefix(r.Body, []byte("%PDF-")), "%s is a PDF", d.Type)
		if d.Type == registry.DocAktaKelahiran {
			akta = d
		}
	}
	require.NotEmpty(t, akta.Number)
	docPath := "/api/v1/documents/" + string(akta.Type) + "/" + akta.Number
	r := e.do(req{method: "GET", path: docPath + "/pdf", token: e.key1, invalid: true})
	assert.Equal(t, 403, r.Status, "officers only")
	r = e.do(req{method: "GET", path: docPath + "/pdf?version=0", token: e.officer, invalid: true})
	assert.Equal(t, 422, r.Status)
	r = e.do(req{method: "POST", path: docPath + "/corrections", token: e.officer, body: registry.Correction{ChildName: "Nur Aisyah"},
		invalid: true})
	require.Equal(t, 422, r.Status, string(r.Body))
	assert.Contains(t, pointers(r.problem(t)), "/authority")
	r = e.do(req{method: "POST", path: docPath + "/corrections", token: e.officer,
		body: registry.Correction{ChildName: "Nur Aisyah Ramadhani", Authority: "Penetapan PN Sukamara Nomor 12/Pdt.P/2026/PN Skr"}})
	require.Equal(t, 201, r.Status, string(r.Body))
	var corrected httpapi.DocumentView
	r.json(t, &corrected)
	assert.Equal(t, akta.Version+1, corrected.Version)
	v1 := e.do(req{method: "GET", path: docPath + "/pdf?version=" + strconv.Itoa(akta.Version), token: e.officer})
	v2 := e.do(req{method: "GET", path: docPath + "/pdf", token: e.officer})
	require.Equal(t, 200, v1.Status)
	require.Equal(t, 200, v2.Status)
	assert.NotEqual(t, v1.Body, v2.Body, "each version prints as issued")
	r = e.do(req{method: "GET", path: docPath + "/status"})
	assert.Contains(t, string(r.Body), `"current_version":`+strconv.Itoa(corrected.Version))
	r = e.do(req{method: "POST", path: docPath + "/revocations", token: e.officer, body: httpapi.ReasonRequest{}, invalid: true})
	assert.Equal(t, 422, r.Status)
	r = e.do(req{method: "POST", path: docPath + "/revocations", token: e.officer, body: httpapi.ReasonRequest{Reason: "akta ganda"}})
	require.Equal(t, 200, r.Status, string(r.Body))
	var st registry.DocumentStatus
	r.json(t, &st)
	assert.Equal(t, registry.DocRevoked, st.Status)
	r = e.do(req{method: "POST", path: docPath + "/revocations", token: e.officer, body: httpapi.ReasonRequest{Reason: "lagi"}})
	assert.Equal(t, 409, r.Status, string(r.Body))

	// Coverage against an imported population.
	r = e.do(req{method: "GET", path: "/api/v1/coverage?region=" + storetest.Regency.String(), token: e.officer})
	assert.Equal(t, 404, r.Status, "no population yet")
	pop := registry.Population{AsOf: today, Source: "uji", Rows: []registry.PopulationRow{}}
	for age := range 18 {
		pop.Rows = append(pop.Rows, registry.PopulationRow{Kecamatan: storetest.Kecamatan, Age: age, Count: 100})
	}
	r = e.do(req{method: "POST", path: "/api/v1/population", token: e.officer, body: pop})
	require.Equal(t, 201, r.Status, string(r.Body))
	r = e.do(req{method: "GET", path: "/api/v1/coverage?region=" + storetest.Regency.String() + "&as_of=" + today.String(), token: e.officer})
	require.Equal(t, 200, r.Status, string(r.Body))
	var cov registry.Coverage
	r.json(t, &cov)
	assert.Equal(t, int64(1800), cov.Akta.Counts.Required)
	assert.Positive(t, cov.Akta.Counts.With)
	r = e.do(req{method: "GET", path: "/api/v1/coverage?region=36.01&as_of=2026-13-01", token: e.officer, invalid: true})
	require.Equal(t, 422, r.Status)
	assert.Equal(t, []string{"/as_of"}, pointers(r.problem(t)))
	r = e.do(req{method: "GET", path: "/api/v1/coverage?region=36.01", token: e.officer})
	assert.Equal(t, 403, r.Status, "another regency")

	walkWebhooks(t, e)

	// A school batch (a school's key; the Idempotency-Key is the batch): a
	// child registered at four years and eleven months turns five, her KIA
	// under five expires, and the school's batch issues the one from five.
	reg := e.registerBirth("sekolah-1", today.AddYears(-5).AddDays(10))
	e.clock.SetDay(today.AddDays(20))
	batch := httpapi.SchoolBatchRequest{Pupils: []registry.Pupil{
		{NIK: reg.NIK, Name: "Nur Aisyah Putri", School: "SD Negeri 1 Sukamara", Class: "1A", Photo: storetest.Photo(t)},
		{NIK: "1234", Name: "Budi", School: "SD Negeri 1 Sukamara"},
	}}
	r = e.do(req{method: "POST", path: "/api/v1/school-batches", token: e.keySchool, body: batch, key: "batch-2026-1"})
	require.Equal(t, 200, r.Status, string(r.Body))
	var res registry.SchoolBatchResult
	r.json(t, &res)
	assert.Len(t, res.Issued, 1, string(r.Body))
	assert.Len(t, res.InvalidNIK, 1)
	r = e.do(req{method: "POST", path: "/api/v1/school-batches", token: e.key1, body: batch, key: "batch-faskes"})
	assert.Equal(t, 403, r.Status, "a faskes is not a school")
	r = e.do(req{method: "POST", path: "/api/v1/school-batches", token: e.keySchool, body: httpapi.SchoolBatchRequest{}, key: "batch-empty",
		invalid: true})
	assert.Equal(t, 422, r.Status)
}

// walkWebhooks covers the webhook endpoints of a partner.
func walkWebhooks(t *testing.T, e *env) {
	const ep = "/api/v1/webhook-endpoints"
	for _, bad := range []string{"http://hooks.example.org/x", "https://127.0.0.1/x", "https://internal.example.org/x", "https://localhost/x"} {
		r := e.do(req{method: "POST", path: ep, token: e.key1, body: httpapi.WebhookEndpointRequest{URL: bad}})
		require.Equal(t, 422, r.Status, "%s: %s", bad, r.Body)
		assert.Equal(t, []string{"/url"}, pointers(r.problem(t)), bad)
	}
	r := e.do(req{method: "POST", path: ep, token: e.officer, body: httpapi.WebhookEndpointRequest{URL: "https://hooks.example.org/x"},
		invalid: true})
	assert.Equal(t, 403, r.Status, "partners only")
	r = e.do(req{method: "POST", path: ep, token: e.key1, body: httpapi.WebhookEndpointRequest{URL: "https://hooks.example.org/adminduk"}})
	require.Equal(t, 201, r.Status, string(r.Body))
	var created httpapi.NewWebhookEndpoint
	r.json(t, &created)
	assert.Regexp(t, `^whsec_`, created.Secret)
	r = e.do(req{method: "GET", path: ep, token: e.key1})
	require.Equal(t, 200, r.Status)
	assert.NotContains(t, string(r.Body), created.Secret, "the secret is shown once")
	assert.Contains(t, string(r.Body), created.ID)
	r = e.do(req{method: "GET", path: ep, token: e.key2})
	assert.NotContains(t, string(r.Body), created.ID, "another partner's endpoints are not listed")
	r = e.do(req{method: "GET", path: ep + "/" + created.ID + "/deliveries", token: e.key2})
	assert.Equal(t, 404, r.Status, "another partner's endpoint")
	r = e.do(req{method: "POST", path: ep + "/" + created.ID + "/rotate", token: e.key2})
	assert.Equal(t, 404, r.Status, "another partner's endpoint")

	// A report of the partner queues a delivery to the endpoint.
	e.post("/api/v1/birth-reports", storetest.Birth("hook-1", storetest.Today.AddDays(-1), "L"))
	r = e.do(req{method: "GET", path: ep + "/" + created.ID + "/deliveries", token: e.key1})
	require.Equal(t, 200, r.Status, string(r.Body))
	var ds []struct {
		EventID  string            `json:"event_id"`
		State    string            `json:"state"`
		Attempts []json.RawMessage `json:"attempts"`
	}
	r.json(t, &ds)
	require.NotEmpty(t, ds)
	assert.Equal(t, "pending", ds[0].State)

	r = e.do(req{method: "POST", path: ep + "/" + created.ID + "/rotate", token: e.key1})
	require.Equal(t, 200, r.Status, string(r.Body))
	var rotated httpapi.NewWebhookEndpoint
	r.json(t, &rotated)
	assert.NotEqual(t, created.Secret, rotated.Secret)
	assert.False(t, rotated.Rotated.IsZero())
	r = e.do(req{method: "POST", path: ep + "/" + created.ID + "/disable", token: e.key1, body: httpapi.ReasonRequest{}, invalid: true})
	assert.Equal(t, 422, r.Status)
	r = e.do(req{method: "POST", path: ep + "/" + created.ID + "/disable", token: e.key1, body: httpapi.ReasonRequest{Reason: "pindah sistem"}})
	require.Equal(t, 200, r.Status, string(r.Body))
	var disabled httpapi.WebhookEndpointView
	r.json(t, &disabled)
	assert.False(t, disabled.Active)
}

// post posts a report as pkm-1 and returns the answer.
func (e *env) post(path string, body any) httpapi.ReportCreated {
	e.t.Helper()
	r := e.do(req{method: "POST", path: path, token: e.key1, body: body})
	require.Equal(e.t, 201, r.Status, string(r.Body))
	var c httpapi.ReportCreated
	r.json(e.t, &c)
	return c
}

// registerBirth reports, verifies and registers a birth of pkm-1.
func (e *env) registerBirth(ref string, birth adminduk.Date) httpapi.RegistrationView {
	e.t.Helper()
	c := e.post("/api/v1/birth-reports", otherBirth(ref, birth))
	r := e.do(req{method: "POST", path: "/api/v1/birth-reports/" + c.ID + "/verify", token: e.officer})
	require.Equal(e.t, 200, r.Status, string(r.Body))
	r = e.do(req{method: "POST", path: "/api/v1/birth-reports/" + c.ID + "/register", token: e.officer})
	require.Equal(e.t, 200, r.Status, string(r.Body))
	var reg httpapi.RegistrationView
	r.json(e.t, &reg)
	return reg
}

func pointers(p httpapi.Problem) []string {
	out := []string{}
	for _, f := range p.Errors {
		out = append(out, f.Pointer)
	}
	return out
}

// TestResubmitFHIRDischarge: a birth notified at discharge as a FHIR bundle
// is accepted incomplete, returned, completed by a resubmission with the
// full JSON body, then verified and registered, all through the API.
func TestResubmitFHIRDischarge(t *testing.T) {
	e := newEnv(t, nil, nil)
	r := e.do(req{method: "POST", path: "/api/v1/birth-reports", token: e.key1, body: bundle(t, "discharge-bundle.json"),
		contentType: "application/fhir+json"})
	require.Equal(t, 201, r.Status, string(r.Body))
	var dis httpapi.ReportCreated
	r.json(t, &dis)
	require.Contains(t, dis.Flags, "incomplete")
	base := "/api/v1/birth-reports/" + dis.ID
	r = e.do(req{method: "POST", path: base + "/return", token: e.officer,
		body: httpapi.ReturnRequest{Reasons: []httpapi.ReturnReason{{Pointer: "/reporter/nik", Message: "lengkapi pelapor"}}}})
	require.Equal(t, 200, r.Status, string(r.Body))

	// The Dinas's list is completed: the child's name, the father and the
	// marriage, the reporter and the proof, on top of what the SIMRS sent.
	var full registry.BirthReport
	raw, err := os.ReadFile(filepath.Join("..", "fhir", "testdata", "discharge-report.json"))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(raw, &full))
	filled := storetest.Birth(full.ExternalRef, storetest.Today, full.Child.Sex)
	full.Child.Name, full.Child.ProvisionalName = "Muhammad Rizki Pratama", false
	full.Child.BirthOrder, full.Child.Attendant, full.Child.Religion = 1, filled.Child.Attendant, "Islam"
	full.Father, full.Parents, full.Marriage = filled.Father, filled.Parents, filled.Marriage
	full.Reporter, full.Proof, full.Certificate = filled.Reporter, filled.Proof, filled.Certificate

	// Invalid corrections are 422 with pointers and change nothing.
	broken := full
	broken.Mother.NIK = "12"
	r = e.do(req{method: "POST", path: base + "/resubmit", token: e.key1, body: &broken, invalid: true})
	require.Equal(t, 422, r.Status, string(r.Body))
	assert.Contains(t, pointers(r.problem(t)), "/mother/nik")
	r = e.do(req{method: "POST", path: base + "/resubmit", token: e.key2, body: &full})
	assert.Equal(t, 404, r.Status, "another partner's report")

	r = e.do(req{method: "POST", path: base + "/resubmit", token: e.key1, body: &full})
	require.Equal(t, 200, r.Status, string(r.Body))
	var v httpapi.ReportView
	r.json(t, &v)
	assert.Equal(t, "notified", v.Status)
	assert.NotContains(t, v.Flags, "incomplete")
	var stored registry.BirthReport
	require.NoError(t, json.Unmarshal(v.Body, &stored))
	assert.Equal(t, full.Reporter.NIK, stored.Reporter.NIK, "the corrected body is the report's body")

	r = e.do(req{method: "POST", path: base + "/verify", token: e.officer})
	require.Equal(t, 200, r.Status, string(r.Body))
	r = e.do(req{method: "POST", path: base + "/register", token: e.officer})
	require.Equal(t, 200, r.Status, string(r.Body))
	var reg httpapi.RegistrationView
	r.json(t, &reg)
	assert.Len(t, reg.Documents, 2, "akta and KIA")
}

// stillbirthOtherMother is a stillbirth of a mother no birth of the test
// names (storetest.Stillbirth's mother is storetest.Birth's, and a
// stillbirth near her birth is a potential duplicate).
func stillbirthOtherMother(ref string, d adminduk.Date, serial int) *registry.StillbirthReport {
	s := storetest.Stillbirth(ref, d)
	s.Mother.NIK = fmt.Sprintf("%s500398%04d", storetest.Kecamatan.Plain(), serial) // born 1998-03-10
	s.Mother.BirthDate = "1998-03-10"
	return s
}

// otherBirth is a birth of a mother no other report names.
func otherBirth(ref string, d adminduk.Date) *registry.BirthReport {
	b := storetest.Birth(ref, d, "P")
	storetest.OtherMother(b)
	return b
}
