package akta_test

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/akta"
)

func TestBirthLate(t *testing.T) {
	d := adminduk.MustParseDate
	tests := []struct {
		name              string
		birth, registered adminduk.Date
		days              int
		late              bool
	}{
		{"same day", d("2023-08-25"), d("2023-08-25"), 0, false},
		{"59 days", d("2023-08-25"), d("2023-10-23"), 59, false},
		{"60 days", d("2023-08-25"), d("2023-10-24"), 60, false},
		{"61 days", d("2023-08-25"), d("2023-10-25"), 61, true},
		// Across February of a leap year: 1 Jan + 60 days is 1 March in
		// 2024, 2 March in 2023.
		{"leap 59", d("2024-01-01"), d("2024-02-29"), 59, false},
		{"leap 60", d("2024-01-01"), d("2024-03-01"), 60, false},
		{"leap 61", d("2024-01-01"), d("2024-03-02"), 61, true},
		{"common 59", d("2023-01-01"), d("2023-03-01"), 59, false},
		{"common 60", d("2023-01-01"), d("2023-03-02"), 60, false},
		{"common 61", d("2023-01-01"), d("2023-03-03"), 61, true},
		{"born 29 Feb, 60", d("2024-02-29"), d("2024-04-29"), 60, false},
		{"born 29 Feb, 61", d("2024-02-29"), d("2024-04-30"), 61, true},
		{"century non-leap 2100", d("2100-02-01"), d("2100-04-02"), 60, false},
		{"400-year leap 2000", d("2000-02-01"), d("2000-04-01"), 60, false},
		{"across a year", d("2023-12-01"), d("2024-01-30"), 60, false},
		{"years late", d("2015-05-05"), d("2023-09-01"), 3041, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.days, tt.registered.DaysSince(tt.birth))
			assert.Equal(t, tt.late, akta.BirthLate(tt.birth, tt.registered))

			b := sampleBirth(t)
			b.Child.BirthDate, b.RegisteredAt, b.IssuedAt = tt.birth, tt.registered, tt.registered
			assert.Equal(t, tt.late, b.Late())
			assert.Equal(t, tt.birth.AddDays(60), b.Deadline())
			// The number's type must follow.
			ty, _ := akta.DefaultTypes().For(akta.KindBirth, tt.late)
			b.Number, _ = akta.NewNumber(b.Issuer.Regency, ty, tt.registered, 1)
			b.Child.NIK = nikFor(t, b.Child.BirthDate, adminduk.Female)
			require.NoError(t, b.Validate())
			other, _ := akta.DefaultTypes().For(akta.KindBirth, !tt.late)
			b.Number, _ = akta.NewNumber(b.Issuer.Regency, other, tt.registered, 1)
			assert.Equal(t, []string{"/number:mismatch"}, fieldCodes(t, b.Validate()))
		})
	}
}

func TestDeathLate(t *testing.T) {
	d := adminduk.MustParseDate
	tests := []struct {
		death, registered adminduk.Date
		late              bool
	}{
		{d("2024-03-01"), d("2024-03-30"), false}, // 29 days
		{d("2024-03-01"), d("2024-03-31"), false}, // 30
		{d("2024-03-01"), d("2024-04-01"), true},  // 31
		{d("2024-02-01"), d("2024-03-02"), false}, // 30 across 29 Feb
		{d("2024-02-01"), d("2024-03-03"), true},  // 31
		{d("2023-02-01"), d("2023-03-03"), false}, // 30 in a common year
		{d("2023-02-01"), d("2023-03-04"), true},  // 31
	}
	for _, tt := range tests {
		t.Run(tt.registered.String(), func(t *testing.T) {
			assert.Equal(t, tt.late, akta.DeathLate(tt.death, tt.registered))
			x := sampleDeath(t)
			x.DeathDate, x.RegisteredAt, x.IssuedAt = tt.death, tt.registered, tt.registered
			x.Number, _ = akta.NewNumber(x.Issuer.Regency, akta.TypeDeath, tt.registered, 3)
			assert.Equal(t, tt.late, x.Late())
			// The default table has no late death type: KM is right either way.
			require.NoError(t, x.Validate())
		})
	}
}

