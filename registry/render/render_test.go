package render_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/credential"
	"github.com/adminduk-id/adminduk/internal/testtool"
	"github.com/adminduk-id/adminduk/registry"
	"github.com/adminduk-id/adminduk/registry/postgres"
	"github.com/adminduk-id/adminduk/registry/render"
	"github.com/adminduk-id/adminduk/registry/sqlite"
	"github.com/adminduk-id/adminduk/registry/storetest"
)

func sqliteStore(t testing.TB) registry.Store {
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "r.db"), sqlite.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { _ = st.Close() })
	return st
}

// postgresStore opens a store in a schema of its own, dropped after the
// test; it skips when ADMINDUK_TEST_POSTGRES is unset.
func postgresStore(t testing.TB) registry.Store {
	t.Helper()
	dsn := os.Getenv("ADMINDUK_TEST_POSTGRES")
	if dsn == "" {
		if os.Getenv("ADMINDUK_TEST_TOOLS") == "1" {
			t.Fatal("ADMINDUK_TEST_POSTGRES is not set (e.g. postgres://postgres@127.0.0.1:5432/test?sslmode=disable)")
		}
		t.Skip("ADMINDUK_TEST_POSTGRES is not set: skipping the PostgreSQL store")
	}
	var b [6]byte
	_, _ = rand.Read(b[:])
	schema := "registry_render_test_" + hex.EncodeToString(b[:])
	ctx := context.Background()
	st, err := postgres.Open(ctx, dsn, postgres.Options{Schema: schema})
	require.NoError(t, err)
	t.Cleanup(func() {
		_ = st.Close()
		conn, err := pgx.Connect(ctx, dsn)
		if err == nil {
			_, _ = conn.Exec(ctx, "DROP SCHEMA "+pgx.Identifier{schema}.Sanitize()+" CASCADE")
			_ = conn.Close(ctx)
		}
	})
	return st
}

var stores = []struct {
	name string
	open func(testing.TB) registry.Store
}{{"sqlite", sqliteStore}, {"postgres", postgresStore}}

func pdfOf(t *testing.T, d registry.Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, render.WritePDF(&buf, d, render.Options{}))
	return buf.Bytes()
}

func pngOf(t *testing.T, d registry.Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, render.WritePNG(&buf, d, render.Options{}))
	return buf.Bytes()
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

// pdfQR rasterises a page of a PDF with pdftoppm and decodes its QR code.
func pdfQR(t *testing.T, pdf []byte, page, dpi string) string {
	t.Helper()
	tool := testtool.Require(t, "pdftoppm")
	dir := t.TempDir()
	in := filepath.Join(dir, "doc.pdf")
	require.NoError(t, os.WriteFile(in, pdf, 0o600))
	out, err := exec.Command(tool, "-png", "-r", dpi, "-f", page, "-l", page, "-singlefile", in, filepath.Join(dir, "page")).CombinedOutput()
	require.NoError(t, err, string(out))
	f, err := os.Open(filepath.Join(dir, "page.png"))
	require.NoError(t, err)
	defer f.Close()
	img, err := png.Decode(f)
	require.NoError(t, err)
	payload, err := testtool.DecodeQR(img)
	require.NoError(t, err)
	return payload
}

// singleSpaced collapses the runs of spaces of pdftotext -layout.
func singleSpaced(s string) string { return strings.Join(strings.Fields(s), " ") }

