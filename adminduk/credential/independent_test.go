package credential

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/fxamacker/cbor/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/veraison/go-cose"

	"github.com/adminduk-id/adminduk/internal/testtool"
)

// verifierDir holds the independent verifier, written in JavaScript from
// CREDENTIAL.md alone.
const verifierDir = "../../scripts/verifier"

// requireVerifier returns the path of node, or skips the test (fails it in
// CI, see testtool) when node is missing or the verifier's npm dependencies,
// if it declares any, are not installed.
func requireVerifier(t *testing.T) string {
	t.Helper()
	node := testtool.Require(t, "node")
	pkg, err := os.ReadFile(filepath.Join(verifierDir, "package.json"))
	require.NoError(t, err)
	var manifest struct {
		Dependencies map[string]string `json:"dependencies"`
	}
	require.NoError(t, json.Unmarshal(pkg, &manifest))
	if _, err := os.Stat(filepath.Join(verifierDir, "node_modules")); len(manifest.Dependencies) > 0 && err != nil {
		msg := "skipping: scripts/verifier/node_modules is missing; run: (cd scripts/verifier && npm ci)"
		if os.Getenv("ADMINDUK_TEST_TOOLS") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return node
}

// nodeResult is what scripts/verifier/verify.mjs prints.
type nodeResult struct {
	Status string          `json:"status"`
	Claims json.RawMessage `json:"claims"`
	Error  *string         `json:"error"`
}

// runVerifier runs the independent verifier on one payload.
func runVerifier(t *testing.T, node, jwks, payload string, at time.Time) nodeResult {
	t.Helper()
	cmd := exec.CommandContext(t.Context(), node, filepath.Join(verifierDir, "verify.mjs"),
		"--jwks", jwks, "--at", strconv.FormatInt(at.Unix(), 10), payload)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	var exit *exec.ExitError
	if err != nil && !(errors.As(err, &exit) && exit.ExitCode() == 1) {
		require.NoError(t, err, "stderr: %s", stderr.String())
	}
	var r nodeResult
	require.NoError(t, json.Unmarshal(out, &r), "stdout: %s", out)
	assert.Equal(t, r.Status == "valid", err == nil, "exit status 0 exactly when valid")
	return r
}

// writeJWKS writes keys as a JWK Set file.
func writeJWKS(t *testing.T, keys KeySet) string {
	t.Helper()
	b, err := json.Marshal(keys)
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "jwks.json")
	require.NoError(t, os.WriteFile(path, b, 0o600))
	return path
}

// wireJSON is the claims as the independent verifier prints them.
func wireJSON(t *testing.T, c Claims) string {
	t.Helper()
	m := map[string]any{"iss": c.Issuer, "iat": c.IssuedAt.Unix(), "exp": nil}
	if !c.Expires.IsZero() {
		m["exp"] = c.Expires.Unix()
	}
	put := func(dst map[string]any, k string, v string) {
		if v != "" {
			dst[k] = v
		}
	}
	id := map[string]any{}
	put(id, "1", c.Identity.NIK)
	put(id, "4", c.Identity.Name)
	put(id, "8", c.Identity.BirthDate)
	if c.Identity.Sex != 0 {
		id["9"] = c.Identity.Sex
	}
	put(id, "13", c.Identity.Nationality)
	put(id, "21", c.Identity.District)
	put(id, "23", c.Identity.Country)
	m["identity"] = id
	doc := map[string]any{}
	put(doc, "1", c.Document.Type)
	put(doc, "2", c.Document.Number)
	put(doc, "3", c.Document.ValidUntil)
	put(doc, "4", c.Document.KKNumber)
	put(doc, "5", c.Document.EventDate)
	put(doc, "6", c.Document.EventPlace)
	m["document"] = doc
	b, err := json.Marshal(m)
	require.NoError(t, err)
	return string(b)
}

