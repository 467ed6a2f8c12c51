package coverage_test

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/coverage"
)

// Sukamara's press release of August 2023 prints 65.24 % for 18,726 of
// 19,662 children: the counts give 95.24 %.
func ExampleFigures_Check() {
	claim := coverage.MustParseClaimedPercent("65,24 %")
	target := coverage.MustParsePercent("98")
	r, err := coverage.Figures{Required: 19662, With: 18726, Claimed: &claim, Target: &target}.Check()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Percent, "|", r.Percent.In(adminduk.Indonesian))
	fmt.Println("need", r.Need, "gap", r.Gap, "meets", r.Meets, "consistent", r.Consistent())
	for _, w := range r.Warnings {
		fmt.Println(w.Kind, coverage.Percent(w.Stated), "->", coverage.Percent(w.Computed))
		fmt.Println(w)
	}
	// Output:
	// 95.24 % | 95,24 %
	// need 19269 gap 543 meets false consistent false
	// claimed_percent 65.24 % -> 95.24 %
	// claimed 65.24 %, but 18,726 of 19,662 is 95.24 % (one digit differs: a typo?)
}

// Serang's KIA figures: 238,357 with and 273,870 without make 512,227, not
// the 512,217 required.
func ExampleFigures_Check_withWithout() {
	target := coverage.MustParsePercent("50")
	r, _ := coverage.Figures{Label: "KIA 0-17 Serang", Required: 512217, With: 238357, Without: new(int64(273870)), Target: &target}.Check()
	fmt.Println(r.Percent, "gap", r.Gap)
	fmt.Println(r.Warnings[0])
	// Output:
	// 46.53 % gap 17752
	// KIA 0-17 Serang: with 238,357 + without 273,870 = 512,227, not the 512,217 required (off by 10)
}

func ExamplePercentOf() {
	for _, c := range [][2]int64{{489382, 516047}, {1, 32}, {1, 40000}, {1012, 1000}} {
		p, _ := coverage.PercentOf(c[0], c[1])
		fmt.Println(p, p.In(adminduk.Indonesian))
	}
	_, err := coverage.PercentOf(5, 0)
	fmt.Println(errors.Is(err, coverage.ErrInvalid))
	// Output:
	// 94.83 % 94,83 %
	// 3.13 % 3,13 %
	// 0.00 % 0,00 %
	// 101.20 % 101,20 %
	// true
}

func ExampleCounts_Gap() {
	serang := coverage.Counts{Required: 516047, With: 489382}
	fmt.Println(serang.Need(9800), serang.Gap(9800), serang.Meets(9800))
	// 97,996 of 100,000 shows as 98.00 % but does not meet 98 %.
	c := coverage.Counts{Required: 100000, With: 97996}
	p, _ := c.Percent()
	fmt.Println(p, c.Gap(9800), c.Meets(9800))
	// Output:
	// 505727 16345 false
	// 98.00 % 4 false
}

func ExampleTargets_For() {
	ts := coverage.DefaultTargets()
	for _, y := range []int{2017, 2023, 2025} {
		t, _ := ts.For(coverage.Akta, y)
		fmt.Println("akta", y, t.Percent, "from", t.Year, t.Confidence)
	}
	t, _ := ts.With(coverage.Target{Indicator: coverage.KIA, Year: 2025, Percent: 8000, Source: "Renstra"}).For(coverage.KIA, 2025)
	fmt.Println("kia 2025", t.Percent, t.Source)
	// Output:
	// akta 2017 80.00 % from 2017 M
	// akta 2023 98.00 % from 2023 M
	// akta 2025 98.00 % from 2024 M
	// kia 2025 80.00 % Renstra
}

func ExampleCheckTotal() {
	w, bad := coverage.CheckTotal("health PKS Serang", 46,
		coverage.Part{Label: "rumah sakit", N: 8}, coverage.Part{Label: "klinik", N: 2},
		coverage.Part{Label: "bidan", N: 12}, coverage.Part{Label: "puskesmas", N: 25})
	fmt.Println(bad, w.Stated, w.Computed)
	// Output:
	// true 46 47
}

func ExampleAggregator() {
	csv := `nik,birth_date,sex,district,has_akta,akta_registered,has_kia,kia_issued
6208011503200001,2020-03-15,L,62.08.01,1,2020-04-01,1,2021-01-10
6208014112240001,2024-12-01,P,62.08.01,0,,0,
6208020107080001,2008-07-01,L,62.08.02,1,2015-01-05,0,
6208011503200002,2023-02-30,L,62.08.01,1,,0,
`
	a, err := coverage.NewAggregator(coverage.AggregateOptions{AsOf: adminduk.MustDate(2025, 6, 30)})
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := a.ReadCSV(strings.NewReader(csv)); err != nil {
		fmt.Println(err)
		return
	}
	rep, _ := a.Report(wilayah.LevelDistrict)
	for _, r := range append(rep.Regions, rep.Total) {
		p, _ := r.Akta.Percent()
		fmt.Println(r.Code, r.Name, r.Akta.Required, r.Akta.With, p, "gap", r.Akta.TargetGap())
	}
	for _, e := range rep.Errors {
		fmt.Println(e)
	}
	// Output:
	// 62.08.01 Sukamara 2 1 50.00 % gap 1
	// 62.08.02 Jelai 1 1 100.00 % gap 0
	//  Total 3 2 66.67 % gap 1
	// coverage: line 5: birth_date "2023-02-30": want a calendar date YYYY-MM-DD
}

func ExampleProject() {
	from := coverage.Snapshot{Date: adminduk.MustDate(2023, 12, 31), Counts: coverage.Counts{Required: 510000, With: 471455}}
	to := coverage.Snapshot{Date: adminduk.MustDate(2024, 12, 31), Counts: coverage.Counts{Required: 516047, With: 489382}}
	p, _ := coverage.Project(from, to, 9800)
	fmt.Println(p.GapFrom, "->", p.GapTo, "closing", p.PerMonth, "a month:", p.Status, p.Date)
	// Output:
	// 28345 -> 16345 closing 998 a month: on_track 2026-05-14
}

func ExampleSynthesize() {
	s, err := coverage.Synthesize(os.Stdout, coverage.SynthOptions{Regency: wilayah.MustParseCode("62.08"), Seed: 1,
		AsOf: adminduk.MustDate(2025, 6, 30), Rows: 3})
	fmt.Println(s.Rows, len(s.Districts), s.AktaLevel, err)
	// Output:
	// nik,birth_date,sex,district,has_akta,akta_registered,has_kia,kia_issued
	// 6208012403090001,2009-03-24,L,62.08.01,1,2009-05-18,0,
	// 6208015009070001,2007-09-10,P,62.08.01,1,2021-05-30,0,
	// 6208012501070001,2007-01-25,L,62.08.01,1,2007-03-03,0,
	// 3 5 95.24 % <nil>
}

func ExampleIndicator_Text() {
	for _, i := range coverage.Indicators {
		fmt.Printf("%s: %s / %s\n", i, i.Text(adminduk.Indonesian), i.Text(adminduk.English))
	}
	// Output:
	// akta: Akta kelahiran / Birth certificate
	// kia: KIA / Child ID card (KIA)
}
