// Package storetest is the conformance suite of [registry.Store]: Run drives a
// store through the registry's workflow (reports and actions, derived status,
// idempotency, authorisation, allocation of NIK serials and akta numbers, and
// concurrent registrations) so that registry/sqlite and registry/postgres are
// held to the same contract. It also exports the fixtures of the suite for
// end-to-end tests and examples.
package storetest

import (
	"crypto/ed25519"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/credential"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/partnership"
	"github.com/adminduk-id/adminduk/registry"
)

// Fixture values: the Dinas of Kabupaten Sukamara (62.08), a puskesmas in
// kecamatan Sukamara (62.08.01) and a village there.
var (
	Regency   = wilayah.MustParseCode("62.08")
	Kecamatan = wilayah.MustParseCode("62.08.01")
	Village   = wilayah.MustParseCode("62.08.01.2001")
	// Today is the day the suite's clock starts on (WIB).
	Today = adminduk.MustDate(2026, time.December, 3)
	// FamilyKK is the KK of the family of [Birth].
	FamilyKK = "6208011506200003"
)

// Key is the fixture office's Ed25519 signing key, from a fixed seed (a test
// key: never use it for real documents).
var Key = ed25519.NewKeyFromSeed([]byte("adminduk registry storetest key!"))

// Signer returns the signer of the fixture office ("ID-6208", [Key]).
func Signer() *credential.Signer {
	s, err := credential.NewSigner("ID-"+Regency.Plain(), Key)
	if err != nil {
		panic(err) // a fixed, valid key
	}
	return s
}

// Office returns the Dinas of the fixtures, signing with [Signer].
func Office() registry.Office {
	return registry.Office{
		Issuer: adminduk.Issuer{Regency: Regency, HeadName: "H. Ahmad Suhaemi, M.Si.",
			HeadNIP: adminduk.MustParseNIP("197005121995031002")},
		Name:   "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Sukamara",
		Signer: Signer(),
	}
}

// Clock is a settable clock, safe for concurrent use.
type Clock struct {
	mu sync.Mutex
	t  time.Time
}

// NewClock returns a clock at 10:00 WIB on day d.
func NewClock(d adminduk.Date) *Clock {
	return &Clock{t: d.In(adminduk.WIB).Add(10 * time.Hour)}
}

// Now returns the clock's time and moves it on by a millisecond, so that
// successive actions have distinct times.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(time.Millisecond)
	return c.t
}

// SetDay moves the clock to 10:00 WIB on day d.
func (c *Clock) SetDay(d adminduk.Date) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = d.In(adminduk.WIB).Add(10 * time.Hour)
}

// IDs returns an ID source "<prefix>-000001", ... safe for concurrent use.
func IDs(prefix string) func() string {
	var n atomic.Int64
	return func() string { return fmt.Sprintf("%s-%06d", prefix, n.Add(1)) }
}

// Agreement returns an agreement of partner (a puskesmas in [Kecamatan])
// for the health services, in state st from start to end.
func Agreement(id, partner string, st partnership.State, start, end adminduk.Date, services ...partnership.Service) partnership.Agreement {
	if len(services) == 0 {
		services = []partnership.Service{partnership.AktaKelahiran, partnership.KK, partnership.KIA, partnership.AktaKematian}
	}
	return partnership.Agreement{
		ID: id, Number: "470/" + id + "/PKS-DUKCAPIL/2026",
		Partner: partnership.Partner{ID: partner, Name: "Puskesmas " + partner, Category: partnership.Puskesmas, District: Kecamatan},
		Scope:   partnership.Scope{Services: partnership.ServicesOf(services...)},
		Signed:  start, Start: start, End: end, State: st,
	}
}

