//go:build ignore

// gen_openapi writes openapi.json, the contract of package httpapi: run
// "go generate ./registry/httpapi". The contract test checks every
// operation of the server against it.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

type m = map[string]any

func ref(name string) m    { return m{"$ref": "#/components/schemas/" + name} }
func arr(items any) m      { return m{"type": "array", "items": items} }
func str() m               { return m{"type": "string"} }
func strMax(n int) m       { return m{"type": "string", "maxLength": n} }
func enum(vs ...string) m  { return m{"type": "string", "enum": vs} }
func integer() m           { return m{"type": "integer"} }
func number() m            { return m{"type": "number"} }
func boolean() m           { return m{"type": "boolean"} }
func dateTime() m          { return m{"type": "string", "format": "date-time"} }
func date() m              { return m{"type": "string", "pattern": `^\d{4}-\d{2}-\d{2}$`} }
func pattern(p string) m   { return m{"type": "string", "pattern": p} }
func desc(s m, d string) m { s["description"] = d; return s }
func nullable(s m) m       { s["nullable"] = true; return s }
func anyObject() m         { return m{"type": "object"} }
func obj(props m, req ...string) m {
	o := m{"type": "object", "properties": props, "additionalProperties": false}
	if len(req) > 0 {
		o["required"] = req
	}
	return o
}

// open is an object that may gain members (the server's answers): clients
// must ignore members they do not know.
func open(props m, req ...string) m {
	o := obj(props, req...)
	delete(o, "additionalProperties")
	return o
}

var statuses = []string{"notified", "returned", "verified", "registered", "issued", "handed_over", "revoked", "archived"}
var flags = []string{"potential_duplicate", "late", "incomplete"}
var actionTypes = []string{"notify", "verify", "return", "resubmit", "register", "issue", "hand_over", "correct", "revoke", "archive"}
var docTypes = []string{"AKTA-KELAHIRAN", "AKTA-KEMATIAN", "KK", "KIA", "SKLM"}
var attachmentKinds = []string{"surat-keterangan-lahir", "surat-keterangan-kematian", "bukti-perkawinan", "sptjm-f2.03", "sptjm-f2.04", "kk", "ktp-el", "lainnya"}

