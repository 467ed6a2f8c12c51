package storetest

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/partnership"
	"github.com/adminduk-id/adminduk/registry"
)

// testAuth drives API keys and officer tokens: created with a secret shown
// once, authenticated by it, listed without it, revoked at once.
func testAuth(t *testing.T, e *Env) {
	s := e.Service
	key, secret, err := s.CreateAPIKey(ctx(), Regency, "pkm-1", "admin", "SIMRS")
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(secret, registry.PartnerKeyPrefix), secret)
	assert.Len(t, secret, len(registry.PartnerKeyPrefix)+43)
	assert.Equal(t, registry.CredentialPartner, key.Kind)

	p, err := s.Authenticate(ctx(), secret)
	require.NoError(t, err)
	assert.Equal(t, registry.Principal{Kind: registry.CredentialPartner, CredentialID: key.ID, Office: Regency, PartnerID: "pkm-1"}, p)
	assert.Equal(t, "pkm-1", p.Actor())

	keys, err := s.APIKeys(ctx(), Regency, "pkm-1")
	require.NoError(t, err)
	require.Len(t, keys, 1)
	assert.Equal(t, key.ID, keys[0].ID)
	assert.Equal(t, "SIMRS", keys[0].Label)
	assert.False(t, keys[0].LastUsed.IsZero(), "the use was recorded")
	assert.False(t, keys[0].Revoked())
	first := keys[0].LastUsed

	// Within TouchInterval nothing is written; a day later it is.
	_, err = s.Authenticate(ctx(), secret)
	require.NoError(t, err)
	e.Clock.SetDay(Today.AddDays(1))
	_, err = s.Authenticate(ctx(), secret)
	require.NoError(t, err)
	keys, err = s.APIKeys(ctx(), Regency, "pkm-1")
	require.NoError(t, err)
	assert.True(t, keys[0].LastUsed.After(first), "last use moved on: %v after %v", keys[0].LastUsed, first)

	officer, token, err := s.CreateOfficerToken(ctx(), Regency, "petugas.ani", "verifikator", "admin", "")
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(token, registry.OfficerTokenPrefix), token)
	p, err = s.Authenticate(ctx(), token)
	require.NoError(t, err)
	assert.Equal(t, registry.Principal{Kind: registry.CredentialOfficer, CredentialID: officer.ID, Office: Regency,
		Username: "petugas.ani", Role: "verifikator"}, p)
	assert.True(t, p.IsOfficer())
	assert.Equal(t, "petugas.ani", p.Actor())

	// Refusals, each with its reason.
	swapped := registry.OfficerTokenPrefix + strings.TrimPrefix(secret, registry.PartnerKeyPrefix)
	other := registry.PartnerKeyPrefix + strings.Repeat("A", 43)
	for _, tt := range []struct {
		name, secret string
		want         registry.AuthReason
	}{
		{"empty", "", registry.AuthMalformed},
		{"no prefix", strings.TrimPrefix(secret, registry.PartnerKeyPrefix), registry.AuthMalformed},
		{"short", secret[:20], registry.AuthMalformed},
		{"not base64url", registry.PartnerKeyPrefix + strings.Repeat("!", 43), registry.AuthMalformed},
		{"unknown", other, registry.AuthUnknown},
		{"prefix of the other kind", swapped, registry.AuthUnknown},
		{"sql", registry.PartnerKeyPrefix + "' OR '1'='1", registry.AuthMalformed},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.Authenticate(ctx(), tt.secret)
			var ae *registry.AuthError
			require.ErrorAs(t, err, &ae)
			assert.Equal(t, tt.want, ae.Reason)
			assert.ErrorIs(t, err, registry.ErrUnauthenticated)
			if len(tt.secret) > 8 {
				assert.NotContains(t, err.Error(), tt.secret[4:], "the secret is never in the message")
			}
		})
	}

	// Revocation takes effect at once, once.
	require.ErrorIs(t, s.RevokeOfficerToken(ctx(), Regency, key.ID, "admin"), registry.ErrNotFound, "a key is not a token")
	require.NoError(t, s.RevokeAPIKey(ctx(), Regency, key.ID, "admin"))
	_, err = s.Authenticate(ctx(), secret)
	var ae *registry.AuthError
	require.ErrorAs(t, err, &ae)
	assert.Equal(t, registry.AuthRevoked, ae.Reason)
	assert.Equal(t, key.ID, ae.CredentialID)
	assert.ErrorIs(t, s.RevokeAPIKey(ctx(), Regency, key.ID, "admin"), registry.ErrConflict)
	assert.ErrorIs(t, s.RevokeAPIKey(ctx(), Regency, "nope", "admin"), registry.ErrNotFound)
	keys, err = s.APIKeys(ctx(), Regency, "pkm-1")
	require.NoError(t, err)
	require.Len(t, keys, 1)
	assert.True(t, keys[0].Revoked())
	assert.Equal(t, "admin", keys[0].RevokedBy)
	_, err = s.Authenticate(ctx(), token)
	require.NoError(t, err, "revoking a key leaves the officer's token alone")
	require.NoError(t, s.RevokeOfficerToken(ctx(), Regency, officer.ID, "admin"))
	_, err = s.Authenticate(ctx(), token)
	require.ErrorIs(t, err, registry.ErrUnauthenticated)

	audit, err := e.Store.Audit(ctx(), Regency, key.ID)
	require.NoError(t, err)
	var actions []string
	for _, a := range audit {
		actions = append(actions, a.Action)
	}
	assert.Equal(t, []string{"credential.create", "credential.revoke"}, actions)

	// Bad input.
	_, _, err = s.CreateAPIKey(ctx(), Regency, "no-such-partner", "admin", "")
	assert.ErrorIs(t, err, registry.ErrNotFound)
	_, _, err = s.CreateAPIKey(ctx(), Regency, "", "", "")
	var ve *adminduk.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Len(t, ve.Fields, 2, "partner_id and actor")
	_, _, err = s.CreateOfficerToken(ctx(), Regency, "x", "", "admin", "")
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "/role", ve.Fields[0].Pointer.String())
}

// testCheckPartner: a lapsed PKS stops a partner at once, with the reason.
func testCheckPartner(t *testing.T, e *Env) {
	s := e.Service
	require.NoError(t, s.CheckPartner(ctx(), "pkm-1"))
	ag := Agreement("pks-2", "pkm-2", partnership.Active, Today.AddYears(-2), Today.AddDays(-1))
	require.NoError(t, e.Store.PutAgreement(ctx(), &ag, "admin"))
	err := s.CheckPartner(ctx(), "pkm-2")
	var fe *registry.ForbiddenError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, registry.ReasonExpired, fe.Reason)
	assert.False(t, errors.Is(err, registry.ErrUnauthenticated), "a lapsed PKS is 403, not 401")
	var fe2 *registry.ForbiddenError
	require.ErrorAs(t, s.CheckPartner(ctx(), "nobody"), &fe2)
	assert.Equal(t, registry.ReasonNoAgreement, fe2.Reason)
	// A key can be made for it (to be ready for the renewal), and it
	// authenticates, but the partner check refuses.
	_, secret, err := s.CreateAPIKey(ctx(), Regency, "pkm-2", "admin", "")
	require.NoError(t, err)
	p, err := s.Authenticate(ctx(), secret)
	require.NoError(t, err)
	require.ErrorAs(t, s.CheckPartner(ctx(), p.PartnerID), &fe)
}
