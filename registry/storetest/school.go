package storetest

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/credential"
	"github.com/adminduk-id/adminduk/kia"
	"github.com/adminduk-id/adminduk/partnership"
	"github.com/adminduk-id/adminduk/registry"
)

// SchoolAgreement returns the agreement of a school (an SD in [Kecamatan])
// for data recording at school and the KIA, in state st from start to end.
func SchoolAgreement(id, partner string, st partnership.State, start, end adminduk.Date) partnership.Agreement {
	a := Agreement(id, partner, st, start, end, partnership.PerekamanSekolah, partnership.AktaKelahiran, partnership.KIA)
	a.Partner.Name, a.Partner.Category = "SD Negeri "+partner, partnership.SD
	return a
}

// Photo returns a plain PNG of the smallest size a KIA accepts.
func Photo(t testing.TB) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, kia.MinPhotoWidth, kia.MinPhotoHeight))
	for i := range img.Pix {
		img.Pix[i] = 0xc0
	}
	img.Set(3, 3, color.Black)
	var b bytes.Buffer
	require.NoError(t, png.Encode(&b, img))
	return b.Bytes()
}

// registerOn registers a birth of birth on day (the clock moves there and
// back to Today).
func registerOn(t *testing.T, e *Env, ref string, day, birth adminduk.Date, sex string) registry.Registration {
	t.Helper()
	// The puskesmas's agreement, in force on day.
	ag := Agreement("pks-1", "pkm-1", partnership.Active, day.AddYears(-1), Today.AddYears(1))
	require.NoError(t, e.Store.PutAgreement(ctx(), &ag, "admin"))
	e.Clock.SetDay(day)
	defer e.Clock.SetDay(Today)
	reg, err := e.RegisterBirth(ref, birth, sex)
	require.NoError(t, err)
	return reg
}

// testSchool runs the school batch cases, each on a fresh store.
func testSchool(t *testing.T, newStore func(t testing.TB) registry.Store) {
	t.Run("Issue", func(t *testing.T) { testSchoolBatch(t, NewEnv(t, newStore)) })
	t.Run("Refused", func(t *testing.T) { testSchoolBatchRefused(t, NewEnv(t, newStore)) })
	t.Run("Concurrent", func(t *testing.T) { testSchoolBatchConcurrent(t, NewEnv(t, newStore)) })
}

// testSchoolBatchConcurrent: batches under different keys racing for the
// same child issue its KIA once; the others find it or fail with
// ErrConflict, writing nothing.
func testSchoolBatchConcurrent(t *testing.T, e *Env) {
	ag := SchoolAgreement("pks-sd-1", "sd-1", partnership.Active, Today.AddYears(-1), Today.AddYears(1))
	require.NoError(t, e.Store.PutAgreement(ctx(), &ag, "admin"))
	six := registerOn(t, e, "c-six", Today.AddYears(-6), Today.AddYears(-6).AddDays(-1), "L")
	pupils := []registry.Pupil{{NIK: six.NIK.String(), Name: "Ahmad", School: "SD Negeri 1", Photo: Photo(t)}}
	const n = 8
	var wg sync.WaitGroup
	var issued, had, conflicts atomic.Int32
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res, _, err := e.Service.SchoolBatch(ctx(), registry.Submission{PartnerID: "sd-1", IdempotencyKey: fmt.Sprintf("k-%d", i)}, pupils)
			switch {
			case errors.Is(err, registry.ErrConflict):
				conflicts.Add(1)
			case err != nil:
				t.Error(err)
			case len(res.Issued) == 1:
				issued.Add(1)
			case len(res.HasKIA) == 1:
				had.Add(1)
			default:
				t.Errorf("unexpected result %+v", res)
			}
		}()
	}
	wg.Wait()
	assert.Equal(t, int32(1), issued.Load(), "one KIA issued")
	assert.Equal(t, int32(n), issued.Load()+had.Load()+conflicts.Load())
	docs, err := e.Service.Documents(ctx(), Regency, six.ReportID)
	require.NoError(t, err)
	versions := 0
	for _, d := range docs {
		if d.Type == registry.DocKIA {
			versions++
		}
	}
	assert.Equal(t, 2, versions, "the birth's KIA and one from the batches")
}

