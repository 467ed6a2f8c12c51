package registry

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/coverage"
)

// Population is the denominator of coverage an officer imports: children
// per kecamatan and age in completed years, as of a day (a census or
// projection snapshot, or the counts of the coverage synth generator).
type Population struct {
	AsOf   adminduk.Date   `json:"as_of"`
	Source string          `json:"source"` // where the counts come from
	Rows   []PopulationRow `json:"rows"`
}

// PopulationRow is the number of children of one age in one kecamatan.
type PopulationRow struct {
	Kecamatan wilayah.Code `json:"kecamatan"`
	Age       int          `json:"age"` // completed years, 0-120
	Count     int64        `json:"count"`
}

// Validate checks the population for office: a day, a source, at least one
// row, kecamatan codes inside office, ages 0-120, counts not negative, each
// (kecamatan, age) once. It returns every problem as a
// *[adminduk.ValidationError].
func (p *Population) Validate(office wilayah.Code) error {
	c := adminduk.Checker{What: "registry: invalid population"}
	if p.AsOf.IsZero() {
		c.Required(adminduk.NewPointer("as_of"))
	}
	if strings.TrimSpace(p.Source) == "" {
		c.Required(adminduk.NewPointer("source"))
	}
	if len(p.Rows) == 0 {
		c.Required(adminduk.NewPointer("rows"))
	}
	seen := make(map[PopulationRow]bool, len(p.Rows))
	for i, r := range p.Rows {
		at := adminduk.NewPointer("rows").Index(i)
		if !r.Kecamatan.IsValid() || r.Kecamatan.Level() != wilayah.LevelDistrict || !office.Contains(r.Kecamatan) {
			c.AddCode(at.Key("kecamatan"), adminduk.CodeRegion, "kecamatan di luar wilayah Dinas",
				"must be a kecamatan of the office's kab/kota")
		}
		if r.Age < 0 || r.Age > 120 {
			c.AddCode(at.Key("age"), adminduk.CodeRange, "umur harus antara 0 dan 120", "age must be 0-120")
		}
		if r.Count < 0 {
			c.AddCode(at.Key("count"), adminduk.CodeRange, "jumlah tidak boleh negatif", "count must not be negative")
		}
		k := PopulationRow{Kecamatan: r.Kecamatan, Age: r.Age}
		if seen[k] {
			c.AddCode(at, adminduk.CodeDuplicate, "kecamatan dan umur sudah ada", "kecamatan and age given twice")
		}
		seen[k] = true
	}
	return c.Err()
}

// ImportPopulation validates p and stores it as the office's newest
// population (earlier imports are kept); it returns the import number.
func (s *Service) ImportPopulation(ctx context.Context, office wilayah.Code, p *Population, actor string) (int, error) {
	if err := checkActor(actor, "", ActVerify); err != nil {
		return 0, err
	}
	if _, ok := s.offices[office]; !ok {
		return 0, fmt.Errorf("registry: office %s is not run here: %w", office, ErrNotFound)
	}
	if err := p.Validate(office); err != nil {
		return 0, err
	}
	now, _ := s.clock()
	return s.store.ImportPopulation(ctx, office, p, actor, now)
}

// Coverage is the coverage of akta and KIA in a region on a day, computed
// from the registry's own records against the imported population.
type Coverage struct {
	Region         wilayah.Code   `json:"region"`
	AsOf           adminduk.Date  `json:"as_of"`
	PopulationAsOf adminduk.Date  `json:"population_as_of"`
	Akta           CoverageFigure `json:"akta"`
	KIA            CoverageFigure `json:"kia"`
}

// CoverageFigure is one indicator: the counts of the region and of each of
// its kecamatan, with the percent (nil when the population is 0).
type CoverageFigure struct {
	Indicator coverage.Indicator  `json:"indicator"`
	Ages      coverage.AgeRange   `json:"ages"`
	Counts    coverage.Counts     `json:"counts"`
	Percent   *coverage.Percent   `json:"percent"`
	Kecamatan []KecamatanCoverage `json:"kecamatan"`
}

// KecamatanCoverage is an indicator in one kecamatan.
type KecamatanCoverage struct {
	Kecamatan wilayah.Code      `json:"kecamatan"`
	Counts    coverage.Counts   `json:"counts"`
	Percent   *coverage.Percent `json:"percent"`
}

// KIAUnderFiveAges is the age range of the KIA coverage the registry
// reports by default: the newborns' KIA it issues is the under-5 kind.
var KIAUnderFiveAges = coverage.AgeRange{From: 0, To: 5}

// Coverage computes, from the registry's records, the children of region (a
// kab/kota the service runs or one of its kecamatan) holding an active akta
// kelahiran among children of [coverage.DefaultAktaAges] (0-17) and an
// active KIA among children of [KIAUnderFiveAges] (0-4) on day asOf, against
// the newest imported [Population]. Both sides are SQL aggregations (GROUP
// BY kecamatan); no record is loaded. A percent above 100 is reported, never
// clamped. Without an imported population it fails with ErrNotFound.
func (s *Service) Coverage(ctx context.Context, region wilayah.Code, asOf adminduk.Date) (Coverage, error) {
	return s.CoverageFor(ctx, region, asOf, coverage.DefaultAktaAges, KIAUnderFiveAges)
}

