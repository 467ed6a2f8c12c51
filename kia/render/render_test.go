package render

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"errors"
	"flag"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/adminduk/credential"
	"github.com/adminduk-id/adminduk/internal/pdfkit"
	"github.com/adminduk-id/adminduk/internal/pdfkit/qrscan"
	"github.com/adminduk-id/adminduk/kia"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// cards of ../testdata, the ones golden files pin.
var cardNames = []string{"newborn", "child", "long", "foreign"}

func loadCard(t testing.TB, name string) *kia.Card {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "testdata", name+".json"))
	require.NoError(t, err)
	c, err := kia.DecodeCard(data, kia.DecodeOptions{ReadPhoto: func(p string) ([]byte, error) {
		return os.ReadFile(filepath.Join("..", "testdata", p))
	}})
	require.NoError(t, err)
	return c
}

// testKey is the fixed key of the tests (never a real Dinas's).
var testKey = ed25519.NewKeyFromSeed(bytes.Repeat([]byte{7}, 32))

func options(t testing.TB, c *kia.Card) (Options, credential.KeySet) {
	t.Helper()
	s, err := credential.NewSigner(c.Issuer.ID(), testKey)
	require.NoError(t, err)
	var ks credential.KeySet
	ks.Add(s.PublicKey(time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC)))
	return Options{Signer: s}, ks
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.MkdirAll("testdata", 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to create %s", path)
	assert.Equal(t, string(want), string(got), "%s differs; run go test -update if the change is intended", path)
}

func renderPDF(t testing.TB, o Options, cards ...*kia.Card) []byte {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, WritePDF(&buf, cards, o))
	return buf.Bytes()
}

// TestGolden pins the layout of each test card (a text dump) and the
// bytes of its PDF (a hash): same input, same bytes.
func TestGolden(t *testing.T) {
	for _, name := range cardNames {
		t.Run(name, func(t *testing.T) {
			c := loadCard(t, name)
			o, _ := options(t, c)
			var dump bytes.Buffer
			require.NoError(t, Dump(&dump, c, o))
			golden(t, name+".layout", dump.Bytes())
			a, b := renderPDF(t, o, c), renderPDF(t, o, c)
			require.Equal(t, a, b, "two renderings differ")
			golden(t, name+".pdf.sha256", fmt.Appendf(nil, "%x\n", sha256.Sum256(a)))
			var p1, p2 bytes.Buffer
			require.NoError(t, WritePNG(&p1, c, o))
			require.NoError(t, WritePNG(&p2, c, o))
			require.Equal(t, p1.Bytes(), p2.Bytes(), "two PNG renderings differ")
		})
	}
}

// TestNoOverflow checks on every test card, and on cards made as long as
// validation allows, that every text lies inside its box and every box
// inside the card.
func TestNoOverflow(t *testing.T) {
	cards := map[string]*kia.Card{}
	for _, name := range cardNames {
		cards[name] = loadCard(t, name)
	}
	worst := loadCard(t, "long")
	worst.Name = strings.Repeat("W", 60)
	worst.BirthPlace = strings.Repeat("M", 40)
	worst.HeadOfFamily = strings.Repeat("W", 60)
	worst.AktaNumber = strings.Repeat("W", 40)
	worst.Address.Street = strings.Repeat("MW ", 26) + "MW"
	worst.Issuer.HeadName = strings.Repeat("W", 60)
	cards["worst"] = worst
	caps := loadCard(t, "long")
	caps.Name = "MUHAMMAD RIZKY RAMADHAN PUTRA PRATAMA WIJAYAKUSUMA HADINATAS"
	caps.BirthPlace = "KEPULAUAN SERIBU SELATAN UNTUNG JAWA UTAR"[:40]
	caps.HeadOfFamily = "MUHAMMAD RIZKY RAMADHAN PUTRA PRATAMA WIJAYAKUSUMA HADINATAS"
	caps.Address.Street = "JL. JENDERAL SUDIRMAN GG. KENANGA KOMPLEKS GRIYA PERMAI BLOK C NO. 17 MEKARSARI"
	caps.Issuer.HeadName = "Dr. Ir. H. Muhammad Rizky Ramadhan Wijayakusuma, S.H., M.Hum"
	cards["long capitals"] = caps
	words := loadCard(t, "long")
	words.Name = "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWW WWWWWWWWWWWWWWWWWWWWWWWWWWWWW"
	cards["two long words"] = words
	for name, c := range cards {
		t.Run(name, func(t *testing.T) {
			o, _ := options(t, c)
			k, err := prepare(c, o, "")
			require.NoError(t, err)
			// Even a name of 60 W, the widest letter, fits, but only
			// real names keep a readable size.
			minSize := 3.5
			if name == "worst" || name == "two long words" {
				minSize = 2
			}
			checkInside(t, k.front, minSize)
			checkInside(t, k.back, minSize)
		})
	}
}

