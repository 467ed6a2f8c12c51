package credential

import (
	"bytes"
	"compress/zlib"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"strings"
	"testing"
	"time"

	"github.com/fxamacker/cbor/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/veraison/go-cose"

	"github.com/adminduk-id/adminduk/internal/base45"
)

// wantStatus checks a result: its status, and for a failure the typed error
// and its sentinel.
func wantStatus(t *testing.T, want Status, r Result) {
	t.Helper()
	require.Equal(t, want.String(), r.Status.String(), "%v", r.Err)
	if want == StatusValid {
		require.NoError(t, r.Err)
		return
	}
	var ve *VerifyError
	require.ErrorAs(t, r.Err, &ve)
	assert.Equal(t, want, ve.Status)
	sentinels := map[Status]error{StatusMalformed: ErrMalformed, StatusUnknownKey: ErrUnknownKey,
		StatusInvalidSignature: ErrInvalidSignature, StatusExpired: ErrExpired, StatusNotYetValid: ErrNotYetValid}
	for s, e := range sentinels {
		assert.Equal(t, s == want, errorsIs(r.Err, e), "%v is %v", r.Err, e)
	}
}

func TestSignVerifyRoundTrip(t *testing.T) {
	s, keys := setup(t)
	for _, c := range []Claims{kiaClaims(), kia17Claims(), aktaClaims()} {
		t.Run(c.Document.Type+" "+c.Identity.Name, func(t *testing.T) {
			payload := sign(t, s, c)
			r := Verify(payload, keys, issued.Add(time.Hour))
			wantStatus(t, StatusValid, r)
			assert.True(t, r.Authentic())
			want := c
			want.Issuer = "ID-6208"
			want.IssuedAt, want.Expires = want.IssuedAt.UTC(), want.Expires.UTC()
			assert.Equal(t, want, r.Claims)
			assert.Equal(t, s.KeyID(), r.Kid)

			// The COSE message is exactly as CREDENTIAL.md says.
			msg := coseBytes(t, payload)
			require.Equal(t, []byte{0xd2, 0x84}, msg[:2], "tag 18, array of 4")
			var m cose.Sign1Message
			require.NoError(t, m.UnmarshalCBOR(msg))
			kid := s.KeyID()
			// RawProtected is the byte string: h'A2 01 27 04 48 <kid>'.
			assert.Equal(t, append([]byte{0x4d, 0xa2, 0x01, 0x27, 0x04, 0x48}, kid[:]...), []byte(m.Headers.RawProtected),
				"protected header {1: -8, 4: kid}")
			assert.Equal(t, []byte{0xa0}, []byte(m.Headers.RawUnprotected), "unprotected header empty")
			assert.Equal(t, claimsBytes(t, c), m.Payload)
			assert.True(t, ed25519.Verify(s.key.Public().(ed25519.PublicKey), sigStructure(m.Headers.RawProtected[1:], m.Payload), m.Signature))
		})
	}
}

// sigStructure is the Sig_structure of RFC 9052 section 4.4, built by hand:
// ["Signature1", protected, h”, payload].
func sigStructure(protected, payload []byte) []byte {
	bstr := func(b []byte) []byte {
		h, _ := cbor.Marshal(b)
		return h
	}
	out := []byte{0x84, 0x6a}
	out = append(out, "Signature1"...)
	out = append(out, bstr(protected)...)
	out = append(out, 0x40)
	return append(out, bstr(payload)...)
}

func TestDeterministic(t *testing.T) {
	s, _ := setup(t)
	a, b := sign(t, s, kiaClaims()), sign(t, s, kiaClaims())
	assert.Equal(t, a, b, "same claims and key give the same text")
	s2, err := NewSigner("ID-6208", testKey(1))
	require.NoError(t, err)
	assert.Equal(t, a, sign(t, s2, kiaClaims()), "a new signer with the same key too")
	c := kiaClaims()
	c.IssuedAt = c.IssuedAt.Add(time.Second)
	assert.NotEqual(t, a, sign(t, s, c))
}

