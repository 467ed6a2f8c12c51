package akta_test

import (
	"encoding/json"
	"github.com/adminduk-id/adminduk/adminduk"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/akta"
)

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in     string
		want   string // canonical form; "" when an error is expected
		err    error
		kind   akta.Kind
		late   bool
		legacy bool
	}{
		{in: "3201-LU-25082023-0001", want: "3201-LU-25082023-0001", kind: akta.KindBirth},
		{in: "3604-LT-01022024-9999", want: "3604-LT-01022024-9999", kind: akta.KindBirth, late: true},
		{in: "3604-KM-29022024-0012", want: "3604-KM-29022024-0012", kind: akta.KindDeath},
		{in: " 3201-lu-25082023-0001 ", want: "3201-LU-25082023-0001", kind: akta.KindBirth},
		{in: "9301-LU-01012023-0001", want: "9301-LU-01012023-0001", kind: akta.KindBirth}, // Merauke, current
		{in: "9101-LU-01012015-0001", want: "9101-LU-01012015-0001", kind: akta.KindBirth}, // Merauke, retired code
		{in: "3201-XX-25082023-0001", err: akta.ErrUnknownType},
		{in: "3201-L-25082023-0001", err: akta.ErrUnknownType},
		{in: "3299-LU-25082023-0001", err: akta.ErrUnknownOffice},
		{in: "3200-LU-25082023-0001", err: akta.ErrUnknownOffice},
		{in: "0101-LU-25082023-0001", err: akta.ErrUnknownOffice},
		{in: "32a1-LU-25082023-0001", err: akta.ErrSyntax},
		{in: "320-LU-25082023-0001", err: akta.ErrSyntax},
		{in: "3201-LU-2508202-0001", err: akta.ErrSyntax},
		{in: "3201-LU-25082023-001", err: akta.ErrSyntax},
		{in: "3201-LU-25082023-00x1", err: akta.ErrSyntax},
		{in: "3201-LU-29022023-0001", err: adminduk.ErrInvalidDate},
		{in: "3201-LU-31042023-0001", err: adminduk.ErrInvalidDate},
		{in: "3201-LU-25131999-0001", err: adminduk.ErrInvalidDate},
		{in: "3201-LU-25081899-0001", err: adminduk.ErrInvalidDate},
		{in: "3201-LU-25082023-0000", err: akta.ErrInvalidSerial},
		{in: "", err: akta.ErrSyntax},
		{in: "abc", err: akta.ErrSyntax},
		{in: "3201_LU_25082023_0001", err: akta.ErrSyntax},
		{in: "no digits here", err: akta.ErrSyntax},
		{in: "474.1/1234/2005", want: "474.1/1234/2005", legacy: true},
		{in: "AL. 502. 0012345", want: "AL. 502. 0012345", legacy: true},
		{in: "  1234/TP/2004  ", want: "1234/TP/2004", legacy: true},
		{in: "3201-25082023-0001", want: "3201-25082023-0001", legacy: true},
		// Malformed current-layout numbers are invalid with their reason,
		// never legacy.
		{in: "3604LU010920230042x", err: akta.ErrSyntax},
		{in: "3604-LU-01092023-0042x", err: akta.ErrSyntax},
		{in: "3604LU0109202300042", err: akta.ErrSyntax},
		{in: "360LU010920230042", err: akta.ErrSyntax},
		{in: "3604XX010920230042", err: akta.ErrUnknownType},
		{in: "3604LU310220230042", err: adminduk.ErrInvalidDate},
		{in: "3699LU010920230042", err: akta.ErrUnknownOffice},
		{in: "3604LU010920230000", err: akta.ErrInvalidSerial},
		{in: "3604 LU 0109 2023 0042", err: akta.ErrSyntax},
		// Well-formed without hyphens or with other separators: the
		// current layout.
		{in: "3604LU010920230042", want: "3604-LU-01092023-0042", kind: akta.KindBirth},
		{in: "3604 lt 01092023 0042", want: "3604-LT-01092023-0042", kind: akta.KindBirth, late: true},
		{in: "3604KM01092023-0042", want: "3604-KM-01092023-0042", kind: akta.KindDeath},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			n, err := akta.ParseNumberLegacy(tt.in)
			if tt.legacy {
				_, serr := akta.ParseNumber(tt.in)
				require.ErrorIs(t, serr, akta.ErrLegacy, "legacy only when asked for")
			}
			if tt.err != nil {
				require.ErrorIs(t, err, tt.err)
				var ne *akta.NumberError
				require.ErrorAs(t, err, &ne)
				assert.Equal(t, strings.TrimSpace(tt.in), ne.Input, "input kept")
				assert.False(t, n.IsValid())
				assert.Error(t, akta.ValidateNumber(tt.in))
				_, serr := akta.ParseNumber(tt.in)
				assert.ErrorIs(t, serr, tt.err, "the same reason without legacy")
				return
			}
			require.NoError(t, err)
			assert.True(t, n.IsValid())
			assert.Equal(t, tt.want, n.String())
			assert.Equal(t, tt.legacy, n.IsLegacy())
			assert.Equal(t, tt.kind, n.Kind())
			assert.Equal(t, tt.late, n.Late())
			again, err := akta.ParseNumberLegacy(n.String())
			require.NoError(t, err)
			assert.Equal(t, n, again)
		})
	}
}