// CoverageFor is [Service.Coverage] with the age ranges of the akta and the
// KIA indicators given.
func (s *Service) CoverageFor(ctx context.Context, region wilayah.Code, asOf adminduk.Date, aktaAges, kiaAges coverage.AgeRange) (Coverage, error) {
	c := adminduk.Checker{What: "registry: invalid coverage query"}
	if !region.IsValid() || (region.Level() != wilayah.LevelRegency && region.Level() != wilayah.LevelDistrict) {
		c.AddCode(adminduk.NewPointer("region"), adminduk.CodeRegion, "harus kab/kota atau kecamatan", "must be a kab/kota or a kecamatan")
	}
	if asOf.IsZero() {
		c.Required(adminduk.NewPointer("as_of"))
	}
	for _, a := range []struct {
		p string
		r coverage.AgeRange
	}{{"akta_ages", aktaAges}, {"kia_ages", kiaAges}} {
		if err := a.r.Validate(); err != nil {
			c.Add(adminduk.FieldError{Pointer: adminduk.NewPointer(a.p), Code: adminduk.CodeRange,
				Indonesian: "rentang umur tidak sah", English: "invalid age range", Cause: err})
		}
	}
	if err := c.Err(); err != nil {
		return Coverage{}, err
	}
	office := region.Regency()
	if _, ok := s.offices[office]; !ok {
		return Coverage{}, fmt.Errorf("registry: office %s is not run here: %w", office, ErrNotFound)
	}
	out := Coverage{Region: region, AsOf: asOf}
	var err error
	if out.Akta, out.PopulationAsOf, err = s.figure(ctx, office, region, asOf, coverage.Akta, aktaAges, DocAktaKelahiran); err != nil {
		return Coverage{}, err
	}
	if out.KIA, _, err = s.figure(ctx, office, region, asOf, coverage.KIA, kiaAges, DocKIA); err != nil {
		return Coverage{}, err
	}
	return out, nil
}

func (s *Service) figure(ctx context.Context, office, region wilayah.Code, asOf adminduk.Date,
	ind coverage.Indicator, ages coverage.AgeRange, t DocType) (CoverageFigure, adminduk.Date, error) {
	pop, popAsOf, err := s.store.PopulationCounts(ctx, office, region, ages.From, ages.To)
	if err != nil {
		return CoverageFigure{}, popAsOf, err
	}
	// Age in [From, To) on asOf <=> born in (asOf - To years, asOf - From years].
	born, bornTo := asOf.AddYears(-ages.To).AddDays(1), asOf.AddYears(-ages.From)
	with, err := s.store.ChildrenWithDocument(ctx, office, region, t, born, bornTo, asOf)
	if err != nil {
		return CoverageFigure{}, popAsOf, err
	}
	keys := make([]wilayah.Code, 0, len(pop)+len(with))
	for k := range pop {
		keys = append(keys, k)
	}
	for k := range with {
		if _, ok := pop[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.SortFunc(keys, func(a, b wilayah.Code) int { return a.Compare(b) })
	f := CoverageFigure{Indicator: ind, Ages: ages}
	for _, k := range keys {
		n := coverage.Counts{Required: pop[k], With: with[k]}
		f.Counts = f.Counts.Add(n)
		f.Kecamatan = append(f.Kecamatan, KecamatanCoverage{Kecamatan: k, Counts: n, Percent: percent(n)})
	}
	f.Percent = percent(f.Counts)
	return f, popAsOf, nil
}

func percent(c coverage.Counts) *coverage.Percent {
	p, ok := c.Percent()
	if !ok {
		return nil
	}
	return &p
}

// PopulationFromRecords reads person records in the CSV of package coverage
// ([coverage.Columns], as the coverage synth generator writes them) and
// returns the population of children under 18 per kecamatan of domicile and
// age in completed years on asOf, for [Service.ImportPopulation]. Only the
// counts are kept, never a record; rows coverage cannot read are skipped by
// its rules and reported in the returned report's Errors.
func PopulationFromRecords(r io.Reader, asOf adminduk.Date, source string) (*Population, *coverage.Report, error) {
	bands := make([]int, 18)
	for i := range bands {
		bands[i] = i
	}
	agg, err := coverage.NewAggregator(coverage.AggregateOptions{AsOf: asOf, AktaAges: coverage.AgeRange{From: 0, To: 18}, Bands: bands})
	if err != nil {
		return nil, nil, fmt.Errorf("registry: population: %w", err)
	}
	if err := agg.ReadCSV(r); err != nil {
		return nil, nil, fmt.Errorf("registry: population: %w", err)
	}
	rep, err := agg.Report(wilayah.LevelDistrict)
	if err != nil {
		return nil, nil, fmt.Errorf("registry: population: %w", err)
	}
	p := &Population{AsOf: asOf, Source: source}
	for _, reg := range rep.Regions {
		m := reg.Measure(coverage.Akta)
		if m == nil {
			continue
		}
		for _, b := range m.Bands {
			for age := b.Ages.From; age < b.Ages.To; age++ {
				if b.Ages.To-b.Ages.From != 1 {
					return nil, rep, fmt.Errorf("registry: population: age band %s is not one year", b.Ages)
				}
				p.Rows = append(p.Rows, PopulationRow{Kecamatan: reg.Code, Age: age, Count: b.Required})
			}
		}
	}
	return p, rep, nil
}
