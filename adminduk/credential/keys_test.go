package credential

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestKeyID(t *testing.T) {
	pub := testKey(1).Public().(ed25519.PublicKey)
	sum := sha256.Sum256(pub)
	assert.Equal(t, hex.EncodeToString(sum[:8]), KeyIDOf(pub).String())
	assert.Len(t, KeyIDOf(pub).String(), 16)
}

func TestGenerateKey(t *testing.T) {
	k1, err := GenerateKey(nil)
	require.NoError(t, err)
	k2, err := GenerateKey(rand.Reader)
	require.NoError(t, err)
	assert.Len(t, k1, ed25519.PrivateKeySize)
	assert.False(t, k1.Equal(k2))
	seeded, err := GenerateKey(bytes.NewReader(bytes.Repeat([]byte{1}, 32)))
	require.NoError(t, err)
	assert.True(t, seeded.Equal(testKey(1)), "GenerateKey reads the seed from random")
}

func TestPEM(t *testing.T) {
	priv := testKey(1)
	b, err := MarshalPrivateKeyPEM(priv)
	require.NoError(t, err)
	block, rest := pem.Decode(b)
	require.NotNil(t, block)
	assert.Empty(t, rest)
	assert.Equal(t, "PRIVATE KEY", block.Type)
	back, err := ParsePrivateKeyPEM(b)
	require.NoError(t, err)
	assert.True(t, priv.Equal(back))

	ec, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	ecDER, err := x509.MarshalPKCS8PrivateKey(ec)
	require.NoError(t, err)
	tests := []struct {
		name string
		in   []byte
	}{
		{"not PEM", []byte("junk")},
		{"another block type", pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: ecDER})},
		{"not PKCS#8", pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: []byte{1, 2, 3}})},
		{"a P-256 key", pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: ecDER})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParsePrivateKeyPEM(tt.in)
			require.ErrorIs(t, err, ErrKey)
		})
	}
	_, err = MarshalPrivateKeyPEM(priv[:10])
	require.ErrorIs(t, err, ErrKey)
}

func TestJWKSExactShape(t *testing.T) {
	s, _ := setup(t)
	pub := testKey(1).Public().(ed25519.PublicKey)
	sum := sha256.Sum256(pub)
	set := KeySet{}
	set.Add(s.PublicKey(time.Unix(1763769600, 0)))
	k := s.PublicKey(time.Unix(1700000000, 0))
	k.Expires = time.Unix(1763769600, 0)
	set.Add(k)
	b, err := json.Marshal(set)
	require.NoError(t, err)
	x := base64.RawURLEncoding.EncodeToString(pub)
	kid := hex.EncodeToString(sum[:8])
	want := fmt.Sprintf(`{"keys":[`+
		`{"kty":"OKP","crv":"Ed25519","x":"%[1]s","kid":"%[2]s","iss":"ID-6208","nbf":1763769600},`+
		`{"kty":"OKP","crv":"Ed25519","x":"%[1]s","kid":"%[2]s","iss":"ID-6208","nbf":1700000000,"exp":1763769600}]}`, x, kid)
	assert.JSONEq(t, want, string(b))
	assert.NotContains(t, string(b), "=", "base64url without padding")

	var back KeySet
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, set.Keys[0].ID, back.Keys[0].ID)
	assert.True(t, pub.Equal(back.Keys[0].Public))
	assert.Equal(t, time.Unix(1763769600, 0).UTC(), back.Keys[1].Expires)
	assert.True(t, back.Keys[0].Expires.IsZero())

	b2, err := json.Marshal(KeySet{})
	require.NoError(t, err)
	assert.JSONEq(t, `{"keys":[]}`, string(b2))
}

