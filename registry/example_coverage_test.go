package registry_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/partnership"
	"github.com/adminduk-id/adminduk/registry"
	"github.com/adminduk-id/adminduk/registry/sqlite"
	"github.com/adminduk-id/adminduk/registry/storetest"
)

// The officer imports the children per age of kecamatan Sukamara; the
// registry counts the children it registered that hold an active akta
// (ages 0-17) and KIA (ages 0-4).
func ExampleService_Coverage() {
	ctx := context.Background()
	dir, _ := os.MkdirTemp("", "registry-example")
	defer os.RemoveAll(dir)
	store, err := sqlite.Open(ctx, filepath.Join(dir, "registry.db"), sqlite.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer store.Close()
	svc, err := registry.New(registry.Config{Store: store, Offices: []registry.Office{storetest.Office()},
		Now: storetest.NewClock(storetest.Today).Now})
	if err != nil {
		fmt.Println(err)
		return
	}
	ag := storetest.Agreement("pks-1", "pkm-1", partnership.Active, storetest.Today.AddYears(-1), storetest.Today.AddYears(1))
	if err := store.PutAgreement(ctx, &ag, "admin"); err != nil {
		fmt.Println(err)
		return
	}

	pop := registry.Population{AsOf: storetest.Today, Source: "proyeksi penduduk 2026"}
	for age := range 18 {
		pop.Rows = append(pop.Rows, registry.PopulationRow{Kecamatan: storetest.Kecamatan, Age: age, Count: 40})
	}
	if _, err := svc.ImportPopulation(ctx, storetest.Regency, &pop, "petugas.dewi"); err != nil {
		fmt.Println(err)
		return
	}
	// Three births reported by the puskesmas, verified and registered.
	for i, born := range []adminduk.Date{storetest.Today.AddDays(-2), storetest.Today.AddDays(-3), storetest.Today.AddDays(-4)} {
		b := storetest.Birth(fmt.Sprintf("PKM-%d", i), born, "P")
		storetest.OtherMother(b)
		r, _, err := svc.NotifyBirth(ctx, registry.Submission{PartnerID: "pkm-1"}, b)
		if err == nil {
			_, err = svc.Verify(ctx, storetest.Regency, r.ID, "petugas.dewi")
		}
		if err == nil {
			_, err = svc.Register(ctx, storetest.Regency, r.ID, "petugas.dewi")
		}
		if err != nil {
			fmt.Println(err)
			return
		}
	}

	c, err := svc.Coverage(ctx, storetest.Regency, storetest.Today)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("akta %s: %d of %d, %s\n", c.Akta.Ages, c.Akta.Counts.With, c.Akta.Counts.Required, c.Akta.Percent.In(adminduk.Indonesian))
	fmt.Printf("KIA %s: %d of %d, %s\n", c.KIA.Ages, c.KIA.Counts.With, c.KIA.Counts.Required, c.KIA.Percent.In(adminduk.Indonesian))
	// Output:
	// akta 0-17: 3 of 720, 0,42 %
	// KIA 0-4: 3 of 200, 1,50 %
}
