package registry

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
)

func TestDefaultRulesMatch(t *testing.T) {
	day := adminduk.MustParseDate("2026-12-01")
	mother := func(id string, kind Kind, d adminduk.Date, multiple bool, order int) SubjectKey {
		return SubjectKey{Role: RoleMother, Key: "6208014505980001", ReportID: id, Kind: kind, Day: d, Multiple: multiple, BirthOrder: order}
	}
	rules := map[string]*DuplicateRule{}
	for _, r := range DefaultDuplicateRules() {
		rules[r.Name] = &r
	}
	for _, c := range []struct {
		name string
		rule string
		a, b SubjectKey
		want bool
	}{
		{"same day", RuleSameMotherBirthDate, mother("a", KindBirth, day, false, 1), mother("b", KindBirth, day, false, 1), true},
		{"a day apart", RuleSameMotherBirthDate, mother("a", KindBirth, day, false, 1), mother("b", KindBirth, day.AddDays(-1), false, 1), true},
		{"two days apart", RuleSameMotherBirthDate, mother("a", KindBirth, day, false, 1), mother("b", KindBirth, day.AddDays(2), false, 1), false},
		{"twins", RuleSameMotherBirthDate, mother("a", KindBirth, day, true, 1), mother("b", KindBirth, day, true, 2), false},
		{"twins over midnight", RuleSameMotherBirthDate, mother("a", KindBirth, day, true, 2), mother("b", KindBirth, day.AddDays(-1), true, 1), false},
		{"the same twin", RuleSameMotherBirthDate, mother("a", KindBirth, day, true, 2), mother("b", KindBirth, day, true, 2), true},
		{"twin and single", RuleSameMotherBirthDate, mother("a", KindBirth, day, true, 1), mother("b", KindBirth, day, false, 2), true},
		{"twin stillborn", RuleSameMotherBirthDate, mother("a", KindBirth, day, true, 1), mother("b", KindStillbirth, day, true, 2), false},
		{"itself", RuleSameMotherBirthDate, mother("a", KindBirth, day, false, 1), mother("a", KindBirth, day, false, 1), false},
		{"interval 2 days", RuleBirthInterval, mother("a", KindBirth, day, false, 1), mother("b", KindBirth, day.AddDays(-2), false, 1), true},
		{"interval 273 days", RuleBirthInterval, mother("a", KindBirth, day, false, 1), mother("b", KindBirth, day.AddDays(-273), false, 1), true},
		{"interval 274 days", RuleBirthInterval, mother("a", KindBirth, day, false, 1), mother("b", KindBirth, day.AddDays(-274), false, 1), false},
		{"interval same day is the other rule", RuleBirthInterval, mother("a", KindBirth, day, false, 1), mother("b", KindBirth, day, false, 1), false},
		{"interval after a stillbirth", RuleBirthInterval, mother("a", KindBirth, day, false, 1), mother("b", KindStillbirth, day.AddDays(-60), false, 1), true},
		{"external ref, same kind", RuleSameExternalRef,
			SubjectKey{Role: RoleExternalRef, Key: "X", ReportID: "a", Kind: KindBirth, Day: day},
			SubjectKey{Role: RoleExternalRef, Key: "X", ReportID: "b", Kind: KindBirth, Day: day.AddDays(-400)}, true},
		{"external ref, other kind", RuleSameExternalRef,
			SubjectKey{Role: RoleExternalRef, Key: "X", ReportID: "a", Kind: KindBirth, Day: day},
			SubjectKey{Role: RoleExternalRef, Key: "X", ReportID: "b", Kind: KindDeath, Day: day}, false},
		{"deceased twice", RuleSameDeceased,
			SubjectKey{Role: RoleDeceased, Key: "N", ReportID: "a", Kind: KindDeath, Day: day},
			SubjectKey{Role: RoleDeceased, Key: "N", ReportID: "b", Kind: KindDeath, Day: day.AddDays(30)}, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := rules[c.rule]
			require.NotNil(t, r)
			assert.Equal(t, c.want, r.match(c.a, c.b))
			assert.Equal(t, c.want, r.match(c.b, c.a), "symmetric")
		})
	}
}

