package akta

import "github.com/adminduk-id/adminduk/adminduk"

// Parents says whom a Kutipan Akta Kelahiran names as the child's parents.
// Perpres 96/2018 distinguishes three cases (DOMAIN.md, "Akta"). In
// akta.json it is the optional field "parents": "kawin",
// "kawin-belum-tercatat" or "ibu". Without the field (older inputs) a
// record with a father is read as [ParentsMarried] and one without as
// [ParentsMotherOnly].
type Parents uint8

// The parent cases.
const (
	// ParentsMarried: the marriage is proven (buku nikah or akta
	// perkawinan); the akta names father and mother.
	ParentsMarried Parents = 1 + iota
	// ParentsUnrecorded: the parents are married but the marriage is not
	// recorded; they declare it with SPTJM F-2.04. The akta names both
	// parents and adds "yang perkawinannya belum tercatat sesuai dengan
	// ketentuan peraturan perundang-undangan". Two witnesses are needed.
	ParentsUnrecorded
	// ParentsMotherOnly: father unknown or no marriage claimed; the akta
	// names the mother only and the record has no father.
	ParentsMotherOnly
)

var parentsEnum = enum{name: "parents", typ: "Parents", vals: []enumVal{{},
	{key: "kawin", id: "PERKAWINAN TERCATAT", en: "MARRIED", aliases: []string{"married", "tercatat"}},
	{key: "kawin-belum-tercatat", id: "PERKAWINAN BELUM TERCATAT", en: "UNRECORDED MARRIAGE", aliases: []string{"unrecorded", "belum tercatat", "sptjm f-2.04", "f-2.04"}},
	{key: "ibu", id: "IBU SAJA", en: "MOTHER ONLY", aliases: []string{"mother", "mother only", "ibu saja"}},
}}

// ParseParents accepts the keys "kawin", "kawin-belum-tercatat" and "ibu"
// and their English names.
func ParseParents(s string) (Parents, error) {
	v, err := parentsEnum.parse(s)
	return Parents(v), err
}

// IsValid reports whether p is one of the parent cases above.
func (p Parents) IsValid() bool { return parentsEnum.valid(uint8(p)) }

// String returns the akta.json key, e.g. "kawin"; "" for 0 (not
// given) and "Parents(n)" for a value that names nothing.
func (p Parents) String() string { return parentsEnum.key(uint8(p)) }

// Text returns the label in language l, in capitals: "PERKAWINAN TERCATAT" or
// "MARRIED"; "" when p is not valid.
func (p Parents) Text(l adminduk.Lang) string { return parentsEnum.text(uint8(p), l) }

// MarshalText implements [encoding.TextMarshaler]: the key, and an error
// for a value that names nothing.
func (p Parents) MarshalText() ([]byte, error) { return parentsEnum.marshal(uint8(p)) }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseParents].
func (p *Parents) UnmarshalText(b []byte) error {
	v, err := ParseParents(string(b))
	*p = v
	return err
}

// Proof is the document a report rests on: the faskes's surat keterangan
// (lahir or kematian) or, in its place, an SPTJM (statement of absolute
// responsibility, F-2.03 for a birth) which needs two witnesses. In
// akta.json it is the optional field "proof": "surat-keterangan" (the
// default) or "sptjm".
type Proof uint8

// The proofs.
const (
	ProofCertificate Proof = 1 + iota // surat keterangan lahir / kematian
	ProofSPTJM                        // SPTJM in place of the surat keterangan: two witnesses
)

var proofEnum = enum{name: "proof", typ: "Proof", vals: []enumVal{{},
	{key: "surat-keterangan", id: "SURAT KETERANGAN", en: "CERTIFICATE", aliases: []string{"surat keterangan lahir", "surat keterangan kematian", "skl"}},
	{key: "sptjm", id: "SPTJM", en: "STATEMENT", aliases: []string{"f-2.03", "sptjm kelahiran", "sptjm kematian"}},
}}

// ParseProof accepts "surat-keterangan" and "sptjm".
func ParseProof(s string) (Proof, error) {
	v, err := proofEnum.parse(s)
	return Proof(v), err
}

// IsValid reports whether p is one of the proofs above.
func (p Proof) IsValid() bool { return proofEnum.valid(uint8(p)) }

// String returns the akta.json key, e.g. "sptjm"; "" for 0 (not
// given) and "Proof(n)" for a value that names nothing.
func (p Proof) String() string { return proofEnum.key(uint8(p)) }

// Text returns the label in language l, in capitals: "SPTJM" or
// "STATEMENT"; "" when p is not valid.
func (p Proof) Text(l adminduk.Lang) string { return proofEnum.text(uint8(p), l) }

// MarshalText implements [encoding.TextMarshaler]: the key, and an error
// for a value that names nothing.
func (p Proof) MarshalText() ([]byte, error) { return proofEnum.marshal(uint8(p)) }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseProof].
func (p *Proof) UnmarshalText(b []byte) error {
	v, err := ParseProof(string(b))
	*p = v
	return err
}

// ParentCase returns b.Parents, or for a record without it the case its
// father implies: married with a father, mother only without.
func (b *Birth) ParentCase() Parents {
	switch {
	case b.Parents != 0:
		return b.Parents
	case b.Father != nil:
		return ParentsMarried
	}
	return ParentsMotherOnly
}

// NeedsWitnesses reports whether the birth needs two witnesses: when an
// SPTJM replaces the surat keterangan lahir (F-2.03) or the marriage proof
// (F-2.04).
func (b *Birth) NeedsWitnesses() bool {
	return b.Proof == ProofSPTJM || b.ParentCase() == ParentsUnrecorded
}

// NeedsWitnesses reports whether the death needs two witnesses: when an
// SPTJM kematian replaces the surat keterangan kematian.
func (d *Death) NeedsWitnesses() bool { return d.Proof == ProofSPTJM }

// witnesses checks the witnesses: exactly two when needed, otherwise none
// or two.
func (c *checker) witnesses(ws []Party, needed bool) {
	switch {
	case needed && len(ws) != 2:
		c.add("/witnesses", adminduk.CodeRange, "SPTJM memerlukan dua orang saksi", "an SPTJM needs exactly two witnesses")
	case !needed && len(ws) != 0 && len(ws) != 2:
		c.add("/witnesses", adminduk.CodeRange, "saksi harus dua orang atau tidak ada", "witnesses: two or none")
	}
	for i, w := range ws {
		c.party(adminduk.NewPointer("witnesses").Index(i), w, true)
	}
	if len(ws) == 2 && ws[0].NIK.IsValid() && ws[0].NIK == ws[1].NIK {
		c.add("/witnesses/1/nik", adminduk.CodeDuplicate, "saksi kedua sama dengan saksi pertama", "second witness is the first one")
	}
}

// parents checks the parent case against the father.
func (c *checker) parents(b *Birth) {
	switch b.Parents {
	case 0:
	case ParentsMarried, ParentsUnrecorded:
		if b.Father == nil {
			c.required("/father")
		}
	case ParentsMotherOnly:
		if b.Father != nil {
			c.add("/father", adminduk.CodeMismatch, "akta atas nama ibu tidak memuat ayah", "a mother-only record has no father")
		}
	default:
		c.add("/parents", adminduk.CodeInvalid, "nilai tidak dikenal", "unknown parent case")
	}
	if b.Proof > ProofSPTJM {
		c.add("/proof", adminduk.CodeInvalid, "nilai tidak dikenal", "unknown proof")
	}
}
