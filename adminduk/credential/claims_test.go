package credential

import (
	"encoding/hex"
	"strings"
	"testing"
	"time"

	"github.com/fxamacker/cbor/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// hexOf joins hex pieces, ignoring the spaces that make them readable.
func hexOf(t *testing.T, pieces ...string) []byte {
	b, err := hex.DecodeString(strings.ReplaceAll(strings.Join(pieces, ""), " ", ""))
	require.NoError(t, err)
	return b
}

// TestClaimsBytes pins the claims map against bytes assembled by hand from
// CREDENTIAL.md and RFC 8949: deterministic order 1, 4, 6, 169, -65537,
// shortest integers, absent fields left out.
func TestClaimsBytes(t *testing.T) {
	text := func(s string) string { return hex.EncodeToString(append([]byte{0x60 | byte(len(s))}, s...)) }
	tests := []struct {
		name   string
		claims Claims
		want   []byte
	}{
		{
			name: "akta: no exp, sparse identity",
			claims: Claims{Issuer: "ID-6208", IssuedAt: time.Unix(1700000000, 0),
				Identity: Identity{NIK: "6208014512230001"},
				Document: Document{Type: TypeAktaKelahiran, Number: "6208-LU-01012024-0001"}},
			want: hexOf(t, "a4",
				"01", text("ID-6208"),
				"06 1a 6553f100",
				"18a9 a1", "01", text("6208014512230001"),
				"3a00010000 a2", "01", text("AKTA-KELAHIRAN"), "02 75", hex.EncodeToString([]byte("6208-LU-01012024-0001"))),
		},
		{
			name: "KIA: exp, sex as an integer, small iat",
			claims: Claims{Issuer: "ID-6208", IssuedAt: time.Unix(23, 0), Expires: time.Unix(255, 0),
				Identity: Identity{Sex: SexMale, Country: "IDN"},
				Document: Document{Type: TypeKIA}},
			want: hexOf(t, "a5",
				"01", text("ID-6208"),
				"04 18ff",
				"06 17",
				"18a9 a2 09 01 17", text("IDN"),
				"3a00010000 a1 01", text("KIA")),
		},
		{
			name: "no identity at all",
			claims: Claims{Issuer: "ID-6208", IssuedAt: time.Unix(65536, 0),
				Document: Document{Type: "KK"}},
			want: hexOf(t, "a3", "01", text("ID-6208"), "06 1a00010000", "3a00010000 a1 01", text("KK")),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.claims.marshal()
			require.NoError(t, err)
			assert.Equal(t, hex.EncodeToString(tt.want), hex.EncodeToString(got))
			back, err := unmarshalClaims(got)
			require.NoError(t, err)
			want := tt.claims
			want.IssuedAt = want.IssuedAt.UTC()
			if !want.Expires.IsZero() {
				want.Expires = want.Expires.UTC()
			}
			assert.Equal(t, want, back)
		})
	}
}

func TestClaimsFullRoundTrip(t *testing.T) {
	for _, c := range []Claims{kiaClaims(), kia17Claims(), aktaClaims()} {
		c.Issuer = "ID-6208"
		b, err := c.marshal()
		require.NoError(t, err)
		back, err := unmarshalClaims(b)
		require.NoError(t, err)
		c.IssuedAt, c.Expires = c.IssuedAt.UTC(), c.Expires.UTC()
		assert.Equal(t, c, back)
	}
}