func TestDuplicateRuleValidate(t *testing.T) {
	for _, r := range DefaultDuplicateRules() {
		require.NoError(t, r.Validate(), r.Name)
	}
	for _, c := range []struct {
		name string
		rule DuplicateRule
		ptrs []string
	}{
		{"empty", DuplicateRule{MaxDays: 0}, []string{"/name", "/kinds", "/role"}},
		{"bad kind", DuplicateRule{Name: "x", Kinds: []Kind{9}, Role: RoleMother}, []string{"/kinds/0"}},
		{"child role", DuplicateRule{Name: "x", Kinds: []Kind{KindBirth}, Role: RoleChild}, []string{"/role"}},
		{"days reversed", DuplicateRule{Name: "x", Kinds: []Kind{KindBirth}, Role: RoleMother, MinDays: 5, MaxDays: 2}, []string{"/max_days"}},
		{"negative", DuplicateRule{Name: "x", Kinds: []Kind{KindBirth}, Role: RoleMother, MinDays: -1, MaxDays: 2}, []string{"/max_days"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := c.rule.Validate()
			var ve *adminduk.ValidationError
			require.ErrorAs(t, err, &ve)
			var ptrs []string
			for _, f := range ve.Fields {
				ptrs = append(ptrs, f.Pointer.String())
				assert.NotEmpty(t, f.Indonesian)
				assert.NotEmpty(t, f.English)
			}
			assert.ElementsMatch(t, c.ptrs, ptrs)
		})
	}
}

// FuzzDuplicateRuleJSON: a rule that validates survives a JSON round trip
// unchanged and still validates.
func FuzzDuplicateRuleJSON(f *testing.F) {
	for _, r := range DefaultDuplicateRules() {
		b, _ := json.Marshal(r)
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var r DuplicateRule
		if json.Unmarshal(b, &r) != nil || r.Validate() != nil {
			return
		}
		out, err := json.Marshal(r)
		require.NoError(t, err)
		var back DuplicateRule
		require.NoError(t, json.Unmarshal(out, &back))
		assert.Equal(t, r, back)
		require.NoError(t, back.Validate())
	})
}

func TestSubjectKeys(t *testing.T) {
	b := BirthReport{ExternalRef: "RS-1", Child: Newborn{BirthDate: "2026-12-01", Multiplicity: "kembar-2", BirthOrder: 2},
		Mother: Parent{NIK: "6208014505980001"}, Father: &Parent{NIK: "6208011203900002"},
		Family: FamilyRef{Address: Address{Village: "62.08.01.2001"}}}
	body, err := json.Marshal(&b)
	require.NoError(t, err)
	r := Report{ID: "r1", Kind: KindBirth, ExternalRef: "RS-1", Body: body}
	keys, err := r.SubjectKeys()
	require.NoError(t, err)
	day := adminduk.MustParseDate("2026-12-01")
	kec := wilayah.MustParseCode("62.08.01")
	assert.Equal(t, []SubjectKey{
		{Role: RoleMother, Key: "6208014505980001", ReportID: "r1", Kind: KindBirth, Day: day, Multiple: true, BirthOrder: 2, Kecamatan: kec},
		{Role: RoleFather, Key: "6208011203900002", ReportID: "r1", Kind: KindBirth, Day: day, Multiple: true, BirthOrder: 2, Kecamatan: kec},
		{Role: RoleChild, ReportID: "r1", Kind: KindBirth, Day: day, Multiple: true, BirthOrder: 2, Kecamatan: kec},
		{Role: RoleExternalRef, Key: "RS-1", ReportID: "r1", Kind: KindBirth, Day: day},
	}, keys)

	d := DeathReport{DeathDate: "2026-11-30", Deceased: Deceased{Name: "X"}}
	body, _ = json.Marshal(&d)
	r = Report{ID: "d1", Kind: KindDeath, Body: body}
	keys, err = r.SubjectKeys()
	require.NoError(t, err)
	assert.Empty(t, keys, "a deceased without NIK is not indexed")

	r = Report{ID: "x", Kind: KindBirth, Body: []byte("{")}
	_, err = r.SubjectKeys()
	assert.Error(t, err)
}
