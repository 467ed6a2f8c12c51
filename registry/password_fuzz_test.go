package registry_test

import (
	"errors"
	"testing"

	"github.com/adminduk-id/adminduk/registry"
)

// cheap are argon2id parameters small enough to fuzz with.
var cheap = registry.PasswordParams{Memory: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}

// FuzzPassword: a hashed password checks against itself and not against
// another; any string given as a hash is either read or refused with
// ErrBadHash, never a panic.
func FuzzPassword(f *testing.F) {
	f.Add("kata sandi", "kata sandj", "$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5")
	f.Add("", "x", "$argon2id$v=19$m=4294967295,t=1,p=1$AA$AA")
	f.Fuzz(func(t *testing.T, pw, other, hash string) {
		h := registry.HashPassword(pw, cheap)
		ok, err := registry.CheckPassword(h, pw)
		if err != nil || !ok {
			t.Fatalf("round trip of %q: %v %v", pw, ok, err)
		}
		if other != pw {
			if ok, _ := registry.CheckPassword(h, other); ok {
				t.Fatalf("%q accepted for %q", other, pw)
			}
		}
		if _, err := registry.CheckPassword(hash, pw); err != nil && !errors.Is(err, registry.ErrBadHash) {
			t.Fatalf("hash %q: %v", hash, err)
		}
	})
}
