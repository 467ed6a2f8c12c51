//go:build unix

package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestKeygenJWKSUmask: the JWK Set is created with the umask, like any
// file a user makes (never forced to 0644); the key stays 0600.
func TestKeygenJWKSUmask(t *testing.T) {
	old := syscall.Umask(0o027)
	defer syscall.Umask(old)
	dir := t.TempDir()
	key, jwks := keygen(t, dir, "ID-6208")
	st, err := os.Stat(jwks)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o640), st.Mode().Perm())
	st, err = os.Stat(key)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), st.Mode().Perm())
	// A rewrite of the set keeps to the umask too.
	code, _, errOut := runCLI(t, "", "keygen", "--issuer", "ID-6208", "--out", filepath.Join(dir, "k2.pem"), "--jwks", jwks)
	require.Equal(t, 0, code, errOut)
	st, err = os.Stat(jwks)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o640), st.Mode().Perm())
}

// TestKeygenJWKSNotWritable: when the JWK Set cannot be written (here its
// directory is missing: a usage error, as for every output of the CLI), no
// key is left behind (a rerun would refuse to overwrite it), and the message
// names the user's file, not a temporary one.
func TestKeygenJWKSNotWritable(t *testing.T) {
	dir := t.TempDir()
	key := filepath.Join(dir, "key.pem")
	jwks := filepath.Join(dir, "missing-dir", "keys.json")
	code, _, errOut := runCLI(t, "", "keygen", "--issuer", "ID-6208", "--out", key, "--jwks", jwks)
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, jwks)
	assert.NotContains(t, errOut, ".tmp")
	_, err := os.Stat(key)
	assert.True(t, os.IsNotExist(err), "no key without its JWK Set")

	// The rerun, with a writable set, succeeds.
	require.NoError(t, os.Mkdir(filepath.Dir(jwks), 0o755))
	code, _, errOut = runCLI(t, "", "keygen", "--issuer", "ID-6208", "--out", key, "--jwks", jwks)
	require.Equal(t, 0, code, errOut)
	entries, err := os.ReadDir(filepath.Dir(jwks))
	require.NoError(t, err)
	require.Len(t, entries, 1, "no temporary file left: %v", entries)
	assert.False(t, strings.HasPrefix(entries[0].Name(), "."))
}

// TestKeygenKeepsForeignKeys: rewriting a JWK Set keeps keys keygen does
// not understand and members it does not read, verbatim.
func TestKeygenKeepsForeignKeys(t *testing.T) {
	dir := t.TempDir()
	_, jwks := keygen(t, dir, "ID-6208")
	var doc map[string]any
	b, err := os.ReadFile(jwks)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &doc))
	first := doc["keys"].([]any)[0].(map[string]any)
	first["use"], first["alg"] = "sig", "EdDSA"
	rsa := map[string]any{"kty": "RSA", "n": "AQAB", "e": "AQAB", "kid": "rsa-2019", "use": "sig"}
	bad := map[string]any{"kty": "OKP", "crv": "Ed25519", "x": "AAAA", "kid": "zz", "iss": "ID-6208"}
	doc["keys"] = append(doc["keys"].([]any), rsa, bad)
	b, err = json.Marshal(doc)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(jwks, b, 0o644))

	code, _, errOut := runCLI(t, "", "keygen", "--issuer", "ID-6208", "--out", filepath.Join(dir, "k2.pem"), "--jwks", jwks, "--not-before", "2025-07-01")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, errOut, "warning", "the unusable key is reported")
	var after map[string]any
	b, err = os.ReadFile(jwks)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &after))
	keys := after["keys"].([]any)
	require.Len(t, keys, 4)
	assert.Equal(t, first, keys[0], "use and alg kept")
	assert.Equal(t, rsa, keys[1], "a key of another type kept")
	assert.Equal(t, bad, keys[2], "an unusable key kept as written")
}

func TestKeygenUnknownIssuer(t *testing.T) {
	dir := t.TempDir()
	for _, iss := range []string{"ID-9999", "ID-6200", "ID-62080", "ID-62.08"} {
		code, _, errOut := runCLI(t, "", "keygen", "--issuer", iss, "--out", filepath.Join(dir, "k.pem"))
		assert.Equal(t, 2, code, "%s: %s", iss, errOut)
	}
	_, err := os.Stat(filepath.Join(dir, "k.pem"))
	assert.True(t, os.IsNotExist(err))
}

// TestKeygenNotAJWKSet: a --jwks that is not a JWK Set ({} or a card.json)
// is refused in plain words before any key is made.
func TestKeygenNotAJWKSet(t *testing.T) {
	dir := t.TempDir()
	for _, doc := range []string{`{}`, `[1]`, `{"nik":"6208014512230001"}`} {
		f := filepath.Join(dir, "keys.json")
		require.NoError(t, os.WriteFile(f, []byte(doc), 0o600))
		code, _, errOut := runCLI(t, "", "keygen", "--issuer", "ID-6208", "--out", filepath.Join(dir, "k.pem"), "--jwks", f)
		assert.Equal(t, 1, code)
		assert.Contains(t, errOut, "not a JWK Set")
		assert.NotContains(t, errOut, "Go value")
		after, _ := os.ReadFile(f)
		assert.Equal(t, doc, string(after))
		_, err := os.Stat(filepath.Join(dir, "k.pem"))
		assert.True(t, os.IsNotExist(err))
	}
}
