package partnership

import (
	"testing"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// serangParts are the health parts Kabupaten Serang published for 2023-2024.
var serangParts = []Subtotal{{"rumah_sakit", 8}, {"klinik", 2}, {"bidan", 12}, {"puskesmas", 25}}

// TestCheckTotalSerang: "46 PKS" whose listed parts sum to 47 is flagged.
func TestCheckTotalSerang(t *testing.T) {
	err := CheckSubtotals("health PKS 2023-2024", 46, serangParts...)
	require.ErrorIs(t, err, ErrInconsistent)
	var te *TotalError
	require.ErrorAs(t, err, &te)
	assert.Equal(t, 46, te.Stated)
	assert.Equal(t, 47, te.Sum)
	assert.Equal(t, serangParts, te.Parts)
	assert.Equal(t, "partnership: health PKS 2023-2024: stated total 46, but its parts sum to 47 (rumah_sakit 8 + klinik 2 + bidan 12 + puskesmas 25)", err.Error())
	assert.NoError(t, CheckSubtotals("health PKS 2023-2024", 47, serangParts...))
	assert.NoError(t, CheckSubtotals("nothing", 0))
}

// TestReportSerang is the report on the Serang-like data set on 31 December
// 2024: its health agreements by category are 8 + 2 + 12 + 25 = 47, and the
// published total of 46 is flagged both against its published breakdown and
// against the data.
func TestReportSerang(t *testing.T) {
	im := readSerang(t)
	r, err := NewReport(im.Agreements, ReportOptions{
		AsOf:         adminduk.MustParseDate("2024-12-31"),
		StatedTotals: []StatedTotal{{Label: "health PKS 2023-2024", Total: 46, Parts: serangParts, Group: GroupHealth}},
	})
	require.NoError(t, err)

	assert.Equal(t, 8, r.ByCategory[RumahSakit])
	assert.Equal(t, 2, r.ByCategory[Klinik])
	assert.Equal(t, 12, r.ByCategory[Bidan], "the terminated 13th bidan does not count")
	assert.Equal(t, 25, r.ByCategory[Puskesmas])
	assert.Equal(t, 47, r.InForce(GroupHealth))
	assert.Equal(t, 16, r.ByCategory[TempatWisata])
	assert.Equal(t, 2, r.InForce(GroupEducation))
	assert.Equal(t, 65, r.InForce(0))
	assert.Len(t, r.ByCategory, len(Categories()), "every category has an entry")
	assert.Equal(t, map[int]int{2020: 1, 2022: 1, 2023: 35, 2024: 32}, r.ByYear)

	var totals []string
	for _, w := range r.Warnings {
		if w.Kind == WarnStatedTotal {
			totals = append(totals, w.Msg)
		}
	}
	assert.Equal(t, []string{
		"health PKS 2023-2024 (as published): stated total 46, but its parts sum to 47 (rumah_sakit 8 + klinik 2 + bidan 12 + puskesmas 25)",
		"health PKS 2023-2024 in force on 2024-12-31: stated total 46, but its parts sum to 47 (rumah_sakit 8 + klinik 2 + bidan 12 + puskesmas 25)",
	}, totals)

	// Expiring within 60 days, soonest first; the one with a signed
	// successor is not due for renewal.
	var expiring []string
	for _, it := range r.Expiring {
		expiring = append(expiring, it.Agreement.Number)
		assert.Equal(t, Active, it.Status)
	}
	assert.Equal(t, []string{"470/001/PKS-DKP/2022", "470/001/PKS-DKP/2023", "470/017/PKS-DKP/2023", "470/027/PKS-DKP/2023"}, expiring)
	assert.Equal(t, 1, r.Expiring[0].DaysLeft)
	due := RenewalDue(im.Agreements, r.AsOf, 60)
	require.Len(t, due, 3)
	assert.Equal(t, "470/001/PKS-DKP/2023", due[0].Number)

	// Statuses: derived from the dates, the recorded ones checked.
	status := map[string]State{}
	for _, it := range r.Items {
		status[it.Agreement.Number] = it.Status
	}
	assert.Equal(t, Expired, status["470/001/PKS-DKP/2020"], "recorded active, ended 2022")
	assert.Equal(t, Signed, status["470/032/PKS-DKP/2024"], "the renewal starts 2025-01-02")
	assert.Equal(t, Terminated, status["470/020/PKS-DKP/2023"])
	kinds := map[WarningKind][]string{}
	for _, w := range r.Warnings {
		kinds[w.Kind] = append(kinds[w.Kind], w.Number)
	}
	assert.Equal(t, []string{"470/001/PKS-DKP/2020"}, kinds[WarnStatusMismatch])
	assert.Equal(t, []string{"470/001/PKS-DKP/2020"}, kinds[WarnRenewalGap], "31 days between the clinic's agreements")
	assert.Equal(t, []string{"470/001/PKS-DKP/2023", "470/017/PKS-DKP/2023", "470/027/PKS-DKP/2023"}, kinds[WarnRenewalDue])

	// Targets and the roll-out gap.
	require.Len(t, r.Targets, 3)
	assert.Equal(t, CountTargetResult{Target: DefaultCountTargets()[0], Year: 2023, Count: 8, Met: true}, r.Targets[0])
	assert.Equal(t, CountTargetResult{Target: DefaultCountTargets()[0], Year: 2024, Count: 8, Met: true}, r.Targets[1])
	health := r.Targets[2]
	assert.Equal(t, wilayah.MustParseCode("36.04"), health.Region)
	assert.False(t, health.Met)
	assert.Equal(t, 27, health.Count)
	assert.Equal(t, 29, health.Of)
	assert.Equal(t, []wilayah.Code{wilayah.MustParseCode("36.04")}, r.Regions)
	var gap []string
	for _, u := range r.Uncovered {
		gap = append(gap, u.Code.String()+" "+u.Name)
	}
	assert.Equal(t, []string{"36.04.32 Mancak", "36.04.33 Gunungsari"}, gap)
	assert.Equal(t, r.Uncovered, health.Missing)
}

func TestReportDatesMove(t *testing.T) {
	im := readSerang(t)
	// On 2 January 2025 the RSU Harapan Sehat renewal is in force and its
	// predecessor has lapsed: still 8 hospitals.
	r, err := NewReport(im.Agreements, ReportOptions{AsOf: adminduk.MustParseDate("2025-01-02"), Targets: []CountTarget{}})
	require.NoError(t, err)
	assert.Equal(t, 8, r.ByCategory[RumahSakit])
	assert.Empty(t, r.Targets)
	// On 9 January RSIA Permata Bunda has lapsed, unrenewed.
	r, err = NewReport(im.Agreements, ReportOptions{AsOf: adminduk.MustParseDate("2025-01-09"), Within: 10})
	require.NoError(t, err)
	assert.Equal(t, 7, r.ByCategory[RumahSakit])
	assert.Equal(t, 10, r.Within)
	assert.Empty(t, r.Expiring)
	// Mid-2024, the year's KIA-benefit target is not over yet.
	r, err = NewReport(im.Agreements, ReportOptions{AsOf: adminduk.MustParseDate("2024-03-01")})
	require.NoError(t, err)
	assert.Equal(t, CountTargetResult{Target: DefaultCountTargets()[0], Year: 2024, Count: 1, Partial: true}, r.Targets[1])
}

func TestReportOptions(t *testing.T) {
	_, err := NewReport(nil, ReportOptions{})
	assert.ErrorIs(t, err, ErrInvalid)
	_, err = NewReport(nil, ReportOptions{AsOf: adminduk.MustParseDate("2024-01-01"), Within: -1})
	assert.ErrorIs(t, err, ErrInvalid)
	_, err = NewReport(nil, ReportOptions{AsOf: adminduk.MustParseDate("2024-01-01"), Targets: []CountTarget{{Name: "x", Kind: PerYear}}})
	assert.ErrorIs(t, err, ErrInvalid)
	r, err := NewReport(nil, ReportOptions{AsOf: adminduk.MustParseDate("2024-01-01")})
	require.NoError(t, err)
	assert.Equal(t, DefaultWithin, r.Within)
	assert.Empty(t, r.Items)
	// No agreement: the KIA-benefit target still reports the current year.
	require.Len(t, r.Targets, 1)
	assert.Equal(t, 2024, r.Targets[0].Year)
	assert.True(t, r.Targets[0].Partial)
}

func TestTargetValidate(t *testing.T) {
	for _, tg := range []CountTarget{
		{Kind: PerYear, Min: 1},
		{Name: "x", Min: 1},
		{Name: "x", Kind: PerYear},
		{Name: "x", Kind: PerYear, Min: 1, Service: 99},
		{Name: "x", Kind: EveryDistrict, Min: 1, Region: wilayah.MustParseCode("36.04.05")},
	} {
		assert.ErrorIs(t, tg.Validate(), ErrInvalid, "%+v", tg)
	}
	for _, tg := range DefaultCountTargets() {
		assert.NoError(t, tg.Validate())
	}
}

func TestEvaluateCustomTargets(t *testing.T) {
	im := readSerang(t)
	d := adminduk.MustParseDate("2024-12-31")
	res, err := Evaluate(im.Agreements, d, []CountTarget{
		{Name: "two_puskesmas_each", Kind: EveryDistrict, Min: 2, Category: Puskesmas, Region: wilayah.MustParseCode("36.04")},
		{Name: "schools", Kind: PerYear, Min: 1, Group: GroupEducation, Since: 2024},
	}, nil)
	require.NoError(t, err)
	require.Len(t, res, 2)
	assert.Equal(t, 0, res[0].Count)
	assert.Len(t, res[0].Missing, 29)
	assert.Equal(t, CountTargetResult{Target: res[1].Target, Year: 2024, Count: 2, Met: true}, res[1])
}

func TestQueries(t *testing.T) {
	im := readSerang(t)
	as := im.Agreements
	d := adminduk.MustParseDate("2024-12-31")
	assert.Len(t, ActiveOn(as, d), 65)
	assert.Len(t, ExpiringWithin(as, d, 60), 4)
	assert.Len(t, ExpiringWithin(as, d, 0), 0)
	assert.Len(t, ExpiringWithin(as, d, 1), 1)
	assert.Equal(t, 8, CountByCategory(as, d)[RumahSakit])
	assert.Equal(t, map[int]int{2020: 1, 2022: 1, 2023: 35, 2024: 32}, CountByYear(as))

	rs := "rumah_sakit/36.04.09/rsu harapan sehat"
	assert.True(t, MayUse(as, rs, AktaKematian, d))
	assert.True(t, MayUse(as, rs, AktaKematian, adminduk.MustParseDate("2025-06-01")), "through the renewal")
	assert.False(t, MayUse(as, rs, AktaKematian, adminduk.MustParseDate("2027-01-02")), "after the renewal's end")
	assert.False(t, MayUse(as, rs, KIABenefit, d), "not in scope")
	assert.False(t, MayUse(as, "bidan/36.04.35/bidan neneng hasanah", KIA, d), "terminated")
	assert.False(t, MayUse(as, "nobody", KIA, d))

	chain, err := Chain(as, "470/032/PKS-DKP/2024")
	require.NoError(t, err)
	require.Len(t, chain, 2)
	assert.Equal(t, "470/001/PKS-DKP/2022", chain[0].Number)

	gap := Uncovered(as, wilayah.MustParseCode("36.04"), d, GroupHealth)
	assert.Len(t, gap, 2)
	assert.Len(t, Uncovered(as, wilayah.MustParseCode("36.04"), d, 0), 1, "a tourism site covers Gunungsari for group 0")
	assert.Nil(t, Uncovered(as, wilayah.MustParseCode("36.04.05"), d, 0), "not a kab/kota")
}

// TestRetiredDistrictCountsForSuccessor: a partner registered under Merauke's
// old code 91.01.01 covers 93.01.01, whichever code the kab/kota is asked by.
func TestRetiredDistrictCountsForSuccessor(t *testing.T) {
	a := puskesmas("m1")
	a.Partner.District = wilayah.MustParseCode("91.01.01")
	require.NoError(t, a.Validate())
	as := []Agreement{a}
	d := adminduk.MustParseDate("2024-06-01")
	for _, reg := range []string{"93.01", "91.01"} {
		gap := Uncovered(as, wilayah.MustParseCode(reg), d, GroupHealth)
		require.NotEmpty(t, gap)
		assert.NotEqual(t, "93.01.01", gap[0].Code.String(), reg)
		assert.Equal(t, "93.01", gap[0].Code.Regency().String(), reg)
	}
	r, err := NewReport(as, ReportOptions{AsOf: d})
	require.NoError(t, err)
	assert.Equal(t, []wilayah.Code{wilayah.MustParseCode("93.01")}, r.Regions)
}

func TestValidate(t *testing.T) {
	ok := puskesmas("v")
	require.NoError(t, ok.Validate())
	for _, tc := range []struct {
		field adminduk.Pointer
		code  adminduk.Code
		edit  func(*Agreement)
	}{
		{"/number", adminduk.CodeRequired, func(a *Agreement) { a.Number = " " }},
		{"/partner/name", adminduk.CodeRequired, func(a *Agreement) { a.Partner.Name = "" }},
		{"/partner/category", adminduk.CodeRequired, func(a *Agreement) { a.Partner.Category = 0 }},
		{"/partner/district", adminduk.CodeRequired, func(a *Agreement) { a.Partner.District = wilayah.Code{} }},
		{"/partner/district", adminduk.CodeInvalid, func(a *Agreement) { a.Partner.District = wilayah.MustParseCode("36.04") }},
		{"/partner/district", adminduk.CodeRegion, func(a *Agreement) { a.Partner.District = wilayah.MustParseCode("36.04.99") }},
		{"/scope/services", adminduk.CodeRequired, func(a *Agreement) { a.Scope.Services = 0 }},
		{"/scope/benefit", adminduk.CodeNotAllowed, func(a *Agreement) { a.Scope.Benefit.Percent = 10 }},
		{"/scope/benefit/percent", adminduk.CodeRange, func(a *Agreement) { a.Scope.Services = ServicesOf(KIABenefit); a.Scope.Benefit.Percent = 101 }},
		{"/state", adminduk.CodeRequired, func(a *Agreement) { a.State = 0 }},
		{"/signed", adminduk.CodeRequired, func(a *Agreement) { a.Signed = adminduk.Date{} }},
		{"/start", adminduk.CodeRequired, func(a *Agreement) { a.Start = adminduk.Date{} }},
		{"/end", adminduk.CodeRequired, func(a *Agreement) { a.End = adminduk.Date{} }},
		{"/end", adminduk.CodeOrder, func(a *Agreement) { a.End = adminduk.MustParseDate("2023-01-01") }},
		{"/successor", adminduk.CodeInvalid, func(a *Agreement) { a.Successor = a.ID }},
	} {
		a := puskesmas("v")
		tc.edit(&a)
		err := a.Validate()
		var ve *adminduk.ValidationError
		require.ErrorAs(t, err, &ve, tc.field)
		require.Len(t, ve.Fields, 1, "%v", err)
		fe := ve.Fields[0]
		assert.Equal(t, tc.field, fe.Pointer)
		assert.Equal(t, tc.code, fe.Code, tc.field)
		assert.NotEmpty(t, fe.Indonesian)
		assert.NotEmpty(t, fe.English)
		assert.NotEqual(t, fe.Indonesian, fe.English, tc.field)
		assert.ErrorIs(t, err, ErrInvalid)
		assert.ErrorIs(t, err, adminduk.ErrInvalid)
	}
}

// Validate reports every problem of an agreement at once, in field order,
// and Warnings what is accepted but worth a look.
func TestValidateEveryProblem(t *testing.T) {
	a := puskesmas("v")
	a.Number, a.Partner.Name, a.Scope.Services, a.End = "", "", 0, adminduk.MustParseDate("2023-01-01")
	err := a.Validate()
	var ve *adminduk.ValidationError
	require.ErrorAs(t, err, &ve)
	var got []adminduk.Pointer
	for _, f := range ve.Fields {
		got = append(got, f.Pointer)
	}
	assert.Equal(t, []adminduk.Pointer{"/number", "/partner/name", "/scope/services", "/end"}, got)
	var fe *adminduk.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, adminduk.Pointer("/number"), fe.Pointer)
	assert.Equal(t, "partnership: invalid agreement: /number: no agreement number; /partner/name: no name; /scope/services: no services; "+
		"/end: 2023-01-01 is before start 2024-01-01", err.Error())

	var v adminduk.Validator = &a
	assert.Empty(t, v.Warnings())
	b := puskesmas("w")
	b.Signed = b.Start.AddDays(3)
	b.Scope.Services = b.Scope.Services.With(KIABenefit)
	ws := b.Warnings()
	var ptrs []adminduk.Pointer
	for _, w := range ws {
		ptrs = append(ptrs, w.Pointer)
		assert.NotEmpty(t, w.Message(adminduk.Indonesian))
	}
	assert.Subset(t, ptrs, []adminduk.Pointer{"/signed", "/scope/services"})
}

func TestStatusOn(t *testing.T) {
	a := puskesmas("s")
	for day, want := range map[string]State{"2023-12-31": Signed, "2024-01-01": Active, "2025-12-31": Active, "2026-01-01": Expired} {
		assert.Equal(t, want, a.StatusOn(adminduk.MustParseDate(day)), day)
	}
	a.State = Suspended
	assert.Equal(t, Suspended, a.StatusOn(adminduk.MustParseDate("2024-06-01")))
	assert.Equal(t, Expired, a.StatusOn(adminduk.MustParseDate("2026-06-01")))
	assert.False(t, a.Permits(KIA, adminduk.MustParseDate("2024-06-01")))
	a.State = Terminated
	_, ok := a.DaysLeft(adminduk.MustParseDate("2024-06-01"))
	assert.False(t, ok)
	a.State = Active
	n, ok := a.DaysLeft(adminduk.MustParseDate("2025-12-01"))
	assert.True(t, ok)
	assert.Equal(t, 30, n)
}
