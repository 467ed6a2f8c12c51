package registry_test

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/registry"
)

func TestDecodeBirthReportFile(t *testing.T) {
	f, err := os.Open("testdata/birth.json")
	require.NoError(t, err)
	defer f.Close()
	r, err := registry.DecodeBirthReport(f)
	require.NoError(t, err)
	require.NoError(t, r.Validate())
	assert.Equal(t, "P", r.Child.Sex)
	assert.Equal(t, registry.ParentsMarried, r.Parents)
	assert.Equal(t, "62.08.01.2001", r.Family.Address.Village)
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name, in string
		pointer  adminduk.Pointer
	}{
		{"empty", ``, ""},
		{"not JSON", `{"child":`, ""},
		{"unknown field", `{"child": {"nama": "x"}}`, ""},
		{"wrong type", `{"child": {"birth_order": "satu"}}`, "/child/birth_order"},
		{"trailing data", `{} {}`, ""},
		{"array", `[]`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := registry.DecodeBirthReport(strings.NewReader(tt.in))
			var de *registry.DecodeError
			require.ErrorAs(t, err, &de)
			assert.ErrorIs(t, err, adminduk.ErrSyntax)
			assert.Equal(t, tt.pointer, de.Pointer)
			assert.True(t, strings.HasPrefix(err.Error(), "registry: "), err.Error())
		})
	}
	_, err := registry.DecodeDeathReport(strings.NewReader(`{"deceased": {"umur": 3}}`))
	assert.ErrorIs(t, err, adminduk.ErrSyntax)
	_, err = registry.DecodeStillbirthReport(strings.NewReader(`{"gestation_weeks": 3.5}`))
	assert.ErrorIs(t, err, adminduk.ErrSyntax)
	_, err = registry.DecodeBirthReport(bytes.NewReader(append([]byte("\xef\xbb\xbf"), `{}`...)))
	assert.NoError(t, err, "a byte order mark is ignored")
}

// FuzzBirthReport feeds random JSON to decode and validate: neither panics,
// every rejection is typed, and a valid report survives encoding and decoding
// unchanged and still valid.
func FuzzBirthReport(f *testing.F) {
	seed, err := os.ReadFile("testdata/birth.json")
	require.NoError(f, err)
	f.Add(seed)
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"child": {"name": "\u0000", "birth_order": -1}, "witnesses": [{}, {}, {}]}`))
	f.Add([]byte(`{"parents": "ibu", "father": null, "proof": "sptjm", "witnesses": [{"nik": "6208011505800003"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := registry.DecodeBirthReport(bytes.NewReader(data))
		if err != nil {
			var de *registry.DecodeError
			if !assert.ErrorAs(t, err, &de) {
				return
			}
			return
		}
		err = r.Validate()
		if err != nil {
			var ve *adminduk.ValidationError
			require.ErrorAs(t, err, &ve)
			require.NotEmpty(t, ve.Fields)
			for _, fe := range ve.Fields {
				_, perr := adminduk.ParsePointer(string(fe.Pointer))
				require.NoError(t, perr)
				require.NotEmpty(t, fe.English)
				require.NotEmpty(t, fe.Indonesian)
			}
			return
		}
		out, err := json.Marshal(r)
		require.NoError(t, err)
		back, err := registry.DecodeBirthReport(bytes.NewReader(out))
		require.NoError(t, err)
		require.Equal(t, r, back)
		require.NoError(t, back.Validate())
	})
}
