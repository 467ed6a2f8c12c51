package akta_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/akta"
)

func TestDecodeBirth(t *testing.T) {
	b := sampleBirth(t)
	assert.Equal(t, "3604-LU-01092023-0001", b.Number.String())
	assert.Equal(t, "Siti Aminah Putri", b.Child.Name)
	assert.Equal(t, adminduk.Female, b.Child.Sex)
	assert.Equal(t, adminduk.MustDate(2023, 8, 25), b.Child.BirthDate)
	assert.Equal(t, "07:45", b.Child.BirthTime.String())
	assert.Equal(t, 2, b.Child.BirthOrder)
	assert.Equal(t, akta.Single, b.Child.Multiplicity)
	assert.Equal(t, 3100, b.Child.WeightGrams)
	assert.Equal(t, 495, b.Child.LengthMM)
	require.NotNil(t, b.Father)
	assert.Equal(t, "Ahmad Fauzi", b.Father.Name)
	assert.Len(t, b.Witnesses, 2)
	assert.Equal(t, "19700512 199503 1 002", b.Issuer.HeadNIP.Printed())
	assert.Equal(t, "SERANG", b.Issuer.PlaceName())
	assert.Equal(t, "KABUPATEN SERANG", b.Issuer.RegencyName())
	assert.Equal(t, "ID-3604", b.Issuer.ID())
	assert.Equal(t, "3604091506180002", b.KK.String())
}

func TestDecodeRoundTrip(t *testing.T) {
	for _, name := range []string{"birth.json", "death.json"} {
		t.Run(name, func(t *testing.T) {
			data := readTestdata(t, name)
			r, err := akta.DecodeRecord(data, akta.DecodeOptions{})
			require.NoError(t, err)
			out, err := json.Marshal(r)
			require.NoError(t, err)
			assert.JSONEq(t, string(data), string(out))
			r2, err := akta.DecodeRecord(out, akta.DecodeOptions{})
			require.NoError(t, err)
			assert.Equal(t, r, r2)
		})
	}
	data := readTestdata(t, "kk.json")
	f, err := akta.DecodeFamily(data, akta.DecodeOptions{})
	require.NoError(t, err)
	out, err := json.Marshal(f)
	require.NoError(t, err)
	assert.JSONEq(t, string(data), strings.ReplaceAll(string(out), `"blood_type":"",`, ""))
	var f2 akta.Family
	require.NoError(t, json.Unmarshal(out, &f2))
	assert.Equal(t, *f, f2)
}

// edit decodes a fixture into a generic map, applies change and re-encodes.
func edit(t *testing.T, name string, change func(m map[string]any)) []byte {
	t.Helper()
	var m map[string]any
	require.NoError(t, json.Unmarshal(readTestdata(t, name), &m))
	change(m)
	b, err := json.Marshal(m)
	require.NoError(t, err)
	return b
}

func obj(m map[string]any, key string) map[string]any { return m[key].(map[string]any) }

