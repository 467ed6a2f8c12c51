package fhir

import (
	"strings"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/registry"
)

// SystemDocumentType holds the documents of form F-2.01 as DocumentReference
// type codes: surat-keterangan-lahir, sptjm-f2.03, buku-nikah,
// akta-perkawinan, sptjm-f2.04, kk, ktp-el, lainnya.
const SystemDocumentType = "https://github.com/adminduk-id/adminduk/registry/fhir/document-type"

// Document type codes of [SystemDocumentType] beyond the attachment kinds.
const (
	DocBukuNikah      = "buku-nikah"
	DocAktaPerkawinan = "akta-perkawinan"
)

// mapDocuments maps the DocumentReferences about the newborn or the mother:
// the faskes's surat keterangan lahir (the proof, with its number, the
// custodian faskes and the authenticating practitioner), an SPTJM F-2.03 in
// its place, the proof of marriage or the SPTJM F-2.04, and every document
// with a content URL as an attachment.
func (m *mapper) mapDocuments() {
	r := &m.rep
	for i := range m.res {
		d, ok := m.res[i].v.(*documentReference)
		if !ok || d.Status == "entered-in-error" || d.Status == "superseded" {
			continue
		}
		at := m.res[i].at
		if s := m.resolve(d.Subject, at.Key("subject"), "Patient"); d.Subject.Reference != "" && s != m.newborn && s != m.mother {
			if s >= 0 {
				m.c.AddCode(at.Key("subject").Key("reference"), adminduk.CodeMismatch,
					"harus merujuk Patient bayi atau ibu", "must refer to the newborn or the mother Patient")
			}
			continue
		}
		code, k := docType(d.Type)
		if k < 0 {
			continue // a document of the SIMRS that is not one of form F-2.01
		}
		tat := at.Key("type").Key("coding").Index(k).Key("code")
		number, nat := docNumber(d, at)
		kind := registry.AttachmentKind(code)
		switch code {
		case string(registry.AttachBirthCertificate):
			if !m.setProof(registry.ProofCertificate, tat) {
				continue
			}
			r.Certificate = &registry.Certificate{Number: number}
			m.source("/certificate", at)
			m.source("/certificate/number", nat)
			if o := m.resolve(d.Custodian, at.Key("custodian"), "Organization"); o >= 0 {
				r.Certificate.Faskes = m.res[o].v.(*organization).Name
				m.source("/certificate/faskes", m.res[o].at.Key("name"))
			} else {
				r.Certificate.Faskes = d.Custodian.Display
				m.source("/certificate/faskes", at.Key("custodian"))
			}
			if p := m.resolve(d.Authenticator, at.Key("authenticator"), "Practitioner"); p >= 0 {
				pr := m.res[p].v.(*practitioner)
				r.Certificate.Attendant, _ = name(pr.Name)
				m.source("/certificate/attendant", namePointer(m.res[p].at, pr.Name))
			} else {
				r.Certificate.Attendant = d.Authenticator.Display
				m.source("/certificate/attendant", at.Key("authenticator"))
			}
		case string(registry.AttachSPTJMBirth):
			if !m.setProof(registry.ProofSPTJM, tat) {
				continue
			}
		case DocBukuNikah, DocAktaPerkawinan:
			if r.Marriage != nil {
				m.c.AddCode(tat, adminduk.CodeDuplicate, "bukti perkawinan sudah ada", "the bundle already holds a proof of marriage")
				continue
			}
			m.marriageDoc = true
			r.Marriage = &registry.MarriageProof{Kind: registry.MarriageProofKind(code), Number: number}
			m.source("/marriage", at)
			m.source("/marriage/number", nat)
			kind = registry.AttachMarriageProof
		case string(registry.AttachSPTJMMarriage):
			m.sptjmMarriageDoc = true
		case string(registry.AttachKK), string(registry.AttachKTP), string(registry.AttachOther):
		default:
			m.c.AddCode(tat, adminduk.CodeInvalid, "jenis dokumen tidak dikenal (sistem "+SystemDocumentType+")",
				"unknown document type (system "+SystemDocumentType+")")
			continue
		}
		for j, c := range d.Content {
			if u := strings.TrimSpace(c.Attachment.URL); u != "" {
				n := len(r.Attachments)
				r.Attachments = append(r.Attachments, registry.Attachment{Kind: kind, Ref: u})
				m.source(adminduk.NewPointer("attachments").Index(n).Key("ref"),
					at.Key("content").Index(j).Key("attachment").Key("url"))
				m.source(adminduk.NewPointer("attachments").Index(n), at)
			}
		}
	}
	if _, ok := m.src["/proof"]; !ok {
		m.source("/proof", "/entry")
		m.source("/certificate", "/entry")
	}
	if _, ok := m.src["/marriage"]; !ok {
		m.source("/marriage", "/entry")
	}
}

// setProof records the proof of the report; a second proof is an error.
func (m *mapper) setProof(p registry.Proof, at adminduk.Pointer) bool {
	if m.rep.Proof != "" {
		m.c.AddCode(at, adminduk.CodeDuplicate, "bukti kelahiran sudah ada (surat keterangan atau SPTJM)",
			"the bundle already holds a proof of birth (certificate or SPTJM)")
		return false
	}
	m.rep.Proof = p
	m.source("/proof", at)
	return true
}

// docType returns the code of SystemDocumentType of a document type and its
// index among the codings.
func docType(cc codeableConcept) (string, int) {
	for i, c := range cc.Coding {
		if c.System == SystemDocumentType {
			return c.Code, i
		}
	}
	return "", -1
}

// docNumber returns the number of a document: its master identifier, else
// its first identifier.
func docNumber(d *documentReference, at adminduk.Pointer) (string, adminduk.Pointer) {
	if d.MasterIdentifier != nil {
		return strings.TrimSpace(d.MasterIdentifier.Value), at.Key("masterIdentifier").Key("value")
	}
	if len(d.Identifier) > 0 {
		return strings.TrimSpace(d.Identifier[0].Value), at.Key("identifier").Index(0).Key("value")
	}
	return "", at.Key("masterIdentifier")
}

// mapParents sets the parent case: a father with a proof of marriage is
// "kawin", with an SPTJM F-2.04 "kawin-belum-tercatat", with a mother
// recorded married (v3 marital status M) "kawin" still lacking its proof;
// no father and a mother never married (S) or unmarried (U) is "ibu";
// anything else is left for the Dinas to collect.
func (m *mapper) mapParents() {
	r := &m.rep
	mo := m.res[m.mother].v.(*patient)
	status := ""
	if mo.MaritalStatus != nil {
		for _, c := range mo.MaritalStatus.Coding {
			if c.System == SystemMaritalStatus {
				status = c.Code
			}
		}
	}
	m.source("/parents", m.res[m.mother].at.Key("maritalStatus"))
	switch {
	case m.marriageDoc && m.sptjmMarriageDoc:
		m.c.AddCode("/entry", adminduk.CodeMismatch,
			"bukti perkawinan dan SPTJM F-2.04 tidak boleh keduanya ada",
			"a proof of marriage and an SPTJM F-2.04 exclude each other")
	case m.father >= 0 && m.marriageDoc:
		r.Parents = registry.ParentsMarried
	case m.father >= 0 && m.sptjmMarriageDoc:
		r.Parents = registry.ParentsUnrecorded
	case m.father >= 0 && status == "M":
		r.Parents = registry.ParentsMarried
	case m.father < 0 && !m.marriageDoc && !m.sptjmMarriageDoc && (status == "S" || status == "U"):
		r.Parents = registry.ParentsMotherOnly
	}
}