func checkInside(t *testing.T, s *side, minSize float64) {
	t.Helper()
	card := pdfkit.Rect{W: cardW, H: cardH}
	for _, o := range s.ops {
		require.True(t, card.Contains(o.r, 1e-6), "%s box %v outside the card", o.name, o.r)
		if o.kind != opText {
			continue
		}
		asc, dsc := pdfkit.Ascent(o.font, o.size), pdfkit.Descent(o.font, o.size)
		ink := pdfkit.Rect{X: o.x, Y: o.y - asc, W: pdfkit.Width(o.font, o.size, o.text), H: asc + dsc}
		require.True(t, o.r.Contains(ink, 1e-6), "%s %q at %.2f: %v outside its box %v", o.name, o.text, o.size, ink, o.r)
		require.GreaterOrEqual(t, o.size, minSize, "%s %q set too small", o.name, o.text)
	}
}

// FuzzLayout sets arbitrary names, places and streets (cleaned as
// validation would accept them) and checks that nothing overflows.
func FuzzLayout(f *testing.F) {
	f.Add("Siti Nur Aisyah", "Sukamara", "Jl. Tjilik Riwut No. 12", "Ahmad Subarjo")
	f.Add(strings.Repeat("W", 60), strings.Repeat("m", 40), strings.Repeat("W ", 40), strings.Repeat("Ä", 60))
	base := loadCard(f, "long")
	o, _ := options(f, base)
	f.Fuzz(func(t *testing.T, name, place, street, head string) {
		c := *base
		c.Name, c.BirthPlace, c.Address.Street, c.HeadOfFamily = name, place, street, head
		if err := c.Validate(); err != nil {
			t.Skip()
		}
		k, err := prepare(&c, o, "")
		if err != nil {
			t.Skip() // a QR code over the version limit
		}
		checkInside(t, k.front, 2)
		checkInside(t, k.back, 2)
	})
}

// TestQRFromPNG decodes the QR code of the rendered PNG with gozxing and
// verifies it: the claims are the card's.
func TestQRFromPNG(t *testing.T) {
	for _, name := range cardNames {
		t.Run(name, func(t *testing.T) {
			c := loadCard(t, name)
			o, keys := options(t, c)
			var buf bytes.Buffer
			require.NoError(t, WritePNG(&buf, c, o))
			img, err := png.Decode(&buf)
			require.NoError(t, err)
			checkQR(t, c, o, keys, img)
			// The back alone decodes too, and its QR is at least 18 mm.
			_, back, err := Images(c, o)
			require.NoError(t, err)
			checkQR(t, c, o, keys, back)
		})
	}
}

func checkQR(t *testing.T, c *kia.Card, o Options, keys credential.KeySet, img image.Image) {
	t.Helper()
	payload, err := qrscan.Decode(img)
	require.NoError(t, err)
	want, err := c.Claims(o.Rules)
	require.NoError(t, err)
	r := credential.Verify(payload, keys, want.IssuedAt.Add(24*time.Hour))
	require.Equal(t, credential.StatusValid, r.Status, "%v", r.Err)
	assert.Equal(t, want.Identity, r.Claims.Identity)
	assert.Equal(t, want.Document, r.Claims.Document)
	assert.Equal(t, credential.StatusExpired, credential.Verify(payload, keys, want.Expires.Add(time.Second)).Status)
}

