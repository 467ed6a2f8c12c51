package render

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/internal/pdfkit/qrscan"
)

// TestCredentialOption: WritePNG and Images print the credential given in
// Options.Credential, without a signer: the same bytes as signing it then.
func TestCredentialOption(t *testing.T) {
	c := loadCard(t, "newborn")
	o, _ := options(t, c)
	signed, err := sign(c, o)
	require.NoError(t, err)
	var want, got bytes.Buffer
	require.NoError(t, WritePNG(&want, c, o))
	require.NoError(t, WritePNG(&got, c, Options{Credential: signed}))
	assert.Equal(t, want.Bytes(), got.Bytes())
	_, back, err := Images(c, Options{Credential: signed})
	require.NoError(t, err)
	payload, err := qrscan.Decode(back)
	require.NoError(t, err)
	assert.Equal(t, signed, payload)
	_, _, err = Images(c, Options{})
	assert.ErrorIs(t, err, ErrNoSigner)
}