func schemas() m {
	nik := desc(pattern(`^\d{16}$`), "NIK, 16 digits")
	village := desc(pattern(`^\d{2}\.\d{2}\.\d{2}\.\d{4}$`), "Kemendagri desa/kelurahan code, 62.08.01.2001")
	placeType := enum("rs", "puskesmas", "polindes", "rumah", "lainnya")
	attendant := enum("dokter", "bidan", "dukun", "lainnya")
	determinedBy := enum("dokter", "tenaga-kesehatan", "kepolisian", "lainnya")
	return m{
		"Problem": desc(open(m{
			"type": str(), "title": str(), "status": integer(), "detail": str(),
			"reason": desc(str(), "why a partner is refused: agreement expired, agreement suspended ..."),
			"errors": arr(ref("ProblemField")),
		}, "type", "title", "status"), "RFC 9457 problem details; messages follow Accept-Language (id default, en)"),
		"ProblemField": open(m{"pointer": desc(str(), "JSON pointer into the request body"), "code": str(), "message": str()},
			"pointer", "code", "message"),
		"Parent": obj(m{"nik": nik, "name": strMax(60), "birth_place": str(), "birth_date": date(),
			"citizenship": enum("WNI", "WNA")}, "nik", "name"),
		"Reporter": obj(m{"nik": desc(pattern(`^(\d{16})?$`), "NIK, 16 digits; empty while not known (a birth notified at discharge)"),
			"name": strMax(60), "relation": str()}, "nik", "name", "relation"),
		"Witness":       obj(m{"nik": nik, "name": strMax(60)}, "nik", "name"),
		"Address":       obj(m{"street": str(), "rt": str(), "rw": str(), "village": village}, "village"),
		"FamilyRef":     obj(m{"kk": desc(pattern(`^\d{16}$`), "KK number"), "address": ref("Address")}, "address"),
		"Certificate":   obj(m{"number": str(), "faskes": str(), "attendant": str()}, "number", "faskes"),
		"MarriageProof": obj(m{"kind": enum("buku-nikah", "akta-perkawinan"), "number": str()}, "kind", "number"),
		"AttachmentRef": obj(m{"kind": enum(attachmentKinds...), "ref": str()}, "kind", "ref"),
		"Newborn": obj(m{
			"name": strMax(60), "provisional_name": boolean(), "sex": enum("L", "P"), "birth_date": date(),
			"birth_time": pattern(`^\d{2}:\d{2}$`), "place_type": placeType, "place": str(),
			"multiplicity": desc(str(), "tunggal, kembar-2, kembar-3, kembar-4, lainnya"), "birth_order": integer(),
			"attendant": desc(enum("dokter", "bidan", "dukun", "lainnya", ""), "empty while not known (the report is flagged incomplete)"),
			"weight_g":  integer(), "length_cm": number(),
			"religion": desc(str(), "the child's religion as the KIA prints it (Islam, Kristen, Katolik, Hindu, Buddha, Khonghucu, Kepercayaan)"),
		}, "name", "sex", "birth_date", "place_type", "place", "multiplicity", "birth_order", "attendant"),
		"BirthReport": desc(obj(m{
			"external_ref": desc(strMax(100), "the partner's own reference, unique per partner"),
			"child":        ref("Newborn"), "mother": ref("Parent"), "father": ref("Parent"),
			"parents":  desc(enum("kawin", "kawin-belum-tercatat", "ibu", ""), "empty while not known (the report is flagged incomplete)"),
			"marriage": ref("MarriageProof"), "family": ref("FamilyRef"), "reporter": ref("Reporter"),
			"proof":       desc(enum("surat-keterangan", "sptjm", ""), "empty while not known (the report is flagged incomplete)"),
			"certificate": ref("Certificate"), "witnesses": arr(ref("Witness")), "attachments": arr(ref("AttachmentRef")),
		}, "child", "mother", "parents", "family", "reporter", "proof"), "A birth reported by a partner faskes (form F-2.01)"),
		"Deceased": obj(m{"nik": nik, "name": strMax(60), "sex": enum("L", "P"), "birth_place": str(), "birth_date": date(),
			"birth_report": desc(str(), "ID of the birth report of a newborn without NIK")}, "name", "sex"),
		"DeathReport": obj(m{
			"external_ref": strMax(100), "deceased": ref("Deceased"), "death_date": date(), "death_time": pattern(`^\d{2}:\d{2}$`),
			"place_type": placeType, "place": str(), "cause": str(), "medical_cause": desc(str(), "ICD-10"),
			"determined_by": determinedBy, "family": ref("FamilyRef"), "reporter": ref("Reporter"),
			"proof": enum("surat-keterangan", "sptjm"), "certificate": ref("Certificate"), "witnesses": arr(ref("Witness")),
			"attachments": arr(ref("AttachmentRef")),
		}, "deceased", "death_date", "place_type", "place", "cause", "determined_by", "family", "reporter", "proof"),
		"StillbirthReport": obj(m{
			"external_ref": strMax(100), "gestation_weeks": integer(), "sex": enum("L", "P"), "date": date(),
			"multiplicity": str(), "birth_order": integer(), "place_type": placeType, "place": str(), "attendant": attendant,
			"cause": str(), "determined_by": determinedBy, "mother": ref("Parent"), "family": ref("FamilyRef"),
			"reporter": ref("Reporter"), "attachments": arr(ref("AttachmentRef")),
		}, "gestation_weeks", "date", "multiplicity", "birth_order", "place_type", "place", "attendant", "determined_by",
			"mother", "family", "reporter"),
		"FHIRBundle": desc(open(m{"resourceType": enum("Bundle"), "entry": arr(anyObject())}, "resourceType"),
			"a FHIR R4 Bundle as a SATUSEHAT-connected SIMRS produces it (package registry/fhir has the mapping); "+
				"error pointers name its elements (/entry/2/resource/birthDate)"),
		"ReportCreated": open(m{"id": str(), "status": enum(statuses...), "flags": arr(enum(flags...))}, "id", "status", "flags"),
		"ReportSummary": open(reportSummaryProps(), "id", "kind", "status", "flags", "partner_id", "created"),
		"ReportView": open(merge(reportSummaryProps(), m{
			"office": str(), "agreement_id": str(),
			"body":    desc(anyObject(), "the report as submitted: a BirthReport, DeathReport or StillbirthReport"),
			"actions": arr(ref("Action")), "documents": arr(ref("DocumentRef")),
			"duplicates":          desc(arr(ref("DuplicateLink")), "officers only: the reports a duplicate rule linked"),
			"duplicate_decisions": desc(arr(ref("DuplicateDecision")), "officers only: the decisions taken"),
		}), "id", "kind", "status", "flags", "partner_id", "created", "office", "body", "actions", "documents"),
		"ReportList": open(m{"items": arr(ref("ReportSummary")), "next_cursor": str()}, "items"),
		"Action": open(m{"seq": integer(), "type": enum(actionTypes...), "actor": str(), "at": dateTime(), "reason": str()},
			"seq", "type", "actor", "at"),
		"DocumentRef": obj(m{"type": enum(docTypes...), "number": str(), "version": integer(),
			"status": enum("active", "replaced", "revoked")}, "type", "number", "version", "status"),
		"Registration": open(m{"report_id": str(), "nik": nik, "akta": str(), "registered": date(),
			"documents": arr(ref("DocumentRef"))}, "report_id", "registered", "documents"),
		"HandOver": open(m{"receiver": str(), "relation": str(), "documents": arr(ref("DocumentRef")), "at": dateTime(), "actor": str()},
			"receiver", "relation", "documents", "at", "actor"),
		"Attachment": open(m{"report_id": str(), "seq": integer(), "kind": enum(attachmentKinds...),
			"media_type": enum("application/pdf", "image/jpeg", "image/png"), "size": integer(),
			"sha256": pattern(`^[0-9a-f]{64}$`), "created_at": dateTime(), "created_by": str()},
			"report_id", "seq", "kind", "media_type", "size", "sha256", "created_at", "created_by"),
		"Document": open(m{"type": enum(docTypes...), "number": str(), "version": integer(), "status": enum("active", "replaced", "revoked"),
			"current_version": integer(), "report_id": str(), "issued_at": dateTime(), "changed_at": dateTime(),
			"payload": desc(str(), "the signed QR credential (Base45 text, CREDENTIAL.md)")},
			"type", "number", "version", "status", "current_version", "report_id", "issued_at", "changed_at", "payload"),
		"DocumentStatus": desc(open(m{"type": enum(docTypes...), "number": str(), "version": integer(),
			"status": enum("active", "replaced", "revoked"), "current_version": integer(), "changed_at": dateTime()},
			"type", "number", "version", "status", "current_version", "changed_at"), "CREDENTIAL.md online status: no personal data"),
		"VerifyRequest": obj(m{"qr": desc(strMax(8192), "the text of the QR code")}, "qr"),
		"VerifyResult": open(m{
			"result": enum("valid", "expired", "not_yet_valid", "unknown_key", "invalid_signature", "malformed"),
			"issuer": str(), "kid": str(),
			"document": open(m{"type": str(), "number": str()}, "type", "number"),
			"online":   ref("DocumentStatus"),
		}, "result"),
		"JWKSet": open(m{"keys": arr(open(m{"kty": str(), "crv": str(), "x": str(), "kid": str(), "iss": str(),
			"nbf": integer(), "exp": integer()}, "kty", "kid"))}, "keys"),
		"Health":  open(m{"status": enum("ok"), "offices": arr(str())}, "status", "offices"),
		"Partner": open(m{"id": str(), "name": str(), "category": str(), "district": str(), "contact": anyObject()}, "name", "category", "district"),
		"Agreement": desc(open(m{
			"id": str(), "number": str(), "partner_number": str(), "partner": ref("Partner"),
			"scope": open(m{"services": desc(str(), "service keys separated by ;: akta_kelahiran;kk;kia;akta_kematian"),
				"benefit": anyObject()}, "services"),
			"signed": date(), "start": date(), "end": date(), "term": desc(str(), "2y, 18m ..."),
			"state":       enum("draft", "signed", "active", "suspended", "expired", "terminated"),
			"predecessor": str(), "successor": str(), "journal": arr(anyObject()),
		}, "id", "number", "partner", "scope", "state"), "A PKS (package partnership)"),
		"PartnerView": open(m{"partner": ref("Partner"), "in_force": boolean(),
			"agreements": arr(open(m{"id": str(), "state": str()}, "id", "state"))}, "partner", "agreements", "in_force"),
		"APIKey": open(m{"id": str(), "partner_id": str(), "label": str(), "created_at": dateTime(), "created_by": str(),
			"revoked_at": dateTime(), "last_used": dateTime()}, "id", "created_at", "created_by"),
		"NewAPIKey": open(m{"id": str(), "partner_id": str(), "label": str(), "created_at": dateTime(), "created_by": str(),
			"secret": desc(pattern(`^adk_[A-Za-z0-9_-]{43}$`), "shown once: only its SHA-256 is stored")},
			"id", "created_at", "created_by", "secret"),
		"ReturnRequest": obj(m{"reasons": m{"type": "array", "minItems": 1,
			"items": obj(m{"pointer": desc(str(), "the field of the report"), "message": str()}, "message")}}, "reasons"),
		"HandOverRequest": obj(m{"receiver": str(), "relation": str(), "documents": arr(ref("DocumentRef"))}, "receiver", "relation"),
		"ReasonRequest":   obj(m{"reason": str()}),
		"Empty":           obj(m{}),
		"RenewRequest": obj(m{"id": str(), "number": str(), "partner_number": str(), "start": date(),
			"term": desc(str(), "2y, 18m ...; default two years")}, "id", "number"),
		"KeyRequest": obj(m{"label": strMax(200)}),
		"DuplicateDecisionRequest": desc(obj(m{"duplicate": boolean(),
			"candidate":  desc(str(), "the report this one duplicates (duplicate: true); the report is archived"),
			"candidates": desc(arr(str()), "the reports this one does not duplicate (duplicate: false); none: every report it matches"),
			"reason":     str()}, "duplicate", "reason"), "an officer's decision on a report flagged potential_duplicate"),
		"DuplicateLink": open(m{"report_id": str(), "candidate_id": str(), "rule": str(), "at": dateTime()},
			"report_id", "candidate_id", "rule", "at"),
		"DuplicateDecision": open(m{"report_id": str(), "candidate_id": str(), "duplicate": boolean(), "reason": str(),
			"actor": str(), "at": dateTime()}, "report_id", "candidate_id", "duplicate", "reason", "actor", "at"),
		"Correction": desc(obj(m{"child_name": strMax(60), "father_name": strMax(60), "mother_name": strMax(60),
			"authority": desc(str(), "the act the correction rests on: penetapan pengadilan, keputusan Kepala Dinas")}, "authority"),
			"a correction of an akta kelahiran: the names that change (empty: unchanged), printed as a marginal note on the next version"),
		"RevocationRequest": obj(m{"reason": str()}, "reason"),
		"Counts":            open(m{"required": integer(), "with": integer()}, "required", "with"),
		"CoverageFigure": open(m{"indicator": str(), "ages": open(m{"from": integer(), "to": integer()}, "from", "to"),
			"counts": ref("Counts"), "percent": desc(nullable(number()), "null when the population is 0; above 100 is not clamped"),
			"kecamatan": arr(open(m{"kecamatan": str(), "counts": ref("Counts"), "percent": nullable(number())}, "kecamatan", "counts"))},
			"indicator", "ages", "counts", "kecamatan"),
		"Coverage": desc(open(m{"region": str(), "as_of": date(), "population_as_of": date(), "akta": ref("CoverageFigure"),
			"kia": ref("CoverageFigure")}, "region", "as_of", "population_as_of", "akta", "kia"),
			"akta kelahiran (0-17) and KIA (0-4) coverage from the registry's records against the newest imported population"),
		"Population": obj(m{"as_of": date(), "source": str(), "rows": arr(obj(m{
			"kecamatan": desc(pattern(`^\d{2}\.\d{2}\.\d{2}$`), "a kecamatan of the office"),
			"age":       m{"type": "integer", "minimum": 0, "maximum": 120}, "count": m{"type": "integer", "minimum": 0}},
			"kecamatan", "age", "count"))}, "as_of", "rows"),
		"PopulationImported": open(m{"import": desc(integer(), "the import's number; coverage uses the newest"), "rows": integer()}, "import", "rows"),
		"Pupil": obj(m{"nik": str(), "name": strMax(60), "school": str(), "class": str(),
			"photo": desc(m{"type": "string", "format": "byte"}, "2x3 photo, JPEG or PNG (a KIA from five); never put in the QR, not kept")},
			"nik", "name", "school"),
		"SchoolBatchRequest": obj(m{"pupils": arr(ref("Pupil"))}, "pupils"),
		"SchoolEntry": open(m{"index": integer(), "nik": str(), "name": str(), "school": str(), "class": str(),
			"outcome": enum("issued", "has_kia", "no_akta", "needs_photo", "ineligible", "invalid_nik"),
			"kind":    desc(integer(), "1: KIA under five, 2: from five"), "version": integer(), "valid_until": date(),
			"report_id": str(), "problem": anyObject()}, "index", "nik", "name", "school", "outcome"),
		"SchoolBatchResult": desc(open(m{"office": str(), "partner_id": str(), "batch_key": str(),
			"issued": arr(ref("SchoolEntry")), "has_kia": arr(ref("SchoolEntry")), "no_akta": arr(ref("SchoolEntry")),
			"needs_photo": arr(ref("SchoolEntry")), "ineligible": arr(ref("SchoolEntry")), "invalid_nik": arr(ref("SchoolEntry"))},
			"office", "partner_id", "batch_key", "issued", "has_kia", "no_akta", "needs_photo", "ineligible", "invalid_nik"),
			"every pupil in one list, in row order"),
		"WebhookEndpointRequest": obj(m{"url": desc(strMax(2048), "https; no private or loopback address outside demo mode")}, "url"),
		"WebhookEndpoint":        open(webhookEndpointProps(), "id", "partner_id", "url", "created", "active"),
		"NewWebhookEndpoint": open(merge(webhookEndpointProps(), m{
			"secret": desc(pattern(`^whsec_[A-Za-z0-9+/=]+$`), "shown once: Standard Webhooks HMAC key")}),
			"id", "partner_id", "url", "created", "active", "secret"),
		"WebhookAttempt": open(m{"n": integer(), "at": dateTime(), "status_code": integer(), "error": str(),
			"duration": desc(integer(), "nanoseconds"), "worker": str()}, "n", "at", "duration", "worker"),
		"WebhookDelivery": open(m{"office": str(), "event_id": str(), "event_type": str(), "endpoint_id": str(),
			"state": enum("pending", "delivered", "failed"), "next_at": dateTime(), "attempts": arr(ref("WebhookAttempt"))},
			"event_id", "event_type", "endpoint_id", "state", "attempts"),
	}
}

