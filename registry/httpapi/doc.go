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
// # Operations
//
// [NewHTTPServer] sets the server timeouts (ReadHeaderTimeout and the
// others) for a production listener; [MaskingHandler] keeps NIKs out of the
// logs; Prometheus metrics (requests by route pattern and status, latency,
// reports by status) are served at /metrics from a registry of the server's
// own.
package httpapi

//go:generate go run gen_openapi.go
