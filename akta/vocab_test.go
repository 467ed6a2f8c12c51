package akta_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/akta"
)

// The old key of the KK number is still read, with a warning at its
// pointer; the new one is written.
func TestOldKKKey(t *testing.T) {
	for _, tc := range []struct {
		file, newKey, oldKey string
	}{
		{"birth.json", "kk_number", "kk"},
		{"death.json", "kk_number", "kk"},
		{"kk.json", "kk_number", "number"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			data := edit(t, tc.file, func(m map[string]any) { m[tc.oldKey] = m[tc.newKey]; delete(m, tc.newKey) })
			var (
				kk       adminduk.KK
				warnings []adminduk.FieldError
			)
			if tc.file == "kk.json" {
				f, err := akta.DecodeFamily(data, akta.DecodeOptions{})
				require.NoError(t, err)
				kk, warnings = f.Number, f.Warnings()
			} else {
				r, err := akta.DecodeRecord(data, akta.DecodeOptions{})
				require.NoError(t, err)
				warnings = r.Warnings()
				switch r := r.(type) {
				case *akta.Birth:
					kk = r.KK
				case *akta.Death:
					kk = r.KK
				}
			}
			assert.Equal(t, "3604091506180002", kk.String())
			require.NotEmpty(t, warnings)
			assert.Equal(t, adminduk.NewPointer(tc.oldKey), warnings[0].Pointer)
			assert.Contains(t, warnings[0].English, "kk_number")
			assert.NotEmpty(t, warnings[0].Indonesian)

			// Without the old key: no such warning.
			data = readTestdata(t, tc.file)
			if tc.file == "kk.json" {
				f, err := akta.DecodeFamily(data, akta.DecodeOptions{})
				require.NoError(t, err)
				assert.Empty(t, f.Warnings())
			} else {
				r, err := akta.DecodeRecord(data, akta.DecodeOptions{})
				require.NoError(t, err)
				for _, w := range r.Warnings() {
					assert.NotEqual(t, adminduk.NewPointer(tc.oldKey), w.Pointer)
				}
			}
		})
	}
}

// Every error of the Decode functions is one *adminduk.ValidationError,
// malformed JSON included, and the record comes back as far as it was read.
func TestDecodeMergesEverything(t *testing.T) {
	for _, in := range []string{``, `{`, `[]`, `"x"`, `{"type":"kelahiran"} {}`} {
		r, err := akta.DecodeRecord([]byte(in), akta.DecodeOptions{})
		var ve *adminduk.ValidationError
		require.ErrorAs(t, err, &ve, "%q", in)
		assert.ErrorIs(t, err, adminduk.ErrSyntax, "%q", in)
		assert.ErrorIs(t, err, akta.ErrJSON, "%q", in)
		assert.ErrorIs(t, err, adminduk.ErrInvalid, "%q", in)
		assert.Nil(t, r, "%q", in)
		_, err = akta.DecodeFamily([]byte(in), akta.DecodeOptions{})
		assert.ErrorIs(t, err, adminduk.ErrSyntax, "%q", in)
	}

	// A wrong JSON type, a bad NIK and a validation error together; the
	// record is returned with what could be read.
	data := edit(t, "birth.json", func(m map[string]any) {
		obj(m, "child")["birth_order"] = "dua"
		obj(m, "mother")["nik"] = "1"
		obj(m, "child")["name"] = ""
	})
	r, err := akta.DecodeRecord(append([]byte{0xEF, 0xBB, 0xBF}, data...), akta.DecodeOptions{})
	assert.Equal(t, []string{"/child/birth_order:invalid", "/mother/nik:invalid", "/child/name:required"}, fieldCodes(t, err))
	assert.ErrorIs(t, err, adminduk.ErrSyntax) // the JSON type
	assert.ErrorIs(t, err, adminduk.ErrRequired)
	assert.ErrorIs(t, err, akta.ErrRequired)
	b, ok := r.(*akta.Birth)
	require.True(t, ok)
	assert.Equal(t, "Nur Halimah", b.Mother.Name)
	assert.Equal(t, "3604-LU-01092023-0001", b.Number.String())

	var fe *adminduk.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "akta: /child/birth_order: wrong JSON type: want number", fe.Error())
}

// Package sentinels wrap the shared ones.
func TestSentinelsWrapShared(t *testing.T) {
	for _, tc := range []struct{ err, shared error }{
		{akta.ErrSyntax, adminduk.ErrSyntax},
		{akta.ErrUnknownOffice, adminduk.ErrUnknownRegion},
		{akta.ErrInvalidSerial, adminduk.ErrInvalidSerial},
		{akta.ErrUnknownType, adminduk.ErrInvalid},
		{akta.ErrLegacy, adminduk.ErrInvalid},
		{akta.ErrRequired, adminduk.ErrRequired},
		{akta.ErrDateOrder, adminduk.ErrDateOrder},
		{akta.ErrUnknown, adminduk.ErrUnknownField},
		{akta.ErrUnknownValue, adminduk.ErrUnknownValue},
		{akta.ErrNotMember, adminduk.ErrNotFound},
		{akta.ErrAlreadyMember, adminduk.ErrConflict},
		{akta.ErrSequenceExhausted, adminduk.ErrConflict},
	} {
		assert.ErrorIs(t, tc.err, tc.shared, tc.err.Error())
	}
	_, err := akta.ParseNumber("3604-LU-31022023-0001")
	assert.ErrorIs(t, err, adminduk.ErrInvalidDate)
	_, err = akta.ParseTimeOfDay("25:00")
	assert.ErrorIs(t, err, adminduk.ErrInvalidDate)
	_, err = akta.ParseCause("x")
	var ve *adminduk.ValueError
	require.ErrorAs(t, err, &ve)
	assert.ErrorIs(t, err, akta.ErrUnknownValue)
	assert.Equal(t, `akta: unknown cause "x"`, err.Error())
}

