package registry_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/registry"
	"github.com/adminduk-id/adminduk/registry/storetest"
)

func TestBuildNIK(t *testing.T) {
	kec := wilayah.MustParseCode("32.01.01")
	tests := []struct {
		birth  adminduk.Date
		sex    adminduk.Sex
		serial int
		want   string
		err    error
	}{
		{adminduk.MustDate(2023, time.December, 5), adminduk.Female, 1, "3201014512230001", nil},
		{adminduk.MustDate(2023, time.December, 5), adminduk.Male, 9999, "3201010512239999", nil},
		{adminduk.MustDate(1999, time.January, 31), adminduk.Female, 12, "3201017101990012", nil},
		{adminduk.MustDate(2023, time.December, 5), adminduk.Male, 0, "", adminduk.ErrInvalidSerial},
		{adminduk.MustDate(2023, time.December, 5), adminduk.Male, 10000, "", adminduk.ErrInvalidSerial},
		{adminduk.MustDate(2023, time.December, 5), 0, 1, "", adminduk.ErrInvalid},
	}
	for _, tt := range tests {
		n, err := registry.BuildNIK(kec, tt.birth, tt.sex, tt.serial)
		if tt.err != nil {
			assert.ErrorIs(t, err, tt.err)
			continue
		}
		require.NoError(t, err)
		assert.Equal(t, tt.want, n.String())
		assert.Equal(t, tt.birth, n.BirthDate(), "the century comes from the birth date")
		assert.Equal(t, tt.sex, n.Sex())
	}
	// A village code stands for its kecamatan.
	n, err := registry.BuildNIK(storetest.Village, storetest.Today, adminduk.Male, 7)
	require.NoError(t, err)
	assert.Equal(t, storetest.Kecamatan, n.Region())
}

func TestNewConfig(t *testing.T) {
	_, err := registry.New(registry.Config{})
	assert.Error(t, err)
	_, err = registry.New(registry.Config{Store: sqliteStore(t)})
	assert.Error(t, err, "no office")
	_, err = registry.New(registry.Config{Store: sqliteStore(t), Offices: []registry.Office{{}}})
	assert.ErrorIs(t, err, adminduk.ErrInvalid, "an office without a regency")
}