func TestSignErrors(t *testing.T) {
	s, _ := setup(t)
	c := kiaClaims()
	c.Issuer = "ID-3604"
	_, err := s.Sign(c)
	var ce *ClaimsError
	require.ErrorAs(t, err, &ce, "claims of another issuer")
	assert.Equal(t, "Issuer", ce.Field)
	c = kiaClaims()
	c.Identity.Sex = 9
	_, err = Sign(c, s)
	require.ErrorIs(t, err, ErrClaims)
	_, err = Sign(kiaClaims(), nil)
	require.Error(t, err)

	_, err = NewSigner("6208", testKey(1))
	require.ErrorIs(t, err, ErrClaims)
	_, err = NewSigner("ID-6208", testKey(1)[:32])
	require.ErrorIs(t, err, ErrKey)
}

func TestVerifyOutcomes(t *testing.T) {
	s, keys := setup(t)
	kia, kia17, akta := sign(t, s, kiaClaims()), sign(t, s, kia17Claims()), sign(t, s, aktaClaims())
	other, err := NewSigner("ID-6208", testKey(2))
	require.NoError(t, err)
	foreign := sign(t, other, kiaClaims())
	wib := time.FixedZone("WIB", 7*3600)

	tests := []struct {
		name    string
		payload string
		keys    KeySet
		at      time.Time
		want    Status
	}{
		{"valid", kia, keys, issued.Add(24 * time.Hour), StatusValid},
		{"valid on the last second of the last day", kia, keys, time.Date(2028, 12, 4, 23, 59, 59, 0, wib), StatusValid},
		{"expired the next second: the child turned 5", kia, keys, time.Date(2028, 12, 5, 0, 0, 0, 0, wib), StatusExpired},
		{"valid the day before the 17th birthday", kia17, keys, time.Date(2029, 3, 9, 12, 0, 0, 0, wib), StatusValid},
		{"expired: the child turned 17", kia17, keys, time.Date(2029, 3, 10, 0, 0, 0, 0, wib), StatusExpired},
		{"an akta never expires", akta, keys, time.Date(2099, 1, 1, 0, 0, 0, 0, time.UTC), StatusValid},
		{"issued in the future", kia, keys, issued.Add(-ClockSkew - time.Second), StatusNotYetValid},
		{"within the clock skew", kia, keys, issued.Add(-ClockSkew), StatusValid},
		{"unknown key", foreign, keys, issued, StatusUnknownKey},
		{"empty key set", kia, KeySet{}, issued, StatusUnknownKey},
		{"not Base45", "hello world", keys, issued, StatusMalformed},
		{"empty", "", keys, issued, StatusMalformed},
		{"Base45 but not zlib", base45.Encode([]byte("not zlib at all")), keys, issued, StatusMalformed},
		{"zlib but not CBOR", zlibBase45(t, []byte{0xff, 0xff}, 9), keys, issued, StatusMalformed},
		{"CBOR but not COSE", zlibBase45(t, []byte{0xa0}, 9), keys, issued, StatusMalformed},
		{"trimmed of a space", strings.TrimSpace(" " + kia), keys, issued, StatusValid},
		{"one character short", kia[:len(kia)-1], keys, issued, StatusMalformed},
		{"zlib at another level", zlibBase45(t, coseBytes(t, kia), 1), keys, issued, StatusValid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Verify(tt.payload, tt.keys, tt.at)
			wantStatus(t, tt.want, r)
			if tt.want == StatusExpired || tt.want == StatusNotYetValid {
				assert.True(t, r.Authentic())
				assert.NotEmpty(t, r.Claims.Identity.NIK)
			}
		})
	}
	t.Run("unknown key: claims decoded but not authentic", func(t *testing.T) {
		r := Verify(foreign, keys, issued)
		assert.False(t, r.Authentic())
		assert.Equal(t, "ID-6208", r.Claims.Issuer)
		assert.Equal(t, other.KeyID(), r.Kid)
	})
	t.Run("the cause of a malformed payload is kept", func(t *testing.T) {
		r := Verify("GGW", keys, issued)
		var de *base45.DecodeError
		require.ErrorAs(t, r.Err, &de)
		assert.ErrorIs(t, r.Err, base45.ErrInvalid)
		assert.ErrorIs(t, r.Err, ErrMalformed)
	})
}

