package registry_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/registry"
)

func TestPasswordRoundTrip(t *testing.T) {
	h := registry.HashPassword("correct horse battery", registry.DefaultPasswordParams)
	ok, err := registry.CheckPassword(h, "correct horse battery")
	require.NoError(t, err)
	assert.True(t, ok)
	ok, err = registry.CheckPassword(h, "correct horse batterY")
	require.NoError(t, err)
	assert.False(t, ok)
	assert.NotEqual(t, h, registry.HashPassword("correct horse battery", registry.DefaultPasswordParams), "salted")
}

func TestCheckPasswordBadHash(t *testing.T) {
	for _, h := range []string{
		"", "plain", "$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$a2V5a2V5a2V5a2V5a2V5a2V5",
		"$argon2id$v=18$m=19456,t=2,p=1$c2FsdHNhbHQ$a2V5a2V5a2V5a2V5a2V5a2V5",
		"$argon2id$v=19$m=1,t=2,p=1$c2FsdHNhbHQ$a2V5a2V5a2V5a2V5a2V5a2V5",
		"$argon2id$v=19$m=99999999,t=2,p=1$c2FsdHNhbHQ$a2V5a2V5a2V5a2V5a2V5a2V5",
		"$argon2id$v=19$m=19456,t=0,p=1$c2FsdHNhbHQ$a2V5a2V5a2V5a2V5a2V5a2V5",
		"$argon2id$v=19$m=19456,t=2,p=1$!!$a2V5a2V5a2V5a2V5a2V5a2V5",
		"$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$a2V5",
	} {
		_, err := registry.CheckPassword(h, "x")
		assert.ErrorIs(t, err, registry.ErrBadHash, "%q", h)
	}
}

func TestRoles(t *testing.T) {
	for _, tt := range []struct {
		role           registry.Role
		verify, revoke bool
		manage         bool
	}{
		{registry.RoleViewer, false, false, false},
		{registry.RoleOfficer, true, false, false},
		{registry.RoleSupervisor, true, true, true},
	} {
		assert.Equal(t, tt.verify, tt.role.MayAct(registry.ActVerify), tt.role.String())
		assert.Equal(t, tt.revoke, tt.role.MayAct(registry.ActRevoke), tt.role.String())
		assert.Equal(t, tt.manage, tt.role.MayManage(), tt.role.String())
		assert.False(t, tt.role.MayAct(registry.ActNotify))
		b, err := tt.role.MarshalText()
		require.NoError(t, err)
		var back registry.Role
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, tt.role, back)
	}
	r, err := registry.ParseRole("admin")
	require.NoError(t, err)
	assert.Equal(t, registry.RoleSupervisor, r)
	_, err = registry.ParseRole("root")
	assert.Error(t, err)
}

func BenchmarkCheckPassword(b *testing.B) {
	h := registry.HashPassword("correct horse battery", registry.DefaultPasswordParams)
	b.ReportAllocs()
	for b.Loop() {
		_, _ = registry.CheckPassword(h, "correct horse battery")
	}
}