func webhookEndpointProps() m {
	return m{"id": str(), "partner_id": str(), "url": str(), "created": dateTime(), "active": boolean(),
		"disabled": dateTime(), "disabled_reason": str(), "rotated": dateTime()}
}

func reportSummaryProps() m {
	return m{"id": str(), "kind": enum("birth", "death", "stillbirth"), "status": enum(statuses...), "flags": arr(enum(flags...)),
		"external_ref": str(), "partner_id": str(), "created": dateTime()}
}

func merge(a, b m) m {
	for k, v := range b {
		a[k] = v
	}
	return a
}

var (
	partnerSec = []m{{"partnerKey": []string{}}}
	officerSec = []m{{"officerToken": []string{}}}
	anySec     = []m{{"partnerKey": []string{}}, {"officerToken": []string{}}}
	noSec      = []m{}
)

func problem(d string) m {
	return m{"description": d, "content": m{"application/problem+json": m{"schema": ref("Problem")}}}
}

func jsonResp(d string, s any) m {
	return m{"description": d, "content": m{"application/json": m{"schema": s}}}
}

func jsonBody(s any, required bool) m {
	return m{"required": required, "content": m{"application/json": m{"schema": s}}}
}

var idemHeader = m{"name": "Idempotency-Key", "in": "header", "required": true, "schema": strMax(255),
	"description": "required on every POST that changes something: missing 400, reused with another body 422, in flight 409; a replay answers the first response with Idempotent-Replayed: true"}

