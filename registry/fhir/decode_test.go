package fhir_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/registry"
	"github.com/adminduk-id/adminduk/registry/fhir"
)

func read(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	return b
}

func jsonReport(t testing.TB, name string) *registry.BirthReport {
	t.Helper()
	r, err := registry.DecodeBirthReport(bytes.NewReader(read(t, name)))
	require.NoError(t, err)
	return r
}

func pointers(fs []adminduk.FieldError) []string {
	var out []string
	for _, f := range fs {
		out = append(out, string(f.Pointer))
	}
	return out
}

// TestEquivalentJSON: a SATUSEHAT-style bundle and the equivalent JSON
// report yield identical reports.
func TestEquivalentJSON(t *testing.T) {
	for _, c := range []struct{ bundle, report string }{
		{"full-bundle.json", "full-report.json"},
		{"discharge-bundle.json", "discharge-report.json"},
	} {
		t.Run(c.bundle, func(t *testing.T) {
			got, err := fhir.DecodeBirthBundle(read(t, c.bundle))
			require.NoError(t, err)
			assert.Equal(t, jsonReport(t, c.report), got)
		})
	}
}

func TestFullBundleIsComplete(t *testing.T) {
	res, err := fhir.Decode(read(t, "full-bundle.json"))
	require.NoError(t, err)
	assert.Empty(t, res.Missing)
	require.NoError(t, res.Report.Validate())
}

// TestDischargeBundle: what a SIMRS has at discharge maps to a report that
// can be notified, with what registration still needs listed against the
// bundle.
func TestDischargeBundle(t *testing.T) {
	res, err := fhir.Decode(read(t, "discharge-bundle.json"))
	require.NoError(t, err)
	missing, err := res.Report.ValidateNotify()
	require.NoError(t, err)
	assert.Equal(t, []string{"/child/birth_order", "/child/attendant", "/parents", "/reporter/nik",
		"/reporter/name", "/proof"}, pointers(missing))
	assert.Equal(t, []string{"/entry", "/entry/2/resource/participant", "/entry/1/resource/maritalStatus",
		"/entry", "/entry", "/entry"}, pointers(res.Missing))
	assert.Equal(t, adminduk.Pointer("/entry/0/resource/birthDate"), res.Element("/child/birth_date"))
	assert.Equal(t, adminduk.Pointer("/entry/1/resource/address/0/extension/0/extension/3/valueCode"),
		res.Element("/family/address/village"))
	assert.Equal(t, adminduk.Pointer("/entry/3/resource/valueQuantity/value"), res.Element("/child/weight_g"))
}

func TestBroken(t *testing.T) {
	tests := []struct {
		file   string
		syntax bool
		want   []string
	}{
		{"broken-syntax.json", true, nil},
		{"broken-type.json", true, []string{"/entry/0/resource/gender"}},
		{"broken-unit.json", false, []string{"/entry/3/resource/valueQuantity/unit"}},
		{"broken-no-mother.json", false, []string{"/entry/0/resource/identifier/0/value"}},
		{"broken-fields.json", false, []string{"/entry/0/resource/gender", "/entry/5/resource/type",
			"/entry/1/resource/identifier/1/value"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			r, err := fhir.DecodeBirthBundle(read(t, tt.file))
			require.Error(t, err)
			assert.Nil(t, r)
			if tt.syntax {
				require.ErrorIs(t, err, adminduk.ErrSyntax)
				var de *fhir.DecodeError
				require.ErrorAs(t, err, &de)
				if tt.want != nil {
					assert.Equal(t, tt.want[0], string(de.Pointer))
				}
				return
			}
			var de *fhir.DecodeError
			assert.False(t, errors.As(err, &de), "not a syntax error")
			var ve *adminduk.ValidationError
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, tt.want, pointers(ve.Fields))
			for _, f := range ve.Fields {
				assert.NotEmpty(t, f.Indonesian)
				assert.NotEmpty(t, f.English)
			}
		})
	}
}

