package coverage

import (
	"bufio"
	"hash/fnv"
	"io"
	"math/bits"
	"math/rand/v2"
	"strconv"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
)

// SynthOptions configure [Synthesize].
type SynthOptions struct {
	// Regency is the kab/kota to populate; its current kecamatan
	// (wilayah.Children) get the children, its population (PopulationOf)
	// sizes them.
	Regency wilayah.Code
	// Seed makes the output: the same options give the same bytes.
	Seed uint64
	// AsOf is the reference date of the population; required.
	AsOf adminduk.Date
	// Rows is how many children to write; 0 means the kab/kota's estimated
	// children of the ages written (about 30 % of its population).
	Rows int64
	// Ages is how many years of age to write, from 0; 0 means 19 (0-18:
	// one year past the akta range, so that the range's edge is exercised).
	Ages int
	// AktaLevel and KIALevel are the coverage the population is drawn
	// around; 0 means the published figure for Sukamara (62.08: 95.24 %,
	// 70.48 %) and Serang (36.04: 94.83 %, 46.53 %), else 92 % and 55 %.
	AktaLevel, KIALevel Percent
	// Clean leaves out the imperfections drawn by default: 0.3 % of rows
	// whose birth date was corrected after the NIK was issued, and 2 % of
	// akta before 2012 without a registration date.
	Clean bool
}

// SynthSummary says what [Synthesize] wrote.
type SynthSummary struct {
	Rows                int64
	Districts           []wilayah.Code
	AktaLevel, KIALevel Percent
}

// seedLevels are the published coverage levels of the seed regencies.
var seedLevels = map[string][2]Percent{"62.08": {9524, 7048}, "36.04": {9483, 4653}}

