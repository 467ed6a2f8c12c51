package credential

import (
	"encoding/hex"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDocumentVersion: key 7 of the document map carries the version of a
// corrected document; version 1 is encoded as absent (CREDENTIAL.md:
// "absent = 1"), so first versions keep their bytes.
func TestDocumentVersion(t *testing.T) {
	base := Claims{Issuer: "ID-6208", IssuedAt: time.Unix(1700000000, 0).UTC(),
		Document: Document{Type: TypeAktaKelahiran, Number: "6208-LU-01012024-0001"}}
	plain, err := base.marshal()
	require.NoError(t, err)
	for _, tc := range []struct {
		version, decoded int
		key7             string // hex of key 7 and its value, "" when absent
	}{{0, 0, ""}, {1, 0, ""}, {2, 2, "0702"}, {24, 24, "071818"}} {
		c := base
		c.Document.Version = tc.version
		require.NoError(t, c.Validate())
		b, err := c.marshal()
		require.NoError(t, err)
		if tc.key7 == "" {
			assert.Equal(t, plain, b, "version %d is encoded as absent", tc.version)
		} else {
			assert.Contains(t, hex.EncodeToString(b), tc.key7)
			assert.Len(t, b, len(plain)+len(tc.key7)/2)
		}
		back, err := unmarshalClaims(b)
		require.NoError(t, err)
		assert.Equal(t, tc.decoded, back.Document.Version)
	}
	c := base
	c.Document.Version = -1
	var ce *ClaimsError
	require.ErrorAs(t, c.Validate(), &ce)
	assert.Equal(t, "Document.Version", ce.Field)
}