func TestKeyRotationAndCollisions(t *testing.T) {
	s, keys := setup(t)
	payload := sign(t, s, kiaClaims())
	good := keys.Keys[0]
	impostor := Key{ID: s.KeyID(), Issuer: "ID-6208", Public: testKey(3).Public(), NotBefore: good.NotBefore}

	tests := []struct {
		name string
		keys []Key
		want Status
	}{
		{"kid collision: the second key is right", []Key{impostor, good}, StatusValid},
		{"kid collision: the first key is right", []Key{good, impostor}, StatusValid},
		{"kid collision: neither is right", []Key{impostor, impostor}, StatusInvalidSignature},
		{"the key of the kid belongs to another issuer", []Key{withIssuer(good, "ID-3604")}, StatusInvalidSignature},
		{"the same key listed for two issuers, the right one second", []Key{withIssuer(good, "ID-3604"), good}, StatusValid},
		{"rotation: old key and new key both listed", []Key{good, {ID: KeyIDOf(testKey(4).Public().(ed25519.PublicKey)), Issuer: "ID-6208", Public: testKey(4).Public()}}, StatusValid},
		{"key retired before the issue time", []Key{withWindow(good, time.Time{}, issued.Add(-time.Hour))}, StatusUnknownKey},
		{"key retired at the issue time", []Key{withWindow(good, time.Time{}, issued)}, StatusValid},
		{"key in force from after the issue time", []Key{withWindow(good, issued.Add(time.Second), time.Time{})}, StatusUnknownKey},
		{"key in force from the issue time", []Key{withWindow(good, issued, time.Time{})}, StatusValid},
		{"retired key verifies what it signed while in force", []Key{withWindow(good, issued.AddDate(-1, 0, 0), issued.AddDate(0, 0, 1))}, StatusValid},
		{"the same key listed twice, the second window right", []Key{withWindow(good, issued.AddDate(0, 0, 1), time.Time{}), withWindow(good, time.Time{}, issued)}, StatusValid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantStatus(t, tt.want, Verify(payload, KeySet{Keys: tt.keys}, issued.AddDate(0, 1, 0)))
		})
	}
}

func withIssuer(k Key, iss string) Key { k.Issuer = iss; return k }

func withWindow(k Key, nbf, exp time.Time) Key { k.NotBefore, k.Expires = nbf, exp; return k }

func TestAcceptedVariants(t *testing.T) {
	claims := claimsBytes(t, kiaClaims())
	priv := testKey(1)
	kid := KeyIDOf(priv.Public().(ed25519.PublicKey))
	keys := KeySet{Keys: []Key{{ID: kid, Issuer: "ID-6208", Public: priv.Public()}}}
	eddsa := func(kid []byte) cose.ProtectedHeader {
		h := cose.ProtectedHeader{cose.HeaderLabelAlgorithm: cose.AlgorithmEdDSA}
		if kid != nil {
			h[cose.HeaderLabelKeyID] = kid
		}
		return h
	}
	ec, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	ecKid := KeyID{1, 2, 3, 4, 5, 6, 7, 8}
	ecKeys := KeySet{Keys: []Key{{ID: ecKid, Issuer: "ID-6208", Public: &ec.PublicKey}}}
	es256 := cose.ProtectedHeader{cose.HeaderLabelAlgorithm: cose.AlgorithmES256, cose.HeaderLabelKeyID: ecKid[:]}

	wrapped169 := func() []byte {
		var m map[int]cbor.RawMessage
		require.NoError(t, cbor.Unmarshal(claims, &m))
		w, err := cbor.Marshal([]byte(m[169]))
		require.NoError(t, err)
		m[169] = w
		b, err := encMode.Marshal(m)
		require.NoError(t, err)
		return b
	}()
	untagged := func() string {
		msg := coseBytes(t, signRaw(t, cose.AlgorithmEdDSA, priv, eddsa(kid[:]), nil, claims))
		return recode(t, msg[1:]) // drop the tag 18 byte 0xd2
	}()

	tests := []struct {
		name    string
		payload string
		keys    KeySet
		want    Status
	}{
		{"kid in the unprotected header", signRaw(t, cose.AlgorithmEdDSA, priv, eddsa(nil), cose.UnprotectedHeader{cose.HeaderLabelKeyID: kid[:]}, claims), keys, StatusValid},
		{"ES256", signRaw(t, cose.AlgorithmES256, ec, es256, nil, claims), ecKeys, StatusValid},
		{"ES256 message, Ed25519 key of the same kid: alg and key must agree",
			signRaw(t, cose.AlgorithmES256, ec, es256, nil, claims), KeySet{Keys: []Key{{ID: ecKid, Issuer: "ID-6208", Public: priv.Public()}}}, StatusInvalidSignature},
		{"ES256 key, Ed25519 message of the same kid",
			signRaw(t, cose.AlgorithmEdDSA, priv, eddsa(ecKid[:]), nil, claims), ecKeys, StatusInvalidSignature},
		{"claim 169 as a byte string", signRaw(t, cose.AlgorithmEdDSA, priv, eddsa(kid[:]), nil, wrapped169), keys, StatusValid},
		{"untagged COSE_Sign1", untagged, keys, StatusValid},
		{"no kid", signRaw(t, cose.AlgorithmEdDSA, priv, eddsa(nil), nil, claims), keys, StatusUnknownKey},
		{"kid of 4 bytes", signRaw(t, cose.AlgorithmEdDSA, priv, eddsa(kid[:4]), nil, claims), keys, StatusUnknownKey},
		{"signed payload that is not claims", signRaw(t, cose.AlgorithmEdDSA, priv, eddsa(kid[:]), nil, []byte("not cbor")), keys, StatusMalformed},
		{"signed claims without a document", signRaw(t, cose.AlgorithmEdDSA, priv, eddsa(kid[:]), nil, []byte{0xa1, 0x01, 0x60}), keys, StatusMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Verify(tt.payload, tt.keys, issued)
			wantStatus(t, tt.want, r)
			if tt.want == StatusValid {
				assert.Equal(t, "SITI AMINAH PUTRI", r.Claims.Identity.Name)
			}
		})
	}
}

