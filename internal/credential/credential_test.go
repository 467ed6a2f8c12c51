package credential

import (
	"bytes"
	"compress/zlib"
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"encoding/json"
	"image/png"
	"strings"
	"testing"
	"time"

	"github.com/adminduk-id/adminduk/internal/base45"
	"github.com/fxamacker/cbor/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/veraison/go-cose"
)

// testKey is a fixed key so that tests and examples are reproducible.
func testKey(seed byte) ed25519.PrivateKey {
	return ed25519.NewKeyFromSeed(bytes.Repeat([]byte{seed}, ed25519.SeedSize))
}

var issued = time.Date(2026, 11, 22, 9, 30, 0, 0, time.UTC)

func kiaClaims() Claims {
	return Claims{
		IssuedAt: issued,
		Expires:  EndOfDayWIB(time.Date(2028, 12, 4, 0, 0, 0, 0, time.UTC)),
		Identity: Identity{NIK: "6208014512230001", Name: "SITI AMINAH PUTRI", BirthDate: "20231205", Sex: 2,
			Nationality: "IDN", District: "62.08.01", Country: "IDN"},
		Document: Document{Type: TypeKIA, Number: "6208014512230001", ValidUntil: "20281204", KKNumber: "6208012208230001"},
	}
}

func setup(t testing.TB) (*Signer, KeySet) {
	s, err := NewSigner("ID-6208", testKey(1))
	require.NoError(t, err)
	return s, KeySet{Keys: []Key{s.PublicKey(issued.Add(-24 * time.Hour))}}
}

func TestSignVerifyRoundTrip(t *testing.T) {
	s, keys := setup(t)
	payload, err := s.Sign(kiaClaims())
	require.NoError(t, err)
	r := Verify(payload, keys, issued.Add(time.Hour))
	require.NoError(t, r.Err)
	assert.Equal(t, StatusValid, r.Status)
	want := kiaClaims()
	want.Issuer = "ID-6208"
	want.Expires = want.Expires.UTC()
	assert.Equal(t, want, r.Claims)
	assert.Equal(t, s.KeyID(), r.KeyID)

	again, err := s.Sign(kiaClaims())
	require.NoError(t, err)
	assert.Equal(t, payload, again, "same claims and key give the same bytes")
	assert.Equal(t, time.Date(2028, 12, 4, 16, 59, 59, 0, time.UTC), EndOfDayWIB(time.Date(2028, 12, 4, 0, 0, 0, 0, time.UTC)).UTC())
}

func TestClaimsEncoding(t *testing.T) {
	c := kiaClaims()
	c.Issuer = "ID-6208"
	b, err := c.marshal()
	require.NoError(t, err)
	var m map[any]any
	require.NoError(t, cbor.Unmarshal(b, &m))
	assert.Equal(t, "ID-6208", m[uint64(1)])
	assert.Equal(t, uint64(issued.Unix()), m[uint64(6)])
	assert.Contains(t, m, uint64(4))
	id := m[uint64(169)].(map[any]any)
	assert.Equal(t, "6208014512230001", id[uint64(1)])
	assert.Equal(t, uint64(2), id[uint64(9)])
	assert.Equal(t, "62.08.01", id[uint64(21)])
	doc := m[int64(-65537)].(map[any]any)
	assert.Equal(t, "KIA", doc[uint64(1)])
	assert.NotContains(t, doc, uint64(5), "absent fields are omitted")
	// Core deterministic: keys sorted by their encoding, so 1, 4, 6, 169, -65537.
	assert.Equal(t, byte(0xa5), b[0])
	assert.Equal(t, []byte{0x01}, b[1:2])

	for _, bad := range []func(*Claims){
		func(c *Claims) { c.Issuer = "6208" },
		func(c *Claims) { c.IssuedAt = time.Time{} },
		func(c *Claims) { c.Document.Type = "" },
		func(c *Claims) { c.Identity.BirthDate = "2023-12-05" },
		func(c *Claims) { c.Identity.Sex = 3 },
	} {
		c := kiaClaims()
		bad(&c)
		s, _ := setup(t)
		_, err := s.Sign(c)
		require.ErrorIs(t, err, ErrClaims)
	}
	s, _ := setup(t)
	c = kiaClaims()
	c.Issuer = "ID-3604"
	_, err = s.Sign(c)
	require.ErrorIs(t, err, ErrClaims)
}

