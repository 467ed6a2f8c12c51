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
		resubmitOp := op{access: partner, idempotent: true}
		if kind == registry.KindBirth {
			resubmitOp.maxBody = max(s.maxBody, fhir.MaxBundle) // a FHIR bundle; JSON is held to maxBody
		}
		s.handle("POST "+base+"/{id}/resubmit", op{access: partner, idempotent: true}, s.resubmit(kind))
		s.handle("POST "+base+"/{id}/attachments", op{access: partner, idempotent: true, maxBody: s.maxAtt}, s.attach(kind))
		s.handle("GET "+base+"/{id}/attachments", op{access: anyone}, s.attachments(kind))
		s.handle("POST "+base+"/{id}/verify", op{access: officer, idempotent: true}, s.verifyReport(kind))
		s.handle("POST "+base+"/{id}/return", op{access: officer, idempotent: true}, s.returnReport(kind))
		s.handle("POST "+base+"/{id}/register", op{access: officer, idempotent: true}, s.register(kind))
		s.handle("POST "+base+"/{id}/issue", op{access: officer, idempotent: true}, s.issue(kind))
		s.handle("POST "+base+"/{id}/handover", op{access: officer, idempotent: true}, s.handOver(kind))
		s.handle("POST "+base+"/{id}/duplicate-decision", op{access: officer, idempotent: true}, s.duplicateDecision(kind))
		s.handle("POST "+base+"/{id}/archive", op{access: officer, idempotent: true}, s.archive(kind))
	}

	s.handle("GET /api/v1/documents/{type}/{number}/pdf", op{access: officer}, s.documentPDF)
	s.handle("POST /api/v1/documents/{type}/{number}/corrections", op{access: officer, idempotent: true}, s.correct)
	s.handle("POST /api/v1/documents/{type}/{number}/revocations", op{access: officer, idempotent: true}, s.revoke)
	s.handle("GET /api/v1/coverage", op{access: officer}, s.coverage)
	s.handle("POST /api/v1/population", op{access: officer, idempotent: true, maxBody: 8 << 20}, s.importPopulation)
	s.handle("POST /api/v1/school-batches", op{access: partner, idempotent: true, maxBody: 64 << 20}, s.schoolBatch)
	s.handle("POST /api/v1/webhook-endpoints", op{access: partner, idempotent: true}, s.createWebhookEndpoint)
	s.handle("GET /api/v1/webhook-endpoints", op{access: partner}, s.webhookEndpoints)
	s.handle("POST /api/v1/webhook-endpoints/{id}/rotate", op{access: partner, idempotent: true}, s.rotateWebhookEndpoint)
	s.handle("POST /api/v1/webhook-endpoints/{id}/disable", op{access: partner, idempotent: true}, s.disableWebhookEndpoint)
	s.handle("GET /api/v1/webhook-endpoints/{id}/deliveries", op{access: partner}, s.webhookDeliveries)

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
