package render_test

import (
	"bufio"
	"bytes"
	"crypto/ed25519"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/adminduk-id/adminduk/adminduk/credential"
	"github.com/adminduk-id/adminduk/kia"
	"github.com/adminduk-id/adminduk/kia/render"
)

// card reads a card of the kia package's testdata with its photo.
func card(name string) *kia.Card {
	data, err := os.ReadFile(filepath.Join("..", "testdata", name))
	if err != nil {
		panic(err)
	}
	c, err := kia.DecodeCard(data, kia.DecodeOptions{ReadPhoto: func(p string) ([]byte, error) {
		return os.ReadFile(filepath.Join("..", "testdata", p))
	}})
	if err != nil {
		panic(err)
	}
	return c
}

// The Dinas signs every card's QR code with its key; WritePDF writes the
// cards, front and back, into one PDF.
func ExampleWritePDF() {
	cards := []*kia.Card{card("newborn.json"), card("child.json")}
	key := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{7}, 32)) // a PKCS#8 PEM file in production
	signer, err := credential.NewSigner(cards[0].Issuer.ID(), key)
	if err != nil {
		panic(err)
	}
	var pdf bytes.Buffer
	if err := render.WritePDF(&pdf, cards, render.Options{Signer: signer, Layout: render.CardLayout}); err != nil {
		panic(err)
	}
	fmt.Println(strings.HasPrefix(pdf.String(), "%PDF-"), bytes.Count(pdf.Bytes(), []byte("/Type /Page\n")) > 0)
	// Output: true true
}

// Dump lists what a card's sides hold, one drawing operation a line.
func ExampleDump() {
	c := card("newborn.json")
	signer, err := credential.NewSigner(c.Issuer.ID(), ed25519.NewKeyFromSeed(bytes.Repeat([]byte{7}, 32)))
	if err != nil {
		panic(err)
	}
	var buf bytes.Buffer
	if err := render.Dump(&buf, c, render.Options{Signer: signer}); err != nil {
		panic(err)
	}
	sc := bufio.NewScanner(&buf)
	for i := 0; i < 2 && sc.Scan(); i++ {
		fmt.Println(sc.Text())
	}
	// Output:
	// card 242.65x153.01 pt
	// front art=front-under5
}