func TestVerifyOutcomes(t *testing.T) {
	s, keys := setup(t)
	kia, err := s.Sign(kiaClaims())
	require.NoError(t, err)
	other, err := NewSigner("ID-6208", testKey(2))
	require.NoError(t, err)
	foreign, err := other.Sign(kiaClaims())
	require.NoError(t, err)

	tests := []struct {
		name    string
		payload string
		keys    KeySet
		at      time.Time
		want    Status
	}{
		{"valid on the last day", kia, keys, time.Date(2028, 12, 4, 16, 59, 59, 0, time.UTC), StatusValid},
		{"expired: the child turned 5", kia, keys, time.Date(2028, 12, 4, 17, 0, 0, 0, time.UTC), StatusExpired},
		{"issued in the future", kia, keys, issued.Add(-time.Hour), StatusNotYetValid},
		{"within the clock skew", kia, keys, issued.Add(-time.Minute), StatusValid},
		{"unknown key", foreign, keys, issued, StatusUnknownKey},
		{"empty key set", kia, KeySet{}, issued, StatusUnknownKey},
		{"not Base45", "hello world", keys, issued, StatusMalformed},
		{"empty", "", keys, issued, StatusMalformed},
		{"trimmed", strings.TrimSpace(kia[:len(kia)-1]), keys, issued, StatusMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Verify(tt.payload, tt.keys, tt.at)
			assert.Equal(t, tt.want, r.Status, "%v", r.Err)
			if tt.want == StatusValid {
				assert.NoError(t, r.Err)
				return
			}
			var ve *VerifyError
			require.ErrorAs(t, r.Err, &ve)
			assert.ErrorIs(t, r.Err, statusErrs[tt.want])
		})
	}
}

func TestKeyRotationAndCollisions(t *testing.T) {
	s, keys := setup(t)
	payload, err := s.Sign(kiaClaims())
	require.NoError(t, err)
	// A key of another Dinas that happens to share the kid is listed first.
	impostor := testKey(3).Public().(ed25519.PublicKey)
	set := KeySet{Keys: []Key{{ID: s.KeyID(), Issuer: "ID-3604", Public: impostor}, keys.Keys[0]}}
	assert.Equal(t, StatusValid, Verify(payload, set, issued).Status)

	// The key of the right kid belongs to another issuer: refused.
	wrongIss := keys.Keys[0]
	wrongIss.Issuer = "ID-3604"
	assert.Equal(t, StatusInvalidSignature, Verify(payload, KeySet{Keys: []Key{wrongIss}}, issued).Status)

	// A key rotated out before the document was issued does not vouch for it;
	// one that took effect after it neither.
	old := keys.Keys[0]
	old.Expires = issued.Add(-time.Hour)
	assert.Equal(t, StatusUnknownKey, Verify(payload, KeySet{Keys: []Key{old}}, issued).Status)
	late := keys.Keys[0]
	late.NotBefore = issued.Add(time.Hour)
	assert.Equal(t, StatusUnknownKey, Verify(payload, KeySet{Keys: []Key{late}}, issued).Status)
}

// recode turns a COSE message into a transport payload.
func recode(t testing.TB, msg []byte) string {
	p, err := encodeTransport(msg)
	require.NoError(t, err)
	return p
}

func coseBytes(t testing.TB, payload string) []byte {
	z, err := base45.Decode(payload)
	require.NoError(t, err)
	zr, err := zlib.NewReader(bytes.NewReader(z))
	require.NoError(t, err)
	var b bytes.Buffer
	_, err = b.ReadFrom(zr)
	require.NoError(t, err)
	return b.Bytes()
}

func TestEveryAlteredByteIsRejected(t *testing.T) {
	s, keys := setup(t)
	payload, err := s.Sign(kiaClaims())
	require.NoError(t, err)
	msg := coseBytes(t, payload)
	for i := range msg {
		for _, flip := range []byte{0x01, 0x80, 0xff} {
			altered := bytes.Clone(msg)
			altered[i] ^= flip
			r := Verify(recode(t, altered), keys, issued)
			require.NotEqual(t, StatusValid, r.Status, "byte %d ^ %#x accepted", i, flip)
			require.Contains(t, []Status{StatusInvalidSignature, StatusMalformed, StatusUnknownKey}, r.Status, "byte %d", i)
		}
	}
	for i := range payload {
		altered := []byte(payload)
		altered[i] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"[(strings.IndexByte("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:", payload[i])+1)%45]
		require.NotEqual(t, StatusValid, Verify(string(altered), keys, issued).Status, "character %d", i)
	}
}

