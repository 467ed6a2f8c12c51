package registry_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/credential"
	"github.com/adminduk-id/adminduk/akta"
	"github.com/adminduk-id/adminduk/kia"
	"github.com/adminduk-id/adminduk/partnership"
	"github.com/adminduk-id/adminduk/registry"
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

// TestSeedWorkflow is the seed workflow of issue 11: a puskesmas under an
// active PKS notifies a birth into a family whose card the registry holds;
// the officer verifies and registers: the baby's NIK (kecamatan, birth date,
// serial), the akta (LU), the KK's new version with the baby, the KIA
// (under 5, valid to the 5th birthday), each with a QR that `adminduk
// verify` accepts; the documents are issued and handed to the father. A
// report 61 days after the birth gets LT; a partner whose PKS expired
// yesterday is refused and nothing is written.
func TestSeedWorkflow(t *testing.T) {
	ctx := context.Background()
	e := storetest.NewEnv(t, sqliteStore)
	today := storetest.Today
	// The family's card as SIAK holds it (version 1): complete, so its next
	// version can be printed.
	v1, err := e.Service.ImportFamily(ctx, storetest.FamilyCard(), "petugas.dewi")
	require.NoError(t, err)

	sub := registry.Submission{PartnerID: "pkm-1", Actor: "bidan.rina", IdempotencyKey: "k-1"}
	birth := today.AddDays(-2)
	rep, created, err := e.Service.NotifyBirth(ctx, sub, storetest.Birth("PKM-1", birth, "L"))
	require.NoError(t, err)
	require.True(t, created)
	assert.Equal(t, registry.StatusNotified, rep.Status)
	_, err = e.Service.Verify(ctx, storetest.Regency, rep.ID, "petugas.dewi")
	require.NoError(t, err)
	reg, err := e.Service.Register(ctx, storetest.Regency, rep.ID, "petugas.dewi")
	require.NoError(t, err)
	nik := reg.NIK.String()
	assert.Equal(t, "620801", nik[:6], "kecamatan of the family's address")
	assert.Equal(t, "011226", nik[6:12], "birth date, no +40 for a boy")
	assert.Equal(t, "0001", nik[12:], "first serial")
	assert.Equal(t, adminduk.Male, reg.NIK.Sex())
	assert.Equal(t, birth, reg.NIK.BirthDate())
	assert.Equal(t, "6208-LU-03122026-0001", reg.Akta.String())

	// Three documents: the akta, the KIA and the KK's version 2.
	require.Len(t, reg.Documents, 3)
	aktaDoc, kiaDoc, kkDoc := reg.Documents[0], reg.Documents[1], reg.Documents[2]
	assert.Equal(t, registry.DocAktaKelahiran, aktaDoc.Type)
	assert.Equal(t, reg.Akta.String(), aktaDoc.Number)
	assert.Equal(t, registry.DocKIA, kiaDoc.Type)
	assert.Equal(t, nik, kiaDoc.Number)
	assert.Equal(t, registry.DocKK, kkDoc.Type)
	assert.Equal(t, storetest.FamilyKK, kkDoc.Number)
	assert.Equal(t, v1.Version+1, kkDoc.Version, "the KK's new version")
	var card akta.Family
	require.NoError(t, json.Unmarshal(kkDoc.Model, &card))
	baby, ok := card.Member(reg.NIK)
	require.True(t, ok, "the baby is on the new KK")
	assert.Equal(t, akta.RelChild, baby.Relationship)
	assert.Len(t, card.Members, len(v1.Card.Members)+1)
	old, err := e.Service.FamilyVersion(ctx, storetest.Regency, v1.Number, 1)
	require.NoError(t, err)
	assert.Equal(t, registry.DocReplaced, old.Status)

	c, err := kia.DecodeCard(kiaDoc.Model, kia.DecodeOptions{})
	require.NoError(t, err)
	dec, err := kia.Rules{}.Decide(c.Child(), c.IssuedAt)
	require.NoError(t, err)
	assert.Equal(t, kia.Under5, dec.Kind)
	fifth := adminduk.MustDate(birth.Year()+5, birth.Month(), birth.Day())
	assert.Equal(t, fifth, dec.ValidUntil, "valid to the 5th birthday")
	assert.Equal(t, storetest.FamilyKK, c.KK.String())

	// Every QR verifies offline, with the CLI as a verifier would run it.
	at := reg.At.Add(time.Hour)
	for _, d := range reg.Documents {
		res := credential.Verify(d.Payload, storetest.Keys(), at)
		require.Equal(t, credential.StatusValid, res.Status, "%s: %v", d.Type, res.Err)
	}
	cli := admindukCLI(t)
	jwks := writeJWKS(t)
	for _, d := range reg.Documents {
		out := cliVerify(t, cli, jwks, at, d.Payload)
		require.Len(t, out, 1, "%s", d.Type)
		assert.Equal(t, "valid", out[0].Status, "%s: %s", d.Type, out[0].Error)
		assert.Equal(t, string(d.Type), out[0].Claims.Document.Type)
		assert.Equal(t, d.Number, out[0].Claims.Document.Number)
		assert.Equal(t, storetest.FamilyKK, out[0].Claims.Document.KKNumber)
	}
	// The printed KIA: its QR read from the PNG.
	var png bytes.Buffer
	require.NoError(t, render.WritePNG(&png, kiaDoc, render.Options{}))
	pngFile := filepath.Join(t.TempDir(), "kia.png")
	require.NoError(t, os.WriteFile(pngFile, png.Bytes(), 0o600))
	out := cliVerify(t, cli, jwks, at, "--image", pngFile)
	require.Len(t, out, 1)
	assert.Equal(t, "valid", out[0].Status, out[0].Error)
	assert.Equal(t, nik, out[0].Claims.Document.Number)
	assert.Equal(t, strings.ReplaceAll(fifth.String(), "-", ""), out[0].Claims.Document.ValidUntil)

	// Issued, then handed to the father.
	_, err = e.Service.Act(ctx, storetest.Regency, rep.ID, registry.ActIssue, "petugas.dewi", "")
	require.NoError(t, err)
	h, err := e.Service.HandOver(ctx, storetest.Regency, rep.ID, "petugas.dewi", "Ahmad Fauzi", "ayah")
	require.NoError(t, err)
	assert.Equal(t, []registry.DocumentRef{aktaDoc.Ref(), kiaDoc.Ref(), kkDoc.Ref()}, h.Documents)
	hs, err := e.Service.HandOvers(ctx, storetest.Regency, rep.ID)
	require.NoError(t, err)
	require.Len(t, hs, 1)
	assert.Equal(t, "Ahmad Fauzi", hs[0].Receiver)
	got, err := e.Service.Report(ctx, storetest.Regency, rep.ID)
	require.NoError(t, err)
	assert.Equal(t, registry.StatusHandedOver, got.Status)

	lateBirth := storetest.Birth("PKM-2", today.AddDays(-61), "P")
	storetest.OtherMother(lateBirth) // another family: not a birth 59 days before the first one's
	late, _, err := e.Service.NotifyBirth(ctx, registry.Submission{PartnerID: "pkm-1"}, lateBirth)
	require.NoError(t, err)
	assert.True(t, late.Flags.Has(registry.FlagLate))
	_, err = e.Service.Verify(ctx, storetest.Regency, late.ID, "petugas.dewi")
	require.NoError(t, err)
	reg, err = e.Service.Register(ctx, storetest.Regency, late.ID, "petugas.dewi")
	require.NoError(t, err)
	assert.Equal(t, "6208-LT-03122026-0002", reg.Akta.String())
	assert.Equal(t, adminduk.Female, reg.NIK.Sex())
	assert.Equal(t, "4", reg.NIK.String()[6:7], "day +40 for a girl")

	expired := storetest.Agreement("pks-old", "bidan-ani", partnership.Active, today.AddYears(-2), today.AddDays(-1))
	require.NoError(t, e.Store.PutAgreement(ctx, &expired, "admin"))
	_, _, err = e.Service.NotifyBirth(ctx, registry.Submission{PartnerID: "bidan-ani", IdempotencyKey: "k-1"},
		storetest.Birth("BPM-1", today.AddDays(-1), "L"))
	var fe *registry.ForbiddenError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, registry.ReasonExpired, fe.Reason)
	assert.Equal(t, today.AddDays(-1), fe.Date)
	assert.Contains(t, err.Error(), "agreement expired on 2026-12-02")
	rs, err := e.Service.Reports(ctx, registry.Filter{Office: storetest.Regency, PartnerID: "bidan-ani"})
	require.NoError(t, err)
	assert.Empty(t, rs, "nothing written for the refused partner")
	all, err := e.Service.Reports(ctx, registry.Filter{Office: storetest.Regency})
	require.NoError(t, err)
	assert.Len(t, all, 2)
}