// TestQRSize checks the printed QR code: version 15 or lower for names in
// A-Z, at least 18 mm wide in the PDF and in the PNG.
func TestQRSize(t *testing.T) {
	for _, name := range cardNames {
		c := loadCard(t, name)
		o, _ := options(t, c)
		k, err := prepare(c, o, "")
		require.NoError(t, err)
		assert.LessOrEqual(t, k.qr.Version, credential.MaxKIAVersion, name)
		for _, op := range k.back.ops {
			if op.kind == opQR {
				assert.GreaterOrEqual(t, op.r.W, pdfkit.MM(18), name)
				n := len(op.qr)
				px := int(op.r.W*dpi/72) / n * n // whole pixels a module
				assert.GreaterOrEqual(t, float64(px)/dpi*25.4, 18.0, "%s: PNG QR of %d px", name, px)
			}
		}
	}
}

// rasterise runs pdftoppm at 300 dpi, or skips: every page, the pages up
// to pages[0], or pages[0] to pages[1].
func rasterise(t *testing.T, pdf []byte, pages ...string) []image.Image {
	t.Helper()
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Skip("pdftoppm (poppler-utils) is not installed")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "card.pdf")
	require.NoError(t, os.WriteFile(in, pdf, 0o644))
	args := []string{"-png", "-r", "300"}
	switch len(pages) {
	case 1:
		args = append(args, "-l", pages[0])
	case 2:
		args = append(args, "-f", pages[0], "-l", pages[1])
	}
	out, err := exec.Command("pdftoppm", append(args, in, filepath.Join(dir, "page"))...).CombinedOutput()
	require.NoError(t, err, "%s", out)
	files, err := filepath.Glob(filepath.Join(dir, "page-*.png"))
	require.NoError(t, err)
	var imgs []image.Image
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		img, err := png.Decode(bytes.NewReader(b))
		require.NoError(t, err)
		imgs = append(imgs, img)
	}
	return imgs
}

// TestQRFromPDF rasterises the PDF with poppler, decodes the QR code of
// the back with gozxing and verifies it.
func TestQRFromPDF(t *testing.T) {
	c := loadCard(t, "child")
	o, keys := options(t, c)
	pages := rasterise(t, renderPDF(t, o, c))
	require.Len(t, pages, 2)
	assert.InDelta(t, 1011, pages[0].Bounds().Dx(), 1, "ID-1 at 300 dpi")
	assert.InDelta(t, 638, pages[0].Bounds().Dy(), 1, "ID-1 at 300 dpi")
	checkQR(t, c, o, keys, pages[1])
}

// TestPDFText checks with pdftotext that the text is real text: the NIK and
// the name can be searched and copied.
func TestPDFText(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	for _, name := range cardNames {
		c := loadCard(t, name)
		o, _ := options(t, c)
		dir := t.TempDir()
		in := filepath.Join(dir, "card.pdf")
		require.NoError(t, os.WriteFile(in, renderPDF(t, o, c), 0o644))
		out, err := exec.Command("pdftotext", "-layout", in, "-").Output()
		require.NoError(t, err)
		text := strings.Join(strings.Fields(string(out)), " ")
		assert.Contains(t, text, c.NIK.String(), name)
		for _, w := range strings.Fields(c.PrintedName()) {
			assert.Contains(t, text, w, name)
		}
		assert.Contains(t, text, "KARTU IDENTITAS ANAK")
	}
}

var mediaBox = regexp.MustCompile(`/MediaBox \[ 0 0 ([0-9.]+) ([0-9.]+) \]`)

// pageSizes returns the size in millimetres of each page's MediaBox.
func pageSizes(t *testing.T, pdf []byte) [][2]float64 {
	t.Helper()
	var sizes [][2]float64
	for _, m := range mediaBox.FindAllSubmatch(pdf, -1) {
		w, err := strconv.ParseFloat(string(m[1]), 64)
		require.NoError(t, err)
		h, err := strconv.ParseFloat(string(m[2]), 64)
		require.NoError(t, err)
		sizes = append(sizes, [2]float64{w / pdfkit.PointsPerMM, h / pdfkit.PointsPerMM})
	}
	return sizes
}

