package main

import (
	"encoding/json"
	"github.com/adminduk-id/adminduk/adminduk"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/adminduk/credential"
)

// keygen makes a key and JWK Set in a temporary directory.
func keygen(t *testing.T, dir, issuer string) (key, jwks string) {
	t.Helper()
	key, jwks = filepath.Join(dir, "key.pem"), filepath.Join(dir, "keys.json")
	code, out, errOut := runCLI(t, "", "keygen", "--issuer", issuer, "--out", key, "--jwks", jwks)
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "issuer "+issuer)
	return key, jwks
}

func TestKeygen(t *testing.T) {
	dir := t.TempDir()
	key, jwks := keygen(t, dir, "ID-6208")
	st, err := os.Stat(key)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), st.Mode().Perm())
	data, err := os.ReadFile(key)
	require.NoError(t, err)
	assert.Contains(t, string(data), "# issuer: ID-6208\n")
	priv, err := credential.ParsePrivateKeyPEM(data)
	require.NoError(t, err)

	var set credential.KeySet
	b, err := os.ReadFile(jwks)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &set))
	require.Len(t, set.Keys, 1)
	s, err := credential.NewSigner("ID-6208", priv)
	require.NoError(t, err)
	assert.Equal(t, s.KeyID(), set.Keys[0].ID)
	assert.Equal(t, "ID-6208", set.Keys[0].Issuer)
	assert.Equal(t, int64(1451581200), set.Keys[0].NotBefore.Unix(), "2016-01-01 WIB")
	var raw map[string][]map[string]any
	require.NoError(t, json.Unmarshal(b, &raw))
	assert.Equal(t, "OKP", raw["keys"][0]["kty"])
	assert.Equal(t, "Ed25519", raw["keys"][0]["crv"])

	// Never overwrite a key.
	code, _, errOut := runCLI(t, "", "keygen", "--issuer", "ID-6208", "--out", key)
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "never overwritten")
	after, _ := os.ReadFile(key)
	assert.Equal(t, data, after)

	// Rotation: a second key joins the set, the first stays.
	key2 := filepath.Join(dir, "key2.pem")
	code, _, errOut = runCLI(t, "", "keygen", "--issuer", "ID-6208", "--out", key2, "--jwks", jwks, "--not-before", "2025-07-01")
	require.Equal(t, 0, code, errOut)
	b, _ = os.ReadFile(jwks)
	set = credential.KeySet{}
	require.NoError(t, json.Unmarshal(b, &set))
	require.Len(t, set.Keys, 2)
	assert.Equal(t, "2025-07-01T00:00:00+07:00", set.Keys[1].NotBefore.In(adminduk.WIB).Format("2006-01-02T15:04:05Z07:00"))
}

func TestKeygenUsage(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"keygen", "--out", filepath.Join(dir, "k.pem")},
		{"keygen", "--issuer", "ID-6208"},
		{"keygen", "--issuer", "6208", "--out", filepath.Join(dir, "k.pem")},
		{"keygen", "--issuer", "ID-6208", "--out", filepath.Join(dir, "k.pem"), "--not-before", "yesterday"},
		{"keygen", "--issuer", "ID-6208", "--out", filepath.Join(dir, "k.pem"), "extra"},
	} {
		code, _, _ := runCLI(t, "", args...)
		assert.Equal(t, 2, code, "%v", args)
	}
	_, err := os.Stat(filepath.Join(dir, "k.pem"))
	assert.True(t, os.IsNotExist(err), "no key left behind by a usage error")
	// A broken key set is not touched, and no key is made.
	bad := filepath.Join(dir, "bad.json")
	require.NoError(t, os.WriteFile(bad, []byte("{"), 0o644))
	code, _, _ := runCLI(t, "", "keygen", "--issuer", "ID-6208", "--out", filepath.Join(dir, "k.pem"), "--jwks", bad)
	assert.Equal(t, 1, code)
	_, err = os.Stat(filepath.Join(dir, "k.pem"))
	assert.True(t, os.IsNotExist(err))
}