func TestDeathLateType(t *testing.T) {
	types, err := akta.DefaultTypes().With(akta.Type{Code: "KMT", Kind: akta.KindDeath, Late: true})
	require.NoError(t, err)
	x := sampleDeath(t)
	x.Number = akta.Number{}
	x.RegisteredAt, x.IssuedAt = adminduk.MustParseDate("2024-04-15"), adminduk.MustParseDate("2024-04-15")
	got, err := x.Register(context.Background(), &akta.MemorySequencer{}, types)
	require.NoError(t, err)
	assert.Equal(t, "3604-KMT-15042024-0001", got.Number.String())
	require.NoError(t, got.Validate())

	// A late-type number on an on-time death is wrong.
	x = sampleDeath(t)
	ty, _ := types.Lookup("KMT")
	x.Number, _ = akta.NewNumber(x.Issuer.Regency, ty, x.RegisteredAt, 7)
	assert.Equal(t, []string{"/number:mismatch"}, fieldCodes(t, x.Validate()))
}

// nikFor returns a valid NIK in Ciruas (36.04.09) encoding date and sex.
func nikFor(t testing.TB, d adminduk.Date, sex adminduk.Sex) adminduk.NIK {
	day := d.Day()
	if sex == adminduk.Female {
		day += 40
	}
	s := "360409" + two(day) + two(int(d.Month())) + two(d.Year()%100) + "0001"
	n, err := adminduk.NewParser(adminduk.Options{AsOf: d}).ParseNIK(s)
	require.NoError(t, err)
	return n
}

func two(n int) string { return string([]byte{byte('0' + n/10), byte('0' + n%10)}) }

