package render_test

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/credential"
	"github.com/adminduk-id/adminduk/akta"
	"github.com/adminduk-id/adminduk/akta/render"
	"github.com/adminduk-id/adminduk/internal/testtool"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// testKey is a fixed Ed25519 key, so that signatures and documents are
// reproducible.
var testKey = ed25519.NewKeyFromSeed(bytes.Repeat([]byte{7}, 32))

// testSigner signs for Kab. Serang, the issuer of the test documents.
var testSigner = func() *credential.Signer {
	s, err := credential.NewSigner("ID-3604", testKey)
	if err != nil {
		panic(err)
	}
	return s
}()

func readJSON(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", name))
	require.NoError(t, err)
	return b
}

func birth(t testing.TB) *akta.Birth {
	t.Helper()
	r, err := akta.DecodeRecord(readJSON(t, "birth.json"), akta.DecodeOptions{})
	require.NoError(t, err)
	return r.(*akta.Birth)
}

func death(t testing.TB) *akta.Death {
	t.Helper()
	r, err := akta.DecodeRecord(readJSON(t, "death.json"), akta.DecodeOptions{})
	require.NoError(t, err)
	return r.(*akta.Death)
}

func family(t testing.TB) *akta.Family {
	t.Helper()
	f, err := akta.DecodeFamily(readJSON(t, "kk.json"), akta.DecodeOptions{})
	require.NoError(t, err)
	return f
}

// bigFamily has 13 members, with long names: the card runs to two pages.
func bigFamily(t testing.TB) *akta.Family {
	f := family(t)
	base := f.Members[2]
	for i := range 9 {
		m := base
		m.Name = fmt.Sprintf("Anak Ke %s Dengan Nama Yang Sangat Panjang Sekali Untuk Menguji Tabel", strings.ToUpper(adminduk.Terbilang(int64(i+2))))
		m.NIK = adminduk.MustParseNIK(fmt.Sprintf("36040914071900%02d", 10+i))
		f.Members = append(f.Members, m)
	}
	require.NoError(t, f.Validate())
	return f
}

// doc is a document of the golden set: a record or a family card.
type doc struct {
	name string
	get  func(t testing.TB) any
}

func renderDoc(t testing.TB, v any, o render.Options) []byte {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, render.WritePDF(&b, v.(render.Document), o))
	return b.Bytes()
}

func renderPNG(t testing.TB, v any, o render.Options) []byte {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, render.WritePNG(&b, v.(render.Document), o))
	return b.Bytes()
}

func dumpDoc(t testing.TB, v any, o render.Options) []byte {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, render.Dump(&b, v.(render.Document), o))
	return b.Bytes()
}

func docs() []doc {
	return []doc{
		{"birth", func(t testing.TB) any { return birth(t) }},
		{"birth-sptjm", func(t testing.TB) any {
			b := birth(t)
			b.Father = nil // no recorded marriage: the mother only
			return b
		}},
		{"birth-late-long", func(t testing.TB) any {
			b := birth(t)
			b.Child.BirthDate = adminduk.MustParseDate("1999-12-31")
			b.Child.NIK = adminduk.MustParseNIK("3604097112990001")
			b.Child.Name = "Raden Ajeng Siti Nurhaliza Kusumawardhani Putri Hadiningrat" // 60 characters, the most Permendagri 73/2022 allows
			b.Child.BirthPlace = "Rumah Sakit Umum Daerah dr. Dradjat Prawiranegara, Serang"
			b.Child.BirthOrder = 11
			b.Number = akta.MustParseNumber("3604-LT-01092023-0002")
			return b
		}},
		{"death", func(t testing.TB) any { return death(t) }},
		{"kk", func(t testing.TB) any { return family(t) }},
		{"kk-two-pages", func(t testing.TB) any { return bigFamily(t) }},
	}
}

