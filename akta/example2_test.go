package akta_test

import (
	"bytes"
	"fmt"
	"os"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/akta"
)

func ExampleBirth_Claims() {
	data, err := os.ReadFile("testdata/birth.json")
	if err != nil {
		panic(err)
	}
	rec, err := akta.DecodeRecord(data, akta.DecodeOptions{})
	if err != nil {
		panic(err)
	}
	b := rec.(*akta.Birth)
	c := b.Claims(akta.SignedAt(b.IssuedAt, time.Time{}))
	fmt.Println(c.Issuer, c.IssuedAt.Format(time.RFC3339))
	fmt.Println(c.Document.Type, c.Document.Number, c.Document.EventDate, c.Document.EventPlace)
	fmt.Println(c.Identity.Name, c.Identity.BirthDate)
	// Output:
	// ID-3604 2023-09-01T00:00:00+07:00
	// AKTA-KELAHIRAN 3604-LU-01092023-0001 20230825 SERANG
	// SITI AMINAH PUTRI 20230825
}

func ExamplePrinted() {
	fmt.Println(akta.Printed("  Siti Nu\u0301r Aminah "))
	// Output:
	// SITI NÚR AMINAH
}

func ExampleCause_Text() {
	c := akta.CauseAccident
	fmt.Println(c, c.Text(adminduk.Indonesian), c.Text(adminduk.English), c.IsValid())
	fmt.Println(akta.Cause(9), akta.Cause(9).IsValid())
	// Output:
	// kecelakaan KECELAKAAN ACCIDENT true
	// Cause(9) false
}

func ExampleKind_Text() {
	fmt.Println(akta.KindDeath, akta.KindDeath.Text(adminduk.English))
	// Output:
	// kematian death
}

func ExampleMultiplicity_Text() {
	fmt.Println(akta.Twins, akta.Twins.Text(adminduk.Indonesian), akta.Twins.Text(adminduk.English))
	// Output:
	// kembar-2 KEMBAR 2 TWIN
}

// The KK number's old key is still read, with a warning at its pointer.
func ExampleDecodeFamily() {
	data, err := os.ReadFile("testdata/kk.json")
	if err != nil {
		panic(err)
	}
	data = bytes.Replace(data, []byte(`"kk_number"`), []byte(`"number"`), 1)
	f, err := akta.DecodeFamily(data, akta.DecodeOptions{})
	if err != nil {
		panic(err)
	}
	fmt.Println(f.Number.Masked(), len(f.Members))
	for _, w := range f.Warnings() {
		fmt.Println(w.Pointer, w.English)
	}
	// Output:
	// 3604********0002 4
	// /number old key, use "kk_number"
}