func TestBirthValidate(t *testing.T) {
	require.NoError(t, sampleBirth(t).Validate())
	nik := func(s string) adminduk.NIK { return adminduk.MustParseNIK(s) }
	tests := []struct {
		name   string
		change func(b *akta.Birth)
		want   []string
	}{
		{"no father (SPTJM)", func(b *akta.Birth) { b.Father = nil }, nil},
		{"no number", func(b *akta.Birth) { b.Number = akta.Number{} }, []string{"/number:required"}},
		{"legacy number", func(b *akta.Birth) { b.Number = legacyNumber(t, "474.1/1234/2023") }, nil},
		{"death number", func(b *akta.Birth) { b.Number = akta.MustParseNumber("3604-KM-01092023-0001") }, []string{"/number:mismatch"}},
		{"late number on time", func(b *akta.Birth) { b.Number = akta.MustParseNumber("3604-LT-01092023-0001") }, []string{"/number:mismatch"}},
		{"number date", func(b *akta.Birth) { b.Number = akta.MustParseNumber("3604-LU-02092023-0001") }, []string{"/number:mismatch"}},
		{"number office", func(b *akta.Birth) { b.Number = akta.MustParseNumber("3201-LU-01092023-0001") }, []string{"/number:mismatch"}},
		{"empty child", func(b *akta.Birth) { b.Child = akta.Child{} }, []string{
			"/child/nik:required", "/child/name:required", "/child/sex:required", "/child/birth_date:required",
			"/child/birth_place:required", "/child/birth_order:required", "/child/multiplicity:required",
		}},
		{"name with digits", func(b *akta.Birth) { b.Child.Name = "Siti 2" }, []string{"/child/name:invalid"}},
		{"name of one word", func(b *akta.Birth) { b.Child.Name = "Aminah" }, []string{"/child/name:range"}},
		{"name of 61 characters", func(b *akta.Birth) { b.Child.Name = "Siti " + strings.Repeat("a", 56) }, []string{"/child/name:range"}},
		{"name of 60 characters", func(b *akta.Birth) { b.Child.Name = "Siti " + strings.Repeat("a", 55) }, nil},
		{"abbreviated name", func(b *akta.Birth) { b.Child.Name = "M. Rizki Fauzi" }, []string{"/child/name:invalid"}},
		{"single letter", func(b *akta.Birth) { b.Child.Name = "Rizki A Fauzi" }, []string{"/child/name:invalid"}},
		{"hyphen", func(b *akta.Birth) { b.Child.Name = "Siti-Aminah Putri" }, []string{"/child/name:invalid"}},
		{"comma", func(b *akta.Birth) { b.Child.Name = "Siti, Aminah" }, []string{"/child/name:invalid"}},
		{"apostrophe", func(b *akta.Birth) { b.Child.Name = "Nur'aini Putri" }, nil},
		{"parent's name as recorded", func(b *akta.Birth) { b.Mother.Name = "Hj. Nur Halimah" }, nil},
		{"name without letters", func(b *akta.Birth) { b.Child.Name = "..." }, []string{"/child/name:invalid"}},
		{"name too long", func(b *akta.Birth) { b.Child.Name = string(make([]byte, 101)) }, []string{"/child/name:range"}},
		{"name with apostrophe and accents", func(b *akta.Birth) { b.Child.Name = "Ni Luh Ayu D'Souza Müller" }, nil},
		{"birth after registration", func(b *akta.Birth) { b.Child.BirthDate = adminduk.MustParseDate("2023-09-02") }, []string{"/child/birth_date:order"}},
		{"registration after issue", func(b *akta.Birth) { b.IssuedAt = adminduk.MustParseDate("2023-08-31") }, []string{"/issued_at:order"}},
		{"birth order 0", func(b *akta.Birth) { b.Child.BirthOrder = 0 }, []string{"/child/birth_order:required"}},
		{"birth order 31", func(b *akta.Birth) { b.Child.BirthOrder = 31 }, []string{"/child/birth_order:range"}},
		{"birth order -1", func(b *akta.Birth) { b.Child.BirthOrder = -1 }, []string{"/child/birth_order:range"}},
		{"weight", func(b *akta.Birth) { b.Child.WeightGrams = 200 }, []string{"/child/weight_g:range"}},
		{"length", func(b *akta.Birth) { b.Child.LengthMM = 900 }, []string{"/child/length_cm:range"}},
		{"twins", func(b *akta.Birth) { b.Child.Multiplicity = akta.Twins }, nil},
		{"multiplicity 10", func(b *akta.Birth) { b.Child.Multiplicity = 10 }, []string{"/child/multiplicity:range"}},
		{"mother is child", func(b *akta.Birth) { b.Mother.NIK = b.Child.NIK }, []string{"/mother/nik:duplicate"}},
		{"father is mother", func(b *akta.Birth) { b.Father.NIK = b.Mother.NIK }, []string{"/father/nik:duplicate"}},
		{"father without name", func(b *akta.Birth) { b.Father.Name = " " }, []string{"/father/name:required"}},
		{"mother without NIK", func(b *akta.Birth) { b.Mother.NIK = adminduk.NIK{} }, []string{"/mother/nik:required"}},
		{"one witness", func(b *akta.Birth) { b.Witnesses = b.Witnesses[:1] }, []string{"/witnesses:range"}},
		{"surat keterangan lahir, no witnesses", func(b *akta.Birth) { b.Witnesses = nil }, nil},
		{"SPTJM F-2.03, no witnesses", func(b *akta.Birth) { b.Proof = akta.ProofSPTJM; b.Witnesses = nil }, []string{"/witnesses:range"}},
		{"SPTJM F-2.04, no witnesses", func(b *akta.Birth) { b.Parents = akta.ParentsUnrecorded; b.Witnesses = nil }, []string{"/witnesses:range"}},
		{"SPTJM F-2.04, two witnesses", func(b *akta.Birth) { b.Parents = akta.ParentsUnrecorded }, nil},
		{"F-2.04 without father", func(b *akta.Birth) { b.Parents = akta.ParentsUnrecorded; b.Father = nil }, []string{"/father:required"}},
		{"mother only", func(b *akta.Birth) { b.Parents = akta.ParentsMotherOnly; b.Father = nil }, nil},
		{"three witnesses", func(b *akta.Birth) {
			b.Witnesses = append(b.Witnesses, akta.Party{NIK: nik("3604092005850009"), Name: "Joko"})
		}, []string{"/witnesses:range"}},
		{"same witness twice", func(b *akta.Birth) { b.Witnesses[1] = b.Witnesses[0] }, []string{"/witnesses/1/nik:duplicate"}},
		{"witness without name", func(b *akta.Birth) { b.Witnesses[1].Name = "" }, []string{"/witnesses/1/name:required"}},
		{"no reporter", func(b *akta.Birth) { b.Reporter = akta.Party{} }, []string{"/reporter/nik:required", "/reporter/name:required"}},
		{"no issuer", func(b *akta.Birth) { b.Issuer = adminduk.Issuer{}; b.Number = legacyNumber(t, "474.1/1/2023") }, []string{
			"/issuer/regency:required", "/issuer/head_name:required", "/issuer/head_nip:required",
		}},
		{"no dates", func(b *akta.Birth) { b.RegisteredAt, b.IssuedAt = adminduk.Date{}, adminduk.Date{} }, []string{
			"/registered_at:required", "/issued_at:required",
		}},
		{"place with control character", func(b *akta.Birth) { b.Child.BirthPlace = "Serang\x00" }, []string{"/child/birth_place:invalid"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := sampleBirth(t)
			tt.change(b)
			err := b.Validate()
			assert.Equal(t, tt.want, fieldCodes(t, err))
			if tt.want == nil {
				return
			}
			var fe *adminduk.FieldError
			require.ErrorAs(t, err, &fe)
			assert.NotEmpty(t, fe.Indonesian)
			assert.NotEmpty(t, fe.English)
			assert.Contains(t, err.Error(), fe.Pointer)
		})
	}
}

