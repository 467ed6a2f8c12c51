package akta_test

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/akta"
)

func ExampleParseNumber() {
	n, err := akta.ParseNumber("3201-LU-25082023-0001")
	if err != nil {
		panic(err)
	}
	fmt.Println(n.Office(), n.Type(), n.Kind(), n.Late(), n.Date(), n.Serial())

	old, _ := akta.ParseNumberLegacy("474.1/1234/2005")
	fmt.Println(old.IsLegacy(), old)

	_, err = akta.ParseNumber("3201-LU-29022023-0001")
	fmt.Println(errors.Is(err, adminduk.ErrInvalidDate), err)
	// Output:
	// 32.01 LU kelahiran false 2023-08-25 1
	// true 474.1/1234/2005
	// true akta: number "3201-LU-29022023-0001": no such date 29022023
}

func ExampleTypes_With() {
	// An office that writes death acts as AKM.
	types, err := akta.DefaultTypes().With(akta.Type{Code: "AKM", Kind: akta.KindDeath, Name: "kematian"})
	if err != nil {
		panic(err)
	}
	p := akta.NewParser(akta.ParseOptions{Types: types})
	n, err := p.Parse("3604-AKM-10032024-0007")
	fmt.Println(n.Kind(), err)
	t, _ := types.For(akta.KindDeath, false)
	fmt.Println(t.Code)
	// Output:
	// kematian <nil>
	// AKM
}

func ExampleAllocate() {
	var seq akta.MemorySequencer // one per process; the registry uses its database
	ctx := context.Background()
	day := adminduk.MustDate(2023, 9, 1)
	for range 2 {
		n, _ := akta.Allocate(ctx, &seq, wilayah.MustParseCode("36.04"), akta.TypeBirthOnTime, day)
		fmt.Println(n)
	}
	// Output:
	// 3604-LU-01092023-0001
	// 3604-LU-01092023-0002
}

func ExampleBirthLate() {
	born := adminduk.MustDate(2024, 1, 1)
	for _, days := range []int{59, 60, 61} {
		reg := born.AddDays(days)
		fmt.Println(reg, akta.BirthLate(born, reg))
	}
	// Output:
	// 2024-02-29 false
	// 2024-03-01 false
	// 2024-03-02 true
}

func ExampleBirth_Validate() {
	b := &akta.Birth{
		Child: akta.Child{
			Name: "Siti Aminah Putri", Sex: adminduk.Female, BirthDate: adminduk.MustDate(2023, 8, 25),
			BirthPlace: "Serang", BirthOrder: 1, Multiplicity: akta.Single,
		},
		RegisteredAt: adminduk.MustDate(2023, 8, 20),
	}
	err := b.Validate()
	var ve *adminduk.ValidationError
	if errors.As(err, &ve) {
		for _, f := range ve.Fields[:4] {
			fmt.Printf("%s (%s): %s / %s\n", f.Pointer, f.Code, f.Indonesian, f.English)
		}
	}
	fmt.Println(errors.Is(err, akta.ErrDateOrder))
	// Output:
	// /number (required): wajib diisi / is required
	// /child/nik (required): wajib diisi / is required
	// /issued_at (required): wajib diisi / is required
	// /child/birth_date (order): sesudah tanggal pencatatan / is after the registration date
	// true
}

func ExampleDecodeRecord() {
	data := []byte(`{"type": "kelahiran", "child": {"name": "Siti", "nik": "123", "colour": "red"}}`)
	rec, err := akta.DecodeRecord(data, akta.DecodeOptions{})
	fmt.Println(rec.(*akta.Birth).Child.Name) // as far as it could be read
	var ve *adminduk.ValidationError
	errors.As(err, &ve)
	for _, f := range ve.Fields[:2] {
		fmt.Println(f.Pointer, f.Code)
	}
	// Output:
	// Siti
	// /child/colour unknown
	// /child/nik invalid
}

func ExampleFamily_AddNewborn() {
	kk, _ := os.ReadFile("testdata/kk.json")
	family, err := akta.DecodeFamily(kk, akta.DecodeOptions{})
	if err != nil {
		panic(err)
	}
	birthJSON, _ := os.ReadFile("testdata/birth.json")
	rec, err := akta.DecodeRecord(birthJSON, akta.DecodeOptions{})
	if err != nil {
		panic(err)
	}
	next, err := family.AddNewborn(rec.(*akta.Birth))
	if err != nil {
		panic(err)
	}
	fmt.Println(len(family.Members), "->", len(next.Members), next.Number == family.Number)
	for _, m := range next.Members {
		fmt.Println(m.Relationship.Text(adminduk.Indonesian), m.Name)
	}

	// The head dies: the spouse heads a card with a new number.
	head, _ := next.Head()
	death := &akta.Death{
		Deceased:  akta.Deceased{NIK: head.NIK, Name: head.Name, Sex: head.Sex, BirthPlace: head.BirthPlace, BirthDate: head.BirthDate},
		DeathDate: adminduk.MustDate(2024, 3, 1), DeathPlace: "Serang", Cause: akta.CauseIllness,
		Reporter:     akta.Party{NIK: next.Members[1].NIK, Name: next.Members[1].Name},
		Witnesses:    rec.(*akta.Birth).Witnesses,
		RegisteredAt: adminduk.MustDate(2024, 3, 10), IssuedAt: adminduk.MustDate(2024, 3, 10),
		Issuer: next.Issuer,
	}
	after, err := next.RemoveDeceased(context.Background(), death, &akta.MemorySequencer{})
	if err != nil {
		panic(err)
	}
	newHead, _ := after.Head()
	fmt.Println(after.Number.String(), newHead.Name, newHead.MaritalStatus.Text(adminduk.Indonesian))
	// Output:
	// 4 -> 5 true
	// KEPALA KELUARGA Ahmad Fauzi
	// ISTRI Nur Halimah
	// ANAK Muhammad Rizki Fauzi
	// ANAK Siti Aminah Putri
	// ORANG TUA Haji Abdul Rahman
	// 3604091003240001 Nur Halimah CERAI MATI
}