// edit returns the discharge bundle with old replaced by new (once, which
// must happen).
func edit(t *testing.T, old, new string) []byte {
	t.Helper()
	s := string(read(t, "discharge-bundle.json"))
	require.Contains(t, s, old)
	return []byte(strings.Replace(s, old, new, 1))
}

const weight = `"valueQuantity": {"value": 2950, "unit": "g", "system": "http://unitsofmeasure.org", "code": "g"}`
const length = `"valueQuantity": {"value": 482, "unit": "mm", "system": "http://unitsofmeasure.org", "code": "mm"}`

func TestUnits(t *testing.T) {
	tests := []struct {
		name     string
		old, new string
		weightG  int
		lengthCM float64
		errAt    string
	}{
		{"grams", weight, weight, 2950, 48.2, ""},
		{"kilograms", weight, `"valueQuantity": {"value": 2.95, "system": "http://unitsofmeasure.org", "code": "kg"}`, 2950, 48.2, ""},
		{"pounds (453.59237 g)", weight, `"valueQuantity": {"value": 6.5, "system": "http://unitsofmeasure.org", "code": "[lb_av]"}`, 2948, 48.2, ""},
		{"ounces (1/16 lb)", weight, `"valueQuantity": {"value": 104, "system": "http://unitsofmeasure.org", "code": "[oz_av]"}`, 2948, 48.2, ""},
		{"unit text without code", weight, `"valueQuantity": {"value": 2950, "unit": "gram"}`, 2950, 48.2, ""},
		{"centimetres", length, `"valueQuantity": {"value": 48.2, "system": "http://unitsofmeasure.org", "code": "cm"}`, 2950, 48.2, ""},
		{"metres", length, `"valueQuantity": {"value": 0.482, "system": "http://unitsofmeasure.org", "code": "m"}`, 2950, 48.2, ""},
		{"inches (2.54 cm)", length, `"valueQuantity": {"value": 19, "system": "http://unitsofmeasure.org", "code": "[in_i]"}`, 2950, 48.3, ""},
		{"a length is no weight", weight, `"valueQuantity": {"value": 49, "system": "http://unitsofmeasure.org", "code": "cm"}`, 0, 0,
			"/entry/3/resource/valueQuantity/code"},
		{"no value", length, `"valueQuantity": {"system": "http://unitsofmeasure.org", "code": "cm"}`, 0, 0,
			"/entry/4/resource/valueQuantity/value"},
		{"too heavy", weight, `"valueQuantity": {"value": 9, "system": "http://unitsofmeasure.org", "code": "kg"}`, 0, 0,
			"/entry/3/resource/valueQuantity/value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := fhir.DecodeBirthBundle(edit(t, tt.old, tt.new))
			if tt.errAt != "" {
				var ve *adminduk.ValidationError
				require.ErrorAs(t, err, &ve)
				assert.Equal(t, []string{tt.errAt}, pointers(ve.Fields))
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.weightG, r.Child.WeightG)
			assert.Equal(t, tt.lengthCM, r.Child.LengthCM)
		})
	}
}

const single = `"multipleBirthInteger": 0`

// observation is an Observation entry of the discharge bundle's newborn (or
// mother) with a valueInteger.
func observation(code string, subject int, v int) string {
	return `,{"resource": {"resourceType": "Observation", "status": "final",
	  "code": {"coding": [{"system": "http://loinc.org", "code": "` + code + `"}]},
	  "subject": {"reference": "urn:uuid:0c2a7d53-3f0e-4d7f-8f57-00000000000` + string(rune('0'+subject)) + `"},
	  "valueInteger": ` + string(rune('0'+v)) + `}}`
}

