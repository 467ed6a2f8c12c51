package render_test

import (
	"bytes"
	"crypto/ed25519"
	"errors"
	"fmt"
	"os"

	"github.com/adminduk-id/adminduk/akta"
	"github.com/adminduk-id/adminduk/akta/render"
)

func ExampleRecord() {
	data, err := os.ReadFile("../testdata/birth.json") // akta.json, see package akta
	if err != nil {
		panic(err)
	}
	rec, err := akta.DecodeRecord(data, akta.DecodeOptions{})
	if err != nil {
		panic(err)
	}
	// The Dinas's key; a real one comes from a PKCS#8 PEM file.
	key := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{7}, 32))

	var pdf bytes.Buffer
	if err := render.Record(&pdf, rec, render.Options{Key: key}); err != nil {
		panic(err)
	}
	fmt.Println(string(pdf.Bytes()[:5]))

	// An invalid record is reported, never printed.
	b := rec.(*akta.Birth).Clone()
	b.Child.BirthDate = akta.MustDate(2023, 9, 2) // after the registration
	err = render.Record(&pdf, b, render.Options{Key: key})
	var fe *akta.FieldError
	if errors.As(err, &fe) {
		fmt.Println(fe.Field, fe.Code)
	}
	// Output:
	// %PDF-
	// child.birth_date order
}
