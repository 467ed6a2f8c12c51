package registry_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/registry"
	"github.com/adminduk-id/adminduk/registry/storetest"
)

var day = storetest.Today.AddDays(-1)

func TestValidReports(t *testing.T) {
	require.NoError(t, storetest.Birth("r", day, "P").Validate())
	require.NoError(t, storetest.Death("r", day).Validate())
	require.NoError(t, storetest.Stillbirth("r", day).Validate())
}

// fields returns the pointers of the field errors of err.
func fields(t *testing.T, err error) []string {
	t.Helper()
	var ve *adminduk.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.ErrorIs(t, err, adminduk.ErrInvalid)
	var out []string
	for _, f := range ve.Fields {
		assert.NotEmpty(t, f.Indonesian, f.Pointer)
		assert.NotEmpty(t, f.English, f.Pointer)
		out = append(out, string(f.Pointer))
	}
	return out
}

func TestBirthReportValidate(t *testing.T) {
	tests := []struct {
		name string
		edit func(r *registry.BirthReport)
		want []string // pointers, in order
	}{
		{"provisional name is allowed", func(r *registry.BirthReport) {
			r.Child.ProvisionalName = true
			r.Child.Name = "Bayi Ny. Siti"
		}, nil},
		{"final name follows the akta rules", func(r *registry.BirthReport) {
			r.Child.ProvisionalName = false
			r.Child.Name = "Bayi Ny. Siti"
		}, []string{"/child/name"}},
		{"final name of one word", func(r *registry.BirthReport) {
			r.Child.ProvisionalName = false
			r.Child.Name = "Aminah"
		}, []string{"/child/name"}},
		{"final name with apostrophe", func(r *registry.BirthReport) {
			r.Child.ProvisionalName = false
			r.Child.Name = "Nur 'Aini Putri"
		}, nil},
		{"final name over 60", func(r *registry.BirthReport) {
			r.Child.ProvisionalName = false
			r.Child.Name = strings.Repeat("Abcdefghi ", 7)
		}, []string{"/child/name"}},
		{"everything missing", func(r *registry.BirthReport) { *r = registry.BirthReport{} }, []string{
			"/child/name", "/child/sex", "/child/birth_date", "/child/place_type", "/child/place",
			"/child/multiplicity", "/child/birth_order", "/child/attendant", "/mother/nik", "/mother/name",
			"/parents", "/family/address/village", "/reporter/nik", "/reporter/name", "/proof"}},
		{"bad values", func(r *registry.BirthReport) {
			r.Child.Sex = "X"
			r.Child.BirthDate = "2026-02-30"
			r.Child.BirthTime = "24:00"
			r.Child.Multiplicity = "kembar-12"
			r.Child.BirthOrder = 31
			r.Child.WeightG = 9000
			r.Child.LengthCM = -1
			r.Mother.NIK = "6208010000000000"
			r.Mother.Citizenship = "XX"
			r.Family.KK = "123"
			r.Family.Address.RT = "1a"
			r.Family.Address.Village = "62.08.01"
		}, []string{"/child/sex", "/child/birth_date", "/child/birth_time", "/child/multiplicity",
			"/child/birth_order", "/child/weight_g", "/child/length_cm", "/mother/nik", "/mother/citizenship",
			"/family/kk", "/family/address/rt", "/family/address/village"}},
		{"mother born after the child", func(r *registry.BirthReport) { r.Mother.BirthDate = "2026-12-31" }, []string{"/mother/birth_date"}},
		{"married needs a father and proof", func(r *registry.BirthReport) {
			r.Father = nil
			r.Marriage = nil
		}, []string{"/father", "/marriage"}},
		{"mother only: no father", func(r *registry.BirthReport) {
			r.Parents = registry.ParentsMotherOnly
			r.Marriage = nil
		}, []string{"/father"}},
		{"mother only", func(r *registry.BirthReport) {
			r.Parents = registry.ParentsMotherOnly
			r.Father = nil
			r.Marriage = nil
		}, nil},
		{"mother only with marriage proof", func(r *registry.BirthReport) {
			r.Parents = registry.ParentsMotherOnly
			r.Father = nil
		}, []string{"/marriage"}},
		{"unrecorded marriage needs two witnesses", func(r *registry.BirthReport) {
			r.Parents = registry.ParentsUnrecorded
			r.Marriage = nil
		}, []string{"/witnesses"}},
		{"unrecorded marriage with witnesses", func(r *registry.BirthReport) {
			r.Parents = registry.ParentsUnrecorded
			r.Marriage = nil
			r.Witnesses = witnesses()
		}, nil},
		{"witnesses without SPTJM", func(r *registry.BirthReport) { r.Witnesses = witnesses() }, []string{"/witnesses"}},
		{"SPTJM F-2.03 with witnesses", func(r *registry.BirthReport) {
			r.Proof = registry.ProofSPTJM
			r.Certificate = nil
			r.Witnesses = witnesses()
		}, nil},
		{"SPTJM with the same witness twice", func(r *registry.BirthReport) {
			r.Proof = registry.ProofSPTJM
			r.Certificate = nil
			r.Witnesses = []registry.Witness{witnesses()[0], witnesses()[0]}
		}, []string{"/witnesses/1/nik"}},
		{"SPTJM with one witness", func(r *registry.BirthReport) {
			r.Proof = registry.ProofSPTJM
			r.Certificate = nil
			r.Witnesses = witnesses()[:1]
		}, []string{"/witnesses"}},
		{"certificate needed", func(r *registry.BirthReport) { r.Certificate = nil }, []string{"/certificate"}},
		{"certificate fields", func(r *registry.BirthReport) { r.Certificate = &registry.Certificate{} },
			[]string{"/certificate/number", "/certificate/faskes"}},
		{"attachments", func(r *registry.BirthReport) {
			r.Attachments = []registry.Attachment{{Kind: "kk", Ref: "a"}, {Kind: "foto", Ref: ""}}
		}, []string{"/attachments/1/kind", "/attachments/1/ref"}},
		{"enum values", func(r *registry.BirthReport) {
			r.Parents = "cerai"
			r.Proof = "surat"
			r.Child.PlaceType = "jalan"
			r.Child.Attendant = "tetangga"
		}, []string{"/child/place_type", "/child/attendant", "/parents", "/proof"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := storetest.Birth("ref", day, "P")
			tt.edit(r)
			err := r.Validate()
			if tt.want == nil {
				require.NoError(t, err)
				return
			}
			assert.Equal(t, tt.want, dedupe(fields(t, err)))
		})
	}
}

