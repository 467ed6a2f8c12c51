package storetest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/registry"
)

// PreloadQueue loads n birth reports waiting in the officers' queue into
// st, a [Seeder], in transactions of 5,000, for measurements of the work
// queue and the dashboard with many reports: record i ("queue-%08d",
// from "pkm-1" under "pks-1") is a birth of 1+i%120 days before [Today]
// notified the day after it; every fourth is also verified, and those born
// more than 60 days before they were reported are flagged late, like the
// service flags them. Like [Preload] it checks nothing the Service would and
// indexes no subjects (duplicate rules do not see these reports).
func PreloadQueue(tb testing.TB, st registry.Store, from, n int) {
	tb.Helper()
	seeder, ok := st.(Seeder)
	if !ok {
		tb.Fatalf("storetest: %T cannot bulk-load (no Seed method)", st)
	}
	ctx := context.Background()
	for lo := from; lo < from+n; lo += preloadChunk {
		hi := min(from+n, lo+preloadChunk)
		reports := make([]registry.Report, 0, hi-lo)
		for i := lo; i < hi; i++ {
			r, err := queueRecord(i)
			require.NoError(tb, err)
			reports = append(reports, r)
		}
		require.NoError(tb, seeder.Seed(ctx, reports, nil))
	}
}

func queueRecord(i int) (registry.Report, error) {
	birth := Today.AddDays(-1 - i%120)
	sex := []string{"L", "P"}[i%2]
	ref := fmt.Sprintf("queue-%08d", i)
	b := Birth(ref, birth, sex)
	// A mother of her own, so that the records are no duplicates of each other.
	serial, rest := i%9999+1, i/9999
	b.Mother.NIK = fmt.Sprintf("%s%02d%02d97%04d", Kecamatan.Plain(), rest%28+41, rest/28%12+1, serial)
	b.Mother.BirthDate = fmt.Sprintf("1997-%02d-%02d", rest/28%12+1, rest%28+1)
	body, err := json.Marshal(b)
	if err != nil {
		return registry.Report{}, err
	}
	sum := sha256.Sum256(body)
	// Reported the day after the birth; spread over the seconds of the day so
	// that the queue's order (created_at, id) is total.
	at := birth.AddDays(1).In(adminduk.WIB).Add(8*time.Hour + time.Duration(i%36000)*time.Second).UTC()
	// Half of the reports are 60+ days old when seen from Today: flag those
	// reported "late" the way a late report would be (birth more than 60 days
	// before the report) by moving their report date.
	flags := registry.FlagIncomplete
	if i%120 >= 60 {
		at = Today.In(adminduk.WIB).Add(8*time.Hour+time.Duration(i%36000)*time.Second).AddDate(0, 0, -1).UTC()
		flags |= registry.FlagLate
	}
	r := registry.Report{
		Office: Regency, ID: ref, Kind: registry.KindBirth, PartnerID: "pkm-1", AgreementID: "pks-1", ExternalRef: ref,
		Body: body, BodyHash: hex.EncodeToString(sum[:]), Flags: flags, Status: registry.StatusNotified, Created: at,
		Actions: []registry.Action{{Seq: 1, Type: registry.ActNotify, Actor: "bidan.rina", At: at}},
	}
	if i%4 == 3 {
		r.Status = registry.StatusVerified
		r.Actions = append(r.Actions, registry.Action{Seq: 2, Type: registry.ActVerify, Actor: "officer.dewi", At: at.Add(time.Minute)})
	}
	return r, nil
}