func TestUnmarshalClaims(t *testing.T) {
	idMap := map[int]any{1: "6208014512230001", 4: "SITI", 9: 2}
	idBytes, err := cbor.Marshal(idMap)
	require.NoError(t, err)
	doc := map[int]any{1: "KIA"}
	tests := []struct {
		name    string
		claims  any
		wantErr bool
	}{
		{"claim 169 as a map", map[int]any{1: "ID-6208", 6: 1, 169: idMap, -65537: doc}, false},
		{"claim 169 as a byte string (Inji Certify)", map[int]any{1: "ID-6208", 6: 1, 169: idBytes, -65537: doc}, false},
		{"unknown claims are ignored", map[any]any{1: "ID-6208", 6: 1, 169: idMap, -65537: doc, 2: "sub", "x": 1, -70000: []int{1}}, false},
		{"claim 169 as a byte string of junk", map[int]any{1: "ID-6208", 6: 1, 169: []byte{0xff}, -65537: doc}, true},
		{"claim 169 as a byte string with trailing bytes", map[int]any{1: "ID-6208", 6: 1, 169: append(append([]byte{}, idBytes...), 0), -65537: doc}, true},
		{"claim 169 as text", map[int]any{1: "ID-6208", 6: 1, 169: "x", -65537: doc}, true},
		{"iss missing", map[int]any{6: 1, -65537: doc}, true},
		{"iat missing", map[int]any{1: "ID-6208", -65537: doc}, true},
		{"document missing", map[int]any{1: "ID-6208", 6: 1}, true},
		{"iss not text", map[int]any{1: 6208, 6: 1, -65537: doc}, true},
		{"iat a float", map[int]any{1: "ID-6208", 6: 1.5, -65537: doc}, true},
		{"iat beyond int64", map[int]any{1: "ID-6208", 6: uint64(1) << 63, -65537: doc}, true},
		{"NIK not text", map[int]any{1: "ID-6208", 6: 1, 169: map[int]any{1: 6208014512230001}, -65537: doc}, true},
		{"not a map", []int{1, 2}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := cbor.Marshal(tt.claims)
			require.NoError(t, err)
			c, err := unmarshalClaims(b)
			if tt.wantErr {
				assert.Error(t, err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, "ID-6208", c.Issuer)
			assert.Equal(t, "KIA", c.Document.Type)
		})
	}
	t.Run("duplicate keys", func(t *testing.T) {
		b := hexOf(t, "a3 01 6749442d36323038 01 6749442d33363034 06 01")
		_, err := unmarshalClaims(b)
		assert.Error(t, err)
	})
	t.Run("indefinite length", func(t *testing.T) {
		b := hexOf(t, "bf 01 6749442d36323038 06 01 3a00010000 a0 ff")
		_, err := unmarshalClaims(b)
		assert.Error(t, err)
	})
	t.Run("invalid UTF-8", func(t *testing.T) {
		b := hexOf(t, "a3 01 62c328 06 01 3a00010000 a0")
		_, err := unmarshalClaims(b)
		assert.Error(t, err)
	})
}

func TestKIAExpires(t *testing.T) {
	exp, err := KIAExpires("20281204")
	require.NoError(t, err)
	assert.Equal(t, time.Date(2028, 12, 4, 16, 59, 59, 0, time.UTC), exp.UTC())
	assert.Equal(t, "2028-12-04T23:59:59+07:00", exp.Format(time.RFC3339))
	assert.True(t, EndOfDayWIB(time.Date(2028, 12, 4, 0, 0, 0, 0, time.UTC)).Equal(exp))

	// 29 February: a child born on 29 February 2012 turns 17 on 1 March
	// 2029, so the KIA is valid until 28 February.
	_, err = KIAExpires("20290229")
	require.ErrorIs(t, err, ErrClaims)
	for _, bad := range []string{"", "2028124", "2028-12-04", "20281304", "2028120x"} {
		_, err := KIAExpires(bad)
		var ce *ClaimsError
		require.ErrorAs(t, err, &ce, bad)
		assert.Equal(t, "Document.ValidUntil", ce.Field)
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(*Claims)
		field string // "" when valid
	}{
		{"KIA", func(*Claims) {}, ""},
		{"akta", func(c *Claims) { *c = aktaClaims(); c.Issuer = "ID-6208" }, ""},
		{"another document type", func(c *Claims) { c.Document.Type = "KK"; c.Expires = time.Time{} }, ""},
		{"KIA without valid-until but with exp", func(c *Claims) { c.Document.ValidUntil = "" }, ""},
		{"issuer without ID-", func(c *Claims) { c.Issuer = "6208" }, "Issuer"},
		{"issuer of 3 digits", func(c *Claims) { c.Issuer = "ID-620" }, "Issuer"},
		{"no issue time", func(c *Claims) { c.IssuedAt = time.Time{} }, "IssuedAt"},
		{"no document type", func(c *Claims) { c.Document.Type = "" }, "Document.Type"},
		{"sex 3", func(c *Claims) { c.Identity.Sex = 3 }, "Identity.Sex"},
		{"sex -1", func(c *Claims) { c.Identity.Sex = -1 }, "Identity.Sex"},
		{"birth date with dashes", func(c *Claims) { c.Identity.BirthDate = "2023-12-05" }, "Identity.BirthDate"},
		{"31 November", func(c *Claims) { c.Document.EventDate = "20231131" }, "Document.EventDate"},
		{"valid-until not a date", func(c *Claims) { c.Document.ValidUntil = "20281232" }, "Document.ValidUntil"},
		{"KIA without exp", func(c *Claims) { c.Expires = time.Time{} }, "Expires"},
		{"KIA exp not the end of the valid-until day", func(c *Claims) { c.Expires = c.Expires.Add(time.Second) }, "Expires"},
		{"akta with exp", func(c *Claims) { c.Document.Type = TypeAktaKematian }, "Expires"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := kiaClaims()
			c.Issuer = "ID-6208"
			tt.edit(&c)
			err := c.Validate()
			if tt.field == "" {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, ErrClaims)
			var ce *ClaimsError
			require.ErrorAs(t, err, &ce)
			assert.Equal(t, tt.field, ce.Field)
		})
	}
}
