package registry_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/registry"
)

func TestNext(t *testing.T) {
	tests := []struct {
		from registry.Status
		act  registry.ActionType
		to   registry.Status // 0: not allowed
	}{
		{0, registry.ActNotify, registry.StatusNotified},
		{0, registry.ActVerify, 0},
		{registry.StatusNotified, registry.ActVerify, registry.StatusVerified},
		{registry.StatusNotified, registry.ActReturn, registry.StatusReturned},
		{registry.StatusNotified, registry.ActRegister, 0},
		{registry.StatusNotified, registry.ActNotify, 0},
		{registry.StatusReturned, registry.ActResubmit, registry.StatusNotified},
		{registry.StatusReturned, registry.ActVerify, 0},
		{registry.StatusVerified, registry.ActRegister, registry.StatusRegistered},
		{registry.StatusVerified, registry.ActReturn, registry.StatusReturned},
		{registry.StatusRegistered, registry.ActRegister, 0},
		{registry.StatusRegistered, registry.ActIssue, registry.StatusIssued},
		{registry.StatusRegistered, registry.ActArchive, 0},
		{registry.StatusRegistered, registry.ActCorrect, registry.StatusRegistered},
		{registry.StatusIssued, registry.ActHandOver, registry.StatusHandedOver},
		{registry.StatusIssued, registry.ActCorrect, registry.StatusIssued},
		{registry.StatusHandedOver, registry.ActRevoke, registry.StatusRevoked},
		{registry.StatusHandedOver, registry.ActHandOver, registry.StatusHandedOver}, // in parts
		{registry.StatusHandedOver, registry.ActIssue, 0},
		{registry.StatusRevoked, registry.ActArchive, registry.StatusArchived},
		{registry.StatusRevoked, registry.ActIssue, 0},
		{registry.StatusArchived, registry.ActResubmit, 0},
		{registry.StatusArchived, registry.ActNotify, 0},
	}
	for _, tt := range tests {
		got, err := registry.Next(tt.from, tt.act)
		if tt.to == 0 {
			var te *registry.TransitionError
			require.ErrorAs(t, err, &te, "%s from %s", tt.act, tt.from)
			assert.ErrorIs(t, err, registry.ErrInvalidTransition)
			assert.ErrorIs(t, err, adminduk.ErrInvalidTransition)
			assert.ErrorIs(t, err, adminduk.ErrConflict)
			assert.Equal(t, tt.from, te.From)
			assert.Equal(t, tt.act, te.Action)
			continue
		}
		require.NoError(t, err, "%s from %s", tt.act, tt.from)
		assert.Equal(t, tt.to, got, "%s from %s", tt.act, tt.from)
	}
}

func TestAllowedAgreesWithNext(t *testing.T) {
	for s := registry.Status(0); s <= registry.StatusArchived; s++ {
		allowed := map[registry.ActionType]bool{}
		for _, a := range registry.Allowed(s) {
			allowed[a] = true
		}
		for a := registry.ActNotify; a.IsValid(); a++ {
			_, err := registry.Next(s, a)
			assert.Equal(t, allowed[a], err == nil, "%s from %s", a, s)
		}
	}
	assert.Empty(t, registry.Allowed(registry.StatusArchived), "archived is terminal")
}

func TestDerive(t *testing.T) {
	acts := func(ts ...registry.ActionType) []registry.Action {
		out := make([]registry.Action, len(ts))
		for i, a := range ts {
			out[i] = registry.Action{Seq: i + 1, Type: a}
		}
		return out
	}
	s, err := registry.Derive(nil)
	require.NoError(t, err)
	assert.Equal(t, registry.Status(0), s)
	s, err = registry.Derive(acts(registry.ActNotify, registry.ActReturn, registry.ActResubmit, registry.ActVerify,
		registry.ActRegister, registry.ActCorrect, registry.ActIssue, registry.ActHandOver))
	require.NoError(t, err)
	assert.Equal(t, registry.StatusHandedOver, s)
	_, err = registry.Derive(acts(registry.ActNotify, registry.ActRegister))
	assert.ErrorIs(t, err, registry.ErrInvalidTransition)
}

func TestEnumText(t *testing.T) {
	for a := registry.ActNotify; a.IsValid(); a++ {
		b, err := a.MarshalText()
		require.NoError(t, err)
		var back registry.ActionType
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, a, back)
	}
	for s := registry.StatusNotified; s.IsValid(); s++ {
		b, err := s.MarshalText()
		require.NoError(t, err)
		var back registry.Status
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, s, back)
	}
	_, err := registry.ActionType(0).MarshalText()
	assert.Error(t, err)
	assert.Equal(t, "ActionType(99)", registry.ActionType(99).String())
	assert.Equal(t, "new", registry.Status(0).String())

	f := registry.FlagLate | registry.FlagIncomplete
	assert.Equal(t, "late,incomplete", f.String())
	var back registry.Flags
	require.NoError(t, back.UnmarshalText([]byte(f.String())))
	assert.Equal(t, f, back)
	assert.Error(t, back.UnmarshalText([]byte("late,bogus")))
	assert.False(t, f.Has(registry.FlagPotentialDuplicate))
}