func TestJWKSP256(t *testing.T) {
	ec, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	raw, err := ec.PublicKey.Bytes()
	require.NoError(t, err)
	doc := fmt.Sprintf(`{"keys":[{"kty":"EC","crv":"P-256","x":%q,"y":%q,"kid":"0102030405060708","iss":"ID-3604","nbf":0,"use":"sig","alg":"ES256"}]}`,
		base64.RawURLEncoding.EncodeToString(raw[1:33]), base64.RawURLEncoding.EncodeToString(raw[33:]))
	var set KeySet
	require.NoError(t, json.Unmarshal([]byte(doc), &set))
	require.Len(t, set.Keys, 1)
	assert.True(t, ec.PublicKey.Equal(set.Keys[0].Public))
	assert.Equal(t, KeyID{1, 2, 3, 4, 5, 6, 7, 8}, set.Keys[0].ID)
	assert.Equal(t, "ID-3604", set.Keys[0].Issuer)
	b, err := json.Marshal(set)
	require.NoError(t, err)
	assert.JSONEq(t, doc[:len(doc)-len(`,"use":"sig","alg":"ES256"}]}`)]+`}]}`, string(b))
}

func TestJWKSErrors(t *testing.T) {
	pub := testKey(1).Public().(ed25519.PublicKey)
	x := base64.RawURLEncoding.EncodeToString(pub)
	kid := KeyIDOf(pub).String()
	okp := func(x, kid, iss string) string {
		return fmt.Sprintf(`{"kty":"OKP","crv":"Ed25519","x":%q,"kid":%q,"iss":%q,"nbf":0}`, x, kid, iss)
	}
	good := okp(x, kid, "ID-6208")
	tests := []struct {
		name  string
		doc   string
		index int // the key skipped
	}{
		{"kid of another key", `{"keys":[` + good + `,` + okp(x, "0000000000000000", "ID-6208") + `]}`, 1},
		{"kid not hex", `{"keys":[` + okp(x, "zz", "ID-6208") + `,` + good + `]}`, 0},
		{"kid of 4 bytes", `{"keys":[` + okp(x, kid[:8], "ID-6208") + `,` + good + `]}`, 0},
		{"iss not ID-dddd", `{"keys":[` + okp(x, kid, "6208") + `,` + good + `]}`, 0},
		{"x padded", `{"keys":[` + okp(base64.URLEncoding.EncodeToString(pub), kid, "ID-6208") + `,` + good + `]}`, 0},
		{"x of 31 bytes", `{"keys":[` + okp(base64.RawURLEncoding.EncodeToString(pub[:31]), kid, "ID-6208") + `,` + good + `]}`, 0},
		{"EC point not on the curve", `{"keys":[{"kty":"EC","crv":"P-256","x":"` + x + `","y":"` + x + `","kid":"0102030405060708","iss":"ID-6208"},` + good + `]}`, 0},
		{"EC without y", `{"keys":[{"kty":"EC","crv":"P-256","x":"` + x + `","kid":"0102030405060708","iss":"ID-6208"},` + good + `]}`, 0},
		{"nbf as text", `{"keys":[{"kty":"OKP","crv":"Ed25519","x":"` + x + `","kid":"` + kid + `","iss":"ID-6208","nbf":"0"},` + good + `]}`, 0},
		{"key not an object", `{"keys":[[1,2],` + good + `]}`, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// RFC 7517 section 5: an unusable key is skipped, the others kept.
			set, skipped, err := ParseJWKSet([]byte(tt.doc))
			require.NoError(t, err)
			require.Len(t, set.Keys, 1)
			assert.Equal(t, KeyIDOf(pub), set.Keys[0].ID)
			require.Len(t, skipped, 1)
			assert.Equal(t, tt.index, skipped[0].Index)
			require.ErrorIs(t, skipped[0], ErrKey)
			assert.NotContains(t, skipped[0].Error(), "Go value")
			var again KeySet
			require.NoError(t, json.Unmarshal([]byte(tt.doc), &again), "json.Unmarshal skips as well")
			assert.Len(t, again.Keys, 1)
		})
	}

	for _, doc := range []string{`{}`, `{"keys":{}}`, `{"keys":null}`, `null`, `[]`, `"keys"`, `{"keys":`, `not json`,
		`{"nik":"6208014512230001","name":"SITI NUR AISYAH","valid_until":"2029-03-09"}`} {
		t.Run("not a JWK Set: "+doc, func(t *testing.T) {
			_, _, err := ParseJWKSet([]byte(doc))
			require.ErrorIs(t, err, ErrNotJWKSet)
			require.ErrorIs(t, err, ErrKey)
			assert.NotContains(t, err.Error(), "Go value")
			assert.NotContains(t, err.Error(), "jwkSet")
			if json.Valid([]byte(doc)) { // encoding/json checks the syntax itself first
				var set KeySet
				require.ErrorIs(t, json.Unmarshal([]byte(doc), &set), ErrNotJWKSet)
			}
		})
	}

	t.Run("keys of other types are skipped (RFC 7517 section 5)", func(t *testing.T) {
		var set KeySet
		doc := `{"keys":[{"kty":"RSA","n":"AQAB","e":"AQAB","kid":"rsa"},{"kty":"OKP","crv":"X25519","x":"` + x + `"},` + good + `]}`
		require.NoError(t, json.Unmarshal([]byte(doc), &set))
		require.Len(t, set.Keys, 1)
		assert.Equal(t, KeyIDOf(pub), set.Keys[0].ID)
	})
	t.Run("unmarshal replaces the keys", func(t *testing.T) {
		set := KeySet{Keys: []Key{{Issuer: "ID-0000"}, {Issuer: "ID-0001"}}}
		require.NoError(t, json.Unmarshal([]byte(`{"keys":[`+good+`]}`), &set))
		require.Len(t, set.Keys, 1)
		assert.Equal(t, "ID-6208", set.Keys[0].Issuer)
	})
	t.Run("marshal refuses keys it cannot write", func(t *testing.T) {
		_, err := json.Marshal(KeySet{Keys: []Key{{Issuer: "ID-6208", Public: "not a key"}}})
		require.ErrorIs(t, err, ErrKey)
	})
}

