package registry_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/akta"
	"github.com/adminduk-id/adminduk/registry"
	"github.com/adminduk-id/adminduk/registry/storetest"
)

func TestSKLMNumber(t *testing.T) {
	day := adminduk.MustDate(2026, 12, 3)
	for _, c := range []struct {
		name   string
		office wilayah.Code
		day    adminduk.Date
		serial int
		want   string
		err    error
	}{
		{"first", storetest.Regency, day, 1, "6208-SKLM-03122026-0001", nil},
		{"last", storetest.Regency, day, 9999, "6208-SKLM-03122026-9999", nil},
		{"serial 0", storetest.Regency, day, 0, "", adminduk.ErrInvalidSerial},
		{"serial 10000", storetest.Regency, day, 10000, "", adminduk.ErrInvalidSerial},
		{"a kecamatan", storetest.Kecamatan, day, 1, "", adminduk.ErrInvalid},
		{"no day", storetest.Regency, adminduk.Date{}, 1, "", adminduk.ErrInvalid},
	} {
		got, err := registry.SKLMNumber(c.office, c.day, c.serial)
		if c.err != nil {
			assert.ErrorIs(t, err, c.err, c.name)
			continue
		}
		require.NoError(t, err, c.name)
		assert.Equal(t, c.want, got, c.name)
	}
}

func TestFamilyErrors(t *testing.T) {
	nik := adminduk.MustParseNIK(storetest.SonNIK)
	var err error = &registry.DeceasedError{NIK: nik, DeathDate: adminduk.MustDate(2026, 12, 2), ReportID: "r-1"}
	assert.ErrorIs(t, err, registry.ErrDeceased)
	assert.ErrorIs(t, err, registry.ErrConflict)
	assert.ErrorIs(t, err, adminduk.ErrConflict)
	assert.NotContains(t, err.Error(), storetest.SonNIK, "the NIK is masked")
	assert.Contains(t, err.Error(), nik.Masked())

	err = fmt.Errorf("store: %w", &registry.VersionConflictError{Office: storetest.Regency, Number: adminduk.MustParseKK(storetest.FamilyKK), Version: 2})
	var vc *registry.VersionConflictError
	require.ErrorAs(t, err, &vc)
	assert.Equal(t, 2, vc.Version)
	assert.ErrorIs(t, err, registry.ErrConflict)
	assert.False(t, errors.Is(err, registry.ErrDeceased))

	for _, s := range []registry.FamilySource{registry.FamilyImported, registry.FamilyFromReport, registry.FamilyNext} {
		assert.True(t, s.IsValid(), s)
	}
	assert.False(t, registry.FamilySource("siak").IsValid())
}

func TestKKOf(t *testing.T) {
	seen := map[string]bool{}
	for i := range 1000 {
		kk := storetest.KKOf(fmt.Sprintf("b-%d", i))
		n, err := adminduk.ParseKK(kk)
		require.NoError(t, err)
		assert.Equal(t, storetest.Kecamatan, n.Region())
		seen[kk] = true
	}
	assert.Greater(t, len(seen), 990, "almost always different")
	assert.Equal(t, storetest.KKOf("x"), storetest.KKOf("x"))
}

func TestFamilyVersionJSON(t *testing.T) {
	v := registry.FamilyVersion{Office: storetest.Regency, Number: adminduk.MustParseKK(storetest.FamilyKK), Version: 2,
		Source: registry.FamilyNext, Status: registry.DocActive, Card: storetest.FamilyCard(), Actor: "x"}
	b, err := json.Marshal(&v)
	require.NoError(t, err)
	var back registry.FamilyVersion
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, v.Number, back.Number)
	assert.Equal(t, v.Card.Members, back.Card.Members)
	h, ok := back.Head()
	require.True(t, ok)
	assert.Equal(t, "Ahmad Fauzi", h.Name)
	_, ok = (&registry.FamilyVersion{}).Head()
	assert.False(t, ok)
}

// FuzzStillbirthCertificateJSON: the stored model of an SKLM reads back as
// the certificate it was written from.
func FuzzStillbirthCertificateJSON(f *testing.F) {
	f.Add(32, 2, 1, "RSUD Sukamara", "asfiksia", "Siti Aminah", 1)
	f.Add(20, 1, 0, "Rumah", "", "Nur'aini", 9999)
	f.Fuzz(func(t *testing.T, weeks, order, sex int, place, cause, mother string, days int) {
		day := adminduk.MustDate(2026, 1, 1).AddDays(days % 3650)
		c := registry.StillbirthCertificate{
			Number: "6208-SKLM-03122026-0001", Date: day, GestationWeeks: weeks, Sex: adminduk.Sex(uint(sex) % 3),
			Multiplicity: akta.Single, BirthOrder: order, PlaceType: registry.PlaceHospital, Place: place, Cause: cause,
			Attendant: registry.AttendantDoctor, DeterminedBy: registry.ByDoctor,
			Mother:  akta.Party{NIK: adminduk.MustParseNIK(storetest.MotherNIK), Name: mother},
			Address: adminduk.Address{Street: place, Village: storetest.Village}, RegisteredAt: day, IssuedAt: day,
			Issuer: storetest.Office().Issuer,
		}
		b, err := json.Marshal(&c)
		require.NoError(t, err)
		var back registry.StillbirthCertificate
		require.NoError(t, json.Unmarshal(b, &back))
		assert.Equal(t, c.Date, back.Date)
		assert.Equal(t, c.Sex, back.Sex)
		assert.Equal(t, c.Mother.NIK, back.Mother.NIK)
		assert.Equal(t, c.GestationWeeks, back.GestationWeeks)
		assert.Equal(t, c.Issuer, back.Issuer)
		if strings.ToValidUTF8(place, "\uFFFD") == place {
			assert.Equal(t, c.Place, back.Place)
			assert.Equal(t, c.Address.Street, back.Address.Street)
		}
		if strings.ToValidUTF8(mother, "\uFFFD") == mother {
			assert.Equal(t, c.Mother.Name, back.Mother.Name)
		}
	})
}
