package credential

import (
	"bytes"
	"compress/zlib"
	"crypto"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"io"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"github.com/veraison/go-cose"

	"github.com/adminduk-id/adminduk/internal/base45"
)

// testKey is a fixed key, so that tests are reproducible.
func testKey(seed byte) ed25519.PrivateKey {
	return ed25519.NewKeyFromSeed(bytes.Repeat([]byte{seed}, ed25519.SeedSize))
}

// issued is the issue time of the test credentials.
var issued = time.Date(2026, 11, 22, 9, 30, 0, 0, time.UTC)

// kiaClaims is the KIA of a girl born on 5 December 2023: valid until her
// 5th birthday, 4 December 2028 inclusive.
func kiaClaims() Claims {
	exp, _ := KIAExpires("20281204")
	return Claims{
		IssuedAt: issued,
		Expires:  exp,
		Identity: Identity{NIK: "6208014512230001", Name: "SITI AMINAH PUTRI", BirthDate: "20231205", Sex: SexFemale,
			Nationality: NationalityIDN, District: "62.08.01", Country: NationalityIDN},
		Document: Document{Type: TypeKIA, Number: "6208014512230001", ValidUntil: "20281204", KKNumber: "6208012208230001"},
	}
}

// kia17Claims is the KIA of a boy born on 10 March 2012: valid until the day
// before his 17th birthday.
func kia17Claims() Claims {
	exp, _ := KIAExpires("20290309")
	return Claims{
		IssuedAt: issued,
		Expires:  exp,
		Identity: Identity{NIK: "6208011003120002", Name: "BAYU SAPUTRA", BirthDate: "20120310", Sex: SexMale,
			Nationality: NationalityIDN, District: "62.08.01", Country: NationalityIDN},
		Document: Document{Type: TypeKIA, Number: "6208011003120002", ValidUntil: "20290309"},
	}
}

// aktaClaims is a birth certificate: no exp.
func aktaClaims() Claims {
	return Claims{
		IssuedAt: issued,
		Identity: Identity{NIK: "6208014512230001", Name: "SITI AMINAH PUTRI", BirthDate: "20231205", Sex: SexFemale},
		Document: Document{Type: TypeAktaKelahiran, Number: "6208-LU-07122023-0001", KKNumber: "6208012208230001",
			EventDate: "20231205", EventPlace: "KUALA PEMBUANG"},
	}
}

// setup returns the signer of Kab. Seruyan and the key set that trusts it.
func setup(t testing.TB) (*Signer, KeySet) {
	t.Helper()
	s, err := NewSigner("ID-6208", testKey(1))
	require.NoError(t, err)
	return s, KeySet{Keys: []Key{s.PublicKey(issued.AddDate(0, -1, 0))}}
}

// sign signs c with s.
func sign(t testing.TB, s *Signer, c Claims) string {
	t.Helper()
	p, err := Sign(c, s)
	require.NoError(t, err)
	return p
}

// recode turns a COSE message into a transport payload.
func recode(t testing.TB, msg []byte) string {
	t.Helper()
	p, err := encodeTransport(msg)
	require.NoError(t, err)
	return p
}

// zlibBase45 compresses any bytes, level as given, and encodes them.
func zlibBase45(t testing.TB, b []byte, level int) string {
	t.Helper()
	var z bytes.Buffer
	w, err := zlib.NewWriterLevel(&z, level)
	require.NoError(t, err)
	_, err = w.Write(b)
	require.NoError(t, err)
	require.NoError(t, w.Close())
	return base45.Encode(z.Bytes())
}

// coseBytes returns the COSE message inside a payload.
func coseBytes(t testing.TB, payload string) []byte {
	t.Helper()
	z, err := base45.Decode(payload)
	require.NoError(t, err)
	zr, err := zlib.NewReader(bytes.NewReader(z))
	require.NoError(t, err)
	b, err := io.ReadAll(zr)
	require.NoError(t, err)
	return b
}

// signRaw signs arbitrary payload bytes with arbitrary headers, to build the
// variants other issuers emit.
func signRaw(t testing.TB, alg cose.Algorithm, key crypto.Signer, protected cose.ProtectedHeader, unprotected cose.UnprotectedHeader, payload []byte) string {
	t.Helper()
	signer, err := cose.NewSigner(alg, key)
	require.NoError(t, err)
	msg := cose.Sign1Message{Headers: cose.Headers{Protected: protected, Unprotected: unprotected}, Payload: payload}
	require.NoError(t, msg.Sign(rand.Reader, nil, signer))
	b, err := msg.MarshalCBOR()
	require.NoError(t, err)
	return recode(t, b)
}

// claimsBytes returns the CBOR claims of c, with the issuer of the tests.
func claimsBytes(t testing.TB, c Claims) []byte {
	t.Helper()
	if c.Issuer == "" {
		c.Issuer = "ID-6208"
	}
	b, err := c.marshal()
	require.NoError(t, err)
	return b
}

// errorsIs is errors.Is, named so that table tests read well.
func errorsIs(err, target error) bool { return errors.Is(err, target) }

// errorsAs is errors.As.
func errorsAs(err error, target any) bool { return errors.As(err, target) }

// base45Decode and base45Encode name the internal/base45 functions.
var (
	base45Decode = base45.Decode
	base45Encode = base45.Encode
)
