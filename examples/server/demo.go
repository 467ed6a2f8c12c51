package main

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/partnership"
	"github.com/adminduk-id/adminduk/registry"
)

// demoCredentials is what demo-credentials.json holds.
type demoCredentials struct {
	URL      string        `json:"url"`
	Officer  demoOfficer   `json:"officer"`
	Partners []demoPartner `json:"partners"`
}

type demoOfficer struct {
	Username string `json:"username"`
	Password string `json:"password"`
	Token    string `json:"token"`
}

type demoPartner struct {
	ID              string `json:"id"`
	Name            string `json:"name"`
	Category        string `json:"category"`
	APIKey          string `json:"api_key"`
	AgreementStatus string `json:"agreement_status"`
}

func randomPassword() string {
	var b [15]byte
	_, _ = rand.Read(b[:]) // never fails (crypto/rand)
	return base64.RawURLEncoding.EncodeToString(b[:])
}

// demoAgreement is one partner of the demo with its PKS.
type demoAgreement struct {
	id, name string
	cat      partnership.Category
	district string
	start    int // days from today (negative: in the past)
	end      int // days from today
	state    partnership.State
	services []partnership.Service
	benefit  partnership.BenefitTerms
}

var health = []partnership.Service{partnership.AktaKelahiran, partnership.KK, partnership.KIA, partnership.AktaKematian}

// demoPartners: every category, with agreements active, expiring within 60
// days, expired and suspended.
var demoPartners = []demoAgreement{
	{"rsud-sukamara", "RSUD Sukamara", partnership.RumahSakit, "62.08.01", -300, 430, partnership.Active, health, partnership.BenefitTerms{}},
	{"pkm-sukamara", "Puskesmas Sukamara", partnership.Puskesmas, "62.08.01", -200, 530, partnership.Active, health, partnership.BenefitTerms{}},
	{"pkm-jelai", "Puskesmas Jelai", partnership.Puskesmas, "62.08.02", -700, 30, partnership.Active, health, partnership.BenefitTerms{}},
	{"pkm-balai-riam", "Puskesmas Balai Riam", partnership.Puskesmas, "62.08.03", -100, 630, partnership.Active, health, partnership.BenefitTerms{}},
	{"pkm-pantai-lunci", "Puskesmas Pantai Lunci", partnership.Puskesmas, "62.08.04", -740, -10, partnership.Active, health, partnership.BenefitTerms{}},
	{"pkm-permata-kecubung", "Puskesmas Permata Kecubung", partnership.Puskesmas, "62.08.05", -400, 330, partnership.Active, health, partnership.BenefitTerms{}},
	{"klinik-pratama-sehat", "Klinik Pratama Sehat", partnership.Klinik, "62.08.01", -150, 580, partnership.Active, health, partnership.BenefitTerms{}},
	{"bidan-rina", "Bidan Rina Wulandari", partnership.Bidan, "62.08.01", -500, 230, partnership.Active, health, partnership.BenefitTerms{}},
	{"bidan-sari", "Bidan Sari Lestari", partnership.Bidan, "62.08.02", -300, 430, partnership.Suspended, health, partnership.BenefitTerms{}},
	{"tk-pertiwi", "TK Pertiwi Sukamara", partnership.PAUDTK, "62.08.01", -100, 45, partnership.Active, []partnership.Service{partnership.PerekamanSekolah}, partnership.BenefitTerms{}},
	{"sdn-1-sukamara", "SD Negeri 1 Sukamara", partnership.SD, "62.08.01", -200, 530, partnership.Active, []partnership.Service{partnership.PerekamanSekolah}, partnership.BenefitTerms{}},
	{"smpn-1-jelai", "SMP Negeri 1 Jelai", partnership.SMP, "62.08.02", -800, -70, partnership.Active, []partnership.Service{partnership.PerekamanSekolah}, partnership.BenefitTerms{}},
	{"toko-buku-cerdas", "Toko Buku Cerdas", partnership.Merchant, "62.08.01", -60, 670, partnership.Active, []partnership.Service{partnership.KIABenefit},
		partnership.BenefitTerms{Percent: 10, Terms: "diskon 10% buku anak bagi pemegang KIA"}},
	{"pantai-lunci-wisata", "Wisata Pantai Lunci", partnership.TempatWisata, "62.08.04", -90, 640, partnership.Active, []partnership.Service{partnership.KIABenefit},
		partnership.BenefitTerms{Percent: 50, Terms: "tiket masuk setengah harga bagi pemegang KIA"}},
}