func TestPageSizeAndBatch(t *testing.T) {
	c := loadCard(t, "newborn")
	o, _ := options(t, c)
	cards := make([]*kia.Card, 23)
	for i := range cards {
		cards[i] = c
	}
	pdf := renderPDF(t, o, cards...)
	sizes := pageSizes(t, pdf)
	// The page tree's default and every page.
	require.Len(t, sizes, 1+46)
	for _, s := range sizes {
		assert.InDelta(t, 85.60, s[0], 0.01)
		assert.InDelta(t, 53.98, s[1], 0.01)
	}
	o.Layout = A4Layout
	pdf = renderPDF(t, o, cards...)
	sizes = pageSizes(t, pdf)
	require.Len(t, sizes, 1+6, "3 sheets of fronts and backs")
	for _, s := range sizes {
		assert.InDelta(t, 210, s[0], 0.01)
		assert.InDelta(t, 297, s[1], 0.01)
	}
	pages := rasterise(t, pdf, "2", "2")
	require.Len(t, pages, 1)
	// The back of the first card lies behind its front: mirrored to the
	// right column on the back page.
	_, keys := options(t, c)
	back := pages[0].(interface {
		SubImage(image.Rectangle) image.Image
	})
	x0 := int((pdfkit.A4.W - 2*cardW) / 2 * 300 / 72)
	y0 := int((pdfkit.A4.H - 5*cardH) / 2 * 300 / 72)
	cw, ch := int(cardW*300/72), int(cardH*300/72)
	checkQR(t, c, o, keys, back.SubImage(image.Rect(x0+cw, y0, x0+2*cw, y0+ch)))
}

func TestCreatedDate(t *testing.T) {
	c := loadCard(t, "newborn")
	o, _ := options(t, c)
	assert.NotContains(t, string(renderPDF(t, o, c)), "/CreationDate")
	o.Created = time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	assert.Contains(t, string(renderPDF(t, o, c)), "/CreationDate(D:20240102030405")
}

func TestErrors(t *testing.T) {
	c := loadCard(t, "child")
	o, _ := options(t, c)

	bad := *c
	bad.Name = ""
	var buf bytes.Buffer
	b, err := NewBatch(&buf, o)
	require.NoError(t, err)
	require.NoError(t, b.Add(c))
	err = b.Add(&bad)
	var ce *CardError
	require.ErrorAs(t, err, &ce)
	assert.Equal(t, 1, ce.Index)
	assert.ErrorIs(t, err, ErrInvalidCard)
	assert.ErrorIs(t, err, kia.ErrRequired)
	require.NoError(t, b.Add(c), "the batch goes on")
	require.NoError(t, b.Close())
	assert.Len(t, pageSizes(t, buf.Bytes()), 1+4)

	noPhoto := *c
	noPhoto.Photo.Data = []byte("\xff\xd8 not really a JPEG")
	assert.ErrorIs(t, WritePDF(&buf, []*kia.Card{&noPhoto}, o), kia.ErrInvalid)

	assert.ErrorIs(t, WritePDF(&buf, []*kia.Card{c}, Options{}), ErrNoSigner)
	assert.Error(t, WritePDF(&buf, nil, o), "no card, no PDF")
	_, err = NewBatch(&buf, Options{Layout: 9})
	assert.Error(t, err)
	other, err := credential.NewSigner("ID-3201", testKey)
	require.NoError(t, err)
	assert.ErrorContains(t, WritePDF(&buf, []*kia.Card{c}, Options{Signer: other}), "signer")
	assert.ErrorIs(t, WritePNG(&buf, nil, o), ErrInvalidCard)

	l, err := ParseLayout("a4")
	require.NoError(t, err)
	assert.Equal(t, A4Layout, l)
	assert.Equal(t, "a4", l.String())
	_, err = ParseLayout("letter")
	assert.Error(t, err)
	assert.True(t, errors.Is(&CardError{Err: ErrPhoto}, ErrPhoto))
}

