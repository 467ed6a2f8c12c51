package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"github.com/adminduk-id/adminduk/adminduk"
	"io/fs"
	"os"
	"regexp"
	"strings"
	"time"

	"github.com/adminduk-id/adminduk/adminduk/credential"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
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
var defaultNotBefore = time.Date(2016, 1, 1, 0, 0, 0, 0, adminduk.WIB)

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
	if err := checkIssuer(*issuer); err != nil {
		return err
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

	// Both files or neither: the new JWK Set is written to a temporary
	// file first (createOutput), then the key is created, then the set is
	// renamed into place; a failure at any step removes what was made.
	var pending *output
	keys := 0
	if *jwks != "" {
		old, err := os.ReadFile(*jwks)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("--jwks %s: %w", *jwks, unwrapPath(err))
		}
		set, skipped, err := credential.ParseJWKSet(old)
		if len(bytes.TrimSpace(old)) > 0 && err != nil {
			return fmt.Errorf("--jwks %s: %w", *jwks, err)
		}
		for _, s := range skipped {
			fmt.Fprintf(e.stderr, "adminduk keygen: warning: --jwks %s: %v: kept as written, but verify skips it\n", *jwks, s)
		}
		data, err := credential.AppendJWK(old, signer.PublicKey(notBefore))
		if err != nil {
			return fmt.Errorf("--jwks %s: %w", *jwks, err)
		}
		keys = len(set.Keys) + 1
		if pending, err = createOutput(e, *jwks, 0); err != nil {
			return err
		}
		defer pending.Abort()
		if _, err := pending.Write(data); err != nil {
			return fmt.Errorf("--jwks %s: cannot write: %w", *jwks, unwrapPath(err))
		}
	}
	f, err := os.OpenFile(*out, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			fmt.Fprintf(e.stderr, "adminduk keygen: %s exists: a key file is never overwritten\n", *out)
			return errInvalid
		}
		return fmt.Errorf("--out %s: %w", *out, unwrapPath(err))
	}
	_, werr := f.Write(file.Bytes())
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr == nil && pending != nil {
		werr = pending.Commit()
	}
	if werr != nil {
		os.Remove(*out)
		return werr
	}
	fmt.Fprintf(e.stdout, "issuer %s kid %s not-before %s\nkey  %s\n", signer.Issuer(), signer.KeyID(), notBefore.Format(time.RFC3339), *out)
	if *jwks != "" {
		fmt.Fprintf(e.stdout, "jwks %s (%d keys)\n", *jwks, keys)
	}
	return nil
}

// checkIssuer refuses an issuer that is not "ID-" and the code of a
// kab/kota of the Kemendagri tables.
func checkIssuer(issuer string) error {
	code, ok := strings.CutPrefix(issuer, "ID-")
	if !ok || len(code) != 4 {
		return usagef("--issuer %q: want \"ID-\" and a 4-digit kab/kota code, e.g. ID-6208", issuer)
	}
	c, err := wilayah.ParseCode(code)
	if err != nil || c.Level() != wilayah.LevelRegency || !wilayah.Known(c) {
		return usagef("--issuer %q: %s is not a kab/kota code of the Kemendagri tables (see adminduk wilayah)", issuer, code)
	}
	return nil
}

// parseWhen reads YYYY-MM-DD (midnight WIB) or RFC 3339.
func parseWhen(s string) (time.Time, error) {
	if t, err := time.ParseInLocation(time.DateOnly, s, adminduk.WIB); err == nil {
		return t, nil
	}
	return time.Parse(time.RFC3339, s)
}
