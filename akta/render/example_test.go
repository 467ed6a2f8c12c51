package render_test

import (
	"bytes"
	"crypto/ed25519"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/credential"
	"github.com/adminduk-id/adminduk/akta"
	"github.com/adminduk-id/adminduk/akta/render"
)

// exampleSigner signs for Kab. Serang (ID-3604), the issuer of the test
// records; a real key comes from a PKCS#8 PEM file.
func exampleSigner() *credential.Signer {
	key := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{7}, 32))
	signer, err := credential.NewSigner("ID-3604", key)
	if err != nil {
		panic(err)
	}
	return signer
}

func exampleRecord(name string) akta.Record {
	data, err := os.ReadFile("../testdata/" + name) // akta.json, see package akta
	if err != nil {
		panic(err)
	}
	rec, err := akta.DecodeRecord(data, akta.DecodeOptions{})
	if err != nil {
		panic(err)
	}
	return rec
}

func ExampleWritePDF() {
	rec := exampleRecord("birth.json")
	o := render.Options{Signer: exampleSigner()}

	var pdf bytes.Buffer
	if err := render.WritePDF(&pdf, rec, o); err != nil {
		panic(err)
	}
	fmt.Println(string(pdf.Bytes()[:5]))

	// An invalid record is reported, never printed.
	b := rec.(*akta.Birth).Clone()
	b.Child.BirthDate = adminduk.MustDate(2023, 9, 2) // after the registration
	err := render.WritePDF(&pdf, b, o)
	var fe *adminduk.FieldError
	if errors.As(err, &fe) {
		fmt.Println(fe.Pointer, fe.Code)
	}
	// Output:
	// %PDF-
	// /child/birth_date order
}

func ExampleWritePNG() {
	var png bytes.Buffer
	err := render.WritePNG(&png, exampleRecord("death.json"), render.Options{Signer: exampleSigner(), DPI: 72})
	if err != nil {
		panic(err)
	}
	fmt.Printf("%q\n", png.Bytes()[1:4])
	// Output:
	// "PNG"
}

func ExampleDump() {
	var out strings.Builder
	if err := render.Dump(&out, exampleRecord("birth.json"), render.Options{Signer: exampleSigner()}); err != nil {
		panic(err)
	}
	first, _, _ := strings.Cut(out.String(), "\n")
	fmt.Println(first)
	// Output:
	// doc "Kutipan Akta Kelahiran 3604-LU-01092023-0001" pages=1
}

func ExampleCredential() {
	text, err := render.Credential(exampleRecord("birth.json"), render.Options{Signer: exampleSigner()})
	if err != nil {
		panic(err)
	}
	fmt.Println(strings.HasPrefix(text, "HC1:") || len(text) > 100)
	// Output:
	// true
}

func ExampleWriteBatch() {
	recs := []akta.Record{exampleRecord("birth.json"), exampleRecord("death.json")}
	err := render.WriteBatch(io.Discard, recs, render.Options{Signer: exampleSigner(), Workers: 2})
	fmt.Println(err)

	// The first invalid record stops the batch, by its index.
	bad := recs[1].(*akta.Death).Clone()
	bad.Deceased.Name = ""
	err = render.WriteBatch(io.Discard, []akta.Record{recs[0], bad}, render.Options{Signer: exampleSigner()})
	var re *render.RecordError
	if errors.As(err, &re) {
		fmt.Println(re.Index, errors.Is(err, akta.ErrRequired))
	}
	// Output:
	// <nil>
	// 1 true
}