func TestNumberInputTrimmedInError(t *testing.T) {
	_, err := akta.ParseNumber("3201-XX-25082023-0001")
	var ne *akta.NumberError
	require.ErrorAs(t, err, &ne)
	assert.Equal(t, "3201-XX-25082023-0001", ne.Input)
	assert.Contains(t, err.Error(), `"XX"`)
}

func TestNumberParts(t *testing.T) {
	n := akta.MustParseNumber("3201-LU-25082023-0042")
	assert.Equal(t, wilayah.MustParseCode("32.01"), n.Office())
	assert.Equal(t, "LU", n.Type())
	assert.Equal(t, adminduk.MustDate(2023, 8, 25), n.Date())
	assert.Equal(t, 42, n.Serial())
	assert.Equal(t, "3201-LU-25082023-0042", string(n.AppendTo(nil)))

	l, err := akta.ParseNumberLegacy("474.1/1234/2005")
	require.NoError(t, err)
	assert.False(t, l.Office().IsValid())
	assert.Equal(t, "", l.Type())
	assert.True(t, l.Date().IsZero())
	assert.Equal(t, 0, l.Serial())

	var zero akta.Number
	assert.False(t, zero.IsValid())
	assert.Equal(t, "", zero.String())
}

func TestNumberNoLegacy(t *testing.T) {
	_, err := akta.ParseNumber("474.1/1234/2005")
	require.ErrorIs(t, err, akta.ErrLegacy, "refused by default")
	n, err := akta.NewParser(akta.ParseOptions{AllowLegacy: true}).Parse("474.1/1234/2005")
	require.NoError(t, err)
	assert.True(t, n.IsLegacy())
	p := akta.NewParser(akta.ParseOptions{NoLegacy: true, AllowLegacy: true})
	_, err = p.Parse("474.1/1234/2005")
	require.ErrorIs(t, err, akta.ErrLegacy)
	_, err = p.Parse("3201-LU-25082023-0001")
	require.NoError(t, err)
}

func TestNumberLenientOffice(t *testing.T) {
	_, err := akta.ParseNumber("3299-LU-25082023-0001")
	require.ErrorIs(t, err, akta.ErrUnknownOffice)
	n, err := akta.NewParser(akta.ParseOptions{Lenient: true}).Parse("3299-LU-25082023-0001")
	require.NoError(t, err)
	assert.Equal(t, "32.99", n.Office().String())
	_, err = akta.NewParser(akta.ParseOptions{Lenient: true}).Parse("1001-LU-25082023-0001")
	require.ErrorIs(t, err, akta.ErrUnknownOffice, "no province 10")
}

func TestTypesConfigurable(t *testing.T) {
	types, err := akta.DefaultTypes().With(
		akta.Type{Code: "AKM", Kind: akta.KindDeath, Name: "kematian"},
		akta.Type{Code: "KMT", Kind: akta.KindDeath, Late: true, Name: "kematian terlambat"},
	)
	require.NoError(t, err)
	p := akta.NewParser(akta.ParseOptions{Types: types})

	n, err := p.Parse("3604-AKM-10032024-0001")
	require.NoError(t, err)
	assert.Equal(t, akta.KindDeath, n.Kind())
	_, err = akta.ParseNumber("3604-AKM-10032024-0001")
	require.ErrorIs(t, err, akta.ErrUnknownType, "not in the default table")
	_, err = p.Parse("3604-KM-10032024-0001")
	require.NoError(t, err, "old death code still parses")

	ty, ok := types.For(akta.KindDeath, false)
	require.True(t, ok)
	assert.Equal(t, "AKM", ty.Code, "the added code wins for new numbers")
	ty, _ = types.For(akta.KindDeath, true)
	assert.Equal(t, "KMT", ty.Code)
	ty, _ = akta.DefaultTypes().For(akta.KindDeath, true)
	assert.Equal(t, "KM", ty.Code, "no late death type: the on-time one")
	ty, _ = akta.DefaultTypes().For(akta.KindBirth, true)
	assert.Equal(t, "LT", ty.Code)

	for _, bad := range [][]akta.Type{
		{{Code: "L", Kind: akta.KindBirth}},
		{{Code: "LUXX", Kind: akta.KindBirth}},
		{{Code: "lu", Kind: akta.KindBirth}},
		{{Code: "L1", Kind: akta.KindBirth}},
		{{Code: "LU"}},
		{{Code: "LU", Kind: akta.KindBirth}, {Code: "LU", Kind: akta.KindBirth}},
		{},
	} {
		_, err := akta.NewTypes(bad...)
		assert.Error(t, err, "%v", bad)
	}
}