func TestMultipleBirth(t *testing.T) {
	last := "}\n  ]\n}"
	tests := []struct {
		name         string
		place        string
		extra        string
		multiplicity string
		order        int
		errAt        string
	}{
		{"single, third child", single, observation("11638-1", 2, 3), "tunggal", 3, ""},
		{"second of twins, mother's third and fourth children", `"multipleBirthInteger": 2`,
			observation("57722-1", 1, 2) + observation("11638-1", 2, 4), "kembar-2", 4, ""},
		{"first of triplets, first children", `"multipleBirthInteger": 1`,
			observation("57722-1", 1, 3) + observation("11638-1", 2, 3), "kembar-3", 1, ""},
		{"single by boolean", `"multipleBirthBoolean": false`, "", "tunggal", 0, ""},
		{"twin without plurality", `"multipleBirthInteger": 2`, "", "", 0, "/entry/0/resource/multipleBirthInteger"},
		{"third of twins", `"multipleBirthInteger": 3`, observation("57722-1", 1, 2), "", 0, "/entry/0/resource/multipleBirthInteger"},
		{"fewer live births than babies", `"multipleBirthInteger": 1`,
			observation("57722-1", 1, 2) + observation("11638-1", 2, 1), "", 0, "/entry/7/resource/valueInteger"},
		{"plurality about the mother", single, observation("57722-1", 2, 1), "", 0, "/entry/6/resource/subject"},
		{"plurality unknown", `"active": true`, "", "", 0, "/entry/0/resource/multipleBirthInteger"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := string(edit(t, single, tt.place))
			require.True(t, strings.HasSuffix(strings.TrimSpace(s), strings.TrimSpace(last)))
			s = strings.TrimSuffix(strings.TrimSpace(s), strings.TrimSpace(last)) + "}" + tt.extra + "]}"
			r, err := fhir.DecodeBirthBundle([]byte(s))
			if tt.errAt != "" {
				var ve *adminduk.ValidationError
				require.ErrorAs(t, err, &ve)
				assert.Equal(t, []string{tt.errAt}, pointers(ve.Fields))
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.multiplicity, r.Child.Multiplicity)
			assert.Equal(t, tt.order, r.Child.BirthOrder)
		})
	}
}

func TestNotABundle(t *testing.T) {
	_, err := fhir.DecodeBirthBundle([]byte(`{"resourceType": "Patient"}`))
	var ve *adminduk.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, []string{"/resourceType"}, pointers(ve.Fields))

	_, err = fhir.DecodeBirthBundle([]byte(`{"resourceType": "Bundle", "entry": [{"resource": []}]}`))
	require.ErrorIs(t, err, adminduk.ErrSyntax)

	_, err = fhir.DecodeBirthBundle([]byte(`{"resourceType": "Bundle"}`))
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, []string{"/entry"}, pointers(ve.Fields))

	_, err = fhir.DecodeBirthBundle(nil)
	require.ErrorIs(t, err, adminduk.ErrSyntax)

	_, err = fhir.DecodeBirthBundle(bytes.Repeat([]byte(" "), fhir.MaxBundle+1))
	require.ErrorIs(t, err, adminduk.ErrSyntax)
}

// TestTranslate: an error of the service about the report (a birth date in
// the future, say) is shown against the bundle.
func TestTranslate(t *testing.T) {
	res, err := fhir.Decode(read(t, "full-bundle.json"))
	require.NoError(t, err)
	in := &adminduk.ValidationError{Fields: []adminduk.FieldError{
		{Pointer: "/child/birth_date", Code: adminduk.CodeOrder},
		{Pointer: "/family/address/village", Code: adminduk.CodeRegion},
		{Pointer: "/father/nik", Code: adminduk.CodeInvalid},
		{Pointer: "/certificate/attendant", Code: adminduk.CodeInvalid},
		{Pointer: "/attachments/1/ref", Code: adminduk.CodeInvalid},
		{Pointer: "/no/such/field", Code: adminduk.CodeInvalid},
	}}
	var out *adminduk.ValidationError
	require.ErrorAs(t, res.Translate(in), &out)
	assert.Equal(t, []string{
		"/entry/0/resource/birthDate",
		"/entry/1/resource/address/0/extension/0/extension/3/valueCode",
		"/entry/2/resource/identifier/0/value",
		"/entry/8/resource/name/0/text",
		"/entry/11/resource/content/0/attachment/url",
		"",
	}, pointers(out.Fields))
	assert.Equal(t, "/child/birth_date", string(in.Fields[0].Pointer), "the input is not changed")
	plain := registry.ErrNotFound
	assert.Equal(t, plain, res.Translate(plain))
}
