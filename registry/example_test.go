package registry_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/credential"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/akta"
	"github.com/adminduk-id/adminduk/partnership"
	"github.com/adminduk-id/adminduk/registry"
	"github.com/adminduk-id/adminduk/registry/sqlite"
)

// A puskesmas under an active PKS reports a birth; the Dinas verifies and
// registers it, which allocates the baby's NIK and the akta number; the
// report names no KK, so the family gets a new KK number (kecamatan, day of
// registration, serial) and the KIA is issued with it.
func Example() {
	ctx := context.Background()
	dir, _ := os.MkdirTemp("", "registry-example")
	defer os.RemoveAll(dir)
	store, err := sqlite.Open(ctx, filepath.Join(dir, "registry.db"), sqlite.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer store.Close()

	// The Dinas's signing key: in production a PKCS#8 PEM file
	// (credential.ParsePrivateKeyPEM), never in the database.
	key, err := credential.GenerateKey(nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	signer, err := credential.NewSigner("ID-6208", key)
	if err != nil {
		fmt.Println(err)
		return
	}
	today := adminduk.MustDate(2026, time.December, 3)
	svc, err := registry.New(registry.Config{
		Store: store,
		Offices: []registry.Office{{Issuer: adminduk.Issuer{
			Regency: wilayah.MustParseCode("62.08"), HeadName: "H. Ahmad Suhaemi, M.Si.",
			HeadNIP: adminduk.MustParseNIP("197005121995031002")}, Signer: signer}},
		Now: func() time.Time { return today.In(adminduk.WIB).Add(10 * time.Hour) },
	})
	if err != nil {
		fmt.Println(err)
		return
	}

	// The PKS of Puskesmas Sukamara, in force for two years.
	pks := partnership.Agreement{
		ID: "pks-2025-012", Number: "470/012/PKS-DUKCAPIL/2025",
		Partner: partnership.Partner{ID: "pkm-sukamara", Name: "Puskesmas Sukamara",
			Category: partnership.Puskesmas, District: wilayah.MustParseCode("62.08.01")},
		Scope: partnership.Scope{Services: partnership.ServicesOf(partnership.AktaKelahiran, partnership.KK, partnership.KIA)},
		Start: adminduk.MustDate(2025, time.July, 1), End: adminduk.MustDate(2027, time.June, 30),
		State: partnership.Active,
	}
	if err := store.PutAgreement(ctx, &pks, "admin"); err != nil {
		fmt.Println(err)
		return
	}

	f, err := os.Open("testdata/birth.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	birth, err := registry.DecodeBirthReport(f)
	if err != nil {
		fmt.Println(err)
		return
	}
	sub := registry.Submission{PartnerID: "pkm-sukamara", Actor: "bidan.rina", IdempotencyKey: "PKM-SKM-2026-000123"}
	rep, _, err := svc.NotifyBirth(ctx, sub, birth)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("office: %s status: %s flags: %q\n", rep.Office, rep.Status, rep.Flags)

	if _, err := svc.Verify(ctx, rep.Office, rep.ID, "petugas.dewi"); err != nil {
		fmt.Println(err)
		return
	}
	reg, err := svc.Register(ctx, rep.Office, rep.ID, "petugas.dewi")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("NIK:", reg.NIK.String(), reg.NIK.Sex(), reg.NIK.BirthDate(), "serial", reg.NIK.Serial())
	fmt.Println("akta:", reg.Akta)
	// The documents issued with it, each with its signed QR credential.
	var keys credential.KeySet
	keys.Add(signer.PublicKey(time.Time{}))
	for _, d := range reg.Documents {
		res := credential.Verify(d.Payload, keys, reg.At)
		fmt.Println(d.Type, d.Number, "version", d.Version, d.Status, "QR", res.Status)
	}
	// The family register: the report named no KK, so the family has a new
	// number; the card built from the report lacks the parents' columns of a
	// printed KK, so it is issued once an officer completes it (ImportFamily).
	fam, err := svc.FamilyOf(ctx, rep.Office, reg.NIK)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("family:", fam.Number.String(), "version", fam.Version, fam.Source, len(fam.Card.Members), "members, printable:", fam.Printable())
	// The officer completes the card from the parents' records: its next
	// version is printable, and its KK is issued with the birth's documents.
	card := fam.Card.Clone()
	for i := range card.Members {
		m := &card.Members[i]
		if m.Relationship == akta.RelChild {
			continue
		}
		m.BirthPlace, m.Religion, m.Education = "Sukamara", adminduk.Islam, akta.SeniorHigh
		m.Occupation = "WIRASWASTA"
		if m.BirthDate.IsZero() {
			m.BirthDate = m.NIK.BirthDate()
		}
	}
	done, err := svc.ImportFamily(ctx, card, "petugas.dewi")
	if err != nil {
		fmt.Println(err)
		return
	}
	docs, err := svc.Documents(ctx, rep.Office, rep.ID)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, d := range docs {
		if d.Type == registry.DocKK {
			fmt.Println("completed:", d.Type, d.Number, "version", d.Version, "of", done.Version, d.Status, "QR", credential.Verify(d.Payload, keys, d.IssuedAt).Status)
		}
	}
	st, err := svc.DocumentStatus(ctx, registry.DocAktaKelahiran, reg.Akta.String())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("online status:", st.Status, "current version", st.CurrentVersion)

	// Registering twice is not a step the workflow has.
	_, err = svc.Register(ctx, rep.Office, rep.ID, "petugas.dewi")
	fmt.Println(errors.Is(err, registry.ErrInvalidTransition))
	// Output:
	// office: 62.08 status: notified flags: ""
	// NIK: 6208014112260001 female 2026-12-01 serial 1
	// akta: 6208-LU-03122026-0001
	// AKTA-KELAHIRAN 6208-LU-03122026-0001 version 1 active QR valid
	// KIA 6208014112260001 version 1 active QR valid
	// family: 6208010312260001 version 1 report 3 members, printable: false
	// completed: KK 6208010312260001 version 2 of 2 active QR valid
	// online status: active current version 1
	// true
}