// TestAlgorithmFromPayloadIsNotTrusted: an attacker who names a weaker or
// different algorithm, or puts it in the unprotected header, gets nowhere.
func TestAlgorithmFromPayloadIsNotTrusted(t *testing.T) {
	s, keys := setup(t)
	msg := coseBytes(t, sign(t, s, kiaClaims()))
	var m cose.Sign1Message
	require.NoError(t, m.UnmarshalCBOR(msg))
	remarshal := func(protected []byte, unprotected cose.UnprotectedHeader) string {
		raw, err := cbor.Marshal(cbor.Tag{Number: 18, Content: []any{protected, unprotected, m.Payload, m.Signature}})
		require.NoError(t, err)
		return recode(t, raw)
	}
	kid := s.KeyID()
	es256Prot, err := cbor.Marshal(map[int]any{1: -7, 4: kid[:]})
	require.NoError(t, err)
	noAlg, err := cbor.Marshal(map[int]any{4: kid[:]})
	require.NoError(t, err)
	wantStatus(t, StatusValid, Verify(remarshal(m.Headers.RawProtected[1:], cose.UnprotectedHeader{}), keys, issued))
	wantStatus(t, StatusInvalidSignature, Verify(remarshal(es256Prot, cose.UnprotectedHeader{}), keys, issued))
	wantStatus(t, StatusMalformed, Verify(remarshal(noAlg, cose.UnprotectedHeader{int64(1): int64(-8)}), keys, issued))
}

func TestDecompressionCap(t *testing.T) {
	_, keys := setup(t)
	tests := []struct {
		name string
		size int
		want Status
	}{
		{"zlib bomb of 64 KiB + 1 zeros", MaxDecompressed + 1, StatusMalformed},
		{"1 MiB of zeros", 1 << 20, StatusMalformed},
		{"exactly 64 KiB: decompressed, then not COSE", MaxDecompressed, StatusMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bomb := zlibBase45(t, make([]byte, tt.size), zlib.BestCompression)
			r := Verify(bomb, keys, issued)
			wantStatus(t, tt.want, r)
			assert.Equal(t, tt.size > MaxDecompressed, errorsIs(r.Err, errTooLarge))
		})
	}
}

func TestTrailingDataAfterZlib(t *testing.T) {
	s, keys := setup(t)
	z, err := base45.Decode(sign(t, s, kiaClaims()))
	require.NoError(t, err)
	for _, extra := range [][]byte{{0}, []byte("xx"), bytes.Repeat([]byte{0xff}, 7)} {
		wantStatus(t, StatusMalformed, Verify(base45.Encode(append(bytes.Clone(z), extra...)), keys, issued))
	}
}
