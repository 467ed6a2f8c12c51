// Command chromium-akta is the Go half of run.sh: it writes the same
// Kutipan Akta as HTML for headless Chromium (-html), and times the
// library's own PDF rendering (-n).
//
//	go run ./scripts/chromium-akta -genkey key.pem
//	go run ./scripts/chromium-akta -key key.pem -in akta/testdata/birth.json -html akta.html
//	go run ./scripts/chromium-akta -key key.pem -in akta/testdata/birth.json -n 300 -dir out/
//	go run ./scripts/chromium-akta -key key.pem -in akta/testdata/birth.json -html batch.html -pages 1000 -jsonl batch.jsonl
package main

import (
	"bytes"
	"crypto/ed25519"
	_ "embed"
	"encoding/base64"
	"encoding/json"
	"flag"
	"fmt"
	"html/template"
	"log"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/skip2/go-qrcode"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/credential"
	"github.com/adminduk-id/adminduk/akta"
	"github.com/adminduk-id/adminduk/akta/render"
)

//go:embed akta.html.tmpl
var pageTemplate string

func main() {
	keyPath := flag.String("key", "", "Ed25519 PKCS#8 PEM key")
	in := flag.String("in", "", "akta.json (kelahiran)")
	htmlOut := flag.String("html", "", "write the akta as HTML to this file")
	n := flag.Int("n", 0, "render the PDF this many times and print the time per document")
	dir := flag.String("dir", "", "with -n: write the PDFs here (default: memory only)")
	genkey := flag.String("genkey", "", "write a new Ed25519 key (PKCS#8 PEM) to this file and exit")
	pages := flag.Int("pages", 1, "with -html: the document this many times, one A4 page each (a batch)")
	jsonl := flag.String("jsonl", "", "with -pages: write the record this many times as JSON Lines to this file, the same batch for `adminduk akta render`")
	flag.Parse()
	log.SetFlags(0)
	if *genkey != "" {
		k, err := credential.GenerateKey(nil)
		check(err)
		b, err := credential.MarshalPrivateKeyPEM(k)
		check(err)
		check(os.WriteFile(*genkey, b, 0o600))
		return
	}
	key := loadKey(*keyPath)
	data, err := os.ReadFile(*in)
	check(err)
	rec, err := akta.DecodeRecord(data, akta.DecodeOptions{})
	check(err)
	b, ok := rec.(*akta.Birth)
	if !ok {
		log.Fatal("want a birth record")
	}
	signer, err := credential.NewSigner(b.Issuer.ID(), key)
	check(err)
	o := render.Options{Signer: signer}
	if *htmlOut != "" {
		check(os.WriteFile(*htmlOut, repeatPages(page(b, o), *pages), 0o644))
	}
	if *jsonl != "" {
		var line bytes.Buffer
		check(json.Compact(&line, bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))))
		line.WriteByte('\n')
		check(os.WriteFile(*jsonl, bytes.Repeat(line.Bytes(), *pages), 0o644))
	}
	if *n > 0 {
		var buf bytes.Buffer
		cpu0 := cpuTime()
		start := time.Now()
		for i := 0; i < *n; i++ {
			buf.Reset()
			check(render.WritePDF(&buf, b, o))
			if *dir != "" {
				check(os.WriteFile(filepath.Join(*dir, fmt.Sprintf("go-%04d.pdf", i)), buf.Bytes(), 0o644))
			}
		}
		per := time.Since(start) / time.Duration(*n)
		cpu := (cpuTime() - cpu0) / time.Duration(*n)
		// Milliseconds per document: wall clock, then CPU time of this
		// process (steadier on a shared machine).
		fmt.Printf("%.3f %.3f\n", per.Seconds()*1000, cpu.Seconds()*1000)
	}
}

func loadKey(path string) ed25519.PrivateKey {
	data, err := os.ReadFile(path)
	check(err)
	k, err := credential.ParsePrivateKeyPEM(data)
	check(err)
	return k
}

// cpuTime returns the user and system CPU time of this process.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func check(err error) {
	if err != nil {
		log.Fatal(err)
	}
}

// repeatPages repeats the body of an HTML document n times, one page each.
func repeatPages(html []byte, n int) []byte {
	start := bytes.Index(html, []byte("<body>")) + len("<body>")
	end := bytes.LastIndex(html, []byte("</body>"))
	if n <= 1 || start < len("<body>") || end < start {
		return html
	}
	var out bytes.Buffer
	out.Write(html[:start])
	out.WriteString("<style>.page { break-after: page; }</style>")
	for range n {
		out.Write(html[start:end])
	}
	out.Write(html[end:])
	return out.Bytes()
}

type row struct{ ID, EN, Value string }

// page builds the HTML of the same document: the same text, fonts, layout
// and signed QR (as SVG) as the PDF.
func page(b *akta.Birth, o render.Options) []byte {
	text, err := render.Credential(b, o)
	check(err)
	q, err := qrcode.New(text, qrcode.High)
	check(err)
	var svg strings.Builder
	bm := q.Bitmap()
	fmt.Fprintf(&svg, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" shape-rendering="crispEdges"><path d="`, len(bm), len(bm))
	for y, line := range bm {
		for x, dark := range line {
			if dark {
				fmt.Fprintf(&svg, "M%d %dh1v1h-1z", x, y)
			}
		}
	}
	svg.WriteString(`"/></svg>`)
	up := func(s string) string { return strings.ToUpper(strings.TrimSpace(s)) }
	words := func(d adminduk.Date) string { return up(adminduk.DateWords(d, adminduk.Indonesian)) }
	rows := []row{
		{"Berdasarkan Akta Kelahiran Nomor", "By virtue of Birth Certificate Number", b.Number.String()},
		{"bahwa di", "that in", up(b.Child.BirthPlace)},
		{"pada tanggal", "on", words(b.Child.BirthDate)},
		{"telah lahir", "was born", up(b.Child.Name)},
		{"anak", "child", "ke-" + up(adminduk.Terbilang(int64(b.Child.BirthOrder))) + ", " + b.Child.Sex.Text(adminduk.Indonesian)},
	}
	if b.ParentCase() != akta.ParentsMotherOnly {
		rows = append(rows, row{"dari ayah", "of father", up(b.Father.Name)}, row{"dan ibu", "and mother", up(b.Mother.Name)})
		if b.ParentCase() == akta.ParentsUnrecorded {
			rows = append(rows, row{"yang perkawinannya belum tercatat sesuai dengan ketentuan peraturan perundang-undangan", "whose marriage has not been recorded in accordance with the laws and regulations", ""})
		}
	} else {
		rows = append(rows, row{"dari ibu", "of mother", up(b.Mother.Name)})
	}
	font := func(ttf []byte) template.URL {
		return template.URL("data:font/ttf;base64," + base64.StdEncoding.EncodeToString(ttf))
	}
	var out bytes.Buffer
	t := template.Must(template.New("page").Parse(pageTemplate))
	check(t.Execute(&out, map[string]any{
		"NIK": b.Child.NIK.String(), "Rows": rows, "Place": b.Issuer.PlaceName(),
		"Issued":  up(adminduk.FormatDate(b.IssuedAt, adminduk.Indonesian)),
		"Regency": b.Issuer.RegencyName(), "Head": akta.OfficialName(b.Issuer.HeadName), "NIP": b.Issuer.HeadNIP.Printed(),
		"QR":      template.HTML(svg.String()),
		"Regular": font(goregular.TTF), "Bold": font(gobold.TTF), "Italic": font(goitalic.TTF),
	}))
	return out.Bytes()
}