func TestFieldErrorSentinels(t *testing.T) {
	b := sampleBirth(t)
	b.Child.Name = ""
	b.Proof = akta.ProofSPTJM
	b.Witnesses = nil
	b.IssuedAt = adminduk.MustParseDate("2023-01-01")
	err := b.Validate()
	assert.ErrorIs(t, err, akta.ErrRequired)
	assert.ErrorIs(t, err, akta.ErrOutOfRange)
	assert.ErrorIs(t, err, akta.ErrDateOrder)
	assert.NotErrorIs(t, err, akta.ErrDuplicate)
	var ve *adminduk.ValidationError
	require.ErrorAs(t, err, &ve)
	fe := ve.Field("/child/name")
	require.NotNil(t, fe)
	assert.Equal(t, adminduk.CodeRequired, fe.Code)
	assert.Equal(t, "wajib diisi", fe.Indonesian)
	assert.Equal(t, "is required", fe.English)
	assert.Nil(t, ve.Field("nope"))
}

func TestBirthWarnings(t *testing.T) {
	b := sampleBirth(t)
	assert.Empty(t, b.Warnings())
	b.Child.Sex = adminduk.Male
	b.Child.BirthDate = adminduk.MustParseDate("2023-08-24")
	b.Father.Name = "H. Ahmad Fauzi, S.Kom"
	b.Mother.NIK, b.Father.NIK = b.Father.NIK, b.Mother.NIK
	var got []string
	for _, w := range b.Warnings() {
		got = append(got, string(w.Pointer)+":"+string(w.Code))
	}
	assert.Equal(t, []string{
		"/child/nik:mismatch", "/child/nik:mismatch", "/mother/nik:mismatch", "/father/nik:mismatch", "/father/name:invalid",
	}, got)
	assert.Contains(t, b.Warnings()[4].English, "H. S.Kom")
}

func TestBirthRegister(t *testing.T) {
	ctx := context.Background()
	seq := &akta.MemorySequencer{}
	b := sampleBirth(t)
	b.Number = akta.Number{}
	r1, err := b.Register(ctx, seq, nil)
	require.NoError(t, err)
	assert.Equal(t, "3604-LU-01092023-0001", r1.Number.String())
	assert.False(t, b.Number.IsValid(), "the receiver is not changed")
	require.NoError(t, r1.Validate())

	late := sampleBirth(t)
	late.Number = akta.Number{}
	late.Child.BirthDate = adminduk.MustParseDate("2023-06-01")
	r2, err := late.Register(ctx, seq, nil)
	require.NoError(t, err)
	assert.Equal(t, "3604-LT-01092023-0002", r2.Number.String(), "one sequence per office and day")

	bad := sampleBirth(t)
	bad.Child.Name = ""
	_, err = bad.Register(ctx, seq, nil)
	assert.ErrorIs(t, err, akta.ErrRequired)

	// Clone is deep.
	c := r1.Clone()
	c.Father.Name = "X"
	c.Witnesses[0].Name = "Y"
	assert.Equal(t, "Ahmad Fauzi", r1.Father.Name)
	assert.Equal(t, "Budi Santoso", r1.Witnesses[0].Name)
}