func TestAppendJWKKeepsEveryMember(t *testing.T) {
	pub := testKey(1).Public().(ed25519.PublicKey)
	doc := `{"keys":[{"kty":"RSA","n":"AQAB","e":"AQAB","kid":"rsa-1","use":"sig"},` +
		`{"kty":"OKP","crv":"Ed25519","x":"` + base64.RawURLEncoding.EncodeToString(pub) + `","kid":"` + KeyIDOf(pub).String() +
		`","iss":"ID-6208","nbf":0,"use":"sig","alg":"EdDSA","x5t":"abc"}],"issuer":"Dinas Dukcapil"}`
	pub2 := testKey(2).Public().(ed25519.PublicKey)
	k := Key{ID: KeyIDOf(pub2), Issuer: "ID-6208", Public: pub2, NotBefore: time.Unix(1751302800, 0)}
	out, err := AppendJWK([]byte(doc), k)
	require.NoError(t, err)
	var before, after map[string]any
	require.NoError(t, json.Unmarshal([]byte(doc), &before))
	require.NoError(t, json.Unmarshal(out, &after))
	keys := after["keys"].([]any)
	require.Len(t, keys, 3)
	assert.Equal(t, before["keys"].([]any)[0], keys[0], "a key of another type, verbatim")
	assert.Equal(t, before["keys"].([]any)[1], keys[1], "use, alg, x5t kept")
	assert.Equal(t, "Dinas Dukcapil", after["issuer"])
	set, skipped, err := ParseJWKSet(out)
	require.NoError(t, err)
	assert.Empty(t, skipped)
	require.Len(t, set.Keys, 2)
	assert.Equal(t, k.ID, set.Keys[1].ID)

	fresh, err := AppendJWK(nil, k)
	require.NoError(t, err)
	set, _, err = ParseJWKSet(fresh)
	require.NoError(t, err)
	require.Len(t, set.Keys, 1)

	_, err = AppendJWK([]byte(`{"nik":"6208014512230001"}`), k)
	require.ErrorIs(t, err, ErrNotJWKSet)
}
