package registry_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/credential"
	"github.com/adminduk-id/adminduk/registry/storetest"
)

// An office signs every document it issues: it needs a signer, and one of
// its own kab/kota.
func TestOfficeSigner(t *testing.T) {
	other, err := credential.NewSigner("ID-3604", storetest.Key)
	require.NoError(t, err)
	for _, c := range []struct {
		name   string
		signer *credential.Signer
		ok     bool
	}{
		{"own signer", storetest.Signer(), true},
		{"no signer", nil, false},
		{"another office's signer", other, false},
	} {
		o := storetest.Office()
		o.Signer = c.signer
		err := o.Validate()
		if c.ok {
			assert.NoError(t, err, c.name)
			continue
		}
		var ve *adminduk.ValidationError
		require.ErrorAs(t, err, &ve, c.name)
		assert.Equal(t, "/signer", ve.Fields[0].Pointer.String(), c.name)
	}
}