// testSchoolBatch: a school lists its pupils; the registry issues the KIA of
// those with an akta and no valid KIA (the card from five with the photo;
// listed as needing one without), and lists the others: holding a KIA,
// without akta, ineligible, invalid NIK. The batch is idempotent by key.
func testSchoolBatch(t *testing.T, e *Env) {
	ag := SchoolAgreement("pks-sd-1", "sd-1", partnership.Active, Today.AddYears(-1), Today.AddYears(1))
	require.NoError(t, e.Store.PutAgreement(ctx(), &ag, "admin"))

	baby := registerOn(t, e, "s-baby", Today, Today.AddDays(-1), "P")                             // KIA at birth, still valid
	six := registerOn(t, e, "s-six", Today.AddYears(-6), Today.AddYears(-6).AddDays(-1), "L")     // under-5 KIA expired
	seven := registerOn(t, e, "s-seven", Today.AddYears(-7), Today.AddYears(-7).AddDays(-1), "P") // no photo given
	old := registerOn(t, e, "s-old", Today.AddYears(-18), Today.AddYears(-18).AddDays(-1), "L")   // 18: no KIA
	unknown := "6208011507190009"                                                                 // valid NIK, not registered here
	photo := Photo(t)
	pupils := []registry.Pupil{
		{NIK: baby.NIK.String(), Name: "Siti", School: "SD Negeri 1", Class: "PAUD"},
		{NIK: six.NIK.String(), Name: "Ahmad", School: "SD Negeri 1", Class: "1A", Photo: photo},
		{NIK: seven.NIK.String(), Name: "Nur", School: "SD Negeri 1", Class: "2A"},
		{NIK: old.NIK.String(), Name: "Budi", School: "SD Negeri 1", Class: "6A"},
		{NIK: unknown, Name: "Rina", School: "SD Negeri 1", Class: "3B"},
		{NIK: "12345", Name: "Dewi", School: "SD Negeri 1", Class: "3B"},
		{NIK: six.NIK.String(), Name: "Ahmad", School: "SD Negeri 1", Class: "1A"},
	}
	school := registry.Submission{PartnerID: "sd-1", Actor: "guru.ani", IdempotencyKey: "batch-2026-12"}
	res, created, err := e.Service.SchoolBatch(ctx(), school, pupils)
	require.NoError(t, err)
	assert.True(t, created)
	assert.Equal(t, len(pupils), res.Len(), "every pupil is in one list")
	indexes := func(es []registry.SchoolEntry) []int {
		var out []int
		for _, e := range es {
			out = append(out, e.Index)
		}
		return out
	}
	assert.Equal(t, []int{1}, indexes(res.Issued))
	assert.Equal(t, []int{0}, indexes(res.HasKIA))
	assert.Equal(t, []int{2}, indexes(res.NeedsPhoto))
	assert.Equal(t, []int{3}, indexes(res.Ineligible))
	assert.Equal(t, []int{4}, indexes(res.NoAkta), "the report of children without akta")
	assert.Equal(t, []int{5, 6}, indexes(res.InvalidNIK))
	assert.Equal(t, adminduk.CodeDuplicate, res.InvalidNIK[1].Problem.Code)
	assert.Equal(t, "/pupils/2/photo", res.NeedsPhoto[0].Problem.Pointer.String())
	assert.Equal(t, adminduk.CodeRange, res.Ineligible[0].Problem.Code)
	assert.ErrorIs(t, res.Ineligible[0].Problem, adminduk.ErrOutOfRange)
	assert.Equal(t, kia.Under5, res.HasKIA[0].Kind)
	assert.Equal(t, 1, res.HasKIA[0].Version)

	issued := res.Issued[0]
	assert.Equal(t, kia.From5, issued.Kind)
	assert.Equal(t, 2, issued.Version, "the next version of the child's KIA")
	born := six.NIK.BirthDate()
	assert.Equal(t, adminduk.MustDate(born.Year()+17, born.Month(), born.Day()).AddDays(-1), issued.ValidUntil)

	// Stored with the birth report: version 2 active, version 1 replaced.
	docs, err := e.Service.Documents(ctx(), Regency, six.ReportID)
	require.NoError(t, err)
	var kias []registry.Document
	for _, d := range docs {
		if d.Type == registry.DocKIA {
			kias = append(kias, d)
		}
	}
	require.Len(t, kias, 2)
	assert.Equal(t, registry.DocReplaced, kias[0].Status)
	assert.Equal(t, 2, kias[1].Version)
	assert.Equal(t, registry.DocActive, kias[1].Status)
	st, err := e.Service.DocumentStatus(ctx(), registry.DocKIA, six.NIK.String())
	require.NoError(t, err)
	assert.Equal(t, 2, st.CurrentVersion)
	v := credential.Verify(kias[1].Payload, Keys(), Today.In(adminduk.WIB).Add(12*time.Hour))
	require.Equal(t, credential.StatusValid, v.Status, "%v", v.Err)
	assert.Equal(t, six.NIK.String(), v.Claims.Document.Number)

	// Replay: the same result, nothing written; another list under the key
	// is a conflict.
	again, created, err := e.Service.SchoolBatch(ctx(), school, pupils)
	require.NoError(t, err)
	assert.False(t, created)
	assert.Equal(t, res, again)
	docs2, err := e.Service.Documents(ctx(), Regency, six.ReportID)
	require.NoError(t, err)
	assert.Len(t, docs2, len(docs))
	_, _, err = e.Service.SchoolBatch(ctx(), school, pupils[:2])
	var ce *registry.ConflictError
	require.ErrorAs(t, err, &ce)
	assert.ErrorIs(t, err, registry.ErrConflict)
	assert.Equal(t, "batch_key", ce.Field)

	// A second batch with the photo issues the 7-year-old's card; the
	// 6-year-old now holds one.
	res2, _, err := e.Service.SchoolBatch(ctx(), registry.Submission{PartnerID: "sd-1", IdempotencyKey: "batch-2026-12b"},
		[]registry.Pupil{{NIK: seven.NIK.String(), Name: "Nur", School: "SD Negeri 1", Photo: photo},
			{NIK: six.NIK.String(), Name: "Ahmad", School: "SD Negeri 1"}})
	require.NoError(t, err)
	assert.Equal(t, []int{0}, indexes(res2.Issued))
	assert.Equal(t, []int{1}, indexes(res2.HasKIA))
	assert.Equal(t, 2, res2.HasKIA[0].Version)
	audit, err := e.Store.Audit(ctx(), Regency, "batch-2026-12")
	require.NoError(t, err)
	require.Len(t, audit, 1)
	assert.Equal(t, "school_batch.create", audit[0].Action)
}

