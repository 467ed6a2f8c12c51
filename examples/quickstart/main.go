// Command quickstart is the library in one page: check a NIK, read a KIA
// card, sign it, render it as a PDF and verify its QR credential the way a
// merchant's app would. Run it from the repository root:
//
//	go run ./examples/quickstart
package main

import (
	"bytes"
	"crypto/ed25519"
	"fmt"
	"log"
	"os"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/credential"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/kia"
	"github.com/adminduk-id/adminduk/kia/render"
)

func main() {
	// 1. A NIK issued in Merauke before Papua Selatan was formed stays valid.
	nik, err := adminduk.ParseNIK("9101014512230001")
	if err != nil {
		log.Fatal(err)
	}
	now, _ := wilayah.Resolve(nik.Region())
	fmt.Printf("NIK %v: %s, born %s, registered in %s (now %s %s)\n",
		nik, nik.Sex(), nik.BirthDate(), nik.Region(), now.Code, now.Name)

	// 2. A card from card.json, checked against the KIA rules.
	data, err := os.ReadFile("kia/testdata/newborn.json")
	if err != nil {
		log.Fatal(err)
	}
	// DecodeCard validates too: one *adminduk.ValidationError lists every
	// problem, with JSON pointers into card.json.
	card, err := kia.DecodeCard(data, kia.DecodeOptions{})
	if err != nil {
		log.Fatal(err)
	}
	for _, w := range card.Warnings() {
		fmt.Println("warning:", w.Pointer, w.Message(adminduk.English))
	}

	// 3. The Dinas's key (in production a PKCS#8 PEM file, never in a database).
	_, key, err := ed25519.GenerateKey(nil)
	if err != nil {
		log.Fatal(err)
	}
	signer, err := credential.NewSigner(card.Issuer.ID(), key)
	if err != nil {
		log.Fatal(err)
	}
	var pdf bytes.Buffer
	if err := render.WritePDF(&pdf, []*kia.Card{card}, render.Options{Signer: signer}); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile("kia-quickstart.pdf", pdf.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("wrote kia-quickstart.pdf (%d bytes, ID-1 front and back)\n", pdf.Len())

	// 4. What a merchant's app does with the QR: verify against the JWK Set.
	payload, err := card.Sign(signer, kia.Rules{})
	if err != nil {
		log.Fatal(err)
	}
	var keys credential.KeySet // what GET /.well-known/jwks.json serves, as JSON
	keys.Add(signer.PublicKey(time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC)))
	res := credential.Verify(payload, keys, time.Now())
	fmt.Printf("QR credential: %s, card of %s valid until %s\n", res.Status, res.Claims.Identity.Name, res.Claims.Document.ValidUntil)
}