type enumValue interface {
	IsValid() bool
	String() string
	Text(adminduk.Lang) string
	MarshalText() ([]byte, error)
}

// Every enumeration follows the one rule: 0 is unknown, IsValid, String
// "" for 0 and "Type(n)" for a value that names nothing, Text in both
// languages, MarshalText refusing what names nothing.
func TestEnumRule(t *testing.T) {
	for _, tc := range []struct {
		zero, valid, bad enumValue
		name, key        string
		id, en           string
	}{
		{akta.Kind(0), akta.KindDeath, akta.Kind(7), "Kind", "kematian", "kematian", "death"},
		{akta.Multiplicity(0), akta.Twins, akta.Multiplicity(12), "Multiplicity", "kembar-2", "KEMBAR 2", "TWIN"},
		{akta.Cause(0), akta.CauseAccident, akta.Cause(9), "Cause", "kecelakaan", "KECELAKAAN", "ACCIDENT"},
		{akta.Relationship(0), akta.RelWife, akta.Relationship(40), "Relationship", "istri", "ISTRI", "WIFE"},
		{akta.MaritalStatus(0), akta.Widowed, akta.MaritalStatus(9), "MaritalStatus", "cerai-mati", "CERAI MATI", "WIDOWED"},
		{akta.Education(0), akta.Bachelor, akta.Education(11), "Education", "s1", "DIPLOMA IV/STRATA I", "BACHELOR"},
		{akta.Parents(0), akta.ParentsMotherOnly, akta.Parents(4), "Parents", "ibu", "IBU SAJA", "MOTHER ONLY"},
		{akta.Proof(0), akta.ProofSPTJM, akta.Proof(3), "Proof", "sptjm", "SPTJM", "STATEMENT"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.False(t, tc.zero.IsValid())
			assert.Equal(t, "", tc.zero.String())
			assert.Equal(t, "", tc.zero.Text(adminduk.English))
			b, err := tc.zero.MarshalText()
			assert.NoError(t, err)
			assert.Empty(t, b)

			assert.True(t, tc.valid.IsValid())
			assert.Equal(t, tc.key, tc.valid.String())
			assert.Equal(t, tc.id, tc.valid.Text(adminduk.Indonesian))
			assert.Equal(t, tc.en, tc.valid.Text(adminduk.English))

			assert.False(t, tc.bad.IsValid())
			assert.Regexp(t, `^`+tc.name+`\(\d+\)$`, tc.bad.String())
			assert.Equal(t, "", tc.bad.Text(adminduk.Indonesian))
			_, err = tc.bad.MarshalText()
			assert.True(t, errors.Is(err, akta.ErrUnknownValue), "%v", err)
		})
	}
}

func TestTypeText(t *testing.T) {
	assert.Equal(t, "kelahiran terlambat", akta.TypeBirthLate.Text(adminduk.Indonesian))
	assert.Equal(t, "birth, registered late", akta.TypeBirthLate.Text(adminduk.English))
}

// Both keys of the KK number: the same value is a warning, another one an
// error at the old key.
func TestBothKKKeys(t *testing.T) {
	data := edit(t, "kk.json", func(m map[string]any) { m["number"] = m["kk_number"] })
	f, err := akta.DecodeFamily(data, akta.DecodeOptions{})
	require.NoError(t, err)
	require.Len(t, f.Warnings(), 1)
	assert.Equal(t, adminduk.Pointer("/number"), f.Warnings()[0].Pointer)

	data = edit(t, "kk.json", func(m map[string]any) { m["number"] = "3604091506180003" })
	f, err = akta.DecodeFamily(data, akta.DecodeOptions{})
	assert.Equal(t, []string{"/number:mismatch"}, fieldCodes(t, err))
	require.NotNil(t, f, "the card as far as it was read")
	assert.Equal(t, "3604091506180002", f.Number.String(), "the new key wins")
}

// Every value of the wrong JSON type is reported with its own pointer,
// array indexes included, not only the first one encoding/json names.
func TestEveryTypeError(t *testing.T) {
	data := edit(t, "kk.json", func(m map[string]any) {
		ms := m["members"].([]any)
		ms[1].(map[string]any)["nik"] = 5
		ms[3].(map[string]any)["name"] = []any{"x"}
		obj(m, "address")["rt"] = true
	})
	f, err := akta.DecodeFamily(data, akta.DecodeOptions{})
	codes := fieldCodes(t, err)
	assert.Contains(t, codes, "/address/rt:invalid")
	assert.Contains(t, codes, "/members/1/nik:invalid")
	assert.Contains(t, codes, "/members/3/name:invalid")
	assert.NotContains(t, codes, "/members/nik:invalid")
	require.NotNil(t, f)
	assert.Len(t, f.Members, 4)

	data = edit(t, "birth.json", func(m map[string]any) {
		obj(m, "child")["birth_order"] = 2.5
		obj(m, "child")["multiplicity"] = true
		m["witnesses"] = map[string]any{}
	})
	_, err = akta.DecodeRecord(data, akta.DecodeOptions{})
	codes = fieldCodes(t, err)
	assert.Contains(t, codes, "/child/birth_order:invalid")
	assert.Contains(t, codes, "/child/multiplicity:invalid")
	assert.Contains(t, codes, "/witnesses:invalid")
}
