package registry

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"strings"
	"sync"

	"golang.org/x/crypto/argon2"

	"github.com/adminduk-id/adminduk/adminduk"
)

// PasswordParams are the argon2id parameters of a password hash.
type PasswordParams struct {
	Memory  uint32 // KiB
	Time    uint32 // passes
	Threads uint8
	SaltLen int
	KeyLen  uint32
}

// DefaultPasswordParams are OWASP's first argon2id configuration (19 MiB,
// 2 passes, 1 lane; 16-byte salt, 32-byte hash): a login costs about 25 ms
// of one core, so a 2-core server is not brought down by a login storm.
var DefaultPasswordParams = PasswordParams{Memory: 19 * 1024, Time: 2, Threads: 1, SaltLen: 16, KeyLen: 32}

// ErrBadHash: a stored password hash is not an argon2id PHC string this
// package can read.
var ErrBadHash = adminduk.Sentinel("registry: bad password hash", adminduk.ErrSyntax)

// HashPassword returns the argon2id hash of password with a fresh random salt,
// encoded as a PHC string: $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>
// (unpadded standard Base64).
func HashPassword(password string, p PasswordParams) string {
	salt := make([]byte, p.SaltLen)
	_, _ = rand.Read(salt) // never fails (crypto/rand)
	key := argon2.IDKey([]byte(password), salt, p.Time, p.Memory, p.Threads, p.KeyLen)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, p.Memory, p.Time, p.Threads,
		b64.EncodeToString(salt), b64.EncodeToString(key))
}

// parsed is a decoded PHC string.
type parsed struct {
	p         PasswordParams
	salt, key []byte
}

func parsePHC(h string) (parsed, error) {
	bad := func(why string) (parsed, error) {
		return parsed{}, fmt.Errorf("registry: password hash: %s: %w", why, ErrBadHash)
	}
	parts := strings.Split(h, "$")
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" {
		return bad("not an argon2id PHC string")
	}
	var v int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &v); err != nil || v != argon2.Version {
		return bad("unsupported version")
	}
	var out parsed
	var threads uint32
	if n, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &out.p.Memory, &out.p.Time, &threads); err != nil || n != 3 ||
		threads == 0 || threads > 255 || out.p.Time == 0 || out.p.Time > 16 ||
		out.p.Memory < 8*threads || out.p.Memory > 256<<10 { // at most 256 MiB and 16 passes: a stored hash cannot stall a login
		return bad("bad parameters")
	}
	out.p.Threads = uint8(threads)
	var err error
	b64 := base64.RawStdEncoding
	if out.salt, err = b64.DecodeString(parts[4]); err != nil || len(out.salt) < 8 {
		return bad("bad salt")
	}
	if out.key, err = b64.DecodeString(parts[5]); err != nil || len(out.key) < 16 || len(out.key) > 64 {
		return bad("bad key")
	}
	out.p.SaltLen, out.p.KeyLen = len(out.salt), uint32(len(out.key))
	return out, nil
}

// CheckPassword reports whether password matches the encoded hash, comparing
// in constant time. A hash that cannot be read is an error unwrapping to
// [ErrBadHash].
func CheckPassword(hash, password string) (bool, error) {
	ph, err := parsePHC(hash)
	if err != nil {
		return false, err
	}
	key := argon2.IDKey([]byte(password), ph.salt, ph.p.Time, ph.p.Memory, ph.p.Threads, ph.p.KeyLen)
	return subtle.ConstantTimeCompare(key, ph.key) == 1, nil
}

// dummyHash is hashed against when a username is unknown, so that an unknown
// user costs the same time as a wrong password.
var dummyHash = sync.OnceValue(func() string {
	return HashPassword("registry: no such officer", DefaultPasswordParams)
})
