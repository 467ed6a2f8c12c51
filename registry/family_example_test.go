package registry_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/akta"
	"github.com/adminduk-id/adminduk/partnership"
	"github.com/adminduk-id/adminduk/registry"
	"github.com/adminduk-id/adminduk/registry/sqlite"
	"github.com/adminduk-id/adminduk/registry/storetest"
)

// A family card imported from SIAK gets its next version, with the baby,
// when the baby's birth is registered; the old version becomes replaced.
// When the head of the family dies, the family gets a new KK number.
func ExampleService_ImportFamily() {
	ctx := context.Background()
	dir, _ := os.MkdirTemp("", "registry-family")
	defer os.RemoveAll(dir)
	store, err := sqlite.Open(ctx, filepath.Join(dir, "registry.db"), sqlite.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer store.Close()
	clock := storetest.NewClock(storetest.Today) // 3 December 2026
	svc, err := registry.New(registry.Config{Store: store, Offices: []registry.Office{storetest.Office()}, Now: clock.Now, NewID: storetest.IDs("r")})
	if err != nil {
		fmt.Println(err)
		return
	}
	pks := storetest.Agreement("pks-1", "pkm-1", partnership.Active, storetest.Today.AddYears(-1), storetest.Today.AddYears(1))
	if err := store.PutAgreement(ctx, &pks, "admin"); err != nil {
		fmt.Println(err)
		return
	}
	v1, err := svc.ImportFamily(ctx, storetest.FamilyCard(), "petugas.dewi")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("imported:", v1.Number.String(), "version", v1.Version, v1.Source, len(v1.Card.Members), "members")

	// register notifies, verifies and registers a report.
	register := func(notify func() (registry.Report, bool, error)) registry.Registration {
		r, _, err := notify()
		if err == nil {
			_, err = svc.Verify(ctx, r.Office, r.ID, "petugas.dewi")
		}
		var reg registry.Registration
		if err == nil {
			reg, err = svc.Register(ctx, r.Office, r.ID, "petugas.dewi")
		}
		if err != nil {
			fmt.Println(err)
		}
		return reg
	}
	sub := registry.Submission{PartnerID: "pkm-1"}
	birth := storetest.Birth("RSUD-0001", storetest.Today.AddDays(-2), "P") // names the imported KK
	reg := register(func() (registry.Report, bool, error) { return svc.NotifyBirth(ctx, sub, birth) })
	for _, d := range reg.Documents {
		if d.Type == registry.DocKK {
			var card akta.Family
			_ = json.Unmarshal(d.Model, &card)
			baby, _ := card.Member(reg.NIK)
			fmt.Println(d.Type, d.Number, "version", d.Version, len(card.Members), "members, the baby:", baby.Relationship.Text(adminduk.Indonesian))
		}
	}
	old, _ := svc.FamilyVersion(ctx, storetest.Regency, v1.Number, 1)
	fmt.Println("version 1:", old.Status)

	// The head dies: a new KK number, headed by his widow.
	death := storetest.Death("RSUD-M-0001", storetest.Today.AddDays(-1))
	death.Deceased = registry.Deceased{NIK: storetest.FatherNIK, Name: "Ahmad Fauzi", Sex: "L"}
	death.Reporter = registry.Reporter{NIK: storetest.MotherNIK, Name: "Siti Aminah", Relation: "istri"}
	death.Family.KK = v1.Number.String()
	reg = register(func() (registry.Report, bool, error) { return svc.NotifyDeath(ctx, sub, death) })
	for _, d := range reg.Documents {
		fmt.Println(d.Type, d.Number, "version", d.Version)
	}
	cur, _ := svc.Family(ctx, storetest.Regency, v1.Number)
	next, _ := svc.Family(ctx, storetest.Regency, cur.ReplacedBy)
	head, _ := next.Head()
	fmt.Println(v1.Number.String(), cur.Status, "by", cur.ReplacedBy.String(), "headed by", head.Name)
	err = svc.CheckLiving(ctx, storetest.Regency, adminduk.MustParseNIK(storetest.FatherNIK))
	fmt.Println("a KIA or KTP for the deceased:", errors.Is(err, registry.ErrDeceased), err)
	// Output:
	// imported: 6208011506200003 version 1 import 3 members
	// KK 6208011506200003 version 2 4 members, the baby: ANAK
	// version 1: replaced
	// AKTA-KEMATIAN 6208-KM-03122026-0002 version 1
	// KK 6208010312260001 version 1
	// 6208011506200003 replaced by 6208010312260001 headed by Siti Aminah
	// a KIA or KTP for the deceased: true registry: 6208********0002 died on 2026-12-02 (death report "r-000002")
}