// Synthesize writes a synthetic population of children of a kab/kota as CSV
// with the header [Columns], deterministically from the seed (PCG from
// math/rand/v2, mapped to numbers by this package so the bytes do not
// depend on the library's sampling methods). It streams: memory does not
// grow with Rows.
//
// The model, for demos and benchmarks (not a forecast):
//   - kecamatan sizes: weights uniform in 0.5-1.5, the first kecamatan
//     (usually the seat) doubled;
//   - age structure: each younger cohort 0.5 % smaller (births in Indonesia
//     declined slowly), children 0-17 about 28.5 % of the population;
//     boys 105 for 100 girls (sex ratio at birth); birth dates uniform
//     within each age year;
//   - akta: a level per kecamatan within ±4 points of AktaLevel, school
//     ages a little more often (PKS with schools); a child whose drawn
//     registration date is after the reference date is not registered yet
//     (so infants are less often registered);
//     registered within 60 days for 35 % of 2007 births rising 5 points a
//     year to 85 %, else within a year for half, else on any day from the
//     first birthday to half a year past the reference date (a backlog
//     being cleared, which gives the projection a pace);
//   - KIA: only with an akta; a level per kecamatan within ±12 points of
//     KIALevel; newborns and primary-school ages more often (faskes and
//     school PKS); issued with the akta for half the newborns;
//   - NIK: first registered in the kecamatan of domicile for 95 %,
//     elsewhere in the kab/kota for 5 %; serials counted per region, date
//     and sex.
func Synthesize(w io.Writer, o SynthOptions) (SynthSummary, error) {
	s, err := newSynth(o)
	if err != nil {
		return SynthSummary{}, err
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	line := make([]byte, 0, 128)
	line = append(line, "nik,birth_date,sex,district,has_akta,akta_registered,has_kia,kia_issued\n"...)
	if _, err := bw.Write(line); err != nil {
		return SynthSummary{}, err
	}
	for d := range s.districts {
		for age := range s.ages {
			for range s.count[d][age] {
				line, err = s.child(line[:0], d, age)
				if err != nil {
					return SynthSummary{}, err
				}
				if _, err := bw.Write(line); err != nil {
					return SynthSummary{}, err
				}
			}
		}
	}
	if err := bw.Flush(); err != nil {
		return SynthSummary{}, err
	}
	return s.summary, nil
}

type synth struct {
	o         SynthOptions
	rng       *rand.Rand
	asOf      adminduk.Date
	ages      int
	districts []wilayah.Code
	keys      []uint32  // ppkkcc of each kecamatan
	count     [][]int64 // [district][age] children
	aktaLevel []float64 // per kecamatan
	kiaLevel  []float64 // per kecamatan
	aktaAge   []float64 // per age: relative chance of an akta
	kiaAge    []float64 // per age: relative chance of a KIA
	serials   map[uint64]uint16
	summary   SynthSummary
}

func newSynth(o SynthOptions) (*synth, error) {
	if o.Regency.Level() != wilayah.LevelRegency {
		return nil, invalid("regency", adminduk.CodeInvalid, quote(o.Regency.String())+" is not a kab/kota code", quote(o.Regency.String())+" bukan kode kab/kota", nil)
	}
	pop, ok := PopulationOf(o.Regency)
	if !ok {
		return nil, invalid("regency", adminduk.CodeRegion, "no population figure for "+o.Regency.String(), "tidak ada angka penduduk untuk "+o.Regency.String(), ErrNotFound)
	}
	if o.AsOf.IsZero() {
		return nil, invalid("as_of", adminduk.CodeRequired, "no reference date", "tanggal acuan kosong", nil)
	}
	if o.Ages == 0 {
		o.Ages = 19
	}
	if o.Ages < 1 || o.Ages > 40 || o.Rows < 0 {
		return nil, invalid("synth", adminduk.CodeRange, "want 1-40 ages and a non-negative row count", "seharusnya 1-40 umur dan jumlah baris tidak negatif", nil)
	}
	lv, known := seedLevels[pop.Code.String()]
	if !known {
		lv = [2]Percent{9200, 5500}
	}
	if o.AktaLevel == 0 {
		o.AktaLevel = lv[0]
	}
	if o.KIALevel == 0 {
		o.KIALevel = lv[1]
	}
	for _, p := range []Percent{o.AktaLevel, o.KIALevel} {
		if err := ValidateTarget(p); err != nil {
			return nil, err
		}
	}
	h := fnv.New64a()
	h.Write([]byte(pop.Code.String()))
	s := &synth{o: o, rng: rand.New(rand.NewPCG(o.Seed, h.Sum64())), asOf: o.AsOf, ages: o.Ages,
		serials: map[uint64]uint16{}}
	for _, r := range wilayah.Children(pop.Code) {
		if r.Current() {
			s.districts = append(s.districts, r.Code)
			s.keys = append(s.keys, districtKey(r.Code))
		}
	}
	if len(s.districts) == 0 {
		return nil, invalid("regency", adminduk.CodeRegion, "no current kecamatan under "+pop.Code.String(), "tidak ada kecamatan yang berlaku di bawah "+pop.Code.String(), ErrNotFound)
	}
	// Age weights: each younger cohort 0.5 % smaller than the 18-year-olds.
	ageW := make([]float64, s.ages)
	var sumW017 float64
	for a := range ageW {
		ageW[a] = 1 - 0.005*float64(18-a)
		if a < 18 {
			sumW017 += ageW[a]
		}
	}
	if sumW017 == 0 {
		sumW017 = 17.145
	}
	unit := 0.285 / sumW017 // share of the population in a cohort of weight 1
	rows := o.Rows
	if rows == 0 {
		var share float64
		for _, w := range ageW {
			share += w * unit
		}
		rows = int64(float64(pop.Total)*share + 0.5)
	}
	distW := make([]float64, len(s.districts))
	for i := range distW {
		distW[i] = 0.5 + s.float()
	}
	distW[0] *= 2
	// Split rows over kecamatan x age by largest remainder: exact total.
	cells := make([]float64, 0, len(distW)*s.ages)
	var tot float64
	for _, dw := range distW {
		for _, aw := range ageW {
			cells = append(cells, dw*aw)
			tot += dw * aw
		}
	}
	counts := apportion(rows, cells, tot)
	s.count = make([][]int64, len(s.districts))
	for d := range s.districts {
		s.count[d] = counts[d*s.ages : (d+1)*s.ages]
	}
	al, kl := o.AktaLevel.Float64()/100, o.KIALevel.Float64()/100
	for range s.districts {
		s.aktaLevel = append(s.aktaLevel, clamp(al+(s.float()-0.5)*0.08, 0.3, 0.998))
		s.kiaLevel = append(s.kiaLevel, clamp(kl+(s.float()-0.5)*0.24, 0.02, 0.97))
	}
	// Relative chances by age, normalised over the age weights so the
	// levels hold on average.
	s.aktaAge, s.kiaAge = make([]float64, s.ages), make([]float64, s.ages)
	var ma, wa, mk, wk float64
	for a := range s.ages {
		switch {
		case a == 0:
			s.aktaAge[a], s.kiaAge[a] = 0.95, 1.1
		case a < 5:
			s.aktaAge[a], s.kiaAge[a] = 0.97, 0.8
		case a < 7:
			s.aktaAge[a], s.kiaAge[a] = 1.0, 1.0
		case a < 13:
			s.aktaAge[a], s.kiaAge[a] = 1.02, 1.15
		default:
			s.aktaAge[a], s.kiaAge[a] = 1.01, 0.95
		}
		if a < 18 {
			ma += s.aktaAge[a] * ageW[a]
			wa += ageW[a]
		}
		if a < 17 {
			mk += s.kiaAge[a] * ageW[a]
			wk += ageW[a]
		}
	}
	for a := range s.ages {
		s.aktaAge[a] /= ma / wa
		s.kiaAge[a] /= mk / wk
	}
	s.summary = SynthSummary{Rows: rows, Districts: s.districts, AktaLevel: o.AktaLevel, KIALevel: o.KIALevel}
	return s, nil
}

// apportion splits n over weights in proportion, by largest remainder, so
// the parts sum to n exactly; ties go to the earlier cell.
func apportion(n int64, w []float64, tot float64) []int64 {
	out := make([]int64, len(w))
	rem := make([]float64, len(w))
	var given int64
	for i, x := range w {
		q := float64(n) * x / tot
		out[i] = int64(q)
		rem[i] = q - float64(out[i])
		given += out[i]
	}
	for ; given < n; given++ {
		best := 0
		for i := range rem {
			if rem[i] > rem[best] {
				best = i
			}
		}
		out[best]++
		rem[best] = -1
	}
	return out
}

func clamp(x, lo, hi float64) float64 { return min(max(x, lo), hi) }

// float returns a uniform float64 in [0, 1) from 53 bits.
func (s *synth) float() float64 { return float64(s.rng.Uint64()>>11) / (1 << 53) }

// intn returns a uniform integer in [0, n) (Lemire's multiply; the slight
// bias for huge n does not matter here).
func (s *synth) intn(n int64) int64 {
	if n <= 0 {
		return 0
	}
	hi, _ := bits.Mul64(s.rng.Uint64(), uint64(n))
	return int64(hi)
}

// child appends one CSV line for a child of kecamatan d and age.
func (s *synth) child(b []byte, d, age int) ([]byte, error) {
	// Birth date uniform in (asOf - (age+1) years, asOf - age years].
	hiD := s.asOf.AddMonths(-12 * age)
	loD := s.asOf.AddMonths(-12 * (age + 1))
	birth := adminduk.FromDayNumber(loD.DaysSinceEpoch() + 1 + int(s.intn(int64(loD.DaysUntil(hiD)))))
	female := s.intn(205) >= 105
	region := s.keys[d]
	if s.float() < 0.05 && len(s.keys) > 1 {
		region = s.keys[s.intn(int64(len(s.keys)))]
	}
	y, m, dd := birth.Year(), int(birth.Month()), birth.Day()
	if female {
		dd += 40
	}
	sk := uint64(region)<<32 | uint64(y%100*10000+m*100+dd)
	serial := s.serials[sk] + 1
	if serial > 9999 {
		return nil, invalid("rows", adminduk.CodeRange, "more than 9,999 children of one kecamatan, birth date and sex: too many rows", "lebih dari 9.999 anak dengan kecamatan, tanggal lahir dan jenis kelamin yang sama: terlalu banyak baris", ErrRange)
	}
	s.serials[sk] = serial
	b = strconv.AppendUint(b, uint64(region), 10)
	b = append(b, byte('0'+dd/10), byte('0'+dd%10), byte('0'+m/10), byte('0'+m%10), byte('0'+y%100/10), byte('0'+y%10),
		byte('0'+serial/1000), byte('0'+serial/100%10), byte('0'+serial/10%10), byte('0'+serial%10), ',')
	shown := birth
	if !s.o.Clean && s.float() < 0.003 { // corrected after the NIK was issued
		shown = birth.AddDays(1 + int(s.intn(20)))
		if shown.After(s.asOf) {
			shown = birth
		}
	}
	b = shown.AppendTo(b)
	if female {
		b = append(b, ",P,"...)
	} else {
		b = append(b, ",L,"...)
	}
	b = appendDistrict(b, s.keys[d])
	age2 := shown.YearsAt(s.asOf)
	hasAkta := s.float() < clamp(s.aktaLevel[d]*s.aktaAge[min(age, len(s.aktaAge)-1)], 0, 0.999)
	var akta adminduk.Date
	if hasAkta {
		akta = s.registration(shown)
		hasAkta = !akta.After(s.asOf) // else not registered yet
	}
	if hasAkta {
		b = append(b, ",1,"...)
		if !s.o.Clean && shown.Year() < 2012 && s.float() < 0.02 {
			akta = adminduk.Date{} // an old akta whose date was not migrated
		} else {
			b = akta.AppendTo(b)
		}
	} else {
		b = append(b, ",0,"...)
	}
	hasKIA := false
	if hasAkta && age2 < 17 {
		p := s.kiaLevel[d] * s.kiaAge[age] / s.aktaLevel[d]
		hasKIA = s.float() < clamp(p, 0, 0.999)
	}
	if hasKIA {
		b = append(b, ",1,"...)
		from := akta
		if from.IsZero() {
			from = shown
		}
		kia := from
		if !(age == 0 && s.float() < 0.5) {
			kia = from.AddDays(int(s.intn(int64(from.DaysUntil(s.asOf)) + 1)))
		}
		b = kia.AppendTo(b)
	} else {
		b = append(b, ",0,"...)
	}
	return append(b, '\n'), nil
}

// registration draws the registration date of an akta for a child born on
// birth; a date after the reference date means "not registered yet".
func (s *synth) registration(birth adminduk.Date) adminduk.Date {
	onTime := clamp(0.35+0.05*float64(birth.Year()-2007), 0.35, 0.85)
	var delay int64
	switch u := s.float(); {
	case u < onTime:
		delay = s.intn(61)
	case u < onTime+(1-onTime)/2:
		delay = 61 + s.intn(304)
	default:
		// Later: any day from the first birthday to half a year past the
		// reference date (a backlog still being cleared, by school and
		// jemput bola drives).
		left := int64(birth.DaysUntil(s.asOf))
		delay = 365 + s.intn(max(1, left-365+183))
	}
	return birth.AddDays(int(delay))
}

func appendDistrict(b []byte, key uint32) []byte {
	p, k, c := key/10000, key/100%100, key%100
	return append(b, byte('0'+p/10), byte('0'+p%10), '.', byte('0'+k/10), byte('0'+k%10), '.', byte('0'+c/10), byte('0'+c%10))
}