func sum(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// TestGolden pins every document: the SHA-256 of the PDF and of a 50-dpi
// PNG, and the layout as text (testdata/*.golden; go test -update rewrites
// them). Look at the documents after an update: pdftoppm -png -r 100.
func TestGolden(t *testing.T) {
	for _, d := range docs() {
		t.Run(d.name, func(t *testing.T) {
			v := d.get(t)
			pdf := renderDoc(t, v, render.Options{Signer: testSigner})
			png := renderPNG(t, v, render.Options{Signer: testSigner, DPI: 50})
			layout := dumpDoc(t, v, render.Options{Signer: testSigner})
			got := fmt.Sprintf("pdf sha256 %s\npng sha256 %s\n%s", sum(pdf), sum(png), layout)
			path := filepath.Join("testdata", d.name+".golden")
			if *update {
				require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
				return
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err, "run go test -update")
			if string(want) != got { // report the first lines that differ, not the whole file
				w, g := strings.Split(string(want), "\n"), strings.Split(got, "\n")
				for i := 0; i < max(len(w), len(g)); i++ {
					var wl, gl string
					if i < len(w) {
						wl = w[i]
					}
					if i < len(g) {
						gl = g[i]
					}
					if wl != gl {
						t.Errorf("%s line %d:\n want %s\n got  %s", path, i+1, wl, gl)
						break
					}
				}
			}
		})
	}
}

// Same input, same bytes: twice in a row, and from many goroutines at once.
func TestDeterministic(t *testing.T) {
	for _, d := range docs() {
		v := d.get(t)
		first := renderDoc(t, v, render.Options{Signer: testSigner})
		assert.Equal(t, first, renderDoc(t, v, render.Options{Signer: testSigner}), d.name)
		var wg sync.WaitGroup
		outs := make([][]byte, 8)
		for i := range outs {
			wg.Go(func() { outs[i] = renderDoc(t, d.get(t), render.Options{Signer: testSigner}) })
		}
		wg.Wait()
		for _, o := range outs {
			assert.Equal(t, first, o, d.name)
		}
		assert.True(t, bytes.HasPrefix(first, []byte("%PDF-")), d.name)
		assert.NotContains(t, string(first), "CreationDate", "no clock in the metadata")
	}
}

// pdfText extracts the text of a PDF with pdftotext -layout.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	tool := testtool.Require(t, "pdftotext")
	path := filepath.Join(t.TempDir(), "doc.pdf")
	require.NoError(t, os.WriteFile(path, pdf, 0o600))
	out, err := exec.Command(tool, "-layout", path, "-").Output()
	require.NoError(t, err)
	return string(out)
}

// The acceptance test of the issue: a child born on 25 August 2023 has
// the date in words and the parents' names in the text of its akta.
func TestBirthText(t *testing.T) {
	b := birth(t)
	require.Equal(t, adminduk.MustDate(2023, 8, 25), b.Child.BirthDate)
	text := pdfText(t, renderDoc(t, b, render.Options{Signer: testSigner}))
	for _, want := range []string{
		"DUA PULUH LIMA AGUSTUS DUA RIBU DUA PULUH TIGA",
		"AHMAD FAUZI", "NUR HALIMAH", "SITI AMINAH PUTRI",
		"KUTIPAN AKTA KELAHIRAN", "EXCERPT OF BIRTH CERTIFICATE",
		"3604-LU-01092023-0001", "3604096508230001", "REPUBLIK INDONESIA", "PENCATATAN SIPIL",
		"WARGA NEGARA", "ke-DUA, PEREMPUAN", "dari ayah", "dan ibu", "Kutipan ini dikeluarkan di",
		"1 SEPTEMBER 2023", "Drs. H. AHMAD SUHAEMI, M.Si.", "NIP. 19700512 199503 1 002",
		"KEPALA DINAS KEPENDUDUKAN DAN", "KABUPATEN SERANG",
	} {
		assert.Contains(t, text, want)
	}

	b.Father = nil
	text = pdfText(t, renderDoc(t, b, render.Options{Signer: testSigner}))
	assert.Contains(t, text, "dari ibu")
	assert.NotContains(t, text, "AHMAD FAUZI", "no father on an SPTJM akta")
}

func TestDeathAndFamilyText(t *testing.T) {
	text := pdfText(t, renderDoc(t, death(t), render.Options{Signer: testSigner}))
	for _, want := range []string{
		"KUTIPAN AKTA KEMATIAN", "telah meninggal dunia seorang bernama", "HAJI ABDUL RAHMAN",
		"SATU MARET DUA RIBU DUA PULUH EMPAT", "DUA APRIL SERIBU SEMBILAN RATUS LIMA PULUH",
		"PANDEGLANG", "USMAN", "AISYAH", "3604-KM-10032024-0007",
	} {
		assert.Contains(t, text, want)
	}
	text = pdfText(t, renderDoc(t, family(t), render.Options{Signer: testSigner}))
	for _, want := range []string{
		"KARTU KELUARGA", "No. 3604091506180002", "AHMAD FAUZI", "KEPALA KELUARGA", "ISTRI", "ANAK",
		"ORANG TUA", "3604094101950002", "CIRUAS", "KABUPATEN SERANG", "BANTEN", "10-01-2023", "KAWIN TERCATAT",
	} {
		assert.Contains(t, text, want)
	}
	text = pdfText(t, renderDoc(t, bigFamily(t), render.Options{Signer: testSigner}))
	assert.Contains(t, text, "Halaman 2 dari 2")
	assert.Contains(t, text, "13") // the last row number
}

func TestInvalidRecordWritesNothing(t *testing.T) {
	b := birth(t)
	b.Child.Name = ""
	var out bytes.Buffer
	err := render.WritePDF(&out, b, render.Options{Signer: testSigner})
	assert.ErrorIs(t, err, akta.ErrRequired)
	var ve *adminduk.ValidationError
	assert.ErrorAs(t, err, &ve)
	assert.Zero(t, out.Len())

	f := family(t)
	f.Members = nil
	assert.ErrorIs(t, render.WritePDF(&out, f, render.Options{Signer: testSigner}), akta.ErrRequired)
	assert.Zero(t, out.Len())
}

