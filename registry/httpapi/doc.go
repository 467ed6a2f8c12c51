// Package httpapi is the HTTP API of the registry: a [Server] (an
// http.Handler on the standard library's routing) for partner faskes, Dinas
// officers and anyone checking a document, described by the OpenAPI 3
// document [OpenAPI], served at /openapi.json. The document is the
// contract: the package's tests check every request and response of a walk
// through every operation against it.
//
// # Callers
//
// A partner authenticates with its API key, an officer with a bearer token
// (both "Authorization: Bearer ..."; see registry.Service.CreateAPIKey). A
// partner sees only its own reports (another partner's report is 404, never
// 403, so that its existence does not leak) and is refused with 403 and the
// reason while none of its agreements (PKS) is in force; an officer sees the
// reports of its office, and the admin role ([Config].AdminRole) manages
// agreements and API keys. The QR check (POST /api/v1/verify), the online
// status of a document, the JWK Set, /healthz and /metrics are public.
//
// # Errors
//
// Every error is an RFC 9457 application/problem+json [Problem] with a
// stable type URI and, for invalid input, the invalid fields as JSON pointers
// into the request body with a code and a message in the language of
// Accept-Language (Indonesian by default, English). Malformed JSON is 400,
// invalid fields 422, a body over the limit 413, an attachment that is not
// what it claims 415, an unknown route 404, another method 405, a step the
// workflow does not allow 409, too many requests 429 with Retry-After.
//
// # Idempotency
//
// Every authenticated POST takes an Idempotency-Key (IETF httpapi draft):
// missing is 400, the same key with another request 422, the same key while
// the first request is in flight 409, and a retry after the first answer
// gets that answer again (Idempotent-Replayed: true). Keys are scoped to the
// caller (the partner, or the officer) and kept in the registry's database,
// never deleted, so several server processes may share it. A request that
// died in flight keeps its key busy: retry with a new key (a report's
// external_ref still guards against a duplicate).
//
// # Officers' work
//
// Beyond the steps of a report (verify, return, register, issue, hand over
// for births, deaths and stillbirths alike, archive), an officer decides a
// potential duplicate (POST .../{id}/duplicate-decision: archived as a
// duplicate of a candidate, or the flag cleared; the report's JSON shows
// officers the candidates and the decisions), corrects an akta kelahiran
// (POST /api/v1/documents/{type}/{number}/corrections, the next version
// with a marginal note) or revokes a registration through one of its
// documents (.../revocations), prints any version of a document on demand
// (GET .../pdf?version=, rendered by package registry/render from what was
// stored), imports the population (POST /api/v1/population) and reads the
// coverage of the office's regions (GET /api/v1/coverage?region=&as_of=).
// A school's key sends its pupils (POST /api/v1/school-batches; the
// Idempotency-Key is the batch key) and gets each one's outcome.
//
// # Resubmission
//
// A returned report is resubmitted as it was (no body) or corrected (the
// report's JSON, or for a birth a FHIR bundle): the body is validated like a
// new report and becomes the report's next body version, so a birth notified
// at discharge is completed through the API.
//
// # Webhooks
//
// A partner registers its receivers (/api/v1/webhook-endpoints: the secret
// is shown once; rotate, disable, and the deliveries with their attempts).
// An endpoint must be https on a public address unless [Config].Demo is set
// (and AllowPrivate of the registry's [registry.WebhookConfig] too). The
// delivery worker is package registry/webhook; pass [Server.WebhookAttempt]
// as its OnAttempt to count deliveries by outcome in
// adminduk_webhook_deliveries_total.
//
// # Operations
//
// [NewHTTPServer] sets the server timeouts (ReadHeaderTimeout and the
// others) for a production listener; [MaskingHandler] keeps NIKs out of the
// logs; Prometheus metrics (requests by route pattern and status, latency,
// reports by status) are served at /metrics from a registry of the server's
// own.
package httpapi

//go:generate go run gen_openapi.go