func TestDecompressionCap(t *testing.T) {
	_, keys := setup(t)
	bomb := recode(t, make([]byte, MaxDecompressed+1))
	r := Verify(bomb, keys, issued)
	assert.Equal(t, StatusMalformed, r.Status)
	assert.Contains(t, r.Err.Error(), "more than")
}

// signRaw signs arbitrary payload bytes with arbitrary headers, to build the
// variants other issuers emit.
func signRaw(t testing.TB, alg cose.Algorithm, key crypto.Signer, protected cose.ProtectedHeader, unprotected cose.UnprotectedHeader, payload []byte) string {
	signer, err := cose.NewSigner(alg, key)
	require.NoError(t, err)
	msg := cose.Sign1Message{Headers: cose.Headers{Protected: protected, Unprotected: unprotected}, Payload: payload}
	require.NoError(t, msg.Sign(rand.Reader, nil, signer))
	b, err := msg.MarshalCBOR()
	require.NoError(t, err)
	return recode(t, b)
}

func TestAcceptedVariants(t *testing.T) {
	c := kiaClaims()
	c.Issuer = "ID-6208"
	claims, err := c.marshal()
	require.NoError(t, err)
	priv := testKey(1)
	kid := KeyIDOf(priv.Public().(ed25519.PublicKey))
	keys := KeySet{Keys: []Key{{ID: kid, Issuer: "ID-6208", Public: priv.Public()}}}

	t.Run("kid in the unprotected header", func(t *testing.T) {
		p := signRaw(t, cose.AlgorithmEdDSA, priv, cose.ProtectedHeader{cose.HeaderLabelAlgorithm: cose.AlgorithmEdDSA},
			cose.UnprotectedHeader{cose.HeaderLabelKeyID: kid[:]}, claims)
		assert.Equal(t, StatusValid, Verify(p, keys, issued).Status)
	})
	t.Run("ES256", func(t *testing.T) {
		ec, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		require.NoError(t, err)
		ecKid := KeyID{1, 2, 3, 4, 5, 6, 7, 8}
		p := signRaw(t, cose.AlgorithmES256, ec, cose.ProtectedHeader{cose.HeaderLabelAlgorithm: cose.AlgorithmES256, cose.HeaderLabelKeyID: ecKid[:]}, nil, claims)
		set := KeySet{Keys: []Key{{ID: ecKid, Issuer: "ID-6208", Public: &ec.PublicKey}}}
		assert.Equal(t, StatusValid, Verify(p, set, issued).Status)
		// The same kid on an Ed25519 key: the algorithm and the key must agree.
		set.Keys[0].Public = priv.Public()
		assert.Equal(t, StatusInvalidSignature, Verify(p, set, issued).Status)
	})
	t.Run("claim 169 as a byte string", func(t *testing.T) {
		var m map[int]cbor.RawMessage
		require.NoError(t, cbor.Unmarshal(claims, &m))
		wrapped, err := cbor.Marshal([]byte(m[169]))
		require.NoError(t, err)
		m[169] = wrapped
		b, err := encMode.Marshal(m)
		require.NoError(t, err)
		p := signRaw(t, cose.AlgorithmEdDSA, priv, cose.ProtectedHeader{cose.HeaderLabelAlgorithm: cose.AlgorithmEdDSA, cose.HeaderLabelKeyID: kid[:]}, nil, b)
		r := Verify(p, keys, issued)
		require.Equal(t, StatusValid, r.Status, "%v", r.Err)
		assert.Equal(t, "SITI AMINAH PUTRI", r.Claims.Identity.Name)
	})
	t.Run("no kid", func(t *testing.T) {
		p := signRaw(t, cose.AlgorithmEdDSA, priv, cose.ProtectedHeader{cose.HeaderLabelAlgorithm: cose.AlgorithmEdDSA}, nil, claims)
		assert.Equal(t, StatusUnknownKey, Verify(p, keys, issued).Status)
	})
	t.Run("payload that is not claims", func(t *testing.T) {
		p := signRaw(t, cose.AlgorithmEdDSA, priv, cose.ProtectedHeader{cose.HeaderLabelAlgorithm: cose.AlgorithmEdDSA, cose.HeaderLabelKeyID: kid[:]}, nil, []byte("not cbor"))
		assert.Equal(t, StatusMalformed, Verify(p, keys, issued).Status)
	})
}

