package registry_test

import (
	"encoding/json"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/kia"
	"github.com/adminduk-id/adminduk/registry"
)

// allValidUTF8 reports whether every one of ss is valid UTF-8 (their
// concatenation may be valid when two of them are not: "\xe5\xa3" + "\xab").
func allValidUTF8(ss ...string) bool {
	for _, s := range ss {
		if !utf8.ValidString(s) {
			return false
		}
	}
	return true
}

// FuzzSchoolResultRoundTrip: a school batch's result is stored as JSON and
// returned as it was on a replay, so every result must survive the round
// trip unchanged.
func FuzzSchoolResultRoundTrip(f *testing.F) {
	f.Add(0, "6208014112260001", "Siti", "SD Negeri 1", "1A", "issued", uint8(2), 2, int64(0), "/pupils/0/nik", "wajib", "required")
	f.Add(7, "12345", "<script>", "", "", "invalid_nik", uint8(0), 0, int64(-40000), "", "", "")
	f.Fuzz(func(t *testing.T, index int, nik, name, school, class, outcome string, kind uint8, version int, days int64, ptr, id, en string) {
		e := registry.SchoolEntry{Index: index, NIK: nik, Name: name, School: school, Class: class,
			Outcome: registry.SchoolOutcome(outcome), Kind: kia.Kind(kind), Version: version}
		if days > -300000 && days < 300000 {
			e.ValidUntil = adminduk.MustDate(2026, 12, 3).AddDays(int(days))
		}
		if ptr != "" || id != "" || en != "" {
			e.Problem = &adminduk.FieldError{Pointer: adminduk.Pointer(ptr), Code: adminduk.CodeInvalid, Indonesian: id, English: en}
		}
		in := registry.SchoolBatchResult{PartnerID: name, BatchKey: class, Issued: []registry.SchoolEntry{e}, NoAkta: []registry.SchoolEntry{e, e}}
		b, err := json.Marshal(&in)
		require.NoError(t, err)
		var out registry.SchoolBatchResult
		require.NoError(t, json.Unmarshal(b, &out))
		if allValidUTF8(nik, name, school, class, outcome, ptr, id, en) {
			require.Equal(t, in, out) // invalid UTF-8 is replaced by U+FFFD, then stable
		}
		b2, err := json.Marshal(&out)
		require.NoError(t, err)
		require.JSONEq(t, string(b), string(b2))
		require.Equal(t, in.Len(), out.Len())
	})
}
