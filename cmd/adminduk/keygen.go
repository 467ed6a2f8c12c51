package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/adminduk-id/adminduk/internal/credential"
)

func init() {
	register("keygen", "make a Dinas's Ed25519 signing key and publish it in a JWK Set", runKeygen)
}

// keyIssuer matches the comment line keygen writes above the PEM block.
var keyIssuer = regexp.MustCompile(`(?m)^# issuer: (ID-[0-9]{4})\s*$`)

// defaultNotBefore is the nbf keygen gives a key: 1 January 2016, when the
// KIA began (Permendagri 2/2016), so that cards and akta dated before the
// key was made verify with it. A Dinas rotating keys sets --not-before to
// the day the new key enters service.
var defaultNotBefore = time.Date(2016, 1, 1, 0, 0, 0, 0, time.FixedZone("WIB", 7*3600))

func runKeygen(_ context.Context, e *env, args []string) error {
	fl := newFlags(e, "keygen")
	issuer := fl.String("issuer", "", "the issuing Dinas, \"ID-\" and its 4-digit kab/kota code, e.g. ID-6208 (required)")
	out := fl.String("out", "", "private key `file` to create, PKCS#8 PEM, mode 0600; never overwritten (required)")
	jwks := fl.String("jwks", "", "JWK Set `file` to add the public key to (created if missing; existing keys are kept)")
	nbf := fl.String("not-before", "2016-01-01", "first issue date (YYYY-MM-DD, WIB) or time (RFC 3339) of documents the key vouches for")
	pos, err := parseFlags(fl, args)
	if err != nil {
		return err
	}
	switch {
	case len(pos) > 0:
		return usagef("unexpected argument %q", pos[0])
	case *issuer == "":
		return usagef("--issuer is required, e.g. --issuer ID-6208")
	case *out == "":
		return usagef("--out is required")
	}
	notBefore, err := parseWhen(*nbf)
	if err != nil {
		return usagef("--not-before %q: want YYYY-MM-DD or RFC 3339", *nbf)
	}
	key, err := credential.GenerateKey(nil)
	if err != nil {
		return err
	}
	signer, err := credential.NewSigner(*issuer, key)
	if err != nil {
		return usagef("--issuer %q: %v", *issuer, err)
	}
	pemBytes, err := credential.MarshalPrivateKeyPEM(key)
	if err != nil {
		return err
	}
	// Comment lines before the PEM block are ignored by PEM readers
	// (OpenSSL, Go's encoding/pem); kia render reads the issuer from them.
	var file bytes.Buffer
	fmt.Fprintf(&file, "# adminduk signing key: keep it secret, never in a repository or database\n# issuer: %s\n# kid: %s\n", signer.Issuer(), signer.KeyID())
	file.Write(pemBytes)

	// Read and check the key set before creating the key, so that a bad
	// --jwks leaves nothing behind.
	var set credential.KeySet
	if *jwks != "" {
		if data, err := os.ReadFile(*jwks); err == nil {
			if err := json.Unmarshal(data, &set); err != nil {
				return fmt.Errorf("--jwks %s: %w", *jwks, err)
			}
		} else if !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	f, err := os.OpenFile(*out, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			fmt.Fprintf(e.stderr, "adminduk keygen: %s exists: a key file is never overwritten\n", *out)
			return errInvalid
		}
		return err
	}
	if _, err := f.Write(file.Bytes()); err != nil {
		f.Close()
		os.Remove(*out)
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(*out)
		return err
	}
	if *jwks != "" {
		set.Add(signer.PublicKey(notBefore))
		data, err := json.MarshalIndent(set, "", "  ")
		if err != nil {
			return err
		}
		if err := writeFileAtomic(*jwks, append(data, '\n'), 0o644); err != nil {
			return err
		}
	}
	fmt.Fprintf(e.stdout, "issuer %s kid %s not-before %s\nkey  %s\n", signer.Issuer(), signer.KeyID(), notBefore.Format(time.RFC3339), *out)
	if *jwks != "" {
		fmt.Fprintf(e.stdout, "jwks %s (%d keys)\n", *jwks, len(set.Keys))
	}
	return nil
}

// parseWhen reads YYYY-MM-DD (midnight WIB) or RFC 3339.
func parseWhen(s string) (time.Time, error) {
	if t, err := time.ParseInLocation(time.DateOnly, s, time.FixedZone("WIB", 7*3600)); err == nil {
		return t, nil
	}
	return time.Parse(time.RFC3339, s)
}

// writeFileAtomic writes data to a temporary file next to path and renames
// it over path.
func writeFileAtomic(path string, data []byte, perm os.FileMode) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+strings.TrimPrefix(filepath.Base(path), ".")+"-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), perm); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
