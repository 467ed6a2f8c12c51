package registry

// PlaceType is the kind of place of a birth or death on form F-2.01.
type PlaceType string

// Place types.
const (
	PlaceHospital  PlaceType = "rs"        // rumah sakit / rumah bersalin
	PlacePuskesmas PlaceType = "puskesmas" // puskesmas
	PlacePolindes  PlaceType = "polindes"  // pondok bersalin desa
	PlaceHome      PlaceType = "rumah"     // at home
	PlaceOther     PlaceType = "lainnya"   // elsewhere
)

// IsValid reports whether p is one of the place types.
func (p PlaceType) IsValid() bool {
	switch p {
	case PlaceHospital, PlacePuskesmas, PlacePolindes, PlaceHome, PlaceOther:
		return true
	}
	return false
}

// Attendant is who helped at a birth.
type Attendant string

// Attendants.
const (
	AttendantDoctor  Attendant = "dokter"
	AttendantMidwife Attendant = "bidan" // bidan or perawat
	AttendantDukun   Attendant = "dukun" // traditional birth attendant
	AttendantOther   Attendant = "lainnya"
)

// IsValid reports whether a is one of the attendants.
func (a Attendant) IsValid() bool {
	switch a {
	case AttendantDoctor, AttendantMidwife, AttendantDukun, AttendantOther:
		return true
	}
	return false
}

// ParentsCase is whom the akta will name as parents (Perpres 96/2018).
type ParentsCase string

// The three parent cases.
const (
	ParentsMarried    ParentsCase = "kawin"                // marriage proven: both parents
	ParentsUnrecorded ParentsCase = "kawin-belum-tercatat" // marriage not recorded, SPTJM F-2.04: both parents
	ParentsMotherOnly ParentsCase = "ibu"                  // mother only, no father named
)

// IsValid reports whether p is one of the parent cases.
func (p ParentsCase) IsValid() bool {
	return p == ParentsMarried || p == ParentsUnrecorded || p == ParentsMotherOnly
}

// Proof is the document a report rests on.
type Proof string

// Proofs.
const (
	ProofCertificate Proof = "surat-keterangan" // surat keterangan lahir/kematian of the faskes
	ProofSPTJM       Proof = "sptjm"            // SPTJM (F-2.03 for a birth) in its place: two witnesses
)

// IsValid reports whether p is one of the proofs.
func (p Proof) IsValid() bool { return p == ProofCertificate || p == ProofSPTJM }

// MarriageProofKind is the document proving a marriage.
type MarriageProofKind string

// Marriage proofs.
const (
	BukuNikah      MarriageProofKind = "buku-nikah"      // Muslim marriage book (KUA)
	AktaPerkawinan MarriageProofKind = "akta-perkawinan" // civil marriage certificate
)

// IsValid reports whether k is one of the marriage proofs.
func (k MarriageProofKind) IsValid() bool { return k == BukuNikah || k == AktaPerkawinan }

// DeterminedBy is who determined a cause of death or stillbirth.
type DeterminedBy string

// Who determined a cause.
const (
	ByDoctor      DeterminedBy = "dokter"
	ByHealthStaff DeterminedBy = "tenaga-kesehatan"
	ByPolice      DeterminedBy = "kepolisian"
	ByOther       DeterminedBy = "lainnya"
)

// IsValid reports whether d is one of the values.
func (d DeterminedBy) IsValid() bool {
	switch d {
	case ByDoctor, ByHealthStaff, ByPolice, ByOther:
		return true
	}
	return false
}

// AttachmentKind is a document attached to a report.
type AttachmentKind string

// Attachments of form F-2.01.
const (
	AttachBirthCertificate AttachmentKind = "surat-keterangan-lahir"
	AttachDeathCertificate AttachmentKind = "surat-keterangan-kematian"
	AttachMarriageProof    AttachmentKind = "bukti-perkawinan"
	AttachSPTJMBirth       AttachmentKind = "sptjm-f2.03"
	AttachSPTJMMarriage    AttachmentKind = "sptjm-f2.04"
	AttachKK               AttachmentKind = "kk"
	AttachKTP              AttachmentKind = "ktp-el"
	AttachOther            AttachmentKind = "lainnya"
)

// IsValid reports whether k is one of the attachment kinds.
func (k AttachmentKind) IsValid() bool {
	switch k {
	case AttachBirthCertificate, AttachDeathCertificate, AttachMarriageProof, AttachSPTJMBirth,
		AttachSPTJMMarriage, AttachKK, AttachKTP, AttachOther:
		return true
	}
	return false
}