// seedDemo creates the demo accounts, partners and reports, and returns the
// credentials to write down.
func seedDemo(ctx context.Context, svc *registry.Service, office registry.Office, url string) (*demoCredentials, error) {
	now := time.Now().In(adminduk.WIB)
	today := adminduk.DateOf(now)
	creds := &demoCredentials{URL: url}

	pw := randomPassword()
	admin, err := svc.CreateOfficer(ctx, Regency, "admin", "Admin Dinas (demo)", registry.RoleSupervisor, pw, "demo")
	if err != nil {
		return nil, fmt.Errorf("officer: %w", err)
	}
	if _, err := svc.CreateOfficer(ctx, Regency, "petugas", "Petugas Pelayanan (demo)", registry.RoleOfficer, randomPassword(), "demo"); err != nil {
		return nil, fmt.Errorf("officer: %w", err)
	}
	creds.Officer = demoOfficer{Username: admin.Username, Password: pw}
	if creds.Officer.Token, err = officerToken(ctx, svc, admin); err != nil {
		return nil, err
	}

	for i, p := range demoPartners {
		a := partnership.Agreement{
			ID: "pks-" + p.id, Number: fmt.Sprintf("470/%03d/PKS-DUKCAPIL/%d", i+1, today.AddDays(p.start).Year()),
			Partner: partnership.Partner{ID: p.id, Name: p.name, Category: p.cat, District: wilayah.MustParseCode(p.district)},
			Scope:   partnership.Scope{Services: partnership.ServicesOf(p.services...), Benefit: p.benefit},
			Signed:  today.AddDays(p.start), Start: today.AddDays(p.start), End: today.AddDays(p.end), State: p.state,
		}
		if err := svc.ImportAgreement(ctx, &a, "demo"); err != nil {
			return nil, fmt.Errorf("partner %s: %w", p.id, err)
		}
		key, err := partnerKey(ctx, svc, p.id)
		if err != nil {
			return nil, err
		}
		creds.Partners = append(creds.Partners, demoPartner{ID: p.id, Name: p.name, Category: p.cat.String(),
			APIKey: key, AgreementStatus: a.StatusOn(today).String()})
	}
	if err := importFamilies(ctx, svc, office.Issuer); err != nil {
		return nil, err
	}
	if err := seedReports(ctx, svc, today); err != nil {
		return nil, err
	}
	if err := seedPopulation(ctx, svc, today); err != nil {
		return nil, err
	}
	return creds, nil
}

type family struct {
	village          string
	mother, father   string
	motherBorn       adminduk.Date
	fatherBorn       adminduk.Date
	kkDay            string // DDMMYY of the KK
	partner, faskes  string
	placeType        registry.PlaceType
	childSex, child  string
	birthDaysAgo     int
	provisional      bool
	mothersOnlyChild bool
}