// admindukCLI builds cmd/adminduk once per test into a temporary directory.
func admindukCLI(t *testing.T) string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		goTool = filepath.Join(runtime.GOROOT(), "bin", "go")
	}
	bin := filepath.Join(t.TempDir(), "adminduk")
	cmd := exec.Command(goTool, "build", "-o", bin, "./cmd/adminduk")
	cmd.Dir = ".." // the module root
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "go build ./cmd/adminduk:\n%s", out)
	return bin
}

// writeJWKS writes the fixture office's JWK Set, as the Dinas publishes it.
func writeJWKS(t *testing.T) string {
	t.Helper()
	b, err := json.Marshal(storetest.Keys())
	require.NoError(t, err)
	p := filepath.Join(t.TempDir(), "jwks.json")
	require.NoError(t, os.WriteFile(p, b, 0o600))
	return p
}

// cliResult is the part of a line of `adminduk verify` the tests read.
type cliResult struct {
	Status string `json:"status"`
	Error  string `json:"error"`
	Claims struct {
		Document struct {
			Type       string `json:"type"`
			Number     string `json:"number"`
			KKNumber   string `json:"kk_number"`
			ValidUntil string `json:"valid_until"`
		} `json:"document"`
	} `json:"claims"`
}

// cliVerify runs `adminduk verify --jwks jwks --at at args...` (one
// argument: the credential text) and decodes its JSON lines.
func cliVerify(t *testing.T, bin, jwks string, at time.Time, args ...string) []cliResult {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"verify", "--jwks", jwks, "--at", at.Format(time.RFC3339)}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.Output()
	require.NoError(t, err, "adminduk verify: %s", stderr.String())
	var out []cliResult
	for _, l := range strings.Split(strings.TrimSpace(string(stdout)), "\n") {
		var r cliResult
		require.NoError(t, json.Unmarshal([]byte(l), &r), l)
		out = append(out, r)
	}
	return out
}

