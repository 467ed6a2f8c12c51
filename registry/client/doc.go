// Package client is the Go SDK of the registry's HTTP API
// (registry/httpapi, described by its /openapi.json) for the systems of
// partner faskes, schools and merchants, and for officers' tools: one typed
// method per operation, a context on every call, typed errors, and
// [VerifyWebhook] for the webhooks the registry delivers. It imports only
// the SDK's domain packages and the standard library.
//
//	c, err := client.New(client.Config{BaseURL: "https://dukcapil.example.go.id", Token: apiKey})
//	created, err := c.CreateBirthReport(ctx, report)         // JSON
//	created, err = c.CreateBirthBundle(ctx, satusehatBundle) // or FHIR R4, unchanged
//
// # Retries and idempotency
//
// Every POST that changes something carries an Idempotency-Key: the one
// given with [IdempotencyKey], else one generated for the call. On a
// network error, 429 or 503 (and a 409 for the same key still in flight on
// the server) the client retries, at most Config.MaxRetries times, with the
// SAME key, waiting with exponential backoff and jitter or as long as the
// answer's Retry-After says (a Retry-After beyond Config.MaxBackoff ends the
// retries). The server answers a retry of a request it carried out with the
// first answer, so a report is never created twice. GETs are retried
// likewise. A request the server kept in flight when it died keeps its key
// busy: retry it later with a new key — the report's external_ref still
// guards against a duplicate.
//
// # Errors
//
// An answer outside 2xx is an *[Error]: status, the RFC 9457 problem's
// type, title and detail, the partner's refusal reason, and the invalid
// fields as JSON pointers into the request body (or into the FHIR bundle)
// with codes and messages (Config.Language "en" asks for English). It is
// errors.Is-able to the registry's sentinels: [registry.ErrNotFound],
// [registry.ErrForbidden], [registry.ErrConflict],
// [registry.ErrInvalidTransition] and [adminduk.ErrInvalid].
//
// # Webhooks
//
// [VerifyWebhook] checks a delivery by Standard Webhooks v1 (whsec_
// secrets, several v1 signatures during a rotation, a five-minute
// timestamp tolerance, constant-time comparison) and returns its [Event];
// deduplicate by Event.ID, which is the same on every retry. A partner
// manages its receivers with [Client.AddWebhookEndpoint] (the secret is in
// that answer only), [Client.RotateWebhookSecret],
// [Client.DisableWebhookEndpoint] and [Client.WebhookDeliveries].
//
// # Officers and schools
//
// An officer's token reaches the office's work: [Client.DecideDuplicate],
// [Client.Correct], [Client.Revoke], [Client.DocumentPDF],
// [Client.ImportPopulation] and [Client.Coverage]; a school's key sends
// [Client.SchoolBatch]. A partner resubmits a returned report corrected with
// [Client.ResubmitBirth] (or [Client.ResubmitBirthBundle], FHIR),
// [Client.ResubmitDeath] and [Client.ResubmitStillbirth].
package client