var families = []family{
	{"62.08.01.1003", "Siti Aminah", "Ahmad Fauzi", adminduk.MustDate(1996, 5, 2), adminduk.MustDate(1993, 3, 12), "150620", "rsud-sukamara", "RSUD Sukamara", registry.PlaceHospital, "P", "Nur Aisyah", 2, false, false},
	{"62.08.01.1004", "Dewi Kartika", "Budi Santoso", adminduk.MustDate(1998, 8, 21), adminduk.MustDate(1995, 1, 9), "030319", "pkm-sukamara", "Puskesmas Sukamara", registry.PlacePuskesmas, "L", "Bayi Ny. Dewi Kartika", 1, true, false},
	{"62.08.02.1001", "Rahma Yanti", "Hendra Gunawan", adminduk.MustDate(1994, 11, 30), adminduk.MustDate(1990, 7, 4), "211118", "pkm-jelai", "Puskesmas Jelai", registry.PlacePuskesmas, "L", "Muhammad Rizki Pratama", 70, false, false},
	{"62.08.03.2001", "Yuliana Sari", "", adminduk.MustDate(2000, 2, 14), adminduk.Date{}, "010521", "pkm-balai-riam", "Puskesmas Balai Riam", registry.PlacePuskesmas, "P", "Putri Anggraini", 5, false, true},
	{"62.08.05.2001", "Fitri Handayani", "Agus Salim", adminduk.MustDate(1997, 6, 6), adminduk.MustDate(1994, 10, 10), "120122", "klinik-pratama-sehat", "Klinik Pratama Sehat", registry.PlaceHospital, "L", "Rafi Aditya Putra", 3, false, false},
	{"62.08.01.1003", "Wulan Permata", "Yusuf Maulana", adminduk.MustDate(1999, 9, 19), adminduk.MustDate(1996, 4, 25), "070723", "bidan-rina", "Bidan Rina Wulandari", registry.PlaceHome, "P", "Citra Ayu Lestari", 4, false, false},
	{"62.08.01.1004", "Lina Marlina", "Dedi Kurniawan", adminduk.MustDate(1995, 12, 1), adminduk.MustDate(1992, 2, 2), "250824", "rsud-sukamara", "RSUD Sukamara", registry.PlaceHospital, "L", "Arif Hidayat", 6, false, false},
	{"62.08.02.1001", "Maya Sofia", "Rudi Hartono", adminduk.MustDate(1993, 3, 3), adminduk.MustDate(1991, 8, 8), "190920", "pkm-jelai", "Puskesmas Jelai", registry.PlacePuskesmas, "P", "Salsabila Azzahra", 8, false, false},
	{"62.08.04.2001", "Nurul Hidayah", "Irfan Hakim", adminduk.MustDate(1996, 1, 15), adminduk.MustDate(1993, 11, 3), "140221", "pkm-permata-kecubung", "Puskesmas Permata Kecubung", registry.PlacePuskesmas, "L", "Fajar Ramadhan", 9, false, false},
	{"62.08.03.2001", "Indah Permatasari", "Taufik Hidayat", adminduk.MustDate(1997, 4, 4), adminduk.MustDate(1995, 5, 5), "090922", "pkm-balai-riam", "Puskesmas Balai Riam", registry.PlacePuskesmas, "P", "Aulia Rahma", 7, false, false},
}

func nikOf(village string, born adminduk.Date, sex adminduk.Sex, serial int) string {
	n, err := registry.BuildNIK(wilayah.MustParseCode(village).District(), born, sex, serial)
	if err != nil {
		panic(err) // fixed demo data
	}
	return n.String()
}

func (f *family) birth(i int, today adminduk.Date) *registry.BirthReport {
	kec := wilayah.MustParseCode(f.village).District()
	kk := kec.Plain() + f.kkDay + fmt.Sprintf("%04d", 100+i)
	mother := registry.Parent{NIK: nikOf(f.village, f.motherBorn, adminduk.Female, 10+i), Name: f.mother,
		BirthPlace: "Sukamara", BirthDate: f.motherBorn.String()}
	b := &registry.BirthReport{
		ExternalRef: fmt.Sprintf("%s-%d-%03d", f.partner, today.Year(), i+1),
		Child: registry.Newborn{Name: f.child, ProvisionalName: f.provisional, Sex: f.childSex,
			BirthDate: today.AddDays(-f.birthDaysAgo).String(), BirthTime: "07:45", PlaceType: f.placeType, Place: f.faskes,
			Multiplicity: "tunggal", BirthOrder: 1 + i%3, Attendant: registry.AttendantMidwife, Religion: "Islam", WeightG: 2900 + 50*i, LengthCM: 48 + float64(i%4)},
		Mother:      mother,
		Family:      registry.FamilyRef{KK: kk, Address: registry.Address{Street: "Jl. Tjilik Riwut", RT: "002", RW: "005", Village: f.village}},
		Proof:       registry.ProofCertificate,
		Certificate: &registry.Certificate{Number: fmt.Sprintf("SKL/%03d/%d", i+1, today.Year()), Faskes: f.faskes, Attendant: "Bd. Rina"},
	}
	if f.mothersOnlyChild {
		b.Parents = registry.ParentsMotherOnly
		b.Reporter = registry.Reporter{NIK: mother.NIK, Name: f.mother, Relation: "ibu"}
		return b
	}
	father := &registry.Parent{NIK: nikOf(f.village, f.fatherBorn, adminduk.Male, 20+i), Name: f.father,
		BirthPlace: "Sukamara", BirthDate: f.fatherBorn.String()}
	b.Father, b.Parents = father, registry.ParentsMarried
	b.Marriage = &registry.MarriageProof{Kind: registry.BukuNikah, Number: fmt.Sprintf("%04d/045/VI/2019", i+1)}
	b.Reporter = registry.Reporter{NIK: father.NIK, Name: f.father, Relation: "ayah"}
	return b
}

