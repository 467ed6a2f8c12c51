package registry

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
)

// Role is what an officer of a Dinas may do.
type Role int

// Roles, from the least to the most rights.
const (
	RoleViewer     Role = 1 + iota // reads queues, reports and documents
	RoleOfficer                    // also verifies, returns, registers, issues and hands over
	RoleSupervisor                 // also corrects, revokes, archives, and manages partners, agreements and officers
)

var roleNames = [...]string{RoleViewer: "viewer", RoleOfficer: "officer", RoleSupervisor: "supervisor"}

// IsValid reports whether r is one of the roles.
func (r Role) IsValid() bool { return r >= RoleViewer && r <= RoleSupervisor }

// String returns "viewer", "officer" or "supervisor", "Role(n)" otherwise.
func (r Role) String() string {
	if !r.IsValid() {
		return fmt.Sprintf("Role(%d)", int(r))
	}
	return roleNames[r]
}

// ParseRole returns the role named s ("admin" is a synonym of "supervisor").
func ParseRole(s string) (Role, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "viewer":
		return RoleViewer, nil
	case "officer":
		return RoleOfficer, nil
	case "supervisor", "admin":
		return RoleSupervisor, nil
	}
	return 0, fmt.Errorf("registry: role %q: %w", s, adminduk.ErrSyntax)
}

// MarshalText implements encoding.TextMarshaler.
func (r Role) MarshalText() ([]byte, error) {
	if !r.IsValid() {
		return nil, fmt.Errorf("registry: role %d: %w", int(r), adminduk.ErrInvalid)
	}
	return []byte(r.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (r *Role) UnmarshalText(b []byte) error {
	v, err := ParseRole(string(b))
	if err != nil {
		return err
	}
	*r = v
	return nil
}

// MayAct reports whether an officer of role r may take step a on a report.
// Viewers take none; officers the everyday steps; correcting, revoking and
// archiving need a supervisor.
func (r Role) MayAct(a ActionType) bool {
	switch a {
	case ActVerify, ActReturn, ActRegister, ActIssue, ActHandOver:
		return r >= RoleOfficer
	case ActCorrect, ActRevoke, ActArchive:
		return r >= RoleSupervisor
	}
	return false // notify and resubmit are the partner's
}

// MayManage reports whether an officer of role r may create and change
// partners, agreements, API keys and officer accounts.
func (r Role) MayManage() bool { return r == RoleSupervisor }

// Officer is an account of a Dinas officer who logs in to the back office.
type Officer struct {
	Office   wilayah.Code `json:"office"`
	Username string       `json:"username"`
	Name     string       `json:"name"`
	Role     Role         `json:"role"`
	Created  time.Time    `json:"created"`
}

// Session is a login of an officer: the token that names it is given to the
// officer once and stored only as its SHA-256.
type Session struct {
	Office   wilayah.Code
	Username string
	Created  time.Time
	Expires  time.Time
	Revoked  time.Time // zero while in force
}

// OfficerStore is the part of [Store] that keeps officer accounts and
// their sessions. Nothing is updated or deleted: a logout is a revocation row.
type OfficerStore interface {
	// CreateOfficer stores a new account with its encoded password hash;
	// a username already taken (in any office) is ErrConflict.
	CreateOfficer(ctx context.Context, o Officer, passwordHash, actor string) error
	// OfficerByUsername returns an account and its password hash, or ErrNotFound.
	OfficerByUsername(ctx context.Context, username string) (Officer, string, error)
	// Officers returns the accounts of an office, in username order.
	Officers(ctx context.Context, office wilayah.Code) ([]Officer, error)
	// CreateSession stores a session under the hex SHA-256 of its token.
	CreateSession(ctx context.Context, tokenHash string, s Session) error
	// Session returns the session of a token hash (revoked or expired ones
	// too) with its officer, or ErrNotFound.
	Session(ctx context.Context, tokenHash string) (Session, Officer, error)
	// RevokeSession records the end of a session; revoking twice keeps the
	// first time and is not an error. An unknown hash is ErrNotFound.
	RevokeSession(ctx context.Context, tokenHash string, at time.Time) error
}

// Sentinels of officer authentication. Both unwrap to [ErrForbidden].
var (
	// ErrBadLogin: the username or the password is wrong, or the
	// username+address has failed too often (the caller's limiter says so).
	ErrBadLogin = adminduk.Sentinel("registry: login failed", ErrForbidden)
	// ErrNoSession: the session token is unknown, expired or revoked.
	ErrNoSession = adminduk.Sentinel("registry: no valid session", ErrForbidden)
)

// LoginError reports a failed login. It does not say whether the username
// exists. It unwraps to [ErrBadLogin].
type LoginError struct {
	Username string
	// RetryAfter is set when the login was refused by a rate limit.
	RetryAfter time.Duration
}

func (e *LoginError) Error() string {
	if e.RetryAfter > 0 {
		return fmt.Sprintf("registry: login of %q refused: too many failures, retry after %s", e.Username, e.RetryAfter)
	}
	return fmt.Sprintf("registry: login of %q failed: wrong username or password", e.Username)
}

// Unwrap returns [ErrBadLogin].
func (e *LoginError) Unwrap() error { return ErrBadLogin }

// SessionError reports a session token that is not (or no longer) valid.
// It unwraps to [ErrNoSession].
type SessionError struct {
	Reason string // "unknown", "expired" or "revoked"
}

func (e *SessionError) Error() string { return "registry: session " + e.Reason }

// Unwrap returns [ErrNoSession].
func (e *SessionError) Unwrap() error { return ErrNoSession }
