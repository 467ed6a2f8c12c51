package httpapi

import (
	"net/http"

	"github.com/adminduk-id/adminduk/registry"
	"github.com/adminduk-id/adminduk/registry/fhir"
)

// kinds maps the path of each kind of report to its kind.
var kinds = []struct {
	path string
	kind registry.Kind
}{
	{"birth-reports", registry.KindBirth},
	{"death-reports", registry.KindDeath},
	{"stillbirth-reports", registry.KindStillbirth},
}

// routes registers every operation of openapi.json.
func (s *Server) routes() {
	json := op{access: public}
	s.handle("GET /healthz", json, s.healthz)
	s.handle("GET /openapi.json", json, s.openapi)
	s.handle("GET /.well-known/jwks.json", json, s.jwks)
	s.mux.Handle("GET /metrics", s.metricsHandler())
	s.handle("POST /api/v1/verify", op{access: public, maxBody: 16 << 10}, s.verify)
	s.handle("GET /api/v1/documents/{type}/{number}/status", json, s.documentStatus)
	s.handle("GET /api/v1/documents/{type}/{number}", op{access: officer}, s.document)

	for _, k := range kinds {
		base := "/api/v1/" + k.path
		kind := k.kind
		create := op{access: partner, idempotent: true}
		if kind == registry.KindBirth {
			create.maxBody = max(s.maxBody, fhir.MaxBundle) // a FHIR bundle; JSON is held to maxBody
		}
		s.handle("POST "+base, create, s.createReport(kind))
		s.handle("GET "+base, op{access: anyone}, s.listReports(kind))
		s.handle("GET "+base+"/{id}", op{access: anyone}, s.getReport(kind))
		s.handle("POST "+base+"/{id}/resubmit", op{access: partner, idempotent: true}, s.resubmit(kind))
		s.handle("POST "+base+"/{id}/attachments", op{access: partner, idempotent: true, maxBody: s.maxAtt}, s.attach(kind))
		s.handle("GET "+base+"/{id}/attachments", op{access: anyone}, s.attachments(kind))
		s.handle("POST "+base+"/{id}/verify", op{access: officer, idempotent: true}, s.verifyReport(kind))
		s.handle("POST "+base+"/{id}/return", op{access: officer, idempotent: true}, s.returnReport(kind))
		s.handle("POST "+base+"/{id}/register", op{access: officer, idempotent: true}, s.register(kind))
		s.handle("POST "+base+"/{id}/issue", op{access: officer, idempotent: true}, s.issue(kind))
		if kind == registry.KindBirth {
			// Deaths and stillbirths issue no documents yet (akta kematian
			// and SKLM come with the documents work): nothing to hand over.
			s.handle("POST "+base+"/{id}/handover", op{access: officer, idempotent: true}, s.handOver(kind))
		}
		s.handle("POST "+base+"/{id}/archive", op{access: officer, idempotent: true}, s.archive(kind))
	}

	s.handle("GET /api/v1/partners", op{access: officer}, s.partners)
	s.handle("GET /api/v1/agreements", op{access: officer}, s.agreements)
	s.handle("POST /api/v1/agreements", op{access: admin, idempotent: true}, s.createAgreement)
	s.handle("GET /api/v1/agreements/{id}", op{access: officer}, s.agreement)
	s.handle("POST /api/v1/agreements/{id}/renew", op{access: admin, idempotent: true}, s.renewAgreement)
	s.handle("POST /api/v1/agreements/{id}/{event}", op{access: admin, idempotent: true}, s.agreementEvent)
	s.handle("GET /api/v1/partners/{partner}/api-keys", op{access: admin}, s.apiKeys)
	s.handle("POST /api/v1/partners/{partner}/api-keys", op{access: admin, idempotent: true}, s.createAPIKey)
	s.handle("POST /api/v1/partners/{partner}/api-keys/{key}/revoke", op{access: admin, idempotent: true}, s.revokeAPIKey)
}

func ok(v any) (result, error) { return result{Status: http.StatusOK, Value: v}, nil }