func TestKeysPEMAndJWKS(t *testing.T) {
	priv := testKey(1)
	pemBytes, err := MarshalPrivateKeyPEM(priv)
	require.NoError(t, err)
	assert.True(t, bytes.HasPrefix(pemBytes, []byte("-----BEGIN PRIVATE KEY-----")))
	back, err := ParsePrivateKeyPEM(pemBytes)
	require.NoError(t, err)
	assert.True(t, priv.Equal(back))
	_, err = ParsePrivateKeyPEM([]byte("junk"))
	assert.Error(t, err)

	s, keys := setup(t)
	ec, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	keys.Add(Key{ID: KeyID{9}, Issuer: "ID-3604", Public: &ec.PublicKey, NotBefore: issued, Expires: issued.AddDate(2, 0, 0)})
	b, err := json.Marshal(keys)
	require.NoError(t, err)
	var generic struct {
		Keys []map[string]any `json:"keys"`
	}
	require.NoError(t, json.Unmarshal(b, &generic))
	first := generic.Keys[0]
	assert.Equal(t, "OKP", first["kty"])
	assert.Equal(t, "Ed25519", first["crv"])
	assert.Equal(t, s.KeyID().String(), first["kid"])
	assert.Len(t, first["kid"], 16)
	assert.Equal(t, "ID-6208", first["iss"])
	assert.NotContains(t, first, "exp")
	assert.NotContains(t, first["x"], "=")

	var back2 KeySet
	require.NoError(t, json.Unmarshal(b, &back2))
	require.Len(t, back2.Keys, 2)
	assert.Equal(t, keys.Keys[0].ID, back2.Keys[0].ID)
	assert.True(t, ec.PublicKey.Equal(back2.Keys[1].Public))
	assert.Equal(t, issued.AddDate(2, 0, 0), back2.Keys[1].Expires)

	bad := strings.Replace(string(b), s.KeyID().String(), "0000000000000000", 1)
	assert.Error(t, json.Unmarshal([]byte(bad), &back2), "an Ed25519 kid must match its key")
	assert.Error(t, json.Unmarshal([]byte(`{"keys":[{"kty":"RSA","kid":"0000000000000000","iss":"ID-6208"}]}`), &back2))
}

func TestQRRoundTrip(t *testing.T) {
	s, keys := setup(t)
	payload, err := s.Sign(kiaClaims())
	require.NoError(t, err)
	q, err := QR(payload)
	require.NoError(t, err)
	assert.LessOrEqual(t, q.VersionNumber, MaxKIAVersion, "a KIA credential fits QR version 15")
	pngBytes, err := QRPNG(payload, 600)
	require.NoError(t, err)
	img, err := png.Decode(bytes.NewReader(pngBytes))
	require.NoError(t, err)
	text, err := DecodeQR(img)
	require.NoError(t, err)
	assert.Equal(t, payload, text)
	assert.Equal(t, StatusValid, Verify(text, keys, issued).Status)
}

func FuzzVerify(f *testing.F) {
	s, keys := setup(f)
	payload, err := s.Sign(kiaClaims())
	require.NoError(f, err)
	f.Add(payload)
	f.Add("")
	f.Add("%69 VD92EX0")
	f.Fuzz(func(t *testing.T, p string) {
		r := Verify(p, keys, issued)
		if p != payload && r.Status == StatusValid {
			// Another valid text must carry the same signed message.
			require.Equal(t, coseBytes(t, payload), coseBytes(t, p))
		}
		if r.Status != StatusValid {
			require.Error(t, r.Err)
		}
	})
}

func BenchmarkSign(b *testing.B) {
	s, _ := setup(b)
	c := kiaClaims()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Sign(c); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkVerify(b *testing.B) {
	s, keys := setup(b)
	p, _ := s.Sign(kiaClaims())
	b.ReportAllocs()
	for b.Loop() {
		if Verify(p, keys, issued).Status != StatusValid {
			b.Fatal("not valid")
		}
	}
}

func BenchmarkSignAndQRPNG(b *testing.B) {
	s, _ := setup(b)
	c := kiaClaims()
	b.ReportAllocs()
	for b.Loop() {
		p, err := s.Sign(c)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := QRPNG(p, 300); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkQR(b *testing.B) {
	s, _ := setup(b)
	p, _ := s.Sign(kiaClaims())
	b.ReportAllocs()
	for b.Loop() {
		if _, err := QR(p); err != nil {
			b.Fatal(err)
		}
	}
}
