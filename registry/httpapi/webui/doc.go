// Package webui is the officer's web interface of the registry: pages
// rendered on the server with html/template, its templates and stylesheet
// embedded, no script at all, no CDN and no build step. It is an
// [net/http.Handler] that registry/httpapi mounts (httpapi.Config.UI) or that
// a program serves on its own.
//
// # Pages
//
// The login page; the dashboard (reports waiting per kind and state, late
// registrations, PKS expiring within 60 days and lapsed, and the coverage of
// akta and KIA per kecamatan against the national targets from
// [registry.Service.Coverage]: the package coverage/chart PNG, served at
// /coverage.png, with the same figures in an accessible table; until a
// population is imported the panel says plainly that no coverage can be
// computed); the work queues of births, deaths and stillbirths with filters
// by state and flag; a report page with every field of the report, its
// flags, its body versions when it was resubmitted with a corrected body,
// each potential-duplicate candidate side by side with it (the fields that
// differ marked) and the two decisions ([registry.Service.MarkDuplicate],
// [registry.Service.MarkNotDuplicate]), its action history, its documents
// and a button for each step the transition table allows from its state
// ([registry.Allowed]) and the officer's role permits
// ([registry.Role.MayAct]), registration held back while a duplicate is
// undecided; a document page with the document as the PDF the registry
// renders from what it stored (registry/render, embedded in an <object>,
// also as PNG), its versions and states, its QR code, the hand-over form,
// and for a supervisor the correction of an akta kelahiran (new names and
// the authority, printed as the marginal note of the next version) and
// revocation; the partners and agreements page (create, lifecycle events,
// API keys shown once, the keys' use and the webhook endpoints with their
// latest deliveries, read-only); and the public verification page, which
// needs no login: paste the text of a QR code or upload a photo of the card,
// and it shows the offline result (signature, issuer, expiry) and the online
// status in plain Indonesian or English.
//
// # Security
//
// Sessions are [registry.Service.StartSession] tokens in a cookie that is
// HttpOnly, SameSite=Lax and Secure when the request came over TLS (or
// [Config.SecureCookies]); the server keeps only their hash. Every POST goes
// through [net/http.CrossOriginProtection], so a form posted from another
// origin is refused with 403. Every page is sent with a strict
// Content-Security-Policy (default-src 'self'; no script, no inline style;
// frames and objects only from the UI itself, for its PDFs;
// frame-ancestors 'none'); a PDF or PNG of a document is sent with
// default-src 'none' and may be framed only by the UI's own pages. All user data is escaped by html/template. Failed
// logins are limited per username and client address in memory (5 failures
// in 15 minutes lock that pair for the rest of the window): a process
// restart forgets them, and several processes each keep their own count.
//
// # Languages
//
// Indonesian by default; English with ?lang=en, remembered in a cookie, or
// [Config.Lang].
package webui
