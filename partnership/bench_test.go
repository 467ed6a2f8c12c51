package partnership

import (
	"bytes"
	"strconv"
	"testing"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
)

// synthetic returns n agreements spread over the kecamatan of the eight
// kabupaten of Banten and the categories, signed 2021-2024, a few of them
// suspended, terminated or renewed.
func synthetic(n int) []Agreement {
	var districts []wilayah.Code
	for _, reg := range []string{"36.01", "36.02", "36.03", "36.04", "36.71", "36.72", "36.73", "36.74"} {
		for _, k := range wilayah.Children(wilayah.MustParseCode(reg)) {
			districts = append(districts, k.Code)
		}
	}
	cats := Categories()
	scopes := map[Group]Services{
		GroupHealth: ServicesOf(AktaKelahiran, KK, KIA, AktaKematian), GroupEducation: ServicesOf(PerekamanSekolah, KIA),
		GroupBenefit: ServicesOf(KIABenefit), GroupOther: ServicesOf(KIA),
	}
	as := make([]Agreement, n)
	base := adminduk.MustParseDate("2021-01-04")
	for i := range as {
		c := cats[i%len(cats)]
		start := base.AddDays(i * 1400 / n)
		a := Agreement{
			ID: "pks-" + strconv.Itoa(i), Number: "470/" + strconv.Itoa(i) + "/PKS",
			Partner: Partner{ID: "p-" + strconv.Itoa(i/2), Name: "Mitra " + strconv.Itoa(i/2), Category: c, District: districts[i%len(districts)]},
			Scope:   Scope{Services: scopes[c.Group()]},
			Signed:  start.AddDays(-10), Start: start, End: DefaultTerm.End(start), Term: DefaultTerm, State: Signed,
		}
		switch i % 50 {
		case 7:
			a.State = Suspended
		case 13:
			a.State = Terminated
		}
		as[i] = a
	}
	linkRenewals(as, make([]int, n))
	return as
}

func BenchmarkNewReport(b *testing.B) {
	for _, n := range []int{100, 10000} {
		as := synthetic(n)
		opts := ReportOptions{AsOf: adminduk.MustParseDate("2024-06-30"),
			StatedTotals: []StatedTotal{{Label: "health", Total: n / 3, Group: GroupHealth}}}
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := NewReport(as, opts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkReadCSV(b *testing.B) {
	var buf bytes.Buffer
	if err := WriteCSV(&buf, synthetic(10000)); err != nil {
		b.Fatal(err)
	}
	in := buf.Bytes()
	b.Run("10000", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(in)))
		for b.Loop() {
			im, err := ReadCSV(bytes.NewReader(in), CSVOptions{})
			if err != nil || len(im.Errors) > 0 {
				b.Fatal(err, im.Errors)
			}
		}
	})
}

func BenchmarkApply(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Apply(Active, EventSuspend); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAgreementApply(b *testing.B) {
	base := puskesmas("b")
	base.State = Active
	c := change("2024-06-01", "audit")
	b.ReportAllocs()
	for b.Loop() {
		a := base
		if err := a.Apply(EventSuspend, c); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMayUse(b *testing.B) {
	as := synthetic(10000)
	d := adminduk.MustParseDate("2024-06-30")
	partner := as[5000].Partner.ID
	own := []Agreement{as[5000], as[5001]}
	b.Run("partner", func(b *testing.B) { // the registry loads the partner's agreements first
		b.ReportAllocs()
		for b.Loop() {
			MayUse(own, partner, KIA, d)
		}
	})
	b.Run("scan10000", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			MayUse(as, partner, KIA, d)
		}
	})
}
