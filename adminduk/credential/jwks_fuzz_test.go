package credential

import (
	"bytes"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// FuzzJWKSet feeds arbitrary documents to ParseJWKSet. Whatever it accepts
// round-trips: the keys it returns marshal to a JWK Set that parses back to
// the same keys with nothing skipped, and AppendJWK of the document keeps
// every key it had (and the new one last). Whatever it refuses is
// ErrNotJWKSet.
func FuzzJWKSet(f *testing.F) {
	pub := testKey(1).Public().(ed25519.PublicKey)
	x := base64.RawURLEncoding.EncodeToString(pub)
	kid := KeyIDOf(pub).String()
	good := `{"kty":"OKP","crv":"Ed25519","x":"` + x + `","kid":"` + kid + `","iss":"ID-6208","nbf":0,"use":"sig"}`
	for _, seed := range []string{
		`{"keys":[` + good + `]}`,
		`{"keys":[` + good + `,{"kty":"RSA","n":"AQAB","e":"AQAB"},[1],null,{"kty":"OKP","crv":"Ed25519","x":"` + x + `","kid":"zz","iss":"ID-6208"}]}`,
		`{"keys":[{"kty":"EC","crv":"P-256","x":"` + x + `","y":"` + x + `","kid":"0102030405060708","iss":"ID-6208"}]}`,
		`{}`, `{"keys":{}}`, `[]`, `null`, `{"nik":"6208014512230001"}`, `{"keys":[` + good + `],"keys":[]}`,
	} {
		f.Add([]byte(seed))
	}
	pub2 := testKey(2).Public().(ed25519.PublicKey)
	added := Key{ID: KeyIDOf(pub2), Issuer: "ID-3604", Public: pub2, NotBefore: time.Unix(1700000000, 0).UTC()}
	f.Fuzz(func(t *testing.T, doc []byte) {
		set, skipped, err := ParseJWKSet(doc)
		if err != nil {
			require.True(t, errors.Is(err, ErrNotJWKSet), "%v", err)
			if len(bytes.TrimSpace(doc)) > 0 { // empty: AppendJWK starts a new set
				_, err = AppendJWK(doc, added)
				require.ErrorIs(t, err, ErrNotJWKSet)
			}
			return
		}
		for _, s := range skipped {
			require.ErrorIs(t, s, ErrKey)
		}
		out, err := json.Marshal(set)
		require.NoError(t, err)
		back, skippedBack, err := ParseJWKSet(out)
		require.NoError(t, err)
		require.Empty(t, skippedBack)
		require.Equal(t, keyStrings(set), keyStrings(back))

		grown, err := AppendJWK(doc, added)
		require.NoError(t, err)
		after, _, err := ParseJWKSet(grown)
		require.NoError(t, err)
		require.Equal(t, append(keyStrings(set), keyString(added)), keyStrings(after))
	})
}

func keyStrings(s KeySet) []string {
	out := []string{}
	for _, k := range s.Keys {
		out = append(out, keyString(k))
	}
	return out
}

func keyString(k Key) string {
	b, err := json.Marshal(KeySet{Keys: []Key{k}})
	if err != nil {
		return "unmarshalable: " + err.Error()
	}
	return string(b)
}