// seedReports files the demo reports and takes them to every state the
// registry reaches today.
func seedReports(ctx context.Context, svc *registry.Service, today adminduk.Date) error {
	const officer = "petugas"
	ids := make([]string, len(families))
	for i := range families {
		f := &families[i]
		b := f.birth(i, today)
		if i == 9 { // misspelt: returned, then resubmitted corrected (seedMoreStates)
			b.Mother.Name = "Indah Permata Sary"
		}
		r, _, err := svc.NotifyBirth(ctx, registry.Submission{PartnerID: f.partner, Actor: "simrs"}, b)
		if err != nil {
			return fmt.Errorf("birth %d: %w", i, err)
		}
		ids[i] = r.ID
	}
	// 0, 1, 2 stay notified (2 is late); 3 returned; 4 verified;
	// 5 registered; 6 issued; 7 handed over.
	off := Regency
	if _, err := svc.Return(ctx, off, ids[3], officer, "surat keterangan lahir belum dilampirkan"); err != nil {
		return err
	}
	for _, i := range []int{4, 5, 6, 7} {
		if _, err := svc.Verify(ctx, off, ids[i], officer); err != nil {
			return err
		}
	}
	for _, i := range []int{5, 6, 7} {
		if _, err := svc.Register(ctx, off, ids[i], officer); err != nil {
			return fmt.Errorf("register %d: %w", i, err)
		}
	}
	for _, i := range []int{6, 7} {
		if _, err := svc.Act(ctx, off, ids[i], registry.ActIssue, officer, ""); err != nil {
			return fmt.Errorf("issue %d: %w", i, err)
		}
	}
	if _, err := svc.HandOver(ctx, off, ids[7], officer, families[7].father, "ayah"); err != nil {
		return fmt.Errorf("hand over: %w", err)
	}

	d := &registry.DeathReport{
		ExternalRef: fmt.Sprintf("rsud-sukamara-%d-M-001", today.Year()),
		Deceased: registry.Deceased{NIK: nikOf("62.08.01.1003", adminduk.MustDate(1950, 4, 2), adminduk.Male, 7), Name: "Abdul Karim", Sex: "L",
			BirthPlace: "Sukamara", BirthDate: "1950-04-02"},
		DeathDate: today.AddDays(-1).String(), DeathTime: "23:10", PlaceType: registry.PlaceHospital, Place: "RSUD Sukamara",
		Cause: "sakit", MedicalCause: "I21.9", DeterminedBy: registry.ByDoctor,
		Family:      registry.FamilyRef{Address: registry.Address{Village: "62.08.01.1003"}},
		Reporter:    registry.Reporter{NIK: nikOf("62.08.01.1003", adminduk.MustDate(1975, 1, 5), adminduk.Male, 8), Name: "Hasan Basri", Relation: "anak"},
		Proof:       registry.ProofCertificate,
		Certificate: &registry.Certificate{Number: fmt.Sprintf("SKK/012/%d", today.Year()), Faskes: "RSUD Sukamara"},
	}
	dr, _, err := svc.NotifyDeath(ctx, registry.Submission{PartnerID: "rsud-sukamara", Actor: "simrs"}, d)
	if err != nil {
		return fmt.Errorf("death: %w", err)
	}
	s := &registry.StillbirthReport{
		ExternalRef: fmt.Sprintf("pkm-sukamara-%d-LM-001", today.Year()), GestationWeeks: 32, Sex: "L",
		Date: today.AddDays(-3).String(), Multiplicity: "tunggal", BirthOrder: 2, PlaceType: registry.PlacePuskesmas,
		Place: "Puskesmas Sukamara", Attendant: registry.AttendantMidwife, DeterminedBy: registry.ByHealthStaff,
		Mother:   registry.Parent{NIK: nikOf("62.08.01.1004", adminduk.MustDate(1992, 7, 17), adminduk.Female, 9), Name: "Ratna Sari"},
		Family:   registry.FamilyRef{Address: registry.Address{Village: "62.08.01.1004"}},
		Reporter: registry.Reporter{NIK: nikOf("62.08.01.1004", adminduk.MustDate(1990, 6, 1), adminduk.Male, 11), Name: "Joko Susilo", Relation: "ayah"},
	}
	sr, _, err := svc.NotifyStillbirth(ctx, registry.Submission{PartnerID: "pkm-sukamara", Actor: "simrs"}, s)
	if err != nil {
		return fmt.Errorf("stillbirth: %w", err)
	}
	return seedMoreStates(ctx, svc, today, ids, dr.ID, sr.ID)
}