// TestRenderIsByteIdentical: every document a registration issued renders
// from its stored model and credential to the same bytes each time, as PDF
// and as PNG, and the QR printed is the stored credential.
func TestRenderIsByteIdentical(t *testing.T) {
	ctx := context.Background()
	e := storetest.NewEnv(t, sqliteStore)
	// The family's complete card, so that its next version is printed too.
	_, err := e.Service.ImportFamily(ctx, storetest.FamilyCard(), "officer")
	require.NoError(t, err)
	rep, _, err := e.Service.NotifyBirth(ctx, registry.Submission{PartnerID: "pkm-1"}, storetest.Birth("r-1", storetest.Today.AddDays(-2), "P"))
	require.NoError(t, err)
	_, err = e.Service.Verify(ctx, storetest.Regency, rep.ID, "officer")
	require.NoError(t, err)
	reg, err := e.Service.Register(ctx, storetest.Regency, rep.ID, "officer")
	require.NoError(t, err)
	docs, err := e.Service.Documents(ctx, storetest.Regency, reg.ReportID)
	require.NoError(t, err)
	require.Len(t, docs, 3, "akta, KIA and the KK's next version")
	for _, d := range docs {
		t.Run(string(d.Type), func(t *testing.T) {
			first, second := pdfOf(t, d), pdfOf(t, d)
			assert.Equal(t, first, second, "PDF byte-identical on every render")
			assert.True(t, bytes.HasPrefix(first, []byte("%PDF-")))
			p1, p2 := pngOf(t, d), pngOf(t, d)
			assert.Equal(t, p1, p2, "PNG byte-identical on every render")
			img, err := png.Decode(bytes.NewReader(p1))
			require.NoError(t, err)
			payload, err := testtool.DecodeQR(img)
			require.NoError(t, err)
			assert.Equal(t, d.Payload, payload, "the stored credential, not a new signature")
			page, dpi := "1", "150" // the akta: A4, QR on the page
			if d.Type == registry.DocKIA {
				page, dpi = "2", "600" // the KIA: ID-1, QR on the back
			}
			assert.Equal(t, d.Payload, pdfQR(t, first, page, dpi))
		})
	}
}

// TestCorrectionRendered is the must-show of issue 11 on both stores:
// correcting a registered akta's child name gives version 2, whose kutipan
// carries the marginal note; version 1 is replaced and still renders as
// issued; both QRs verify offline and carry their version; the online
// status tells them apart. Revoking afterwards: every version still
// renders, both still verify offline, the status says revoked.
func TestCorrectionRendered(t *testing.T) {
	for _, s := range stores {
		t.Run(s.name, func(t *testing.T) {
			ctx := context.Background()
			e := storetest.NewEnv(t, s.open)
			_, reg, v2 := storetest.Corrected(t, e, "Muhammad Rizky Pratama")
			num := reg.Akta.String()
			v1, err := e.Service.Document(ctx, storetest.Regency, registry.DocAktaKelahiran, num, 1)
			require.NoError(t, err)
			stored2, err := e.Service.Document(ctx, storetest.Regency, registry.DocAktaKelahiran, num, 2)
			require.NoError(t, err)
			assert.Equal(t, v2.Payload, stored2.Payload)

			text1, text2 := singleSpaced(pdfText(t, pdfOf(t, v1))), singleSpaced(pdfText(t, pdfOf(t, stored2)))
			assert.Contains(t, text1, "MUHAMMAD RIZKI PRATAMA")
			assert.NotContains(t, text1, "catatan pinggir", "version 1 as issued")
			for _, want := range []string{
				"catatan pinggir", "marginal note", "MUHAMMAD RIZKY PRATAMA",
				"NAMA ANAK SEMULA MUHAMMAD RIZKI PRATAMA", "MENJADI MUHAMMAD RIZKY PRATAMA BERDASARKAN",
				"KEPUTUSAN KEPALA DINAS NOMOR 474.1/123/DISDUKCAPIL/2026",
				"4 DESEMBER 2026", num,
			} {
				assert.Contains(t, text2, want)
			}

			at := storetest.Today.AddDays(3).In(adminduk.WIB)
			for _, c := range []struct {
				doc     registry.Document
				version int
				status  registry.DocStatus
			}{{v1, 0, registry.DocReplaced}, {stored2, 2, registry.DocActive}} {
				payload := pdfQR(t, pdfOf(t, c.doc), "1", "150")
				assert.Equal(t, c.doc.Payload, payload)
				res := credential.Verify(payload, storetest.Keys(), at)
				require.Equal(t, credential.StatusValid, res.Status, res.Err)
				assert.Equal(t, c.version, res.Claims.Document.Version)
				v := max(res.Claims.Document.Version, 1) // absent means 1
				st, err := e.Service.DocumentVersionStatus(ctx, registry.DocAktaKelahiran, res.Claims.Document.Number, v)
				require.NoError(t, err)
				assert.Equal(t, c.status, st.Status)
				assert.Equal(t, 2, st.CurrentVersion)
			}

			e.Clock.SetDay(storetest.Today.AddDays(2))
			st, err := e.Service.Revoke(ctx, storetest.Regency, registry.DocAktaKelahiran, num, "akta ganda", "officer.dewi")
			require.NoError(t, err)
			assert.Equal(t, registry.DocRevoked, st.Status)
			assert.Equal(t, 2, st.Version)
			old, err := e.Service.DocumentVersionStatus(ctx, registry.DocAktaKelahiran, num, 1)
			require.NoError(t, err)
			assert.Equal(t, registry.DocReplaced, old.Status, "a replaced version stays replaced")
			revoked, err := e.Service.Document(ctx, storetest.Regency, registry.DocAktaKelahiran, num, 0)
			require.NoError(t, err)
			assert.Equal(t, registry.DocRevoked, revoked.Status)
			payload := pdfQR(t, pdfOf(t, revoked), "1", "150")
			assert.Equal(t, credential.StatusValid, credential.Verify(payload, storetest.Keys(), at).Status,
				"offline, a revoked akta still verifies; only the online status knows")
		})
	}
}

