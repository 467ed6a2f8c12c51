// Command chromium-kia is the Go half of run.sh: it writes KIA cards as an
// HTML page for headless Chromium (-html), signed and with the same QR
// code, and times the library's own PDF rendering (-n, -batch).
//
//	go run ./scripts/chromium-kia -key key.pem -in kia/testdata/child.json -html card.html [-cards 100]
//	go run ./scripts/chromium-kia -key key.pem -in kia/testdata/child.json -n 300 [-dir out/]
//	go run ./scripts/chromium-kia -key key.pem -in kia/testdata/child.json -batch 1000
//	go run ./scripts/chromium-kia -key key.pem -in kia/testdata/newborn.json -jsonl cards.jsonl -cards 10000
package main

import (
	"bytes"
	_ "embed"
	"encoding/base64"
	"encoding/json"
	"flag"
	"fmt"
	"html/template"
	"io"
	"log"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/gomonobold"
	"golang.org/x/image/font/gofont/goregular"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/credential"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/adminduk/wilayah/desa"
	"github.com/adminduk-id/adminduk/internal/pdfkit"
	"github.com/adminduk-id/adminduk/internal/pdfkit/qrenc"
	"github.com/adminduk-id/adminduk/kia"
	"github.com/adminduk-id/adminduk/kia/render"
)

//go:embed kia.html.tmpl
var pageTemplate string

func main() {
	keyPath := flag.String("key", "", "Ed25519 PKCS#8 PEM key (adminduk keygen)")
	in := flag.String("in", "", "card.json")
	htmlOut := flag.String("html", "", "write the card as HTML to this file")
	cards := flag.Int("cards", 1, "with -html or -jsonl: this many cards (serials vary)")
	n := flag.Int("n", 0, "render one-card PDFs this many times and print the time per card")
	batch := flag.Int("batch", 0, "render one PDF of this many cards and print the time per card")
	dir := flag.String("dir", "", "with -n or -batch: write the PDFs here (default: discarded)")
	jsonl := flag.String("jsonl", "", "write -cards cards as JSON Lines to this file (photo paths made absolute), for timing the CLI")
	flag.Parse()
	log.SetFlags(0)
	pemBytes, err := os.ReadFile(*keyPath)
	check(err)
	key, err := credential.ParsePrivateKeyPEM(pemBytes)
	check(err)
	data, err := os.ReadFile(*in)
	check(err)
	base, err := kia.DecodeCard(data, kia.DecodeOptions{ReadPhoto: func(p string) ([]byte, error) {
		return os.ReadFile(filepath.Join(filepath.Dir(*in), p))
	}})
	check(err)
	signer, err := credential.NewSigner(base.Issuer.ID(), key)
	check(err)
	o := render.Options{Signer: signer}

	if *jsonl != "" {
		f, err := os.Create(*jsonl)
		check(err)
		if base.Photo.Path != "" {
			base.Photo.Path, err = filepath.Abs(filepath.Join(filepath.Dir(*in), base.Photo.Path))
			check(err)
		}
		enc := json.NewEncoder(f)
		for _, c := range variants(base, *cards) {
			check(enc.Encode(c))
		}
		check(f.Close())
	}
	if *htmlOut != "" {
		check(os.WriteFile(*htmlOut, page(variants(base, *cards), o), 0o644))
	}
	if *n > 0 {
		var buf bytes.Buffer
		cpu0, start := cpuTime(), time.Now()
		for i := range *n {
			buf.Reset()
			check(render.WritePDF(&buf, []*kia.Card{base}, o))
			if *dir != "" {
				check(os.WriteFile(filepath.Join(*dir, fmt.Sprintf("go-%04d.pdf", i)), buf.Bytes(), 0o644))
			}
		}
		report(*n, time.Since(start), cpuTime()-cpu0)
	}
	if *batch > 0 {
		list := variants(base, *batch)
		var w io.Writer = io.Discard
		if *dir != "" {
			f, err := os.Create(filepath.Join(*dir, "go-batch.pdf"))
			check(err)
			defer f.Close()
			w = f
		}
		cpu0, start := cpuTime(), time.Now()
		check(render.WritePDF(w, list, o))
		report(*batch, time.Since(start), cpuTime()-cpu0)
	}
}