// dedupe drops repeated pointers (a field may have several problems).
func dedupe(ps []string) []string {
	var out []string
	for i, p := range ps {
		if i == 0 || ps[i-1] != p {
			out = append(out, p)
		}
	}
	return out
}

func witnesses() []registry.Witness {
	return []registry.Witness{{NIK: "6208011505800003", Name: "Budi Santoso"}, {NIK: "6208015505820004", Name: "Rina Wati"}}
}

func TestDeathReportValidate(t *testing.T) {
	r := storetest.Death("r", day)
	r.Deceased.NIK = ""
	r.Deceased.BirthReport = "r-000001"
	require.NoError(t, r.Validate(), "a newborn without NIK links its birth report")

	r = storetest.Death("r", day)
	r.Deceased.BirthReport = "x"
	r.DeathDate = "1949-01-01"
	r.Cause = "sakit hati"
	r.MedicalCause = "heart"
	r.DeterminedBy = ""
	r.Proof = registry.ProofSPTJM
	assert.Equal(t, []string{"/deceased/birth_report", "/death_date", "/cause", "/medical_cause", "/determined_by",
		"/certificate", "/witnesses"}, dedupe(fields(t, r.Validate())))
}

func TestStillbirthReportValidate(t *testing.T) {
	r := storetest.Stillbirth("r", day)
	r.Sex = ""
	require.NoError(t, r.Validate(), "the sex of a stillborn child may be unknown")
	r.GestationWeeks = 12
	r.Date = ""
	r.BirthOrder = 0
	assert.Equal(t, []string{"/gestation_weeks", "/date", "/birth_order"}, dedupe(fields(t, r.Validate())))
}

func TestFieldErrorsUnwrap(t *testing.T) {
	r := storetest.Birth("r", day, "P")
	r.Child.Sex = ""
	r.Mother.NIK = "3201014512230000"
	err := r.Validate()
	assert.ErrorIs(t, err, adminduk.ErrRequired)
	var fe *adminduk.FieldError
	require.True(t, errors.As(err, &fe))
	assert.Equal(t, adminduk.Pointer("/child/sex"), fe.Pointer)
	assert.ErrorIs(t, err, adminduk.ErrInvalidSerial, "the NIK's parse error is the cause")
	assert.NotContains(t, err.Error(), "3201014512230000", "NIKs are masked in messages")
}
