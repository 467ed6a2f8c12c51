package registry

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
)

// MinPasswordLen is the shortest password an officer account accepts.
const MinPasswordLen = 12

// SessionTTL is how long a session lasts when the caller gives no duration.
const SessionTTL = 12 * time.Hour

var usernamePattern = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{2,31}$`)

// CreateOfficer creates the account of an officer of office with an argon2id
// hash of password; actor is who creates it. Every problem is reported at
// once as a *[adminduk.ValidationError] (username of 3-32 lower-case letters,
// digits, '.', '_' or '-'; a name; a valid role; a password of at least
// [MinPasswordLen] characters; an office this service runs); a username
// already taken is ErrConflict.
func (s *Service) CreateOfficer(ctx context.Context, office wilayah.Code, username, name string, role Role, password, actor string) (Officer, error) {
	c := adminduk.Checker{What: "registry: invalid officer"}
	if _, ok := s.offices[office]; !ok {
		c.AddCode(adminduk.NewPointer("office"), adminduk.CodeRegion,
			"bukan kantor yang dilayani", fmt.Sprintf("office %q is not run here", office.String()))
	}
	if !usernamePattern.MatchString(username) {
		c.AddCode(adminduk.NewPointer("username"), adminduk.CodeInvalid,
			"3-32 huruf kecil, angka, '.', '_' atau '-'", "3-32 lower-case letters, digits, '.', '_' or '-'")
	}
	checkRequiredText(&c, adminduk.NewPointer("name"), name, 100)
	if !role.IsValid() {
		c.AddCode(adminduk.NewPointer("role"), adminduk.CodeInvalid,
			"peran tidak dikenal", "unknown role")
	}
	if utf8.RuneCountInString(password) < MinPasswordLen {
		c.AddCode(adminduk.NewPointer("password"), adminduk.CodeRange,
			fmt.Sprintf("kata sandi minimal %d karakter", MinPasswordLen),
			fmt.Sprintf("the password needs at least %d characters", MinPasswordLen))
	}
	if strings.TrimSpace(actor) == "" {
		c.Required(adminduk.NewPointer("actor"))
	}
	if err := c.Err(); err != nil {
		return Officer{}, err
	}
	now, _ := s.clock()
	o := Officer{Office: office, Username: username, Name: strings.TrimSpace(name), Role: role, Created: now}
	if err := s.store.CreateOfficer(ctx, o, HashPassword(password, DefaultPasswordParams), actor); err != nil {
		return Officer{}, err
	}
	return o, nil
}

// Officers returns the accounts of an office.
func (s *Service) Officers(ctx context.Context, office wilayah.Code) ([]Officer, error) {
	return s.store.Officers(ctx, office)
}

// Login checks an officer's username and password. A wrong password and an
// unknown username cost the same argon2id computation and give the same
// *[LoginError] (unwrapping to [ErrBadLogin]); rate limiting by username and
// address is the caller's (see registry/httpapi/webui), since only it knows
// the address.
func (s *Service) Login(ctx context.Context, username, password string) (Officer, error) {
	o, hash, err := s.store.OfficerByUsername(ctx, username)
	switch {
	case errors.Is(err, ErrNotFound):
		_, _ = CheckPassword(dummyHash(), password)
		return Officer{}, &LoginError{Username: username}
	case err != nil:
		return Officer{}, err
	}
	ok, err := CheckPassword(hash, password)
	if err != nil {
		return Officer{}, err
	}
	if !ok {
		return Officer{}, &LoginError{Username: username}
	}
	return o, nil
}

// tokenHash is the hex SHA-256 a session token is stored under.
func tokenHash(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// StartSession opens a session of o lasting ttl (0: [SessionTTL]) and returns
// its token: 32 random bytes in unpadded URL-safe Base64, shown to the caller
// once and stored only as its SHA-256.
func (s *Service) StartSession(ctx context.Context, o Officer, ttl time.Duration) (string, Session, error) {
	if ttl <= 0 {
		ttl = SessionTTL
	}
	var b [32]byte
	_, _ = rand.Read(b[:]) // never fails (crypto/rand)
	token := base64.RawURLEncoding.EncodeToString(b[:])
	now, _ := s.clock()
	sess := Session{Office: o.Office, Username: o.Username, Created: now, Expires: now.Add(ttl)}
	if err := s.store.CreateSession(ctx, tokenHash(token), sess); err != nil {
		return "", Session{}, err
	}
	return token, sess, nil
}

// Session returns the officer of a session token in force; an unknown,
// expired or revoked token is a *[SessionError] (unwrapping to [ErrNoSession]).
func (s *Service) Session(ctx context.Context, token string) (Officer, Session, error) {
	if token == "" || len(token) > 128 {
		return Officer{}, Session{}, &SessionError{Reason: "unknown"}
	}
	sess, o, err := s.store.Session(ctx, tokenHash(token))
	if errors.Is(err, ErrNotFound) {
		return Officer{}, Session{}, &SessionError{Reason: "unknown"}
	}
	if err != nil {
		return Officer{}, Session{}, err
	}
	now, _ := s.clock()
	switch {
	case !sess.Revoked.IsZero():
		return Officer{}, sess, &SessionError{Reason: "revoked"}
	case !now.Before(sess.Expires):
		return Officer{}, sess, &SessionError{Reason: "expired"}
	}
	return o, sess, nil
}

// EndSession revokes a session (logout). Ending an unknown token is a
// *[SessionError]; ending one twice is not an error.
func (s *Service) EndSession(ctx context.Context, token string) error {
	now, _ := s.clock()
	err := s.store.RevokeSession(ctx, tokenHash(token), now)
	if errors.Is(err, ErrNotFound) {
		return &SessionError{Reason: "unknown"}
	}
	return err
}