func pathParam(name, d string) m {
	return m{"name": name, "in": "path", "required": true, "schema": str(), "description": d}
}

func query(name, d string, s m) m {
	return m{"name": name, "in": "query", "required": false, "schema": s, "description": d}
}

func operation(id, summary string, sec []m, params []m, body m, responses m) m {
	o := m{"operationId": id, "summary": summary, "security": sec, "responses": responses}
	if len(params) > 0 {
		o["parameters"] = params
	}
	if body != nil {
		o["requestBody"] = body
	}
	responses["default"] = problem("an error (RFC 9457 problem)")
	if len(sec) > 0 {
		responses["401"] = problem("no, malformed, unknown or revoked credential")
		responses["429"] = m{"description": "rate limited", "headers": m{"Retry-After": m{"schema": integer()}},
			"content": m{"application/problem+json": m{"schema": ref("Problem")}}}
	}
	return o
}

func paths() m {
	p := m{}
	add := func(path, method string, o m) {
		if p[path] == nil {
			p[path] = m{}
		}
		p[path].(m)[method] = o
	}
	add("/healthz", "get", operation("healthz", "liveness and the offices served", noSec, nil, nil,
		m{"200": jsonResp("ok", ref("Health"))}))
	add("/openapi.json", "get", operation("openapi", "this document", noSec, nil, nil,
		m{"200": jsonResp("the OpenAPI document", anyObject())}))
	add("/metrics", "get", operation("metrics", "Prometheus metrics", noSec, nil, nil,
		m{"200": m{"description": "Prometheus text format", "content": m{"text/plain": m{"schema": str()}}}}))
	add("/.well-known/jwks.json", "get", operation("jwks", "the public keys of the offices (CREDENTIAL.md)", noSec, nil, nil,
		m{"200": m{"description": "JWK Set", "content": m{"application/jwk-set+json": m{"schema": ref("JWKSet")}}}}))
	add("/api/v1/verify", "post", operation("verifyQR", "check a QR credential offline and its online status", noSec, nil,
		jsonBody(ref("VerifyRequest"), true), m{"200": jsonResp("the outcome", ref("VerifyResult")),
			"400": problem("malformed JSON"), "422": problem("no qr")}))
	docParams := []m{pathParam("type", strings.Join(docTypes, ", ")), pathParam("number", "the document number (the NIK for a KIA)")}
	add("/api/v1/documents/{type}/{number}/status", "get", operation("documentStatus", "online status of a document: public, no personal data",
		noSec, docParams, nil, m{"200": jsonResp("the status", ref("DocumentStatus")), "404": problem("unknown document")}))
	add("/api/v1/documents/{type}/{number}", "get", operation("getDocument", "a document's metadata and QR payload (officer)",
		officerSec, docParams, nil, m{"200": jsonResp("the current version", ref("Document")), "404": problem("unknown document")}))

	for _, k := range []struct{ path, name, schema string }{
		{"birth-reports", "Birth", "BirthReport"}, {"death-reports", "Death", "DeathReport"}, {"stillbirth-reports", "Stillbirth", "StillbirthReport"},
	} {
		base := "/api/v1/" + k.path
		id := pathParam("id", "the report's ID")
		body := jsonBody(ref(k.schema), true)
		if k.name == "Birth" {
			body["content"].(m)["application/fhir+json"] = m{"schema": ref("FHIRBundle")}
		}
		add(base, "post", operation("create"+k.name+"Report", "a partner reports a "+strings.ToLower(k.name)+" (partner key)", partnerSec,
			[]m{idemHeader}, body, m{
				"201": jsonResp("created", ref("ReportCreated")),
				"200": jsonResp("the same report sent again under its external_ref", ref("ReportCreated")),
				"400": problem("malformed JSON, or no Idempotency-Key"), "403": problem("the partner's PKS is not in force (reason)"),
				"409": problem("external_ref or Idempotency-Key used with another body, or the first request is in flight"),
				"413": problem("body too large"), "415": problem("not application/json (or application/fhir+json for births)"),
				"422": problem("invalid fields (pointers), or Idempotency-Key reused for another request"),
			}))
		add(base, "get", operation("list"+k.name+"Reports", "reports: a partner's own, or an office's (officer), newest first", anySec,
			[]m{
				query("status", "derived status", enum(statuses...)), query("flag", "flags, comma-separated: all must be set", str()),
				query("partner", "a partner's ID (officers)", str()), query("external_ref", "the partner's own reference", str()),
				query("from", "created on or after this day (WIB)", date()), query("to", "created on or before this day (WIB)", date()),
				query("limit", "page size, 1-500 (50)", m{"type": "integer", "minimum": 1, "maximum": 500}),
				query("cursor", "next_cursor of the previous page", str()),
			}, nil, m{"200": jsonResp("a page", ref("ReportList")), "422": problem("invalid query")}))
		add(base+"/{id}", "get", operation("get"+k.name+"Report", "one report with its actions and documents (a partner: its own only)",
			anySec, []m{id}, nil, m{"200": jsonResp("the report", ref("ReportView")), "404": problem("no such report, or another partner's")}))
		resubmitBody := jsonBody(ref(k.schema), false)
		if k.name == "Birth" {
			resubmitBody["content"].(m)["application/fhir+json"] = m{"schema": ref("FHIRBundle")}
		}
		add(base+"/{id}/resubmit", "post", operation("resubmit"+k.name+"Report",
			"the partner sends a returned report again: without a body as it was, with one as corrected (validated like a new report)",
			partnerSec, []m{id, idemHeader}, resubmitBody, m{"200": jsonResp("the report", ref("ReportView")), "409": problem("not returned"),
				"413": problem("body too large"), "415": problem("not application/json (or application/fhir+json for births)"),
				"422": problem("invalid fields (pointers)")}))
		add(base+"/{id}/duplicate-decision", "post", operation("decide"+k.name+"Duplicate",
			"decide a potential duplicate: archive it as a duplicate of a candidate, or clear the flag (officer)",
			officerSec, []m{id, idemHeader}, jsonBody(ref("DuplicateDecisionRequest"), true), m{"200": jsonResp("the report", ref("ReportView")),
				"409": problem("no such candidate link, or not allowed in the report's status"), "422": problem("invalid fields")}))
		add(base+"/{id}/attachments", "post", operation("attach"+k.name+"Report", "a scanned document: PDF, JPEG or PNG by content (partner)",
			partnerSec, []m{id, idemHeader, {"name": "kind", "in": "query", "required": true, "schema": enum(attachmentKinds...)}},
			m{"required": true, "content": m{
				"application/pdf": m{"schema": m{"type": "string", "format": "binary"}},
				"image/jpeg":      m{"schema": m{"type": "string", "format": "binary"}},
				"image/png":       m{"schema": m{"type": "string", "format": "binary"}},
			}}, m{"201": jsonResp("stored", ref("Attachment")), "413": problem("larger than the limit"),
				"415": problem("not a PDF, JPEG or PNG, or not what Content-Type claims")}))
		add(base+"/{id}/attachments", "get", operation("list"+k.name+"Attachments", "the attachments of a report", anySec, []m{id}, nil,
			m{"200": jsonResp("the attachments, without contents", arr(ref("Attachment")))}))
		for _, a := range []struct{ verb, summary, body, resp string }{
			{"verify", "an officer checked the report", "Empty", "ReportView"},
			{"return", "send the report back, with a reason per field", "ReturnRequest", "ReportView"},
			{"register", "register: allocate NIK and akta number, issue the documents", "Empty", "Registration"},
			{"issue", "the documents are issued (printed, ready to hand over)", "Empty", "ReportView"},
			{"handover", "record who received the documents", "HandOverRequest", "HandOver"},
			{"archive", "close without registration", "ReasonRequest", "ReportView"},
		} {
			add(base+"/{id}/"+a.verb, "post", operation(a.verb+k.name+"Report", a.summary+" (officer)", officerSec, []m{id, idemHeader},
				jsonBody(ref(a.body), a.body != "Empty"), m{"200": jsonResp("done", ref(a.resp)),
					"409": problem("not allowed in the report's status"), "422": problem("invalid fields")}))
		}
	}

	add("/api/v1/documents/{type}/{number}/pdf", "get", operation("getDocumentPDF", "a document version printed on demand (officer)",
		officerSec, append(docParams, query("version", "the version, from 1 (default: the current one)", m{"type": "integer", "minimum": 1})),
		nil, m{"200": m{"description": "the PDF", "content": m{"application/pdf": m{"schema": m{"type": "string", "format": "binary"}}}},
			"404": problem("unknown document or version"), "422": problem("no renderer for this type, or a bad version")}))
	add("/api/v1/documents/{type}/{number}/corrections", "post", operation("correctDocument",
		"correct an akta kelahiran: the next version with a marginal note (officer)", officerSec, append(docParams, idemHeader),
		jsonBody(ref("Correction"), true), m{"201": jsonResp("the new version", ref("Document")), "404": problem("unknown document"),
			"409": problem("the version is no longer active, or the report's status allows no correction"), "422": problem("invalid fields, or not an akta kelahiran")}))
	add("/api/v1/documents/{type}/{number}/revocations", "post", operation("revokeDocument",
		"revoke a registration through one of its documents: every active document it issued (officer)", officerSec,
		append(docParams, idemHeader), jsonBody(ref("RevocationRequest"), true), m{"200": jsonResp("the named document's online status", ref("DocumentStatus")),
			"404": problem("unknown document"), "409": problem("already revoked or replaced"), "422": problem("no reason")}))
	add("/api/v1/coverage", "get", operation("getCoverage", "akta and KIA coverage of a region of the office on a day (officer)", officerSec,
		[]m{{"name": "region", "in": "query", "required": true, "schema": str(), "description": "the office's kab/kota or one of its kecamatan"},
			query("as_of", "the day (default: today, WIB)", date())}, nil,
		m{"200": jsonResp("the coverage", ref("Coverage")), "403": problem("region outside the office"),
			"404": problem("no population imported"), "422": problem("invalid query")}))
	add("/api/v1/population", "post", operation("importPopulation", "import the children per kecamatan and age (officer)", officerSec,
		[]m{idemHeader}, jsonBody(ref("Population"), true), m{"201": jsonResp("imported", ref("PopulationImported")),
			"422": problem("invalid rows (pointers)")}))
	add("/api/v1/school-batches", "post", operation("createSchoolBatch",
		"a school lists its pupils: the KIA of each is issued or the reason given (partner key of a school; the Idempotency-Key is the batch key)",
		partnerSec, []m{idemHeader}, jsonBody(ref("SchoolBatchRequest"), true), m{"200": jsonResp("per-pupil outcomes", ref("SchoolBatchResult")),
			"403": problem("not a school, or the PKS does not cover the KIA"), "409": problem("the batch key was used with other pupils"),
			"413": problem("body too large"), "422": problem("empty or too long list, or a pupil without name or school")}))
	wh := pathParam("id", "the endpoint's ID")
	add("/api/v1/webhook-endpoints", "post", operation("createWebhookEndpoint", "register a webhook receiver; its secret is shown once (partner key)",
		partnerSec, []m{idemHeader}, jsonBody(ref("WebhookEndpointRequest"), true), m{"201": jsonResp("the endpoint and its secret", ref("NewWebhookEndpoint")),
			"422": problem("not https, or a private or loopback address (outside demo mode)")}))
	add("/api/v1/webhook-endpoints", "get", operation("listWebhookEndpoints", "the partner's webhook endpoints, without secrets (partner key)",
		partnerSec, nil, nil, m{"200": jsonResp("the endpoints", arr(ref("WebhookEndpoint")))}))
	add("/api/v1/webhook-endpoints/{id}/rotate", "post", operation("rotateWebhookEndpoint",
		"a new secret, shown once; the previous one keeps signing during the overlap (partner key)", partnerSec, []m{wh, idemHeader},
		jsonBody(ref("Empty"), false), m{"200": jsonResp("the endpoint and its new secret", ref("NewWebhookEndpoint")),
			"404": problem("unknown, or another partner's"), "409": problem("disabled")}))
	add("/api/v1/webhook-endpoints/{id}/disable", "post", operation("disableWebhookEndpoint", "disable an endpoint for good (partner key)",
		partnerSec, []m{wh, idemHeader}, jsonBody(ref("RevocationRequest"), true), m{"200": jsonResp("the endpoint", ref("WebhookEndpoint")),
			"404": problem("unknown, or another partner's"), "409": problem("already disabled"), "422": problem("no reason")}))
	add("/api/v1/webhook-endpoints/{id}/deliveries", "get", operation("listWebhookDeliveries",
		"the deliveries to an endpoint with their attempts (partner key)", partnerSec, []m{wh}, nil,
		m{"200": jsonResp("the deliveries", arr(ref("WebhookDelivery"))), "404": problem("unknown, or another partner's")}))
	add("/api/v1/partners", "get", operation("listPartners", "the office's partners with their agreements (officer)", officerSec, nil, nil,
		m{"200": jsonResp("the partners", arr(ref("PartnerView")))}))
	add("/api/v1/agreements", "get", operation("listAgreements", "the office's agreements (officer)", officerSec, nil, nil,
		m{"200": jsonResp("the agreements", arr(ref("Agreement")))}))
	add("/api/v1/agreements", "post", operation("createAgreement", "a new agreement, draft or signed (admin officer)", officerSec,
		[]m{idemHeader}, jsonBody(ref("Agreement"), true), m{"201": jsonResp("created", ref("Agreement")),
			"409": problem("ID already used"), "422": problem("invalid fields")}))
	agID := pathParam("id", "the agreement's ID")
	add("/api/v1/agreements/{id}", "get", operation("getAgreement", "one agreement (officer)", officerSec, []m{agID}, nil,
		m{"200": jsonResp("the agreement", ref("Agreement")), "404": problem("unknown")}))
	add("/api/v1/agreements/{id}/renew", "post", operation("renewAgreement", "sign the successor (admin officer)", officerSec,
		[]m{agID, idemHeader}, jsonBody(ref("RenewRequest"), true), m{"201": jsonResp("the successor", ref("Agreement")),
			"409": problem("not renewable"), "422": problem("invalid fields")}))
	add("/api/v1/agreements/{id}/{event}", "post", operation("agreementEvent", "sign, activate, suspend, resume, expire or terminate (admin officer)",
		officerSec, []m{agID, {"name": "event", "in": "path", "required": true,
			"schema": enum("sign", "activate", "suspend", "resume", "expire", "terminate")}, idemHeader},
		jsonBody(ref("ReasonRequest"), false), m{"200": jsonResp("the agreement", ref("Agreement")),
			"409": problem("not allowed in the agreement's state")}))
	partner := pathParam("partner", "the partner's ID")
	add("/api/v1/partners/{partner}/api-keys", "get", operation("listAPIKeys", "a partner's API keys, without secrets (admin officer)",
		officerSec, []m{partner}, nil, m{"200": jsonResp("the keys", arr(ref("APIKey")))}))
	add("/api/v1/partners/{partner}/api-keys", "post", operation("createAPIKey", "a new API key, its secret shown once (admin officer)",
		officerSec, []m{partner, idemHeader}, jsonBody(ref("KeyRequest"), false), m{"201": jsonResp("the key and its secret", ref("NewAPIKey")),
			"404": problem("no such partner in the office")}))
	add("/api/v1/partners/{partner}/api-keys/{key}/revoke", "post", operation("revokeAPIKey", "revoke an API key at once (admin officer)",
		officerSec, []m{partner, pathParam("key", "the key's ID"), idemHeader}, nil, m{"200": jsonResp("the revoked key", ref("APIKey")),
			"404": problem("unknown key"), "409": problem("already revoked")}))
	return p
}

func main() {
	doc := m{
		"openapi": "3.0.3",
		"info": m{
			"title":   "adminduk registry API",
			"version": "1.0.0",
			"description": "The Dinas back office: partner faskes report births, deaths and stillbirths; officers verify, " +
				"register and hand over the documents; anyone checks a document's QR and online status. Errors are RFC 9457 " +
				"problems with JSON pointers; every POST that changes something takes an Idempotency-Key.",
		},
		"servers": []m{{"url": "/"}},
		"components": m{
			"securitySchemes": m{
				"partnerKey":   m{"type": "http", "scheme": "bearer", "description": "a partner's API key (adk_...)"},
				"officerToken": m{"type": "http", "scheme": "bearer", "description": "an officer's token (ado_...)"},
			},
			"schemas": schemas(),
		},
		"paths": paths(),
	}
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := os.WriteFile("openapi.json", append(b, '\n'), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
