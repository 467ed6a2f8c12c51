package httpapi_test

import (
	"net/http"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/partnership"
	"github.com/adminduk-id/adminduk/registry"
	"github.com/adminduk-id/adminduk/registry/httpapi"
	"github.com/adminduk-id/adminduk/registry/storetest"
)

// TestContract walks every operation of openapi.json against a live server
// on a SQLite store, checking each request and response against the
// document, and fails when an operation was never answered with success.
func TestContract(t *testing.T) {
	e := newEnv(t, nil, nil)
	walk(t, e)
	walkMore(t, e)
	var ops, missing []string
	for path, item := range e.doc.Paths.Map() {
		for method, op := range item.Operations() {
			ops = append(ops, op.OperationID)
			if !e.covered[op.OperationID] {
				missing = append(missing, method+" "+path+" ("+op.OperationID+")")
			}
		}
	}
	sort.Strings(missing)
	assert.Empty(t, missing, "operations never answered with success")
	assert.GreaterOrEqual(t, len(ops), 40)
}

// walk drives every operation once to success (and a few to failure).
func walk(t *testing.T, e *env) {
	today := storetest.Today
	// Public.
	r := e.do(req{method: "GET", path: "/healthz"})
	require.Equal(t, 200, r.Status)
	r = e.do(req{method: "GET", path: "/openapi.json"})
	require.Equal(t, 200, r.Status)
	assert.Equal(t, httpapi.OpenAPI, r.Body)
	r = e.do(req{method: "GET", path: "/.well-known/jwks.json"})
	require.Equal(t, 200, r.Status)
	assert.Contains(t, string(r.Body), `"iss":"ID-6208"`)

	for _, k := range []struct {
		path string
		kind string
		body func(ref string) any
	}{
		{"birth-reports", "birth", func(ref string) any { return storetest.Birth(ref, today.AddDays(-1), "P") }},
		{"death-reports", "death", func(ref string) any { return storetest.Death(ref, today.AddDays(-1)) }},
		{"stillbirth-reports", "stillbirth", func(ref string) any { return stillbirthOtherMother(ref, today.AddDays(-1), 1) }},
	} {
		base := "/api/v1/" + k.path
		// A partner reports; a replay is the first answer.
		r = e.do(req{method: "POST", path: base, token: e.key1, body: k.body(k.kind + "-1"), key: k.kind + "-create-1"})
		require.Equal(t, 201, r.Status, string(r.Body))
		var created httpapi.ReportCreated
		r.json(t, &created)
		assert.Equal(t, "notified", created.Status)
		id := created.ID
		again := e.do(req{method: "POST", path: base, token: e.key1, body: k.body(k.kind + "-1"), key: k.kind + "-create-1"})
		assert.Equal(t, 201, again.Status)
		assert.Equal(t, "true", again.Header.Get("Idempotent-Replayed"))
		assert.JSONEq(t, string(r.Body), string(again.Body))

		r = e.do(req{method: "GET", path: base + "/" + id, token: e.key1})
		require.Equal(t, 200, r.Status, string(r.Body))
		r = e.do(req{method: "GET", path: base + "?external_ref=" + k.kind + "-1", token: e.key1})
		require.Equal(t, 200, r.Status)
		var list httpapi.ReportList
		r.json(t, &list)
		require.Len(t, list.Items, 1)
		assert.Equal(t, id, list.Items[0].ID)

		// Attachment, return, resubmit, verify.
		r = e.do(req{method: "POST", path: base + "/" + id + "/attachments?kind=kk", token: e.key1,
			body: storetest.MinimalPDF, contentType: "application/pdf"})
		require.Equal(t, 201, r.Status, string(r.Body))
		r = e.do(req{method: "GET", path: base + "/" + id + "/attachments", token: e.officer})
		require.Equal(t, 200, r.Status)
		r = e.do(req{method: "POST", path: base + "/" + id + "/return", token: e.officer,
			body: httpapi.ReturnRequest{Reasons: []httpapi.ReturnReason{{Pointer: "/reporter/relation", Message: "hubungan tidak jelas"}}}})
		require.Equal(t, 200, r.Status, string(r.Body))
		r = e.do(req{method: "POST", path: base + "/" + id + "/resubmit", token: e.key1})
		require.Equal(t, 200, r.Status, string(r.Body))
		r = e.do(req{method: "POST", path: base + "/" + id + "/verify", token: e.officer})
		require.Equal(t, 200, r.Status, string(r.Body))
		r = e.do(req{method: "GET", path: base + "?status=verified&from=" + today.AddDays(-7).String() + "&to=" + today.String() + "&limit=10",
			token: e.officer})
		require.Equal(t, 200, r.Status)
		r.json(t, &list)
		require.Len(t, list.Items, 1)

		r = e.do(req{method: "POST", path: base + "/" + id + "/register", token: e.officer})
		require.Equal(t, 200, r.Status, string(r.Body))
		var reg httpapi.RegistrationView
		r.json(t, &reg)
		var view httpapi.ReportView
		e.do(req{method: "GET", path: base + "/" + id, token: e.officer}).json(t, &view)
		assert.Equal(t, reg.Documents, view.Documents, "a report's JSON lists its documents")
		r = e.do(req{method: "POST", path: base + "/" + id + "/issue", token: e.officer})
		require.Equal(t, 200, r.Status, string(r.Body))
		if k.kind == "birth" {
			require.Len(t, reg.Documents, 2, "akta and KIA")
			for _, d := range reg.Documents {
				r = e.do(req{method: "GET", path: "/api/v1/documents/" + string(d.Type) + "/" + d.Number, token: e.officer})
				require.Equal(t, 200, r.Status, string(r.Body))
				var doc httpapi.DocumentView
				r.json(t, &doc)
				r = e.do(req{method: "GET", path: "/api/v1/documents/" + string(d.Type) + "/" + d.Number + "/status"})
				require.Equal(t, 200, r.Status)
				assert.NotContains(t, string(r.Body), "Siti", "no personal data")
				r = e.do(req{method: "POST", path: "/api/v1/verify", body: httpapi.VerifyRequest{QR: doc.Payload}})
				require.Equal(t, 200, r.Status)
				var v httpapi.VerifyResult
				r.json(t, &v)
				assert.Equal(t, "valid", v.Result)
				require.NotNil(t, v.Online)
				assert.Equal(t, registry.DocActive, v.Online.Status)
			}
			r = e.do(req{method: "POST", path: base + "/" + id + "/handover", token: e.officer,
				body: httpapi.HandOverRequest{Receiver: "Siti Aminah", Relation: "ibu"}})
			require.Equal(t, 200, r.Status, string(r.Body))
		}
		// A second report, archived.
		r = e.do(req{method: "POST", path: base, token: e.key1, body: k.body(k.kind + "-2")})
		require.Equal(t, 201, r.Status)
		r.json(t, &created)
		r = e.do(req{method: "POST", path: base + "/" + created.ID + "/archive", token: e.officer,
			body: httpapi.ReasonRequest{Reason: "laporan ganda"}})
		require.Equal(t, 200, r.Status, string(r.Body))
	}
	r = e.do(req{method: "POST", path: "/api/v1/verify", body: httpapi.VerifyRequest{QR: "NOT BASE45 ~~"}})
	require.Equal(t, 200, r.Status)
	assert.Contains(t, string(r.Body), `"malformed"`)

	// Partners, agreements, API keys.
	r = e.do(req{method: "GET", path: "/api/v1/partners", token: e.officer})
	require.Equal(t, 200, r.Status)
	r = e.do(req{method: "GET", path: "/api/v1/agreements", token: e.officer})
	require.Equal(t, 200, r.Status)
	ag := storetest.Agreement("pks-new", "pkm-new", partnership.Draft, today.AddDays(10), today.AddDays(10).AddYears(2))
	ag.Signed = zeroDate()
	r = e.do(req{method: "POST", path: "/api/v1/agreements", token: e.admin, body: ag})
	require.Equal(t, 201, r.Status, string(r.Body))
	r = e.do(req{method: "GET", path: "/api/v1/agreements/pks-new", token: e.officer})
	require.Equal(t, 200, r.Status)
	r = e.do(req{method: "POST", path: "/api/v1/agreements/pks-new/sign", token: e.admin, body: httpapi.ReasonRequest{}})
	require.Equal(t, 200, r.Status, string(r.Body))
	assert.Contains(t, string(r.Body), `"state":"signed"`)
	r = e.do(req{method: "POST", path: "/api/v1/agreements/pks-1/renew", token: e.admin,
		body: httpapi.RenewRequest{ID: "pks-1b", Number: "470/pks-1b/PKS-DUKCAPIL/2027"}})
	require.Equal(t, 201, r.Status, string(r.Body))
	r = e.do(req{method: "GET", path: "/api/v1/partners/pkm-2/api-keys", token: e.admin})
	require.Equal(t, 200, r.Status)
	r = e.do(req{method: "POST", path: "/api/v1/partners/pkm-2/api-keys", token: e.admin, body: httpapi.KeyRequest{Label: "cadangan"}})
	require.Equal(t, 201, r.Status, string(r.Body))
	var nk httpapi.NewAPIKey
	r.json(t, &nk)
	assert.True(t, strings.HasPrefix(nk.Secret, "adk_"))
	r = e.do(req{method: "POST", path: "/api/v1/partners/pkm-2/api-keys/" + nk.ID + "/revoke", token: e.admin})
	require.Equal(t, 200, r.Status, string(r.Body))
	r = e.do(req{method: "GET", path: "/api/v1/partners/pkm-2/api-keys", token: e.admin})
	assert.NotContains(t, string(r.Body), nk.Secret, "the secret is shown once")

	r = e.do(req{method: "GET", path: "/metrics"})
	require.Equal(t, http.StatusOK, r.Status)
	assert.Contains(t, string(r.Body), `adminduk_reports{kind="birth",office="62.08",status="handed_over"} 1`)
	assert.Contains(t, string(r.Body), `adminduk_http_requests_total{method="POST",route="POST /api/v1/birth-reports",status="201"}`)
}
