package akta_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/akta"
)

func names(f *akta.Family) []string {
	var out []string
	for _, m := range f.Members {
		out = append(out, m.Name+"/"+m.Relationship.Text(adminduk.Indonesian))
	}
	return out
}

func TestFamilyValidate(t *testing.T) {
	require.NoError(t, sampleFamily(t).Validate())
	tests := []struct {
		name   string
		change func(f *akta.Family)
		want   []string
	}{
		{"no number", func(f *akta.Family) { f.Number = adminduk.KK{} }, []string{"/number:required"}},
		{"two heads", func(f *akta.Family) { f.Members[1].Relationship = akta.RelHead }, []string{"/members:range"}},
		{"no head", func(f *akta.Family) { f.Members[0].Relationship = akta.RelChild }, []string{"/members:range"}},
		{"duplicate NIK", func(f *akta.Family) { f.Members[2].NIK = f.Members[0].NIK }, []string{"/members/2/nik:duplicate"}},
		{"no members", func(f *akta.Family) { f.Members = nil }, []string{"/members:required"}},
		{"empty member", func(f *akta.Family) { f.Members[3] = akta.Member{} }, []string{
			"/members/3/name:required", "/members/3/nik:required", "/members/3/sex:required",
			"/members/3/birth_place:required", "/members/3/birth_date:required", "/members/3/religion:required",
			"/members/3/education:required", "/members/3/occupation:required", "/members/3/marital_status:required",
			"/members/3/relationship:required", "/members/3/citizenship:required",
		}},
		{"village elsewhere", func(f *akta.Family) {
			f.Address.Village = f.Issuer.Regency // not a village
		}, []string{"/address/village:invalid"}},
		{"RT not digits", func(f *akta.Family) { f.Address.RT = "0a2" }, []string{"/address/rt:invalid"}},
		{"born after issue", func(f *akta.Family) { f.Members[2].BirthDate = adminduk.MustParseDate("2024-01-01") }, []string{"/members/2/birth_date:order"}},
		{"married before birth", func(f *akta.Family) { f.Members[0].MarriageDate = adminduk.MustParseDate("1980-01-01") }, []string{"/members/0/marriage_date:order"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := sampleFamily(t)
			tt.change(f)
			assert.Equal(t, tt.want, fieldCodes(t, f.Validate()))
		})
	}
}

func TestAddNewborn(t *testing.T) {
	f := sampleFamily(t)
	before := names(f)
	b := sampleBirth(t)
	nf, err := f.AddNewborn(b)
	require.NoError(t, err)
	assert.Equal(t, before, names(f), "the old version is unchanged")
	assert.Equal(t, f.Number, nf.Number, "a birth keeps the KK number")
	assert.Equal(t, b.IssuedAt, nf.IssuedAt)
	assert.Equal(t, []string{
		"Ahmad Fauzi/KEPALA KELUARGA", "Nur Halimah/ISTRI", "Muhammad Rizki Fauzi/ANAK",
		"Siti Aminah Putri/ANAK", "Haji Abdul Rahman/ORANG TUA",
	}, names(nf))
	m, ok := nf.Member(b.Child.NIK)
	require.True(t, ok)
	assert.Equal(t, akta.Member{
		Name: "Siti Aminah Putri", NIK: b.Child.NIK, Sex: adminduk.Female, BirthPlace: "Serang",
		BirthDate: adminduk.MustParseDate("2023-08-25"), Religion: adminduk.Islam, Education: akta.NoSchooling,
		Occupation: akta.OccupationNone, MaritalStatus: akta.Unmarried, Relationship: akta.RelChild,
		Citizenship: adminduk.WNI, FatherName: "Ahmad Fauzi", MotherName: "Nur Halimah",
	}, m)
	require.NoError(t, nf.Validate())

	// Again: already a member.
	_, err = nf.AddNewborn(b)
	assert.ErrorIs(t, err, akta.ErrAlreadyMember)
	var fe *akta.FamilyError
	require.ErrorAs(t, err, &fe)
	assert.NotContains(t, err.Error(), b.Child.NIK.String(), "NIK masked")

	// Parents elsewhere.
	other := sampleBirth(t)
	other.Mother.NIK = adminduk.MustParseNIK("3604095507880004")
	other.Father.NIK = adminduk.MustParseNIK("3604092005850003")
	other.Witnesses[0].NIK = adminduk.MustParseNIK("3604092005850008")
	other.Witnesses[1].NIK = adminduk.MustParseNIK("3604095507880009")
	_, err = f.AddNewborn(other)
	assert.ErrorIs(t, err, akta.ErrNotMember)

	// An invalid birth.
	bad := sampleBirth(t)
	bad.Child.Name = ""
	_, err = f.AddNewborn(bad)
	assert.ErrorIs(t, err, akta.ErrRequired)

	// A grandchild: the mother is a child of the head.
	g := sampleFamily(t)
	g.Members[2].BirthDate = adminduk.MustParseDate("1999-07-14")
	g.Members[2].Sex = adminduk.Female
	g.Members[2].NIK = adminduk.MustParseNIK("3604095407990003")
	gb := sampleBirth(t)
	gb.Mother = akta.Party{NIK: g.Members[2].NIK, Name: g.Members[2].Name}
	gb.Father = nil
	nf, err = g.AddNewborn(gb)
	require.NoError(t, err)
	m, _ = nf.Member(gb.Child.NIK)
	assert.Equal(t, akta.RelGrandchild, m.Relationship)
	assert.Equal(t, "", m.FatherName, "no recorded father")
	assert.Equal(t, "Siti Aminah Putri/CUCU", names(nf)[3], "after the parent generation, before the head's parent")
}