// testSchoolBatchRefused: a partner outside the education group, an expired
// school agreement and an invalid list write nothing.
func testSchoolBatchRefused(t *testing.T, e *Env) {
	reg := registerOn(t, e, "r-six", Today.AddYears(-6), Today.AddYears(-6).AddDays(-1), "L")
	pupils := []registry.Pupil{{NIK: reg.NIK.String(), Name: "Ahmad", School: "SD Negeri 1", Photo: Photo(t)}}
	_, _, err := e.Service.SchoolBatch(ctx(), registry.Submission{PartnerID: "pkm-1", IdempotencyKey: "k"}, pupils)
	var fe *registry.ForbiddenError
	require.ErrorAs(t, err, &fe, "a puskesmas is not a school")
	assert.ErrorIs(t, err, registry.ErrForbidden)

	ag := SchoolAgreement("pks-sd-2", "sd-2", partnership.Active, Today.AddYears(-2), Today.AddDays(-1))
	require.NoError(t, e.Store.PutAgreement(ctx(), &ag, "admin"))
	_, _, err = e.Service.SchoolBatch(ctx(), registry.Submission{PartnerID: "sd-2", IdempotencyKey: "k"}, pupils)
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, registry.ReasonExpired, fe.Reason)

	ag = SchoolAgreement("pks-sd-3", "sd-3", partnership.Active, Today.AddYears(-1), Today.AddYears(1))
	require.NoError(t, e.Store.PutAgreement(ctx(), &ag, "admin"))
	for _, c := range []struct {
		name     string
		key      string
		pupils   []registry.Pupil
		pointers []string
	}{
		{"no key", "", pupils, []string{"/batch_key"}},
		{"no pupils", "k", nil, []string{"/pupils"}},
		{"no name or school", "k", []registry.Pupil{{NIK: reg.NIK.String()}}, []string{"/pupils/0/name", "/pupils/0/school"}},
		{"too many", "k", make([]registry.Pupil, registry.MaxSchoolBatch+1), nil},
	} {
		_, _, err := e.Service.SchoolBatch(ctx(), registry.Submission{PartnerID: "sd-3", IdempotencyKey: c.key}, c.pupils)
		var ve *adminduk.ValidationError
		require.ErrorAs(t, err, &ve, c.name)
		for _, p := range c.pointers {
			found := false
			for _, f := range ve.Fields {
				found = found || f.Pointer.String() == p
			}
			assert.True(t, found, "%s: %s", c.name, p)
		}
	}
	docs, err := e.Service.Documents(ctx(), Regency, reg.ReportID)
	require.NoError(t, err)
	assert.Len(t, docs, 2, "nothing issued")
	_, err = e.Store.SchoolBatch(ctx(), Regency, "sd-3", "k")
	assert.ErrorIs(t, err, registry.ErrNotFound)
}
