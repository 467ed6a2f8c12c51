package render_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/credential"
	"github.com/adminduk-id/adminduk/partnership"
	"github.com/adminduk-id/adminduk/registry"
	"github.com/adminduk-id/adminduk/registry/render"
	"github.com/adminduk-id/adminduk/registry/sqlite"
	"github.com/adminduk-id/adminduk/registry/storetest"
)

// A registered akta kelahiran has a clerical error in the child's name. The
// Dinas corrects it on the Kepala Dinas's keputusan: version 2 carries the
// marginal note and its own QR; version 1 stays, replaced. Both print on
// demand from the register and both QR codes verify offline; the online
// status tells them apart.
func Example_correction() {
	ctx := context.Background()
	dir, _ := os.MkdirTemp("", "registry-render-example")
	defer os.RemoveAll(dir)
	store, err := sqlite.Open(ctx, filepath.Join(dir, "registry.db"), sqlite.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer store.Close()
	clock := storetest.NewClock(storetest.Today) // 3 December 2026, 10:00 WIB
	svc, err := registry.New(registry.Config{Store: store, Offices: []registry.Office{storetest.Office()}, Now: clock.Now})
	if err != nil {
		fmt.Println(err)
		return
	}
	pks := storetest.Agreement("pks-1", "pkm-1", partnership.Active, storetest.Today.AddYears(-1), storetest.Today.AddYears(1))
	if err := store.PutAgreement(ctx, &pks, "admin"); err != nil {
		fmt.Println(err)
		return
	}

	// The birth, reported, verified and registered.
	rep, _, err := svc.NotifyBirth(ctx, registry.Submission{PartnerID: "pkm-1"}, storetest.Birth("PKM-1", storetest.Today.AddDays(-2), "L"))
	if err != nil {
		fmt.Println(err)
		return
	}
	if _, err := svc.Verify(ctx, rep.Office, rep.ID, "petugas.dewi"); err != nil {
		fmt.Println(err)
		return
	}
	reg, err := svc.Register(ctx, rep.Office, rep.ID, "petugas.dewi")
	if err != nil {
		fmt.Println(err)
		return
	}

	// The next day, the correction.
	clock.SetDay(storetest.Today.AddDays(1))
	v2, err := svc.Correct(ctx, rep.Office, registry.DocAktaKelahiran, reg.Akta.String(), registry.Correction{
		ChildName: "Muhammad Rizky Pratama",
		Authority: "Keputusan Kepala Dinas Nomor 474.1/123/Disdukcapil/2026",
	}, "petugas.dewi")
	if err != nil {
		fmt.Println(err)
		return
	}
	v1, err := svc.Document(ctx, rep.Office, registry.DocAktaKelahiran, reg.Akta.String(), 1)
	if err != nil {
		fmt.Println(err)
		return
	}
	keys := storetest.Keys()
	at := storetest.Today.AddDays(2).In(adminduk.WIB)
	for _, d := range []registry.Document{v1, v2} {
		var pdf bytes.Buffer
		if err := render.WritePDF(&pdf, d, render.Options{}); err != nil {
			fmt.Println(err)
			return
		}
		res := credential.Verify(d.Payload, keys, at)
		st, err := svc.DocumentVersionStatus(ctx, d.Type, d.Number, d.Version)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%s version %d: PDF %t, QR %s for %s, online %s (current version %d)\n", d.Number, d.Version,
			bytes.HasPrefix(pdf.Bytes(), []byte("%PDF-")), res.Status, res.Claims.Identity.Name, st.Status, st.CurrentVersion)
	}
	// Output:
	// 6208-LU-03122026-0001 version 1: PDF true, QR valid for MUHAMMAD RIZKI PRATAMA, online replaced (current version 2)
	// 6208-LU-03122026-0001 version 2: PDF true, QR valid for MUHAMMAD RIZKY PRATAMA, online active (current version 2)
}