// report prints the wall-clock and CPU milliseconds per card.
func report(n int, wall, cpu time.Duration) {
	fmt.Printf("%.3f %.3f\n", float64(wall)/float64(n)/1e6, float64(cpu)/float64(n)/1e6)
}

// variants returns n cards like c with other serials (and so other QR
// codes).
func variants(c *kia.Card, n int) []*kia.Card {
	out := make([]*kia.Card, n)
	nik := c.NIK.String()
	for i := range out {
		v := *c
		v.NIK = adminduk.MustParseNIK(fmt.Sprintf("%s%04d", nik[:12], 1+i%9999))
		out[i] = &v
	}
	return out
}

type cardView struct {
	NIK, Name, Birth, Sex, Blood, Religion, Citizenship, ValidUntil, Issued string
	KK, Head, Akta, Street, RTRW, Village                                   string
	Photo, QR                                                               template.URL
}

func page(cards []*kia.Card, o render.Options) []byte {
	c0 := cards[0]
	reg, _ := wilayah.Resolve(c0.Issuer.Regency)
	prov, _ := wilayah.Resolve(c0.Issuer.Regency.Province())
	bg := "#1565c0"
	if c0.BirthDate.Year()%2 != 0 {
		bg = "#c62828"
	}
	v := struct {
		Regular, Bold, Italic, MonoBold    template.URL
		Province, Regency, Place, HeadName string
		HeadNIP                            string
		PhotoBG                            template.CSS
		Cards                              []cardView
	}{
		Regular: b64(goregular.TTF), Bold: b64(gobold.TTF), Italic: b64(goitalic.TTF), MonoBold: b64(gomonobold.TTF),
		Province: "PROVINSI " + strings.ToUpper(prov.Name), Regency: strings.ToUpper(reg.Name),
		Place:    strings.ToUpper(strings.TrimPrefix(reg.Name, "Kabupaten ")),
		HeadName: c0.Issuer.HeadName, HeadNIP: c0.Issuer.HeadNIP.Printed(), PhotoBG: template.CSS(bg),
	}
	for _, c := range cards {
		d, err := c.Decide(o.Rules)
		check(err)
		payload, err := c.Sign(o.Signer, o.Rules)
		check(err)
		q, err := qrenc.Encode(payload, qrenc.Q)
		check(err)
		qr, err := pdfkit.QRPNG(q.Bitmap(4), 4)
		check(err)
		village, _ := desa.Lookup(c.Address.Village)
		cv := cardView{
			NIK: c.NIK.String(), Name: c.PrintedName(), Birth: strings.ToUpper(c.BirthPlace) + ", " + dmy(c.BirthDate),
			Sex: c.Sex.Text(adminduk.Indonesian), Blood: c.BloodType.String(), Religion: c.Religion.Text(adminduk.Indonesian), Citizenship: c.Citizenship.String(),
			ValidUntil: dmy(d.ValidUntil), Issued: dmy(c.IssuedAt),
			KK: c.KK.String(), Head: strings.ToUpper(c.HeadOfFamily), Akta: c.AktaNumber, Street: strings.ToUpper(c.Address.Street),
			RTRW: c.Address.RT + "/" + c.Address.RW, Village: strings.ToUpper(village.Name),
			QR: b64(qr),
		}
		if d.Kind.HasPhoto() {
			cv.Photo = b64(c.Photo.Data)
		}
		v.Cards = append(v.Cards, cv)
	}
	var buf bytes.Buffer
	check(template.Must(template.New("kia").Parse(pageTemplate)).Execute(&buf, v))
	return buf.Bytes()
}

// dmy writes a date as the card prints it: 05-12-2023.
func dmy(d adminduk.Date) string {
	return fmt.Sprintf("%02d-%02d-%04d", d.Day(), int(d.Month()), d.Year())
}

func b64(b []byte) template.URL { return template.URL(base64.StdEncoding.EncodeToString(b)) }

func cpuTime() time.Duration {
	var ru syscall.Rusage
	check(syscall.Getrusage(syscall.RUSAGE_SELF, &ru))
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func check(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
