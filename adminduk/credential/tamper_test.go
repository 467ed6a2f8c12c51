package credential

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestEveryAlteredByteIsRejected alters every byte of the COSE message,
// re-compresses and re-encodes it: the result is never valid. It is
// invalid_signature or malformed, except when the alteration hits the kid
// entry of the protected header, which then names a key nobody trusts (or
// none): unknown_key, the status of a message from a foreign key.
//
// The bytes of the COSE structure (tag, array, headers, the heads of the
// payload and the signature) take all 255 other values; every other byte,
// inside the signed claims or the signature, takes its 8 single-bit flips
// and its complement (all 255 values everywhere cost 15 s here). With -short
// only three alterations per byte are tried.
func TestEveryAlteredByteIsRejected(t *testing.T) {
	s, keys := setup(t)
	for _, c := range []Claims{kiaClaims(), aktaClaims()} {
		msg := coseBytes(t, sign(t, s, c))
		kid := s.KeyID()
		kidEntry := bytes.Index(msg, append([]byte{0x04, 0x48}, kid[:]...))
		require.Positive(t, kidEntry)
		payloadAt := bytes.Index(msg, claimsBytes(t, c))
		require.Positive(t, payloadAt)
		sigAt := len(msg) - 64
		structural := func(i int) bool { return i < payloadAt+4 || (i >= sigAt-2 && i < sigAt) }
		every := make([]byte, 0, 255)
		for d := 1; d < 256; d++ {
			every = append(every, byte(d))
		}
		flips := []byte{0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80, 0xff}
		tried := 0
		counts := map[Status]int{}
		for i := range msg {
			deltas := flips
			switch {
			case testing.Short():
				deltas = []byte{0x01, 0x80, 0xff}
			case structural(i):
				deltas = every
			}
			for _, d := range deltas {
				tried++
				altered := bytes.Clone(msg)
				altered[i] ^= d
				r := Verify(recode(t, altered), keys, issued)
				counts[r.Status]++
				allowed := []Status{StatusInvalidSignature, StatusMalformed}
				if i >= kidEntry && i < kidEntry+2+len(kid) {
					allowed = append(allowed, StatusUnknownKey)
				}
				if !assert.Contains(t, allowed, r.Status, "byte %d (%#02x) ^ %#02x: %v", i, msg[i], d, r.Err) {
					return
				}
			}
		}
		t.Logf("%s: %d bytes, %d alterations: %v", c.Document.Type, len(msg), tried, counts)
	}
}

// TestTruncationsAreRejected cuts the COSE message at every length.
func TestTruncationsAreRejected(t *testing.T) {
	s, keys := setup(t)
	msg := coseBytes(t, sign(t, s, kiaClaims()))
	for n := range len(msg) {
		wantStatus(t, StatusMalformed, Verify(recode(t, msg[:n]), keys, issued))
	}
}

// TestAlteredTextIsRejected replaces every character of the Base45 text by
// every other character of the alphabet, and drops every character. zlib
// ignores the unused bits that pad its last byte, so an alteration there
// could leave the signed message as it was: the only way an altered text may
// verify is to carry exactly the same COSE message.
func TestAlteredTextIsRejected(t *testing.T) {
	s, keys := setup(t)
	payload := sign(t, s, kiaClaims())
	orig := coseBytes(t, payload)
	same := 0
	for i := range len(payload) {
		for j := range len(alphabet45) {
			if alphabet45[j] == payload[i] {
				continue
			}
			altered := payload[:i] + alphabet45[j:j+1] + payload[i+1:]
			r := Verify(altered, keys, issued)
			if r.Status == StatusValid {
				require.Equal(t, orig, coseBytes(t, altered), "character %d -> %q verifies as another message", i, alphabet45[j])
				same++
			}
		}
		r := Verify(payload[:i]+payload[i+1:], keys, issued)
		require.NotEqual(t, StatusValid, r.Status, "character %d dropped", i)
	}
	t.Logf("%d characters x 44 alterations; %d left the signed message unchanged", len(payload), same)
	assert.Equal(t, StatusMalformed, Verify(strings.ToLower(payload), keys, issued).Status)
}

const alphabet45 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
