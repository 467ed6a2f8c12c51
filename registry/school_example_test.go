package registry_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/adminduk-id/adminduk/partnership"
	"github.com/adminduk-id/adminduk/registry"
	"github.com/adminduk-id/adminduk/registry/sqlite"
	"github.com/adminduk-id/adminduk/registry/storetest"
)

// A primary school under its PKS sends its list of pupils: a child whose
// birth the Dinas registered already holds the KIA issued with the akta; a
// child born elsewhere has no akta here and is reported for follow-up; a
// mistyped NIK is listed as invalid.
func ExampleService_SchoolBatch() {
	ctx := context.Background()
	dir, _ := os.MkdirTemp("", "registry-school")
	defer os.RemoveAll(dir)
	store, err := sqlite.Open(ctx, filepath.Join(dir, "registry.db"), sqlite.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer store.Close()
	clock := storetest.NewClock(storetest.Today)
	svc, err := registry.New(registry.Config{Store: store, Offices: []registry.Office{storetest.Office()}, Now: clock.Now})
	if err != nil {
		fmt.Println(err)
		return
	}
	pkm := storetest.Agreement("pks-1", "pkm-1", partnership.Active, storetest.Today.AddYears(-1), storetest.Today.AddYears(1))
	sd := storetest.SchoolAgreement("pks-sd-1", "sd-1", partnership.Active, storetest.Today.AddYears(-1), storetest.Today.AddYears(1))
	for _, a := range []*partnership.Agreement{&pkm, &sd} {
		if err := store.PutAgreement(ctx, a, "admin"); err != nil {
			fmt.Println(err)
			return
		}
	}
	r, _, err := svc.NotifyBirth(ctx, registry.Submission{PartnerID: "pkm-1"}, storetest.Birth("ref-1", storetest.Today.AddDays(-1), "P"))
	if err != nil {
		fmt.Println(err)
		return
	}
	if _, err := svc.Verify(ctx, storetest.Regency, r.ID, "officer.dewi"); err != nil {
		fmt.Println(err)
		return
	}
	reg, err := svc.Register(ctx, storetest.Regency, r.ID, "officer.dewi")
	if err != nil {
		fmt.Println(err)
		return
	}

	res, created, err := svc.SchoolBatch(ctx, registry.Submission{PartnerID: "sd-1", IdempotencyKey: "2026-12-kelas-1"}, []registry.Pupil{
		{NIK: reg.NIK.String(), Name: "Siti Aminah", School: "SD Negeri 1 Sukamara", Class: "PAUD"},
		{NIK: "6208011507190009", Name: "Rina Wati", School: "SD Negeri 1 Sukamara", Class: "1A"},
		{NIK: "620801150719000", Name: "Dewi Sartika", School: "SD Negeri 1 Sukamara", Class: "1A"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("created:", created)
	for _, e := range res.HasKIA {
		fmt.Printf("has KIA: row %d, version %d, valid until %s\n", e.Index, e.Version, e.ValidUntil)
	}
	for _, e := range res.NoAkta {
		fmt.Printf("no akta: row %d, %s\n", e.Index, e.Name)
	}
	for _, e := range res.InvalidNIK {
		fmt.Printf("invalid NIK: row %d, %s\n", e.Index, e.Problem.Pointer)
	}
	// Output:
	// created: true
	// has KIA: row 0, version 1, valid until 2031-12-02
	// no akta: row 1, Rina Wati
	// invalid NIK: row 2, /pupils/2/nik
}
