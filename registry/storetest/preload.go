package storetest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/akta"
	"github.com/adminduk-id/adminduk/registry"
)

// Seeder is a store that bulk-loads registered reports; registry/sqlite and
// registry/postgres both are (sqlstore.Store.Seed).
type Seeder interface {
	Seed(ctx context.Context, reports []registry.Report, regs []registry.Registration) error
}

// PreloadPerDay is how many births of one day [Preload] loads: NIK serials
// up to 2,000 per kecamatan, date and sex, akta serials up to 4,000 a day.
const PreloadPerDay = 4000

// preloadChunk is how many records one transaction of Preload writes.
const preloadChunk = 5000

// Preload loads n registered births into st, a [Seeder], after the records
// from..from+n-1 already loaded (0 for an empty store), in transactions of
// 5,000: record i is a birth reported by "pkm-1" under "pks-1" (the
// agreement of [NewEnvOn]), born 2+i/4000 days before [Today] (a boy for an
// even i, a girl for an odd one), notified, verified and registered the next
// day with its NIK, akta number (LU) and the akta and KIA documents. It
// leaves the day before Today and Today free, the days [BenchRegistration]
// registers on. The documents carry a placeholder of the size of a signed
// credential, not a signature: signing a million would dominate the load
// and the benchmark never reads them.
func Preload(tb testing.TB, st registry.Store, from, n int) {
	tb.Helper()
	seeder, ok := st.(Seeder)
	if !ok {
		tb.Fatalf("storetest: %T cannot bulk-load (no Seed method)", st)
	}
	lu, ok := akta.DefaultTypes().For(akta.KindBirth, false)
	require.True(tb, ok)
	ctx := context.Background()
	for lo := from; lo < from+n; lo += preloadChunk {
		hi := min(from+n, lo+preloadChunk)
		reports := make([]registry.Report, 0, hi-lo)
		regs := make([]registry.Registration, 0, hi-lo)
		for i := lo; i < hi; i++ {
			r, g, err := preloadRecord(i, lu)
			require.NoError(tb, err)
			reports, regs = append(reports, r), append(regs, g)
		}
		require.NoError(tb, seeder.Seed(ctx, reports, regs))
	}
}

func preloadRecord(i int, lu akta.Type) (registry.Report, registry.Registration, error) {
	birth := Today.AddDays(-2 - i/PreloadPerDay)
	day := birth.AddDays(1)
	sex, sx := "L", adminduk.Male
	if i%2 == 1 {
		sex, sx = "P", adminduk.Female
	}
	ref := fmt.Sprintf("seed-%08d", i)
	body, err := json.Marshal(Birth(ref, birth, sex))
	if err != nil {
		return registry.Report{}, registry.Registration{}, err
	}
	sum := sha256.Sum256(body)
	at := day.In(adminduk.WIB).Add(8*time.Hour + time.Duration(i%PreloadPerDay)*time.Second)
	r := registry.Report{
		Office: Regency, ID: ref, Kind: registry.KindBirth, PartnerID: "pkm-1", AgreementID: "pks-1", ExternalRef: ref,
		Body: body, BodyHash: hex.EncodeToString(sum[:]), Flags: registry.FlagIncomplete, Status: registry.StatusRegistered,
		Created: at.UTC(),
		Actions: []registry.Action{
			{Seq: 1, Type: registry.ActNotify, Actor: "bidan.rina", At: at.UTC()},
			{Seq: 2, Type: registry.ActVerify, Actor: "officer.dewi", At: at.Add(time.Millisecond).UTC()},
			{Seq: 3, Type: registry.ActRegister, Actor: "officer.dewi", At: at.Add(2 * time.Millisecond).UTC()},
		},
	}
	nik, err := registry.BuildNIK(Kecamatan, birth, sx, (i%PreloadPerDay)/2+1)
	if err != nil {
		return r, registry.Registration{}, err
	}
	num, err := akta.NewNumber(Regency, lu, day, i%PreloadPerDay+1)
	if err != nil {
		return r, registry.Registration{}, err
	}
	regAt := r.Actions[2].At
	g := registry.Registration{Office: Regency, ReportID: ref, NIK: nik, Akta: num, Registered: day, At: regAt}
	for _, d := range []struct {
		t      registry.DocType
		number string
	}{{registry.DocAktaKelahiran, num.String()}, {registry.DocKIA, nik.String()}} {
		g.Documents = append(g.Documents, registry.Document{Office: Regency, Type: d.t, Number: d.number, Version: 1,
			Status: registry.DocActive, Payload: placeholderPayload(d.number), IssuedAt: regAt, ReportID: ref, ChangedAt: regAt})
	}
	return r, g, nil
}

// placeholderPayload is text of the length of a signed credential (about
// 420 Base45 characters), marked as a placeholder.
func placeholderPayload(number string) string {
	p := "PRELOAD-PLACEHOLDER-" + number + "-"
	return p + strings.Repeat("0", 420-len(p))
}
