package httpapi_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/registry/httpapi"
)

func bundle(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "fhir", "testdata", name))
	require.NoError(t, err)
	return b
}

// TestFHIRIntake: a SATUSEHAT-style bundle is a birth report like its JSON
// twin; the discharge bundle is accepted, flagged incomplete, and refused at
// verification with what is missing; a bundle that cannot be mapped is 422
// with pointers into the bundle.
func TestFHIRIntake(t *testing.T) {
	e := newEnv(t, nil, nil)
	r := e.do(req{method: "POST", path: "/api/v1/birth-reports", token: e.key1, body: bundle(t, "full-bundle.json"),
		contentType: "application/fhir+json"})
	require.Equal(t, 201, r.Status, string(r.Body))
	var fromBundle httpapi.ReportCreated
	r.json(t, &fromBundle)
	r = e.do(req{method: "POST", path: "/api/v1/birth-reports", token: e.key2, body: bundle(t, "full-report.json")})
	require.Equal(t, 201, r.Status, string(r.Body))
	var fromJSON httpapi.ReportCreated
	r.json(t, &fromJSON)
	var a, b httpapi.ReportView
	e.do(req{method: "GET", path: "/api/v1/birth-reports/" + fromBundle.ID, token: e.officer}).json(t, &a)
	e.do(req{method: "GET", path: "/api/v1/birth-reports/" + fromJSON.ID, token: e.officer}).json(t, &b)
	assert.JSONEq(t, string(b.Body), string(a.Body), "a bundle and its JSON twin are the same report")
	// The twin, from another partner, is a potential duplicate of the first.
	assert.Equal(t, a.Flags, slices.DeleteFunc(b.Flags, func(f string) bool { return f == "potential_duplicate" }))

	r = e.do(req{method: "POST", path: "/api/v1/birth-reports", token: e.key1, body: bundle(t, "discharge-bundle.json"),
		contentType: "application/fhir+json"})
	require.Equal(t, 201, r.Status, string(r.Body))
	var dis httpapi.ReportCreated
	r.json(t, &dis)
	assert.Contains(t, dis.Flags, "incomplete")
	r = e.do(req{method: "POST", path: "/api/v1/birth-reports/" + dis.ID + "/verify", token: e.officer})
	assert.Equal(t, 409, r.Status)
	p := r.problem(t)
	assert.Equal(t, httpapi.ProblemTypeBase+"invalid-transition", p.Type)
	assert.Equal(t, "laporan belum lengkap", p.Title)
	var missing []string
	for _, f := range p.Errors {
		missing = append(missing, f.Pointer)
	}
	assert.Contains(t, missing, "/reporter/nik")

	for _, name := range []string{"broken-fields.json", "broken-unit.json", "broken-no-mother.json"} {
		r = e.do(req{method: "POST", path: "/api/v1/birth-reports", token: e.key1, body: bundle(t, name),
			contentType: "application/fhir+json", invalid: true})
		assert.Equal(t, 422, r.Status, name)
		p = r.problem(t)
		require.NotEmpty(t, p.Errors, name)
		for _, f := range p.Errors {
			assert.True(t, f.Pointer == "" || strings.HasPrefix(f.Pointer, "/entry") || strings.HasPrefix(f.Pointer, "/resourceType") ||
				strings.HasPrefix(f.Pointer, "/identifier"), "%s: %s names a FHIR element", name, f.Pointer)
		}
	}
	for _, name := range []string{"broken-syntax.json", "broken-type.json"} {
		r = e.do(req{method: "POST", path: "/api/v1/birth-reports", token: e.key1, body: bundle(t, name),
			contentType: "application/fhir+json", invalid: true})
		assert.Equal(t, 400, r.Status, name)
	}
	r = e.do(req{method: "POST", path: "/api/v1/death-reports", token: e.key1, body: bundle(t, "full-bundle.json"),
		contentType: "application/fhir+json", invalid: true})
	assert.Equal(t, 415, r.Status, "bundles are births only")
}