func TestOptionsErrors(t *testing.T) {
	var out bytes.Buffer
	assert.ErrorIs(t, render.WritePDF(&out, birth(t), render.Options{}), render.ErrNoSigner)
	assert.Error(t, render.WritePNG(&out, birth(t), render.Options{Signer: testSigner, DPI: 5000}))
	assert.Error(t, render.WritePDF(&out, nil, render.Options{Signer: testSigner}))
}

// Names and places with characters the fonts lack, control characters and
// extreme lengths still give a document (or a validation error), never a
// panic.
func FuzzBirth(f *testing.F) {
	f.Add("Siti Aminah", "Serang", "Nur Halimah", uint8(2))
	f.Add("Zoë Ñúñez-O'Brien", "Dili\x00\t", "Ænne", uint8(30))
	f.Add("李小龍 Ahmad", "مكة", "Ü", uint8(1))
	b := birth(f)
	f.Fuzz(func(t *testing.T, name, place, mother string, order uint8) {
		c := b.Clone()
		c.Child.Name, c.Child.BirthPlace, c.Mother.Name, c.Child.BirthOrder = name, place, mother, int(order)
		var out bytes.Buffer
		err := render.WritePDF(&out, c, render.Options{Signer: testSigner})
		if err != nil {
			var ve *adminduk.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("not a validation error: %v", err)
			}
			return
		}
		if !bytes.HasPrefix(out.Bytes(), []byte("%PDF-")) {
			t.Fatal("no PDF")
		}
	})
}

func TestNilRecords(t *testing.T) {
	var out bytes.Buffer
	o := render.Options{Signer: testSigner}
	assert.Error(t, render.WritePDF(&out, (*akta.Birth)(nil), o))
	assert.Error(t, render.WritePDF(&out, (*akta.Death)(nil), o))
	assert.Error(t, render.WritePDF(&out, (*akta.Family)(nil), o))
	assert.Error(t, render.WritePDF(&out, nil, o))
	assert.Error(t, render.WritePNG(&out, nil, o))
	assert.Error(t, render.Dump(&out, nil, o))
	assert.Error(t, render.WriteBatch(&out, []akta.Record{nil}, o))
	_, err := render.Credential((*akta.Birth)(nil), o)
	assert.Error(t, err)
	_, err = render.Credential(nil, o)
	assert.Error(t, err)
	_, err = render.Credential((*akta.Family)(nil), o)
	assert.Error(t, err)
}

// Every value that the validation lets through stays inside the page and
// is printed whole: the longest names and places are shrunk, wrapped or
// both, never cut.
func TestLongestValues(t *testing.T) {
	long := strings.Repeat("Abcdefghi ", 9) + "Abcdefghij" // 100 characters
	place := strings.Repeat("Tempat ", 7) + "Kelahiran."   // 59 characters
	require.Len(t, long, 100)
	require.Len(t, place, 59)
	b := birth(t)
	b.Child.Name, b.Mother.Name, b.Father.Name = long[:60], long, long // a child's name: at most 60
	b.Child.BirthPlace, b.Issuer.Place, b.Issuer.HeadName = place, place, long
	f := family(t)
	f.Members[0].Name, f.Members[0].FatherName, f.Members[0].BirthPlace, f.Members[0].Occupation = long, long, place, place
	f.Address.Street, f.Issuer.HeadName = place, long
	for _, v := range []any{b, f} {
		layout := string(dumpDoc(t, v, render.Options{Signer: testSigner}))
		var pw float64
		for _, line := range strings.Split(layout, "\n") {
			if strings.HasPrefix(line, "page ") {
				fmt.Sscanf(strings.Fields(line)[2], "%fx", &pw)
			}
			if !strings.HasPrefix(line, "text ") {
				continue
			}
			var font string
			var size, x, y, w float64
			var gray int
			_, err := fmt.Sscanf(line, "text %s %f g%d @%f,%f w%f", &font, &size, &gray, &x, &y, &w)
			require.NoError(t, err, line)
			assert.LessOrEqual(t, x+w, pw-10, "runs off the page: %s", line)
			assert.GreaterOrEqual(t, size, 3.0, line)
		}
	}
	text := pdfText(t, renderDoc(t, b, render.Options{Signer: testSigner}))
	flat := strings.Join(strings.Fields(text), " ")
	assert.Contains(t, flat, strings.ToUpper(long), "the child's name in full")
	// The birth place and the place of issue wrap beside other columns:
	// every word of both is there.
	assert.Equal(t, 14, strings.Count(flat, "TEMPAT "), "the places in full")
	assert.Equal(t, 2, strings.Count(flat, "KELAHIRAN."))
}

func TestCompress(t *testing.T) {
	b := birth(t)
	plain := renderDoc(t, b, render.Options{Signer: testSigner})
	small := renderDoc(t, b, render.Options{Signer: testSigner, Compress: true})
	assert.Less(t, len(small), len(plain)*9/10)
	assert.Equal(t, small, renderDoc(t, b, render.Options{Signer: testSigner, Compress: true}), "deterministic")
	text := strings.Join(strings.Fields(pdfText(t, small)), " ")
	assert.Contains(t, text, "DUA PULUH LIMA AGUSTUS DUA RIBU DUA PULUH TIGA")
}