func TestDeathValidate(t *testing.T) {
	require.NoError(t, sampleDeath(t).Validate())
	tests := []struct {
		name   string
		change func(d *akta.Death)
		want   []string
	}{
		{"birth number", func(d *akta.Death) { d.Number = akta.MustParseNumber("3604-LU-10032024-0001") }, []string{"/number:mismatch"}},
		{"empty deceased", func(d *akta.Death) { d.Deceased = akta.Deceased{} }, []string{
			"/deceased/name:required", "/deceased/sex:required",
			"/deceased/birth_place:required", "/deceased/birth_date:required",
		}},
		{"born after death", func(d *akta.Death) { d.Deceased.BirthDate = adminduk.MustParseDate("2024-03-02") }, []string{"/deceased/birth_date:order"}},
		{"death after registration", func(d *akta.Death) { d.DeathDate = adminduk.MustParseDate("2024-03-11") }, []string{"/death_date:order"}},
		{"no death date", func(d *akta.Death) { d.DeathDate = adminduk.Date{} }, []string{"/death_date:required"}},
		{"no place", func(d *akta.Death) { d.DeathPlace = "" }, []string{"/death_place:required"}},
		{"no cause", func(d *akta.Death) { d.Cause = 0 }, nil},
		{"no NIK (newborn who died before registration)", func(d *akta.Death) { d.Deceased.NIK = adminduk.NIK{} }, nil},
		{"bad cause", func(d *akta.Death) { d.Cause = 99 }, []string{"/cause:invalid"}},
		{"reporter is deceased", func(d *akta.Death) { d.Reporter.NIK = d.Deceased.NIK }, []string{"/reporter/nik:duplicate"}},
		{"witness is deceased", func(d *akta.Death) { d.Witnesses[0].NIK = d.Deceased.NIK }, []string{"/witnesses/0/nik:duplicate"}},
		{"no parents' names", func(d *akta.Death) { d.Deceased.FatherName, d.Deceased.MotherName = "", "" }, nil},
		{"no witnesses", func(d *akta.Death) { d.Witnesses = nil }, nil},
		{"SPTJM kematian, no witnesses", func(d *akta.Death) { d.Proof = akta.ProofSPTJM; d.Witnesses = nil }, []string{"/witnesses:range"}},
		{"one witness", func(d *akta.Death) { d.Witnesses = d.Witnesses[:1] }, []string{"/witnesses:range"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := sampleDeath(t)
			tt.change(d)
			assert.Equal(t, tt.want, fieldCodes(t, d.Validate()))
		})
	}
}

func TestDeathRegisterAndWarnings(t *testing.T) {
	d := sampleDeath(t)
	// The example's "Haji Abdul Rahman": a title, warned about, not stripped.
	require.Len(t, d.Warnings(), 1)
	assert.Equal(t, adminduk.Pointer("/deceased/name"), d.Warnings()[0].Pointer)
	assert.Contains(t, d.Warnings()[0].English, "Haji")
	d.Deceased.Name = "Abdul Rahman"
	assert.Empty(t, d.Warnings())
	d.Number = akta.Number{}
	seq := &akta.MemorySequencer{}
	seq.Seed(d.Issuer.Regency, d.RegisteredAt, 6)
	got, err := d.Register(context.Background(), seq, nil)
	require.NoError(t, err)
	assert.Equal(t, "3604-KM-10032024-0007", got.Number.String())
	d.Deceased.Sex = adminduk.Female
	require.Len(t, d.Warnings(), 1)
	assert.Equal(t, adminduk.Pointer("/deceased/nik"), d.Warnings()[0].Pointer)
}

func legacyNumber(t *testing.T, s string) akta.Number {
	t.Helper()
	n, err := akta.ParseNumberLegacy(s)
	require.NoError(t, err)
	return n
}

func TestOfficialName(t *testing.T) {
	for in, want := range map[string]string{
		"Drs. H. Ahmad Suhaemi, M.Si.":   "Drs. H. AHMAD SUHAEMI, M.Si.",
		"Dr. Ir. Budi Santoso, S.H., MM": "Dr. Ir. BUDI SANTOSO, S.H., MM",
		"  siti rahma  ":                 "SITI RAHMA",
		"Hj. Nur Aini, S.Kom":            "Hj. NUR AINI, S.Kom",
	} {
		assert.Equal(t, want, akta.OfficialName(in), in)
	}
	for w, want := range map[string]bool{"HAJI": true, "h.": true, "Dr": true, "S.Kom": true, "M.Si.": true, "Ahmad": false, "Siti": false, "": false} {
		assert.Equal(t, want, akta.IsTitle(w), w)
	}
}

// The name rules bind new registrations; an akta registered before
// Permendagri 73/2022 prints again as recorded, with a warning.
func TestChildNameRulesFrom(t *testing.T) {
	b := sampleBirth(t)
	b.Child.Name = "M. Rizki"
	assert.Equal(t, []string{"/child/name:invalid"}, fieldCodes(t, b.Validate()))

	b.Child.BirthDate = adminduk.MustParseDate("2019-07-14")
	b.Child.NIK = adminduk.MustParseNIK("3604091407190003")
	b.RegisteredAt, b.IssuedAt = adminduk.MustParseDate("2019-07-20"), adminduk.MustParseDate("2019-07-20")
	b.Number = akta.MustParseNumber("3604-LU-20072019-0001")
	b.Child.Sex = adminduk.Male
	require.NoError(t, b.Validate())
	var got []string
	for _, w := range b.Warnings() {
		got = append(got, string(w.Pointer)+":"+string(w.Code))
	}
	assert.Contains(t, got, "/child/name:invalid")
}
