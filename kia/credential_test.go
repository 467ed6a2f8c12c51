package kia

import (
	"crypto/ed25519"
	"testing"
	"time"

	"github.com/adminduk-id/adminduk/internal/testtool"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/credential"
)

// testSigner returns a signer for ID-6208 with a fixed key, and the key set
// that trusts it.
func testSigner(t testing.TB, seed byte) (*credential.Signer, credential.KeySet) {
	t.Helper()
	seedBytes := make([]byte, 32)
	seedBytes[0] = seed
	s, err := credential.NewSigner("ID-6208", ed25519.NewKeyFromSeed(seedBytes))
	require.NoError(t, err)
	var ks credential.KeySet
	ks.Add(s.PublicKey(time.Date(2016, 1, 1, 0, 0, 0, 0, adminduk.WIB)))
	return s, ks
}

func TestClaims(t *testing.T) {
	c := load(t, "newborn.json")
	cl, err := c.Claims(Rules{})
	require.NoError(t, err)
	assert.Equal(t, credential.Claims{
		Issuer:   "ID-6208",
		IssuedAt: time.Date(2023, 12, 20, 0, 0, 0, 0, adminduk.WIB),
		Expires:  time.Date(2028, 12, 5, 23, 59, 59, 0, adminduk.WIB),
		Identity: credential.Identity{
			NIK: "6208014512230001", Name: "SITI NUR AISYAH", BirthDate: "20231205", Sex: 2,
			Nationality: "IDN", District: "62.08.01", Country: "IDN",
		},
		Document: credential.Document{
			Type: "KIA", Number: "6208014512230001", ValidUntil: "20281205", KKNumber: "6208011012230003",
		},
	}, cl)
	assert.Equal(t, "2028-12-05T16:59:59Z", cl.Expires.UTC().Format(time.RFC3339))

	c.Citizenship = adminduk.WNA
	c.PermitUntil = d("2026-01-31")
	cl, err = c.Claims(Rules{})
	require.NoError(t, err)
	assert.Empty(t, cl.Identity.Nationality, "a foreign child's nationality is not on the card")
	assert.Equal(t, "20260131", cl.Document.ValidUntil, "the permit ends the card")

	c.PermitUntil = adminduk.Date{}
	_, err = c.Claims(Rules{})
	assert.ErrorIs(t, err, ErrPermitRequired)
}

func TestSignAndVerify(t *testing.T) {
	s, keys := testSigner(t, 1)
	c := load(t, "child.json")
	payload, err := c.Sign(s, Rules{})
	require.NoError(t, err)
	again, err := c.Sign(s, Rules{})
	require.NoError(t, err)
	assert.Equal(t, payload, again, "signing is deterministic")

	want, err := c.Claims(Rules{})
	require.NoError(t, err)
	r := credential.Verify(payload, keys, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))
	require.Equal(t, credential.StatusValid, r.Status, "%v", r.Err)
	assert.Equal(t, want.Identity, r.Claims.Identity)
	assert.Equal(t, want.Document, r.Claims.Document)
	assert.True(t, want.Expires.Equal(r.Claims.Expires))

	// Valid through the last day, expired the next second.
	last := time.Date(2032, 5, 6, 23, 59, 59, 0, adminduk.WIB)
	assert.Equal(t, credential.StatusValid, credential.Verify(payload, keys, last).Status)
	assert.Equal(t, credential.StatusExpired, credential.Verify(payload, keys, last.Add(time.Second)).Status)

	_, other := testSigner(t, 2)
	assert.Equal(t, credential.StatusUnknownKey, credential.Verify(payload, other, last).Status)
	assert.Equal(t, credential.StatusMalformed, credential.Verify("not base45 ~", keys, last).Status)
}

func TestSignErrors(t *testing.T) {
	s, _ := testSigner(t, 1)
	c := load(t, "newborn.json")
	_, err := c.Sign(nil, Rules{})
	assert.Error(t, err)
	other, err := credential.NewSigner("ID-3201", ed25519.NewKeyFromSeed(make([]byte, 32)))
	require.NoError(t, err)
	_, err = c.Sign(other, Rules{})
	assert.ErrorContains(t, err, `card issued by "ID-6208", signer is "ID-3201"`)
	c.IssuedAt = d("2041-01-01")
	_, err = c.Sign(s, Rules{})
	assert.ErrorIs(t, err, ErrTooOld)
}

// TestCredentialFitsBudget checks CREDENTIAL.md's budget: a KIA credential
// fits QR version 15 at level Q for a name of 60 letters A-Z, the most the
// regulation allows, and a 16-digit akta number.
func TestCredentialFitsBudget(t *testing.T) {
	s, _ := testSigner(t, 1)
	c := load(t, "child.json")
	c.Name = "QWERTYUIOP ASDFGHJKLZ XCVBNMQWER TYUIOPASDF GHJKLZXCVB NMQWERTY"
	require.Len(t, c.Name, 63)
	c.Name = c.Name[:60]
	payload, err := c.Sign(s, Rules{})
	require.NoError(t, err)
	q, err := testtool.QR(payload)
	require.NoError(t, err)
	assert.LessOrEqual(t, q.VersionNumber, credential.MaxKIAVersion, "%d chars", len(payload))
}