// TestReligionUnknown: a faskes that does not know the child's religion may
// report the birth; the report is flagged incomplete and registration issues
// the akta (and the family card) but no KIA, which prints the religion.
func TestReligionUnknown(t *testing.T) {
	ctx := context.Background()
	e := storetest.NewEnv(t, sqliteStore)
	b := storetest.Birth("PKM-R", storetest.Today.AddDays(-2), "P")
	b.Child.Religion = ""
	rep, _, err := e.Service.NotifyBirth(ctx, registry.Submission{PartnerID: "pkm-1"}, b)
	require.NoError(t, err)
	assert.True(t, rep.Flags.Has(registry.FlagIncomplete))
	// A resubmission is flagged by the same rules as the first submission.
	_, err = e.Service.Return(ctx, storetest.Regency, rep.ID, "petugas.dewi", "berat lahir")
	require.NoError(t, err)
	b.Child.WeightG = 3200
	rep, err = e.Service.ResubmitBirth(ctx, storetest.Regency, rep.ID, b, "bidan.rina")
	require.NoError(t, err)
	assert.True(t, rep.Flags.Has(registry.FlagIncomplete), "still no religion")
	_, err = e.Service.Verify(ctx, storetest.Regency, rep.ID, "petugas.dewi")
	require.NoError(t, err)
	reg, err := e.Service.Register(ctx, storetest.Regency, rep.ID, "petugas.dewi")
	require.NoError(t, err)
	require.Len(t, reg.Documents, 1, "the akta; no KIA, and no KK for a card built from the report")
	assert.Equal(t, registry.DocAktaKelahiran, reg.Documents[0].Type)

	b.Child.Religion = "Agama Baru"
	err = b.Validate()
	var ve *adminduk.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.NotNil(t, ve.Field(adminduk.NewPointer("child", "religion")))
}
