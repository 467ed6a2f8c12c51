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

// corrected returns the sample birth as version 2 with one marginal note,
// issued a week after its registration.
func corrected(t testing.TB) *akta.Birth {
	b := sampleBirth(t)
	b.Child.Name = "Siti Aminah Putri Lestari"
	b.IssuedAt = b.RegisteredAt.AddDays(7)
	b.Version = 2
	b.Notes = []akta.MarginalNote{{Date: b.IssuedAt, Text: "nama anak semula Siti Aminah Putri menjadi Siti Aminah Putri Lestari",
		Authority: "Penetapan Pengadilan Negeri Serang Nomor 12/Pdt.P/2023/PN Srg"}}
	return b
}

func TestMarginalNotesRoundTrip(t *testing.T) {
	b := corrected(t)
	require.NoError(t, b.Validate())
	data, err := json.Marshal(b)
	require.NoError(t, err)
	r, err := akta.DecodeRecord(data, akta.DecodeOptions{})
	require.NoError(t, err)
	back := r.(*akta.Birth)
	assert.Equal(t, b.Version, back.Version)
	assert.Equal(t, b.Notes, back.Notes)
	again, err := json.Marshal(back)
	require.NoError(t, err)
	assert.JSONEq(t, string(data), string(again))

	clone := b.Clone()
	clone.Notes[0].Text = "other"
	assert.NotEqual(t, "other", b.Notes[0].Text, "Clone copies the notes")

	assert.Equal(t, 2, b.Claims(b.IssuedAt.In(adminduk.WIB)).Document.Version, "the QR carries the version")
	assert.Equal(t, "NAMA ANAK SEMULA SITI AMINAH PUTRI MENJADI SITI AMINAH PUTRI LESTARI BERDASARKAN PENETAPAN PENGADILAN NEGERI SERANG NOMOR 12/PDT.P/2023/PN SRG, TANGGAL 8 SEPTEMBER 2023",
		b.Notes[0].Printed())
}

func TestMarginalNotesValidate(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(b *akta.Birth)
		want []adminduk.Pointer
	}{
		{"valid", func(b *akta.Birth) {}, nil},
		{"notes on version 1", func(b *akta.Birth) { b.Version = 1 }, []adminduk.Pointer{"/version"}},
		{"negative version", func(b *akta.Birth) { b.Version, b.Notes = -1, nil }, []adminduk.Pointer{"/version"}},
		{"no text", func(b *akta.Birth) { b.Notes[0].Text = " " }, []adminduk.Pointer{"/notes/0/text"}},
		{"no authority", func(b *akta.Birth) { b.Notes[0].Authority = "" }, []adminduk.Pointer{"/notes/0/authority"}},
		{"no date", func(b *akta.Birth) { b.Notes[0].Date = adminduk.Date{} }, []adminduk.Pointer{"/notes/0/date"}},
		{"not UTF-8", func(b *akta.Birth) { b.Notes[0].Text = "\xc3" }, []adminduk.Pointer{"/notes/0/text"}},
		{"authority too long", func(b *akta.Birth) { b.Notes[0].Authority = strings.Repeat("a", 201) }, []adminduk.Pointer{"/notes/0/authority"}},
		{"before registration", func(b *akta.Birth) { b.Notes[0].Date = b.RegisteredAt.AddDays(-1) }, []adminduk.Pointer{"/notes/0/date"}},
		{"after issue", func(b *akta.Birth) { b.Notes[0].Date = b.IssuedAt.AddDays(1) }, []adminduk.Pointer{"/notes/0/date"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := corrected(t)
			tc.edit(b)
			err := b.Validate()
			if tc.want == nil {
				require.NoError(t, err)
				return
			}
			var ve *adminduk.ValidationError
			require.ErrorAs(t, err, &ve)
			var got []adminduk.Pointer
			for _, f := range ve.Fields {
				got = append(got, f.Pointer)
				assert.NotEmpty(t, f.Indonesian)
				assert.NotEmpty(t, f.English)
			}
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestMarginalNoteBadDate(t *testing.T) {
	data, err := json.Marshal(corrected(t))
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(data, &m))
	m["notes"].([]any)[0].(map[string]any)["date"] = "08-09-2023"
	data, err = json.Marshal(m)
	require.NoError(t, err)
	_, err = akta.DecodeRecord(data, akta.DecodeOptions{})
	var ve *adminduk.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.NotNil(t, ve.Field("/notes/0/date"))
}

// FuzzMarginalNote: any note that validates survives akta.json: marshal,
// decode and marshal again give the same note and the same JSON.
func FuzzMarginalNote(f *testing.F) {
	f.Add("nama anak semula A B menjadi C D", "Penetapan PN Serang Nomor 1/Pdt.P/2023", 7, 2)
	f.Add("", "x", 0, 1)
	f.Add("ñ\u0301 é", "Keputusan", 3, 9)
	f.Fuzz(func(t *testing.T, text, authority string, days, version int) {
		b := sampleBirth(t)
		b.IssuedAt = b.RegisteredAt.AddDays(days % 400)
		b.Version = version
		b.Notes = []akta.MarginalNote{{Date: b.IssuedAt, Text: text, Authority: authority}}
		if b.Validate() != nil {
			return
		}
		data, err := json.Marshal(b)
		require.NoError(t, err)
		r, err := akta.DecodeRecord(data, akta.DecodeOptions{})
		require.NoError(t, err)
		back := r.(*akta.Birth)
		require.Equal(t, b.Notes, back.Notes)
		require.Equal(t, b.Version, back.Version)
		again, err := json.Marshal(back)
		require.NoError(t, err)
		require.JSONEq(t, string(data), string(again))
	})
}