func TestNewNumber(t *testing.T) {
	n, err := akta.NewNumber(wilayah.MustParseCode("36.04.09"), akta.TypeBirthLate, adminduk.MustDate(2024, 2, 29), 7)
	require.NoError(t, err)
	assert.Equal(t, "3604-LT-29022024-0007", n.String())
	assert.Equal(t, n, akta.MustParseNumber(n.String()))

	for _, tc := range []struct {
		office wilayah.Code
		typ    akta.Type
		date   adminduk.Date
		serial int
		err    error
	}{
		{wilayah.Code{}, akta.TypeBirthOnTime, adminduk.MustDate(2024, 1, 1), 1, akta.ErrUnknownOffice},
		{wilayah.MustParseCode("36"), akta.TypeBirthOnTime, adminduk.MustDate(2024, 1, 1), 1, akta.ErrUnknownOffice},
		{wilayah.MustParseCode("36.04"), akta.Type{Code: "X"}, adminduk.MustDate(2024, 1, 1), 1, akta.ErrUnknownType},
		{wilayah.MustParseCode("36.04"), akta.TypeDeath, adminduk.Date{}, 1, adminduk.ErrInvalidDate},
		{wilayah.MustParseCode("36.04"), akta.TypeDeath, adminduk.MustDate(2024, 1, 1), 0, akta.ErrInvalidSerial},
		{wilayah.MustParseCode("36.04"), akta.TypeDeath, adminduk.MustDate(2024, 1, 1), 10000, akta.ErrInvalidSerial},
	} {
		_, err := akta.NewNumber(tc.office, tc.typ, tc.date, tc.serial)
		assert.ErrorIs(t, err, tc.err)
	}
}

func TestNumberText(t *testing.T) {
	type rec struct {
		N akta.Number `json:"n"`
	}
	b, err := json.Marshal(rec{akta.MustParseNumber("3201-LU-25082023-0001")})
	require.NoError(t, err)
	assert.JSONEq(t, `{"n":"3201-LU-25082023-0001"}`, string(b))
	var r rec
	require.NoError(t, json.Unmarshal(b, &r))
	assert.Equal(t, "3201-LU-25082023-0001", r.N.String())

	b, _ = json.Marshal(rec{})
	assert.JSONEq(t, `{"n":""}`, string(b))
	require.NoError(t, json.Unmarshal(b, &r))
	assert.False(t, r.N.IsValid())

	err = json.Unmarshal([]byte(`{"n":"3201-LU-31022023-0001"}`), &r)
	assert.ErrorIs(t, err, adminduk.ErrInvalidDate)
}

func TestNumberSQL(t *testing.T) {
	n := akta.MustParseNumber("3201-LU-25082023-0001")
	v, err := n.Value()
	require.NoError(t, err)
	assert.Equal(t, "3201-LU-25082023-0001", v)
	v, err = akta.Number{}.Value()
	require.NoError(t, err)
	assert.Nil(t, v)

	var m akta.Number
	require.NoError(t, m.Scan("3201-LU-25082023-0001"))
	assert.Equal(t, n, m)
	require.NoError(t, m.Scan([]byte("474.1/1234/2005")))
	assert.True(t, m.IsLegacy())
	require.NoError(t, m.Scan(nil))
	assert.False(t, m.IsValid())
	assert.Error(t, m.Scan(42))
}

func TestNumberCompare(t *testing.T) {
	ns := []akta.Number{
		{},
		akta.MustParseNumber("3201-LU-25082023-0001"),
		akta.MustParseNumber("3201-LU-25082023-0002"),
		akta.MustParseNumber("3201-LU-26082023-0001"),
		akta.MustParseNumber("3604-LT-01012020-0001"),
		legacy(t, "474.1/1234/2005"),
		legacy(t, "AL.502.0012345"),
	}
	for i := range ns {
		for j := range ns {
			want := 0
			if i < j {
				want = -1
			} else if i > j {
				want = 1
			}
			assert.Equal(t, want, ns[i].Compare(ns[j]), "%d vs %d", i, j)
		}
	}
}

func TestParseNumberAllocs(t *testing.T) {
	allocs := testing.AllocsPerRun(100, func() {
		_, _ = akta.ParseNumber("3201-LU-25082023-0001")
		_, _ = akta.ParseNumberLegacy("474.1/1234/2005")
	})
	assert.Zero(t, allocs)
}

func legacy(t *testing.T, s string) akta.Number {
	t.Helper()
	n, err := akta.ParseNumberLegacy(s)
	require.NoError(t, err)
	return n
}
