package storetest

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/registry"
)

// testOfficers: accounts are created with a hashed password, usernames are
// unique, invalid accounts write nothing; a login succeeds only with the
// right password and an unknown user fails like a wrong password; a
// session is found by its token until it expires or is revoked.
func testOfficers(t *testing.T, e *Env) {
	const pw = "kata-sandi-rahasia-1"
	o, err := e.Service.CreateOfficer(ctx(), Regency, "dewi", "Dewi Lestari", registry.RoleOfficer, pw, "admin")
	require.NoError(t, err)
	assert.Equal(t, "dewi", o.Username)

	_, hash, err := e.Store.OfficerByUsername(ctx(), "dewi")
	require.NoError(t, err)
	assert.NotContains(t, hash, pw, "the password is stored hashed")
	assert.Regexp(t, `^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$`, hash)

	_, err = e.Service.CreateOfficer(ctx(), Regency, "dewi", "Another Dewi", registry.RoleViewer, pw, "admin")
	assert.ErrorIs(t, err, registry.ErrConflict)

	_, err = e.Service.CreateOfficer(ctx(), Regency, "X", "", registry.Role(9), "short", "")
	var ve *adminduk.ValidationError
	require.ErrorAs(t, err, &ve)
	var ptrs []string
	for _, f := range ve.Fields {
		ptrs = append(ptrs, f.Pointer.String())
	}
	assert.ElementsMatch(t, []string{"/username", "/name", "/role", "/password", "/actor"}, ptrs)
	all, err := e.Service.Officers(ctx(), Regency)
	require.NoError(t, err)
	require.Len(t, all, 1, "invalid and duplicate accounts write nothing")
	assert.Equal(t, registry.RoleOfficer, all[0].Role)

	got, err := e.Service.Login(ctx(), "dewi", pw)
	require.NoError(t, err)
	assert.Equal(t, o.Office, got.Office)
	assert.Equal(t, "Dewi Lestari", got.Name)

	_, errWrong := e.Service.Login(ctx(), "dewi", pw+"x")
	_, errUnknown := e.Service.Login(ctx(), "nobody", pw)
	for _, err := range []error{errWrong, errUnknown} {
		var le *registry.LoginError
		require.ErrorAs(t, err, &le)
		assert.ErrorIs(t, err, registry.ErrBadLogin)
		assert.ErrorIs(t, err, registry.ErrForbidden)
	}
	assert.Equal(t, errors.Unwrap(errWrong), errors.Unwrap(errUnknown))

	token, sess, err := e.Service.StartSession(ctx(), got, time.Hour)
	require.NoError(t, err)
	assert.Len(t, token, 43)
	who, _, err := e.Service.Session(ctx(), token)
	require.NoError(t, err)
	assert.Equal(t, "dewi", who.Username)
	assert.Equal(t, registry.RoleOfficer, who.Role)
	assert.Equal(t, sess.Expires, sess.Created.Add(time.Hour))

	_, _, err = e.Service.Session(ctx(), token+"x")
	assert.ErrorIs(t, err, registry.ErrNoSession)

	require.NoError(t, e.Service.EndSession(ctx(), token))
	require.NoError(t, e.Service.EndSession(ctx(), token), "logging out twice is not an error")
	_, _, err = e.Service.Session(ctx(), token)
	var se *registry.SessionError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, "revoked", se.Reason)
	assert.ErrorIs(t, e.Service.EndSession(ctx(), "no-such-token"), registry.ErrNoSession)

	token2, _, err := e.Service.StartSession(ctx(), got, time.Hour)
	require.NoError(t, err)
	e.Clock.SetDay(Today.AddDays(1))
	_, _, err = e.Service.Session(ctx(), token2)
	require.ErrorAs(t, err, &se)
	assert.Equal(t, "expired", se.Reason)

	audit, err := e.Store.Audit(ctx(), Regency, "officer:dewi")
	require.NoError(t, err)
	var acts []string
	for _, a := range audit {
		acts = append(acts, a.Action)
	}
	assert.Equal(t, []string{"officer.create", "session.start", "session.end", "session.start"}, acts)
}
