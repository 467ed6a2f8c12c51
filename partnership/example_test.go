package partnership_test

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/partnership"
)

var wib = time.FixedZone("WIB", 7*60*60)

func ExampleApply() {
	s, err := partnership.Apply(partnership.Active, partnership.EventSuspend)
	fmt.Println(s, err)

	_, err = partnership.Apply(partnership.Expired, partnership.EventResume)
	fmt.Println(errors.Is(err, partnership.ErrInvalidTransition), err)
	// Output:
	// suspended <nil>
	// true partnership: cannot resume an expired agreement
}

func ExampleAgreement_Renew() {
	a := partnership.Agreement{
		ID: "pks-1", Number: "470/001/PKS-DKP/2023",
		Partner: partnership.Partner{ID: "rs-1", Name: "RSU Harapan Sehat", Category: partnership.RumahSakit,
			District: wilayah.MustParseCode("36.04.09")},
		Scope:  partnership.Scope{Services: partnership.ServicesOf(partnership.AktaKelahiran, partnership.KK, partnership.KIA)},
		Signed: adminduk.MustParseDate("2023-12-20"), Start: adminduk.MustParseDate("2024-01-01"),
		End: adminduk.MustParseDate("2025-12-31"), State: partnership.Signed,
	}
	officer := "kabid.pias"
	if err := a.Apply(partnership.EventActivate, partnership.Change{Actor: officer, At: time.Date(2024, 1, 2, 8, 0, 0, 0, wib)}); err != nil {
		fmt.Println(err)
	}
	next, err := a.Renew(partnership.Change{Actor: officer, At: time.Date(2025, 11, 20, 10, 0, 0, 0, wib), Reason: "perpanjangan PKS"},
		partnership.Renewal{ID: "pks-2", Number: "470/044/PKS-DKP/2025"})
	if err != nil {
		fmt.Println(err)
	}
	fmt.Println(next.Number, next.State, next.Start, next.End, "renews", next.Predecessor)
	fmt.Println(a.Number, a.State, "renewed by", a.Successor)
	for _, e := range a.Journal {
		fmt.Println(strings.TrimSpace(fmt.Sprintln(e.At.Format("2006-01-02"), e.Actor, e.Event, e.From, "->", e.To, e.Related)))
	}
	// Output:
	// 470/044/PKS-DKP/2025 signed 2026-01-01 2027-12-31 renews pks-1
	// 470/001/PKS-DKP/2023 active renewed by pks-2
	// 2024-01-02 kabid.pias activate signed -> active
	// 2025-11-20 kabid.pias renew active -> active pks-2
}

func ExampleCheckSubtotals() {
	err := partnership.CheckSubtotals("health PKS 2023-2024", 46,
		partnership.Subtotal{Label: "rumah_sakit", N: 8}, partnership.Subtotal{Label: "klinik", N: 2},
		partnership.Subtotal{Label: "bidan", N: 12}, partnership.Subtotal{Label: "puskesmas", N: 25})
	var te *partnership.TotalError
	if errors.As(err, &te) {
		fmt.Println(te.Stated, "stated,", te.Sum, "summed")
	}
	fmt.Println(err)
	// Output:
	// 46 stated, 47 summed
	// partnership: health PKS 2023-2024: stated total 46, but its parts sum to 47 (rumah_sakit 8 + klinik 2 + bidan 12 + puskesmas 25)
}