// Birth returns a valid birth report from a faskes with a surat keterangan
// lahir, married parents, born on birth, sex "L" or "P", the child named
// ([ProvisionalBirth] is the same without a name yet).
func Birth(ref string, birth adminduk.Date, sex string) *registry.BirthReport {
	name := "Nur Aisyah Putri"
	if sex == "L" {
		name = "Muhammad Rizki Pratama"
	}
	return &registry.BirthReport{
		ExternalRef: ref,
		Child: registry.Newborn{
			Name: name, Sex: sex,
			BirthDate: birth.String(), BirthTime: "07:45",
			PlaceType: registry.PlacePuskesmas, Place: "Puskesmas Sukamara",
			Multiplicity: "tunggal", BirthOrder: 1, Attendant: registry.AttendantMidwife, Religion: "Islam",
			WeightG: 3100, LengthCM: 49.5,
		},
		Mother:   registry.Parent{NIK: "6208014505980001", Name: "Siti Aminah", BirthDate: "1998-05-05"},
		Father:   &registry.Parent{NIK: "6208011203900002", Name: "Ahmad Fauzi"},
		Parents:  registry.ParentsMarried,
		Marriage: &registry.MarriageProof{Kind: registry.BukuNikah, Number: "0123/045/VI/2020"},
		Family: registry.FamilyRef{KK: FamilyKK, Address: registry.Address{Street: "Jl. Tjilik Riwut", RT: "002", RW: "005",
			Village: Village.String()}},
		Reporter:    registry.Reporter{NIK: "6208011203900002", Name: "Ahmad Fauzi", Relation: "ayah"},
		Proof:       registry.ProofCertificate,
		Certificate: &registry.Certificate{Number: "SKL/001/XII/2026", Faskes: "Puskesmas Sukamara", Attendant: "Bd. Rina"},
	}
}

// ProvisionalBirth is [Birth] with the provisional name "Bayi Ny. Siti
// Aminah": the parents have not named the child yet.
func ProvisionalBirth(ref string, birth adminduk.Date, sex string) *registry.BirthReport {
	b := Birth(ref, birth, sex)
	b.Child.Name, b.Child.ProvisionalName = "Bayi Ny. Siti Aminah", true
	return b
}

// Death returns a valid death report of a person with a NIK, died on d.
func Death(ref string, d adminduk.Date) *registry.DeathReport {
	return &registry.DeathReport{
		ExternalRef: ref,
		Deceased: registry.Deceased{NIK: "6208010204500001", Name: "Abdul Karim", Sex: "L",
			BirthPlace: "Sukamara", BirthDate: "1950-04-02"},
		DeathDate: d.String(), DeathTime: "23:10", PlaceType: registry.PlaceHospital, Place: "RSUD Sukamara",
		Cause: "sakit", MedicalCause: "I21.9", DeterminedBy: registry.ByDoctor,
		Family:      registry.FamilyRef{Address: registry.Address{Village: Village.String()}},
		Reporter:    registry.Reporter{NIK: "6208011203900002", Name: "Ahmad Fauzi", Relation: "anak"},
		Proof:       registry.ProofCertificate,
		Certificate: &registry.Certificate{Number: "SKK/12/2026", Faskes: "RSUD Sukamara"},
	}
}

// Stillbirth returns a valid stillbirth report of day d.
func Stillbirth(ref string, d adminduk.Date) *registry.StillbirthReport {
	return &registry.StillbirthReport{
		ExternalRef: ref, GestationWeeks: 32, Sex: "L", Date: d.String(), Multiplicity: "tunggal", BirthOrder: 2,
		PlaceType: registry.PlaceHospital, Place: "RSUD Sukamara", Attendant: registry.AttendantDoctor,
		DeterminedBy: registry.ByDoctor,
		Mother:       registry.Parent{NIK: "6208014505980001", Name: "Siti Aminah"},
		Family:       registry.FamilyRef{Address: registry.Address{Village: Village.String()}},
		Reporter:     registry.Reporter{NIK: "6208011203900002", Name: "Ahmad Fauzi", Relation: "ayah"},
	}
}

var mothers atomic.Int64

// OtherMother gives b a mother no other report of the process names: a
// woman of [Kecamatan] born in 1998 with a NIK of her own (distinct for the
// first 3,359,664 calls), so that births of the same day are not potential
// duplicates of each other.
func OtherMother(b *registry.BirthReport) {
	b.Mother.NIK, b.Mother.BirthDate = otherMother()
}

// otherMother returns the NIK and birth date of a mother no other report
// of the process names (see [OtherMother]).
func otherMother() (nik, birthDate string) {
	n := int(mothers.Add(1)-1) % (9999 * 28 * 12)
	serial, rest := n%9999+1, n/9999
	day, month := rest%28+1, rest/28%12+1
	return fmt.Sprintf("%s%02d%02d98%04d", Kecamatan.Plain(), day+40, month, serial), fmt.Sprintf("1998-%02d-%02d", month, day)
}

// OtherStillbirthMother gives s a mother no other report of the process
// names, as [OtherMother] does for a birth.
func OtherStillbirthMother(s *registry.StillbirthReport) {
	s.Mother.NIK, _ = otherMother()
}

// OtherMothersFrom makes [OtherMother] continue from the n-th mother:
// processes writing to one store each take a range of their own (the
// counter lives in the process), so that their births are not potential
// duplicates of each other's.
func OtherMothersFrom(n int) {
	mothers.Store(int64(n))
}