func TestRemoveDeceasedMember(t *testing.T) {
	f := sampleFamily(t)
	d := sampleDeath(t) // Haji Abdul Rahman, the head's father
	nf, err := f.RemoveDeceased(context.Background(), d, nil)
	require.NoError(t, err)
	assert.Equal(t, f.Number, nf.Number)
	assert.Len(t, f.Members, 4, "old version unchanged")
	assert.Equal(t, []string{"Ahmad Fauzi/KEPALA KELUARGA", "Nur Halimah/ISTRI", "Muhammad Rizki Fauzi/ANAK"}, names(nf))
	assert.Equal(t, d.IssuedAt, nf.IssuedAt)
	require.NoError(t, nf.Validate())

	_, err = nf.RemoveDeceased(context.Background(), d, nil)
	assert.ErrorIs(t, err, akta.ErrNotMember)
}

// headDeath is the death of Ahmad Fauzi, the head of the sample family.
func headDeath(t *testing.T) *akta.Death {
	d := sampleDeath(t)
	d.Deceased = akta.Deceased{
		NIK: adminduk.MustParseNIK("3604091203900001"), Name: "Ahmad Fauzi", Sex: adminduk.Male,
		BirthPlace: "Serang", BirthDate: adminduk.MustParseDate("1990-03-12"),
	}
	d.Reporter = akta.Party{NIK: adminduk.MustParseNIK("3604094101950002"), Name: "Nur Halimah"}
	require.NoError(t, d.Validate())
	return d
}

func TestRemoveDeceasedHead(t *testing.T) {
	f := sampleFamily(t)
	d := headDeath(t)
	seq := &akta.MemorySequencer{}
	nf, err := f.RemoveDeceased(context.Background(), d, seq)
	require.NoError(t, err)
	assert.Equal(t, "3604091003240001", nf.Number.String(), "new number: kecamatan, date of issue, serial")
	assert.Equal(t, "3604091506180002", f.Number.String(), "old version keeps its number")
	assert.Equal(t, []string{"Nur Halimah/KEPALA KELUARGA", "Muhammad Rizki Fauzi/ANAK", "Haji Abdul Rahman/MERTUA"}, names(nf))
	head, _ := nf.Head()
	assert.Equal(t, akta.Widowed, head.MaritalStatus)
	require.NoError(t, nf.Validate())

	// A second family in the same kecamatan on the same day gets serial 2.
	nf2, err := sampleFamily(t).RemoveDeceased(context.Background(), d, seq)
	require.NoError(t, err)
	assert.Equal(t, "3604091003240002", nf2.Number.String())

	_, err = f.RemoveDeceased(context.Background(), d, nil)
	assert.Error(t, err, "a new number needs a sequencer")
}