func TestAddSigned(t *testing.T) {
	c := loadCard(t, "newborn")
	o, keys := options(t, c)
	payload, err := c.Sign(o.Signer, o.Rules)
	require.NoError(t, err)
	var buf bytes.Buffer
	b, err := NewBatch(&buf, Options{})
	require.NoError(t, err)
	require.NoError(t, b.AddSigned(c, payload))
	assert.Error(t, b.AddSigned(c, ""))
	require.NoError(t, b.Close())
	pages := rasterise(t, buf.Bytes())
	checkQR(t, c, o, keys, pages[1])
}

// TestBatchInParts renders batches large enough to be drawn in several
// parts and joined: every page is there, in order, the same bytes each
// time, and the QR codes of the last part verify.
func TestBatchInParts(t *testing.T) {
	defer func(n int) { partCards = n }(partCards)
	partCards = 20
	cards := batch(t, "newborn", 45)
	o, keys := options(t, cards[0])
	for _, layout := range []Layout{CardLayout, A4Layout} {
		o.Layout = layout
		a, b := renderPDF(t, o, cards...), renderPDF(t, o, cards...)
		require.Equal(t, a, b)
		sizes := pageSizes(t, a)
		if layout == CardLayout {
			require.Len(t, sizes, 1+90, "the joined page tree and 90 pages")
		}
		if _, err := exec.LookPath("pdfinfo"); err != nil {
			continue
		}
		file := filepath.Join(t.TempDir(), "batch.pdf")
		require.NoError(t, os.WriteFile(file, a, 0o644))
		info, err := exec.Command("pdfinfo", file).CombinedOutput()
		require.NoError(t, err, "%s", info)
		want := map[Layout]string{CardLayout: "90", A4Layout: "10"}[layout]
		assert.Regexp(t, `Pages:\s+`+want+`\n`, string(info))
		assert.NotContains(t, string(info), "Error")
		if layout == CardLayout {
			out, err := exec.Command("pdftotext", "-f", "89", "-l", "89", file, "-").Output()
			require.NoError(t, err)
			assert.Contains(t, string(out), cards[44].NIK.String(), "the last card is on page 89")
			pages := rasterise(t, a, "90", "90")
			checkQR(t, cards[44], o, keys, pages[0])
		}
	}
}

func TestSignedAtAndCompress(t *testing.T) {
	c := loadCard(t, "newborn")
	o, keys := options(t, c)
	o.SignedAt = time.Date(2024, 2, 1, 9, 30, 0, 0, time.UTC)
	k, err := prepare(c, o, "")
	require.NoError(t, err)
	r := credential.Verify(k.payload, keys, time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC))
	require.Equal(t, credential.StatusValid, r.Status)
	assert.True(t, r.Claims.IssuedAt.Equal(o.SignedAt))

	// Past 100 cards page contents are left uncompressed, unless Compress.
	defer func(n int) { partCards = n }(partCards)
	partCards = 1000
	cards := batch(t, "newborn", compactCards+1)
	o.SignedAt = time.Time{}
	plain := renderPDF(t, o, cards...)
	o.Compress = true
	compact := renderPDF(t, o, cards...)
	assert.Less(t, len(compact), len(plain)*3/4)
	assert.Equal(t, len(pageSizes(t, plain)), len(pageSizes(t, compact)))
}

// TestConcurrent renders in several goroutines at once, as a server does:
// the shared art and fonts are read-only after their first use, and the
// output is the same as rendered alone (run with -race).
func TestConcurrent(t *testing.T) {
	c := loadCard(t, "child")
	o, _ := options(t, c)
	want := renderPDF(t, o, c)
	errs := make(chan error, 4)
	for range 4 {
		go func() {
			var buf bytes.Buffer
			err := WritePDF(&buf, []*kia.Card{c}, o)
			if err == nil && !bytes.Equal(buf.Bytes(), want) {
				err = errors.New("different bytes")
			}
			if err == nil {
				_, _, err = Images(c, o)
			}
			errs <- err
		}()
	}
	for range 4 {
		assert.NoError(t, <-errs)
	}
}