// TestIndependentVerifier checks this package against scripts/verifier: for
// every case both must reach the expected status, and where the claims are
// authentic the JavaScript verifier must read the same claims.
func TestIndependentVerifier(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping in -short mode: runs node about 30 times")
	}
	node := requireVerifier(t)
	s, keys := setup(t)
	kiaPayload := sign(t, s, kiaClaims())
	other, err := NewSigner("ID-6208", testKey(2))
	require.NoError(t, err)

	msg := coseBytes(t, kiaPayload)
	badSig := bytes.Clone(msg)
	badSig[len(badSig)-10] ^= 1
	badClaims := bytes.Clone(msg)
	badClaims[bytes.Index(badClaims, []byte("SITI"))] = 'Z'

	priv := testKey(1)
	kid := s.KeyID()
	claims := claimsBytes(t, kiaClaims())
	var m map[int]cbor.RawMessage
	require.NoError(t, cbor.Unmarshal(claims, &m))
	w, err := cbor.Marshal([]byte(m[169]))
	require.NoError(t, err)
	m[169] = w
	wrapped, err := encMode.Marshal(m)
	require.NoError(t, err)

	ec, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	ec2, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	ecKid := KeyID{0xec, 1, 2, 3, 4, 5, 6, 7}
	es256 := signRaw(t, cose.AlgorithmES256, ec, cose.ProtectedHeader{cose.HeaderLabelAlgorithm: cose.AlgorithmES256, cose.HeaderLabelKeyID: ecKid[:]}, nil, claims)
	ecKey := Key{ID: ecKid, Issuer: "ID-6208", Public: &ec.PublicKey}
	ecImpostor := Key{ID: ecKid, Issuer: "ID-6208", Public: &ec2.PublicKey}

	trailing := func() string {
		p, err := encodeTransport(msg)
		require.NoError(t, err)
		z, err := base45Decode(p)
		require.NoError(t, err)
		return base45Encode(append(z, 0))
	}()

	// hostile builds a COSE_Sign1 from raw members, signature left as is.
	var signed cose.Sign1Message
	require.NoError(t, signed.UnmarshalCBOR(msg))
	hostile := func(tag uint64, members ...any) string {
		var v any = members
		if tag != 0 {
			v = cbor.Tag{Number: tag, Content: members}
		}
		b, err := cbor.Marshal(v)
		require.NoError(t, err)
		return recode(t, b)
	}
	protected := func(m map[any]any) []byte {
		b, err := encMode.Marshal(m) // sorted: the signed bytes are a1 01 27 04 48 <kid>
		require.NoError(t, err)
		return b
	}
	sig, body, empty := signed.Signature, signed.Payload, map[any]any{}

	tests := []struct {
		name    string
		payload string
		keys    KeySet
		at      time.Time
		want    Status
		claims  *Claims // expected authentic claims
	}{
		{"KIA valid", kiaPayload, keys, issued.Add(time.Hour), StatusValid, ptr(kiaClaims())},
		{"akta valid", sign(t, s, aktaClaims()), keys, issued.Add(time.Hour), StatusValid, ptr(aktaClaims())},
		{"KIA expired: the child turned 17", sign(t, s, kia17Claims()), keys, time.Date(2029, 3, 9, 17, 0, 0, 0, time.UTC), StatusExpired, ptr(kia17Claims())},
		{"KIA valid on its last second", sign(t, s, kia17Claims()), keys, time.Date(2029, 3, 9, 16, 59, 59, 0, time.UTC), StatusValid, ptr(kia17Claims())},
		{"not yet valid", kiaPayload, keys, issued.Add(-ClockSkew - time.Second), StatusNotYetValid, ptr(kiaClaims())},
		{"within the clock skew", kiaPayload, keys, issued.Add(-ClockSkew), StatusValid, ptr(kiaClaims())},
		{"unknown key", sign(t, other, kiaClaims()), keys, issued, StatusUnknownKey, nil},
		{"altered signature", recode(t, badSig), keys, issued, StatusInvalidSignature, nil},
		{"altered name", recode(t, badClaims), keys, issued, StatusInvalidSignature, nil},
		{"issuer is not the key's", kiaPayload, KeySet{Keys: []Key{withIssuer(keys.Keys[0], "ID-3604")}}, issued, StatusInvalidSignature, nil},
		{"key not in force at the issue time", kiaPayload, KeySet{Keys: []Key{withWindow(keys.Keys[0], issued.Add(time.Hour), time.Time{})}}, issued.Add(2 * time.Hour), StatusUnknownKey, nil},
		{"retired key, document signed while in force", kiaPayload, KeySet{Keys: []Key{withWindow(keys.Keys[0], time.Unix(0, 0), issued)}}, issued.AddDate(1, 0, 0), StatusValid, ptr(kiaClaims())},
		{"claim 169 as a byte string", signRaw(t, cose.AlgorithmEdDSA, priv, cose.ProtectedHeader{cose.HeaderLabelAlgorithm: cose.AlgorithmEdDSA, cose.HeaderLabelKeyID: kid[:]}, nil, wrapped), keys, issued, StatusValid, ptr(kiaClaims())},
		{"kid in the unprotected header", signRaw(t, cose.AlgorithmEdDSA, priv, cose.ProtectedHeader{cose.HeaderLabelAlgorithm: cose.AlgorithmEdDSA}, cose.UnprotectedHeader{cose.HeaderLabelKeyID: kid[:]}, claims), keys, issued, StatusValid, ptr(kiaClaims())},
		{"ES256", es256, KeySet{Keys: []Key{ecKey}}, issued, StatusValid, ptr(kiaClaims())},
		{"kid collision, the second key right", es256, KeySet{Keys: []Key{ecImpostor, ecKey}}, issued, StatusValid, ptr(kiaClaims())},
		{"kid collision, neither key right", es256, KeySet{Keys: []Key{ecImpostor}}, issued, StatusInvalidSignature, nil},
		{"EdDSA alg, but the kid's key is P-256", signRaw(t, cose.AlgorithmEdDSA, priv, cose.ProtectedHeader{cose.HeaderLabelAlgorithm: cose.AlgorithmEdDSA, cose.HeaderLabelKeyID: ecKid[:]}, nil, claims), KeySet{Keys: []Key{ecKey, keys.Keys[0]}}, issued, StatusInvalidSignature, nil},
		{"zlib bomb", zlibBase45(t, make([]byte, MaxDecompressed+1), 9), keys, issued, StatusMalformed, nil},
		{"data after the zlib stream", trailing, keys, issued, StatusMalformed, nil},
		{"not Base45", "not base45", keys, issued, StatusMalformed, nil},
		{"CBOR but not COSE", zlibBase45(t, []byte{0xa0}, 9), keys, issued, StatusMalformed, nil},
		{"COSE_Mac0 tag", hostile(17, protected(map[any]any{1: -8, 4: kid[:]}), empty, body, sig), keys, issued, StatusMalformed, nil},
		{"array of 3", hostile(18, protected(map[any]any{1: -8, 4: kid[:]}), empty, body), keys, issued, StatusMalformed, nil},
		{"protected header not a map", hostile(18, protected(map[any]any{1: -8})[:1], empty, body, sig), keys, issued, StatusMalformed, nil},
		{"unprotected header not a map", hostile(18, protected(map[any]any{1: -8, 4: kid[:]}), []int{1}, body, sig), keys, issued, StatusMalformed, nil},
		{"alg as text", hostile(18, protected(map[any]any{1: "EdDSA", 4: kid[:]}), empty, body, sig), keys, issued, StatusMalformed, nil},
		{"no alg", hostile(18, protected(map[any]any{4: kid[:]}), empty, body, sig), keys, issued, StatusMalformed, nil},
		{"kid as an integer", hostile(18, protected(map[any]any{1: -8, 4: 7}), empty, body, sig), keys, issued, StatusMalformed, nil},
		{"payload null (detached)", hostile(18, protected(map[any]any{1: -8, 4: kid[:]}), empty, nil, sig), keys, issued, StatusMalformed, nil},
		{"unsupported alg ES384", hostile(18, protected(map[any]any{1: -35, 4: kid[:]}), empty, body, sig), keys, issued, StatusInvalidSignature, nil},
		{"crit names an unknown header parameter", signRaw(t, cose.AlgorithmEdDSA, priv, cose.ProtectedHeader{cose.HeaderLabelAlgorithm: cose.AlgorithmEdDSA, cose.HeaderLabelKeyID: kid[:], cose.HeaderLabelCritical: []any{int64(-70000)}, int64(-70000): "must be understood"}, nil, claims), keys, issued, StatusMalformed, nil},
		{"crit names a text label", signRaw(t, cose.AlgorithmEdDSA, priv, cose.ProtectedHeader{cose.HeaderLabelAlgorithm: cose.AlgorithmEdDSA, cose.HeaderLabelKeyID: kid[:], cose.HeaderLabelCritical: []any{"ext"}, "ext": int64(1)}, nil, claims), keys, issued, StatusMalformed, nil},
		{"crit names only alg and kid, understood", signRaw(t, cose.AlgorithmEdDSA, priv, cose.ProtectedHeader{cose.HeaderLabelAlgorithm: cose.AlgorithmEdDSA, cose.HeaderLabelKeyID: kid[:], cose.HeaderLabelCritical: []any{int64(1), int64(4)}}, nil, claims), keys, issued, StatusValid, ptr(kiaClaims())},
		{"crit empty", hostile(18, protected(map[any]any{1: -8, 4: kid[:], 2: []any{}}), empty, body, sig), keys, issued, StatusMalformed, nil},
		{"original signature, headers rebuilt alike", hostile(18, protected(map[any]any{1: -8, 4: kid[:]}), empty, body, sig), keys, issued, StatusValid, ptr(kiaClaims())},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			goResult := Verify(tt.payload, tt.keys, tt.at)
			require.Equal(t, tt.want.String(), goResult.Status.String(), "Go: %v", goResult.Err)
			js := runVerifier(t, node, writeJWKS(t, tt.keys), tt.payload, tt.at)
			require.Equal(t, tt.want.String(), js.Status, "JavaScript: %v", js.Error)
			if tt.claims == nil {
				return
			}
			want := *tt.claims
			want.Issuer = "ID-6208"
			assert.JSONEq(t, wireJSON(t, want), string(js.Claims))
			assert.JSONEq(t, wireJSON(t, want), wireJSON(t, goResult.Claims))
		})
	}
}

func ptr[T any](v T) *T { return &v }