func ExampleReadCSV() {
	in := `number,partner,category,district,services,signed,start,end,status
470/001/PKS-DKP/2024,Puskesmas Melati,puskesmas,36.04.05,akta_kelahiran;kk;kia,2024-01-10,2024-02-01,,
470/002/PKS-DKP/2024,Apotek Sehat,apotek,36.04.05,kia,2024-01-10,2024-02-01,,
470/003/PKS-DKP/2024,Bidan Ani,bidan,36.04.06,kia,2024-01-10,2024-02-01,2023-02-01,
`
	im, err := partnership.ReadCSV(strings.NewReader(in), partnership.CSVOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for i, a := range im.Agreements {
		fmt.Println("line", im.Lines[i], a.Number, a.Partner.Category, a.End)
	}
	for _, e := range im.Errors {
		fmt.Println("line", e.Line, errors.Is(e, partnership.ErrSyntax), e.Reason(adminduk.English))
	}
	// Output:
	// line 2 470/001/PKS-DKP/2024 puskesmas 2026-01-31
	// line 3 true category "apotek": unknown; want one of rumah_sakit, klinik, bidan, puskesmas, paud_tk, sd, smp, sma_smk, tempat_wisata, merchant, other
	// line 4 false end: 2023-02-01 is before start 2024-02-01
}

func ExampleNewReport() {
	in := `number,partner,category,district,services,signed,start,end,status
A/1,RSU Harapan Sehat,rumah_sakit,36.04.09,akta_kelahiran;kk;kia,2023-01-02,2023-01-02,,
A/2,Puskesmas Melati,puskesmas,36.04.05,akta_kelahiran;kk;kia,2024-02-19,2024-03-01,,
A/3,Pantai Cemara Indah,tempat_wisata,36.04.30,kia_benefit,2024-02-14,2024-02-15,,
`
	im, _ := partnership.ReadCSV(strings.NewReader(in), partnership.CSVOptions{})
	r, err := partnership.NewReport(im.Agreements, partnership.ReportOptions{
		AsOf:         adminduk.MustParseDate("2024-12-01"),
		StatedTotals: []partnership.StatedTotal{{Label: "health", Total: 3, Group: partnership.GroupHealth}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("health in force:", r.InForce(partnership.GroupHealth))
	for _, it := range r.Expiring {
		fmt.Println("expiring:", it.Agreement.Number, it.Agreement.End, it.DaysLeft, "days")
	}
	for _, t := range r.Targets {
		if t.Target.Kind == partnership.PerYear {
			fmt.Println(t.Target.Name, t.Year, t.Count, "met:", t.Met)
		} else {
			fmt.Println(t.Target.Name, t.Region, t.Count, "of", t.Of, "met:", t.Met)
		}
	}
	fmt.Println("uncovered kecamatan:", len(r.Uncovered))
	for _, w := range r.Warnings {
		fmt.Println(w.Kind, w)
	}
	// Output:
	// health in force: 2
	// expiring: A/1 2025-01-01 31 days
	// kia_benefit_per_year 2024 1 met: false
	// health_every_district 36.04 2 of 29 met: false
	// uncovered kecamatan: 27
	// renewal_due agreement "A/1": ends on 2025-01-01 (in 31 days) and no successor is signed
	// stated_total health in force on 2024-12-01: stated total 3, but its parts sum to 2 (rumah_sakit 1 + puskesmas 1)
}

func ExampleMayUse() {
	as := []partnership.Agreement{{
		ID: "A/1", Number: "A/1",
		Partner: partnership.Partner{ID: "rs-1", Name: "RSU Harapan Sehat", Category: partnership.RumahSakit,
			District: wilayah.MustParseCode("36.04.09")},
		Scope:  partnership.Scope{Services: partnership.ServicesOf(partnership.AktaKelahiran, partnership.AktaKematian)},
		Signed: adminduk.MustParseDate("2023-01-02"), Start: adminduk.MustParseDate("2023-01-02"),
		End: adminduk.MustParseDate("2025-01-01"), State: partnership.Active,
	}}
	day := adminduk.MustParseDate("2024-06-01")
	fmt.Println(partnership.MayUse(as, "rs-1", partnership.AktaKematian, day))
	fmt.Println(partnership.MayUse(as, "rs-1", partnership.KIA, day))
	fmt.Println(partnership.MayUse(as, "rs-1", partnership.AktaKematian, adminduk.MustParseDate("2025-01-02")))
	// Output:
	// true
	// false
	// false
}

func ExampleAgreement_Validate() {
	a := partnership.Agreement{
		Number:  "470/012/PKS-DUKCAPIL/2024",
		Partner: partnership.Partner{Name: "Klinik Sehat", Category: partnership.Klinik, District: wilayah.MustParseCode("36.04.05")},
		State:   partnership.Signed,
		Signed:  adminduk.MustDate(2024, 1, 10),
		Start:   adminduk.MustDate(2024, 2, 1),
		End:     adminduk.MustDate(2024, 1, 31),
	}
	err := a.Validate()
	var ve *adminduk.ValidationError
	if errors.As(err, &ve) {
		for _, f := range ve.Fields {
			fmt.Println(f.Pointer, f.Code, "|", f.Message(adminduk.Indonesian), "|", f.Message(adminduk.English))
		}
	}
	fmt.Println(errors.Is(err, partnership.ErrInvalid), errors.Is(err, adminduk.ErrInvalid))
	// Output:
	// /scope/services required | tanpa layanan | no services
	// /end order | 2024-01-31 sebelum tanggal mulai 2024-02-01 | 2024-01-31 is before start 2024-02-01
	// true true
}

func ExampleState_Text() {
	for _, s := range []partnership.State{partnership.Active, partnership.Expired, partnership.State(9)} {
		fmt.Printf("%s %q %q\n", s, s.Text(adminduk.Indonesian), s.Text(adminduk.English))
	}
	// Output:
	// active "Berlaku" "Active"
	// expired "Berakhir" "Expired"
	// State(9) "" ""
}