func TestDecodeRecordErrors(t *testing.T) {
	tests := []struct {
		name   string
		file   string
		change func(m map[string]any)
		want   []string
	}{
		{"unknown top-level", "birth.json", func(m map[string]any) { m["colour"] = "red" }, []string{"/colour:unknown"}},
		{"unknown nested", "birth.json", func(m map[string]any) { obj(m, "child")["eyes"] = "brown" }, []string{"/child/eyes:unknown"}},
		{"unknown in witness", "birth.json", func(m map[string]any) {
			m["witnesses"].([]any)[1].(map[string]any)["age"] = 30
		}, []string{"/witnesses/1/age:unknown"}},
		{"wrong JSON type", "birth.json", func(m map[string]any) { obj(m, "child")["birth_order"] = "dua" }, []string{"/child/birth_order:invalid"}},
		{"bad NIK", "birth.json", func(m map[string]any) { obj(m, "mother")["nik"] = "3604094101950000" }, []string{"/mother/nik:invalid"}},
		{"NIK with bad date", "birth.json", func(m map[string]any) { obj(m, "child")["nik"] = "3604097002230001" }, []string{"/child/nik:invalid"}},
		{"bad number", "birth.json", func(m map[string]any) { m["number"] = "3604-LU-31022023-0001" }, []string{"/number:invalid"}},
		{"bad date", "birth.json", func(m map[string]any) { obj(m, "child")["birth_date"] = "25-08-2023" }, []string{"/child/birth_date:invalid"}},
		{"bad time", "birth.json", func(m map[string]any) { obj(m, "child")["birth_time"] = "25:00" }, []string{"/child/birth_time:invalid"}},
		{"bad sex", "birth.json", func(m map[string]any) { obj(m, "child")["sex"] = "x" }, []string{"/child/sex:invalid"}},
		{"bad multiplicity", "birth.json", func(m map[string]any) { obj(m, "child")["multiplicity"] = "kembar-12" }, []string{"/child/multiplicity:invalid"}},
		{"numeric multiplicity", "birth.json", func(m map[string]any) { obj(m, "child")["multiplicity"] = 2 }, nil},
		{"bad NIP", "birth.json", func(m map[string]any) { obj(m, "issuer")["head_nip"] = "1970" }, []string{"/issuer/head_nip:invalid"}},
		{"bad regency", "birth.json", func(m map[string]any) { obj(m, "issuer")["regency"] = "36.x" }, []string{"/issuer/regency:invalid"}},
		{"bad KK", "birth.json", func(m map[string]any) { m["kk_number"] = "123" }, []string{"/kk_number:invalid"}},
		{"bad KK, old key", "birth.json", func(m map[string]any) { m["kk"] = "123"; delete(m, "kk_number") }, []string{"/kk:invalid"}},
		{"old KK key differs", "birth.json", func(m map[string]any) { m["kk"] = "3604091506180003" }, []string{"/kk:mismatch"}},
		{"missing child, plus a rule", "birth.json", func(m map[string]any) {
			delete(m, "child")
			m["proof"] = "sptjm"
			m["witnesses"] = []any{}
		}, []string{
			"/child/nik:required", "/child/name:required", "/child/sex:required", "/child/birth_date:required",
			"/child/birth_place:required", "/child/birth_order:required", "/child/multiplicity:required", "/witnesses:range",
		}},
		{"surat keterangan lahir, no witnesses", "birth.json", func(m map[string]any) {
			m["proof"] = "surat-keterangan"
			delete(m, "witnesses")
		}, nil},
		{"no proof given, no witnesses", "birth.json", func(m map[string]any) { delete(m, "witnesses") }, nil},
		{"F-2.04 without witnesses", "birth.json", func(m map[string]any) {
			m["parents"] = "kawin-belum-tercatat"
			delete(m, "witnesses")
		}, []string{"/witnesses:range"}},
		{"F-2.04 with witnesses", "birth.json", func(m map[string]any) { m["parents"] = "kawin-belum-tercatat" }, nil},
		{"mother only with a father", "birth.json", func(m map[string]any) { m["parents"] = "ibu" }, []string{"/father:mismatch"}},
		{"mother only", "birth.json", func(m map[string]any) { m["parents"] = "ibu"; delete(m, "father") }, nil},
		{"married without father", "birth.json", func(m map[string]any) { m["parents"] = "kawin"; delete(m, "father") }, []string{"/father:required"}},
		{"bad parents", "birth.json", func(m map[string]any) { m["parents"] = "x" }, []string{"/parents:invalid"}},
		{"bad proof", "birth.json", func(m map[string]any) { m["proof"] = "x" }, []string{"/proof:invalid"}},
		{"death without cause or NIK", "death.json", func(m map[string]any) { delete(m, "cause"); delete(obj(m, "deceased"), "nik") }, nil},
		{"death without witnesses", "death.json", func(m map[string]any) { delete(m, "witnesses") }, nil},
		{"death SPTJM without witnesses", "death.json", func(m map[string]any) { m["proof"] = "sptjm"; delete(m, "witnesses") }, []string{"/witnesses:range"}},
		{"bad cause", "death.json", func(m map[string]any) { m["cause"] = "unknown" }, []string{"/cause:invalid"}},
		{"unknown in deceased", "death.json", func(m map[string]any) { obj(m, "deceased")["religion"] = "islam" }, []string{"/deceased/religion:unknown"}},
		{"death with birth fields", "death.json", func(m map[string]any) { m["child"] = map[string]any{} }, []string{"/child:unknown"}},
		{"no type", "birth.json", func(m map[string]any) { delete(m, "type") }, []string{"/type:required"}},
		{"bad type", "birth.json", func(m map[string]any) { m["type"] = "perkawinan" }, []string{"/type:invalid"}},
		{"type not a string", "birth.json", func(m map[string]any) { m["type"] = 5 }, []string{"/type:invalid"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := akta.DecodeRecord(edit(t, tt.file, tt.change), akta.DecodeOptions{})
			assert.Equal(t, tt.want, fieldCodes(t, err))
		})
	}
}

