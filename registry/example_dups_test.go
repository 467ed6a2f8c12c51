package registry_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/adminduk-id/adminduk/partnership"
	"github.com/adminduk-id/adminduk/registry"
	"github.com/adminduk-id/adminduk/registry/sqlite"
	"github.com/adminduk-id/adminduk/registry/storetest"
)

// The same baby is reported by the hospital and by the midwife: the second
// report is flagged and linked to the first, neither is registered before
// the officer decides, and the baby is registered once. Twins are not
// flagged.
func ExampleService_MarkDuplicate() {
	ctx := context.Background()
	dir, _ := os.MkdirTemp("", "registry-example")
	defer os.RemoveAll(dir)
	store, err := sqlite.Open(ctx, filepath.Join(dir, "registry.db"), sqlite.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer store.Close()
	clock := storetest.NewClock(storetest.Today)
	svc, err := registry.New(registry.Config{Store: store, Offices: []registry.Office{storetest.Office()},
		Now: clock.Now, NewID: storetest.IDs("rep")})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range []string{"rsud", "bidan-ani"} {
		ag := storetest.Agreement("pks-"+p, p, partnership.Active, storetest.Today.AddYears(-1), storetest.Today.AddYears(1))
		if err := store.PutAgreement(ctx, &ag, "admin"); err != nil {
			fmt.Println(err)
			return
		}
	}
	born := storetest.Today.AddDays(-1)
	hospital, _, _ := svc.NotifyBirth(ctx, registry.Submission{PartnerID: "rsud"}, storetest.Birth("RS-77", born, "P"))
	midwife, _, _ := svc.NotifyBirth(ctx, registry.Submission{PartnerID: "bidan-ani"}, storetest.Birth("BPM-12", born, "P"))
	fmt.Printf("%s flags: [%s]\n", hospital.ID, hospital.Flags)
	fmt.Printf("%s flags: [%s]\n", midwife.ID, midwife.Flags)
	links, _ := svc.Duplicates(ctx, storetest.Regency, midwife.ID)
	fmt.Println(links[0].CandidateID, links[0].Rule)

	_, _ = svc.Verify(ctx, storetest.Regency, hospital.ID, "petugas.dewi")
	_, err = svc.Register(ctx, storetest.Regency, hospital.ID, "petugas.dewi")
	fmt.Println(errors.Is(err, registry.ErrUnresolvedDuplicate))

	archived, err := svc.MarkDuplicate(ctx, storetest.Regency, midwife.ID, hospital.ID, "petugas.dewi", "SKL RS-77, same baby")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(archived.ID, archived.Status)
	reg, err := svc.Register(ctx, storetest.Regency, hospital.ID, "petugas.dewi")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(reg.ReportID, reg.Akta)

	// Twins of another mother: kembar-2, birth orders 1 and 2.
	var twins []registry.Report
	for i, sex := range []string{"L", "P"} {
		b := storetest.Birth(fmt.Sprintf("RS-8%d", i), born, sex)
		b.Mother.NIK, b.Mother.BirthDate = "6208016002950003", "1995-02-20"
		b.Child.Multiplicity, b.Child.BirthOrder = "kembar-2", i+1
		r, _, err := svc.NotifyBirth(ctx, registry.Submission{PartnerID: "rsud"}, b)
		if err != nil {
			fmt.Println(err)
			return
		}
		twins = append(twins, r)
	}
	fmt.Printf("twins flagged: %v %v\n", twins[0].Flags.Has(registry.FlagPotentialDuplicate),
		twins[1].Flags.Has(registry.FlagPotentialDuplicate))
	// Output:
	// rep-000001 flags: []
	// rep-000002 flags: [potential_duplicate]
	// rep-000001 same-mother-birth-date
	// true
	// rep-000002 archived
	// rep-000001 6208-LU-03122026-0001
	// twins flagged: false false
}
