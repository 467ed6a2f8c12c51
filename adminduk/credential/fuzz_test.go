package credential

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"github.com/veraison/go-cose"
)

// checkResult checks the invariants of any result: a status in range, an
// error exactly when not valid, a *VerifyError with the same status.
func checkResult(t *testing.T, r Result) {
	require.NotZero(t, r.Status)
	require.LessOrEqual(t, r.Status, StatusMalformed)
	if r.Status == StatusValid {
		require.NoError(t, r.Err)
		return
	}
	var ve *VerifyError
	require.ErrorAs(t, r.Err, &ve)
	require.Equal(t, r.Status, ve.Status)
}

// FuzzVerify feeds arbitrary text to Verify: it never panics, and random
// text is never valid. Text may verify only if it carries one of the signed
// messages of the seeds (zlib ignores the padding bits of its last byte).
func FuzzVerify(f *testing.F) {
	s, keys := setup(f)
	ec, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(f, err)
	ecKid := KeyID{1, 2, 3, 4, 5, 6, 7, 8}
	keys.Add(Key{ID: ecKid, Issuer: "ID-6208", Public: &ec.PublicKey})
	es256 := signRaw(f, cose.AlgorithmES256, ec, cose.ProtectedHeader{cose.HeaderLabelAlgorithm: cose.AlgorithmES256, cose.HeaderLabelKeyID: ecKid[:]}, nil, claimsBytes(f, kiaClaims()))
	valid := [][]byte{}
	for _, p := range []string{sign(f, s, kiaClaims()), sign(f, s, aktaClaims()), es256} {
		f.Add(p)
		valid = append(valid, coseBytes(f, p))
	}
	for _, p := range []string{"", " ", "%69 VD92EX0", "GGW", "A", zlibBase45(f, []byte{0xd2, 0x84, 0x40, 0xa0, 0xf6, 0x40}, 9),
		zlibBase45(f, make([]byte, MaxDecompressed+1), 9)} {
		f.Add(p)
	}
	f.Fuzz(func(t *testing.T, p string) {
		r := Verify(p, keys, issued)
		checkResult(t, r)
		if r.Status == StatusValid {
			msg := coseBytes(t, p)
			found := false
			for _, v := range valid {
				found = found || bytes.Equal(v, msg)
			}
			require.True(t, found, "a text that carries no signed message verifies: %q", p)
		}
	})
}

// FuzzVerifyCOSE feeds arbitrary COSE bytes, compressed and encoded, to
// Verify: it exercises the CBOR and COSE decoders, never panics, and only
// the signed message itself is valid.
func FuzzVerifyCOSE(f *testing.F) {
	s, keys := setup(f)
	signed := coseBytes(f, sign(f, s, kiaClaims()))
	f.Add(signed)
	f.Add(signed[1:]) // untagged
	f.Add([]byte{0xd2, 0x84, 0x43, 0xa1, 0x01, 0x27, 0xa0, 0x41, 0xa0, 0x40})
	f.Add([]byte{0xd2, 0x84, 0x40, 0xa0, 0xf6, 0x40})
	f.Fuzz(func(t *testing.T, msg []byte) {
		if len(msg) > MaxDecompressed {
			return
		}
		r := Verify(recode(t, msg), keys, issued)
		checkResult(t, r)
		if r.Status == StatusValid {
			require.True(t, bytes.Equal(signed, msg) || bytes.Equal(signed[1:], msg), "an altered message verifies: %x", msg)
		}
	})
}

// FuzzSignVerify signs arbitrary claims: whatever Validate accepts signs,
// verifies and decodes to the same claims.
func FuzzSignVerify(f *testing.F) {
	s, keys := setup(f)
	f.Add("6208014512230001", "SITI AMINAH", "20231205", 2, "IDN", "62.08.01", "KIA", "20281204", "", "", int64(1795000000))
	f.Add("", "", "", 0, "", "", "AKTA-KEMATIAN", "", "20240310", "RSUD \u00e9", int64(-5))
	f.Add("x", "\xff", "2023", 3, "", "", "", "", "", "", int64(0))
	f.Fuzz(func(t *testing.T, nik, name, birth string, sex int, country, district, typ, validUntil, event, place string, iat int64) {
		c := Claims{
			Issuer:   "ID-6208",
			IssuedAt: time.Unix(iat, 0).UTC(),
			Identity: Identity{NIK: nik, Name: name, BirthDate: birth, Sex: sex, Nationality: country, District: district, Country: country},
			Document: Document{Type: typ, Number: nik, ValidUntil: validUntil, EventDate: event, EventPlace: place},
		}
		if typ == TypeKIA && validUntil != "" {
			c.Expires, _ = KIAExpires(validUntil)
		}
		payload, err := s.Sign(c)
		if c.Validate() != nil {
			require.ErrorIs(t, err, ErrClaims)
			return
		}
		require.NoError(t, err)
		r := Verify(payload, keys, c.IssuedAt)
		checkResult(t, r)
		if c.IssuedAt.Before(keys.Keys[0].NotBefore) {
			require.Equal(t, StatusUnknownKey, r.Status)
		} else {
			require.Contains(t, []Status{StatusValid, StatusExpired}, r.Status, "%v", r.Err)
		}
		c.Expires = c.Expires.UTC()
		require.Equal(t, c, r.Claims)
	})
}