// TestRenderRefuses: a type without a renderer, a document without its
// model or credential, a model that does not decode: typed errors, nothing
// written.
func TestRenderRefuses(t *testing.T) {
	e := storetest.NewEnv(t, sqliteStore)
	reg, err := e.RegisterBirth("r-2", storetest.Today.AddDays(-2), "L")
	require.NoError(t, err)
	good := reg.Documents[0]
	for _, tc := range []struct {
		name  string
		edit  func(d *registry.Document)
		check func(t *testing.T, err error)
	}{
		{"SKLM", func(d *registry.Document) { d.Type = registry.DocSKLM }, func(t *testing.T, err error) {
			var ue *registry.UnsupportedError
			require.ErrorAs(t, err, &ue)
			assert.Equal(t, "render", ue.Op)
			assert.ErrorIs(t, err, registry.ErrUnsupported)
		}},
		{"unknown type", func(d *registry.Document) { d.Type = "SIM" }, func(t *testing.T, err error) {
			assert.ErrorIs(t, err, registry.ErrUnsupported)
		}},
		{"no model", func(d *registry.Document) { d.Model = nil }, func(t *testing.T, err error) {
			var de *render.DocumentError
			require.ErrorAs(t, err, &de)
			assert.ErrorIs(t, err, render.ErrNoModel)
			assert.Equal(t, 1, de.Version)
		}},
		{"no credential", func(d *registry.Document) { d.Payload = "" }, func(t *testing.T, err error) {
			assert.ErrorIs(t, err, render.ErrNoCredential)
		}},
		{"model not JSON", func(d *registry.Document) { d.Model = []byte(`{"type":`) }, func(t *testing.T, err error) {
			var de *render.DocumentError
			require.ErrorAs(t, err, &de)
		}},
		{"model invalid", func(d *registry.Document) {
			d.Model = bytes.Replace(d.Model, []byte(`"name":"Muhammad Rizki Pratama"`), []byte(`"name":""`), 1)
		}, func(t *testing.T, err error) {
			var ve *adminduk.ValidationError
			require.ErrorAs(t, err, &ve)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := good
			d.Model = append([]byte(nil), good.Model...)
			tc.edit(&d)
			for _, write := range []func(*bytes.Buffer) error{
				func(b *bytes.Buffer) error { return render.WritePDF(b, d, render.Options{}) },
				func(b *bytes.Buffer) error { return render.WritePNG(b, d, render.Options{}) },
			} {
				var buf bytes.Buffer
				err := write(&buf)
				require.Error(t, err)
				tc.check(t, err)
				assert.Zero(t, buf.Len(), "nothing written")
			}
		})
	}
}

func BenchmarkWritePDFAkta(b *testing.B) {
	e := storetest.NewEnv(b, sqliteStore)
	reg, err := e.RegisterBirth("b-1", storetest.Today.AddDays(-2), "P")
	require.NoError(b, err)
	d := reg.Documents[0]
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := render.WritePDF(&buf, d, render.Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(buf.Len()))
}
