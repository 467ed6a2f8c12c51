// Package webhook delivers the registry's webhooks as Standard Webhooks v1
// messages: it signs them ([Sign], [SignatureHeader]) and drains the outbox
// of a [registry.WebhookStore] ([Worker]).
//
// # Outbox
//
// The store writes an event, and one delivery per active endpoint of the
// report's partner, in the transaction of every action appended to a report
// (report.status_changed) and of every document version issued
// (document.issued). A change is therefore never committed without its
// event, and an event outlives a crash of the process: a worker started
// later delivers it. The body is the thin payload of
// [registry.WebhookEvent.Payload]: {type, timestamp, data: {id,
// external_ref, status}}; a receiver that wants more fetches the report.
//
// # Delivery
//
// A [Worker] claims due deliveries with a lease ([Options].Lease): on
// PostgreSQL with FOR UPDATE SKIP LOCKED, on SQLite through its one writer,
// so two workers never attempt the same delivery at once. It POSTs the body
// with the headers webhook-id (the event's message id, the same on every
// retry and for every endpoint: receivers deduplicate by it),
// webhook-timestamp (Unix seconds of the attempt) and webhook-signature
// ("v1,<base64 HMAC-SHA256 of id.timestamp.body>", one per active secret,
// space-separated). A 2xx answer delivers; 410 Gone fails the delivery and
// disables the endpoint; anything else, including a redirect, a timeout or
// a refused destination, is retried after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h
// and 24 h ([registry.WebhookBackoff]), then fails. Every attempt is
// recorded with its status code, error and duration.
//
// # Secrets
//
// A secret is "whsec_" and the base64 of 32 random bytes (the HMAC key). It
// is shown once at registration, and stored in clear: the registry must sign
// with it, so it cannot be kept as a hash like an API key. After a rotation
// the previous secret keeps signing during the overlap (24 h by default), so
// messages then carry two signatures.
//
// # Destinations
//
// Endpoints on private, loopback, link-local, CGNAT, unspecified or other
// non-public addresses are refused, at registration by the registry (after
// resolving the host) and again at dial time by the client of [NewClient]
// (against DNS rebinding), unless the server runs in demo or test mode
// (registry.WebhookConfig.AllowPrivate, [Options].AllowPrivate).
package webhook