func TestSuccessor(t *testing.T) {
	d := adminduk.MustParseDate
	mk := func(name string, rel akta.Relationship, sex adminduk.Sex, born string, ms akta.MaritalStatus) akta.Member {
		return akta.Member{Name: name, Relationship: rel, Sex: sex, BirthDate: d(born), MaritalStatus: ms}
	}
	on := d("2024-03-01")
	// Widower head with an adult son (married, wife on the card, child),
	// a minor daughter and his own mother.
	f := &akta.Family{Members: []akta.Member{
		mk("Head", akta.RelHead, adminduk.Male, "1960-01-01", akta.Widowed),
		mk("Minor", akta.RelChild, adminduk.Female, "2010-01-01", akta.Unmarried),
		mk("Son", akta.RelChild, adminduk.Male, "1985-01-01", akta.MarriedRecorded),
		mk("SonsWife", akta.RelChildInLaw, adminduk.Female, "1987-01-01", akta.MarriedRecorded),
		mk("Grandma", akta.RelParent, adminduk.Female, "1935-01-01", akta.Widowed),
	}}
	gc := mk("Grandchild", akta.RelGrandchild, adminduk.Female, "2015-01-01", akta.Unmarried)
	gc.FatherName = "SON"
	f.Members = append(f.Members, gc)
	s, ok := f.Successor(on)
	require.True(t, ok)
	assert.Equal(t, "Son", s.Name, "no spouse: the eldest adult child")

	f.Members[3].Relationship = akta.RelOtherRelative // no in-law
	f.Members[2].BirthDate = d("2008-01-01")
	f.Members[2].MaritalStatus = akta.Unmarried
	s, _ = f.Successor(on)
	assert.Equal(t, "Grandma", s.Name, "no adult child: the eldest adult")

	alone := &akta.Family{Members: []akta.Member{f.Members[0]}}
	_, ok = alone.Successor(on)
	assert.False(t, ok)
}

func TestRemoveDeceasedHeadChildSucceeds(t *testing.T) {
	ctx := context.Background()
	f := sampleFamily(t)
	// Make the head a widower whose father is on the card and whose son is
	// married with his wife and child on the card.
	f.Members[1].Relationship = akta.RelChild
	f.Members[1].Name = "Nur Halimah"
	f.Members[1].MaritalStatus = akta.MarriedRecorded
	f.Members[1].FatherName = "Ahmad Fauzi"
	f.Members[1].BirthDate = adminduk.MustParseDate("1995-01-01")
	f.Members[0].MaritalStatus = akta.Widowed
	f.Members[2].Relationship = akta.RelGrandchild
	f.Members[2].MotherName = "NUR HALIMAH"
	f.Members = append(f.Members, akta.Member{
		Name: "Yusuf", NIK: adminduk.MustParseNIK("3604092005850003"), Sex: adminduk.Male,
		BirthPlace: "Serang", BirthDate: adminduk.MustParseDate("1985-05-20"), Religion: adminduk.Islam,
		Education: akta.Bachelor, Occupation: "Guru", MaritalStatus: akta.MarriedRecorded,
		Relationship: akta.RelChildInLaw, Citizenship: adminduk.WNI,
	})
	require.NoError(t, f.Validate())
	nf, err := f.RemoveDeceased(ctx, headDeath(t), &akta.MemorySequencer{})
	require.NoError(t, err)
	assert.Equal(t, []string{
		"Nur Halimah/KEPALA KELUARGA", "Yusuf/SUAMI", "Muhammad Rizki Fauzi/ANAK", "Haji Abdul Rahman/FAMILI LAIN",
	}, names(nf))
}

func TestRemoveDeceasedLast(t *testing.T) {
	f := sampleFamily(t)
	f.Members = f.Members[3:]
	f.Members[0].Relationship = akta.RelHead
	_, err := f.RemoveDeceased(context.Background(), sampleDeath(t), &akta.MemorySequencer{})
	assert.ErrorIs(t, err, akta.ErrFamilyDissolved)
}

func TestFamilyPostalCode(t *testing.T) {
	for code, ok := range map[string]bool{"": true, "42182": true, "4218": false, "421820": false, "4218x": false, "02182": false} {
		f := sampleFamily(t)
		f.PostalCode = code
		err := f.Validate()
		if ok {
			assert.NoError(t, err, code)
			continue
		}
		var ve *adminduk.ValidationError
		require.ErrorAs(t, err, &ve, code)
		assert.NotNil(t, ve.Field("/address/postal_code"), code)
	}
	f := sampleFamily(t)
	assert.Equal(t, "42182", f.PostalCode, "read from kk.json")
	b, err := json.Marshal(f)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"postal_code":"42182"`)
}