func TestDecodeRecordParseErrorsUnwrap(t *testing.T) {
	data := edit(t, "birth.json", func(m map[string]any) {
		obj(m, "mother")["nik"] = "3604094101950000"
		m["number"] = "3604-XX-01092023-0001"
	})
	_, err := akta.DecodeRecord(data, akta.DecodeOptions{})
	assert.ErrorIs(t, err, akta.ErrInvalid)
	assert.ErrorIs(t, err, adminduk.ErrInvalidSerial, "the NIK's parse error is kept")
	assert.ErrorIs(t, err, akta.ErrUnknownType, "the number's parse error is kept")
	assert.NotContains(t, err.Error(), "3604094101950000", "NIK masked in messages")
}

func TestDecodeRecordCustomTypes(t *testing.T) {
	types, err := akta.DefaultTypes().With(akta.Type{Code: "AKM", Kind: akta.KindDeath})
	require.NoError(t, err)
	data := edit(t, "death.json", func(m map[string]any) { m["number"] = "3604-AKM-10032024-0007" })
	_, err = akta.DecodeRecord(data, akta.DecodeOptions{})
	assert.ErrorIs(t, err, akta.ErrUnknownType)
	r, err := akta.DecodeRecord(data, akta.DecodeOptions{Numbers: akta.NewParser(akta.ParseOptions{Types: types})})
	require.NoError(t, err)
	assert.Equal(t, "AKM", r.RegisterNumber().Type())
}

func TestDecodeMalformedJSON(t *testing.T) {
	for _, in := range []string{``, `{`, `[]`, `{"type":"kelahiran"} {}`, `{"type":"kelahiran","child":[]}`, `"x"`, `null`} {
		_, err := akta.DecodeRecord([]byte(in), akta.DecodeOptions{})
		assert.Error(t, err, "%q", in)
	}
}

func TestUnmarshalJSONReportsFieldErrors(t *testing.T) {
	var b akta.Birth
	err := json.Unmarshal(edit(t, "birth.json", func(m map[string]any) { obj(m, "child")["nik"] = "1" }), &b)
	var ve *adminduk.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.NotNil(t, ve.Field("/child/nik"))

	var d akta.Death
	require.NoError(t, json.Unmarshal(readTestdata(t, "death.json"), &d))
	assert.Equal(t, "Haji Abdul Rahman", d.Deceased.Name)
	assert.Error(t, json.Unmarshal(readTestdata(t, "birth.json"), &d), "a birth is not a death")
}

func TestDecodeFamilyErrors(t *testing.T) {
	data := edit(t, "kk.json", func(m map[string]any) {
		ms := m["members"].([]any)
		ms[1].(map[string]any)["religion"] = "jedi"
		ms[2].(map[string]any)["hobby"] = "football"
		ms[3].(map[string]any)["relationship"] = "kepala-keluarga"
		obj(m, "address")["village"] = "36.04.09.9"
	})
	_, err := akta.DecodeFamily(data, akta.DecodeOptions{})
	assert.Equal(t, []string{
		"/members/2/hobby:unknown", "/address/village:invalid", "/members/1/religion:invalid", "/members:range",
	}, fieldCodes(t, err))
}

// A UTF-8 byte order mark (Windows Notepad) before akta.json or kk.json is
// accepted.
func TestDecodeBOM(t *testing.T) {
	for _, name := range []string{"birth.json", "death.json"} {
		data := append([]byte{0xEF, 0xBB, 0xBF}, readTestdata(t, name)...)
		_, err := akta.DecodeRecord(data, akta.DecodeOptions{})
		assert.NoError(t, err, name)
	}
	_, err := akta.DecodeFamily(append([]byte{0xEF, 0xBB, 0xBF}, readTestdata(t, "kk.json")...), akta.DecodeOptions{})
	assert.NoError(t, err)
}

// The new fields survive a round trip through akta.json.
func TestParentsProofRoundTrip(t *testing.T) {
	b := sampleBirth(t)
	b.Parents, b.Proof = akta.ParentsUnrecorded, akta.ProofSPTJM
	data, err := json.Marshal(b)
	require.NoError(t, err)
	assert.Contains(t, string(data), `"parents":"kawin-belum-tercatat"`)
	r, err := akta.DecodeRecord(data, akta.DecodeOptions{})
	require.NoError(t, err)
	assert.Equal(t, b, r.(*akta.Birth))

	d := sampleDeath(t)
	d.Proof, d.Cause = akta.ProofSPTJM, 0
	data, err = json.Marshal(d)
	require.NoError(t, err)
	assert.NotContains(t, string(data), `"cause"`)
	r, err = akta.DecodeRecord(data, akta.DecodeOptions{})
	require.NoError(t, err)
	assert.Equal(t, d, r.(*akta.Death))
}
