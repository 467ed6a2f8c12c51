package credential

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/adminduk-id/adminduk/internal/testtool"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestIndependentVerifier checks this package against scripts/verifier, a
// verifier written in JavaScript from CREDENTIAL.md alone.
func TestIndependentVerifier(t *testing.T) {
	node := testtool.Require(t, "node")
	s, keys := setup(t)
	payload, err := s.Sign(kiaClaims())
	require.NoError(t, err)
	jwks, err := json.Marshal(keys)
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "keys.json")
	require.NoError(t, os.WriteFile(path, jwks, 0o600))

	verify := func(p string, at time.Time) (int, map[string]any) {
		cmd := exec.Command(node, "../../scripts/verifier/verify.mjs", "--jwks", path, "--at", at.Format(time.RFC3339), p)
		out, err := cmd.Output()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else {
			require.NoError(t, err)
		}
		var res map[string]any
		require.NoError(t, json.Unmarshal(out, &res), string(out))
		return code, res
	}
	code, res := verify(payload, issued.Add(time.Hour))
	assert.Equal(t, 0, code)
	assert.Equal(t, "valid", res["status"])
	claims := res["claims"].(map[string]any)
	assert.Equal(t, "ID-6208", claims["iss"])
	assert.EqualValues(t, issued.Unix(), claims["iat"])
	assert.Equal(t, "SITI AMINAH PUTRI", claims["identity"].(map[string]any)["4"])
	assert.EqualValues(t, 2, claims["identity"].(map[string]any)["9"])
	assert.Equal(t, "KIA", claims["document"].(map[string]any)["1"])
	assert.Equal(t, "20281204", claims["document"].(map[string]any)["3"])

	code, res = verify(payload, time.Date(2029, 1, 1, 0, 0, 0, 0, time.UTC))
	assert.Equal(t, 1, code)
	assert.Equal(t, "expired", res["status"])

	msg := coseBytes(t, payload)
	msg[len(msg)-10] ^= 1
	_, res = verify(recode(t, msg), issued)
	assert.Equal(t, "invalid_signature", res["status"])
	_, res = verify("not base45", issued)
	assert.Equal(t, "malformed", res["status"])
}
