package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/adminduk-id/adminduk/adminduk"
	"image"
	"image/draw"
	_ "image/jpeg" // --image accepts JPEG
	_ "image/png"  // and PNG
	"io"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"github.com/adminduk-id/adminduk/adminduk/credential"
	"github.com/adminduk-id/adminduk/internal/pdfkit/qrscan"
)

func init() {
	register("verify", "verify the signed QR credential of a KIA or an akta (text, image or PDF)", runVerify)
}

// verifyJSON is what verify prints for each credential.
type verifyJSON struct {
	Status string      `json:"status"` // valid, expired, not_yet_valid, unknown_key, invalid_signature, malformed
	Error  string      `json:"error,omitempty"`
	KeyID  string      `json:"kid,omitempty"`
	Claims *claimsJSON `json:"claims,omitempty"` // when the signature is good (valid, expired, not_yet_valid)
	Source string      `json:"source,omitempty"` // where the QR code was found
	At     string      `json:"at"`               // the time verified against
}

type claimsJSON struct {
	Issuer   string       `json:"iss"`
	IssuedAt string       `json:"iat"`
	Expires  string       `json:"exp,omitempty"`
	Identity identityJSON `json:"identity"`
	Document documentJSON `json:"document"`
}

type identityJSON struct {
	NIK         string `json:"nik,omitempty"`
	Name        string `json:"name,omitempty"`
	BirthDate   string `json:"birth_date,omitempty"`
	Sex         int    `json:"sex,omitempty"` // 1 male, 2 female (Claim 169)
	Nationality string `json:"nationality,omitempty"`
	District    string `json:"district,omitempty"`
	Country     string `json:"country,omitempty"`
}

type documentJSON struct {
	Type       string `json:"type,omitempty"`
	Number     string `json:"number,omitempty"`
	ValidUntil string `json:"valid_until,omitempty"`
	KKNumber   string `json:"kk_number,omitempty"`
	EventDate  string `json:"event_date,omitempty"`
	EventPlace string `json:"event_place,omitempty"`
}

func claimsView(c credential.Claims) *claimsJSON {
	if c.Issuer == "" && c.Document.Type == "" {
		return nil
	}
	ts := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.In(adminduk.WIB).Format(time.RFC3339)
	}
	v := &claimsJSON{
		Issuer: c.Issuer, IssuedAt: ts(c.IssuedAt), Expires: ts(c.Expires),
		Identity: identityJSON{
			NIK: c.Identity.NIK, Name: c.Identity.Name, BirthDate: c.Identity.BirthDate, Sex: c.Identity.Sex,
			Nationality: c.Identity.Nationality, District: c.Identity.District, Country: c.Identity.Country,
		},
		Document: documentJSON{
			Type: c.Document.Type, Number: c.Document.Number, ValidUntil: c.Document.ValidUntil,
			KKNumber: c.Document.KKNumber, EventDate: c.Document.EventDate, EventPlace: c.Document.EventPlace,
		},
	}
	return v
}

func runVerify(ctx context.Context, e *env, args []string) error {
	start := time.Now()
	fs := newFlags(e, "verify")
	jwks := fs.String("jwks", "", "JWK Set `file` of the trusted keys, as keygen writes and /.well-known/jwks.json serves (required)")
	at := fs.String("at", "", "verify as of this time, RFC 3339 (default: now)")
	imageFile := fs.String("image", "", "read the QR code from a PNG or JPEG `file` (a scan, a photo, a rendered card)")
	pdfFile := fs.String("pdf", "", "read the QR codes drawn on the pages of a PDF `file`: its greyscale images, else the page rasterised with pdftoppm; every code is verified, one JSON line each")
	all := fs.Bool("all", false, "with --pdf: accepted for scripts; every code drawn on every page is always verified")
	timeout := fs.Duration("timeout", 7*time.Second, "with --pdf or --image: time from the start after which no more images are read or pages rasterised; pages not reached are reported as not_checked")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	sources := 0
	for _, set := range []bool{len(pos) > 0, *imageFile != "", *pdfFile != ""} {
		if set {
			sources++
		}
	}
	switch {
	case *jwks == "":
		return usagef("--jwks is required")
	case sources != 1 || len(pos) > 1:
		return usagef("give one of: the credential text (quoted: it may contain spaces; - reads standard input), --image FILE, --pdf FILE")
	case *all && *pdfFile == "":
		return usagef("--all goes with --pdf")
	case *timeout <= 0:
		return usagef("--timeout %v: want a positive duration, e.g. 30s", *timeout)
	}
	// The decoders allocate freely; a soft limit keeps the heap close to
	// what is live, within the bounds verify promises (512 MB).
	if os.Getenv("GOMEMLIMIT") == "" {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(384 << 20))
	}
	when := time.Now()
	if *at != "" {
		if when, err = time.Parse(time.RFC3339, *at); err != nil {
			return usagef("--at %q: want RFC 3339, e.g. 2025-01-31T12:00:00+07:00", *at)
		}
	}
	keys, err := readKeySet(e, *jwks)
	if err != nil {
		return err
	}

	type found struct{ payload, source, problem string }
	var creds []found
	switch {
	case len(pos) == 1 && pos[0] == "-":
		b, err := io.ReadAll(io.LimitReader(e.stdin, maxStdin+1))
		if err != nil {
			return fmt.Errorf("standard input: %w", err)
		}
		if len(b) > maxStdin {
			return fmt.Errorf("standard input: longer than %d KiB: not one credential (a QR code holds at most 4296 characters)", maxStdin>>10)
		}
		// One credential; a trailing newline is not part of it (a space
		// inside may be).
		creds = append(creds, found{strings.TrimRight(string(b), "\r\n"), "stdin", ""})
	case len(pos) == 1:
		creds = append(creds, found{pos[0], "argument", ""})
	case *imageFile != "":
		p, err := qrFromImageFile(ctx, *imageFile, start.Add(*timeout))
		if err != nil {
			return err
		}
		creds = append(creds, found{p, *imageFile, ""})
	default:
		list, err := qrFromPDF(ctx, *pdfFile, start.Add(*timeout))
		if err != nil {
			return err
		}
		for _, q := range list {
			creds = append(creds, found{q.payload, *pdfFile + " " + q.where, q.problem})
		}
	}

	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	ok := true
	for _, c := range creds {
		if c.problem != "" {
			// A page that was not checked: say so, and never exit 0.
			if err := enc.Encode(verifyJSON{Status: "not_checked", Error: c.problem, Source: c.source, At: when.Format(time.RFC3339)}); err != nil {
				return err
			}
			ok = false
			continue
		}
		r := credential.Verify(c.payload, keys, when)
		out := verifyJSON{Status: r.Status.String(), Source: c.source, At: when.Format(time.RFC3339)}
		if r.Authentic() {
			// Claims of a bad signature are not shown: nobody vouches
			// for them.
			out.Claims = claimsView(r.Claims)
		}
		if r.Kid != (credential.KeyID{}) {
			out.KeyID = r.Kid.String()
		}
		if r.Err != nil {
			out.Error = r.Err.Error()
		}
		if err := enc.Encode(out); err != nil {
			return err
		}
		ok = ok && r.Status == credential.StatusValid
	}
	if !ok {
		return errInvalid
	}
	return nil
}

// qrFromImageFile decodes the QR code of a PNG or JPEG file, refusing one
// over maxInputBytes or maxImagePixels before decoding it.
func qrFromImageFile(ctx context.Context, path string, deadline time.Time) (string, error) {
	data, err := readInput(path, "--image", isImage, "not a PNG or JPEG image")
	if err != nil {
		return "", err
	}
	img, err := decodeBounded(bytes.NewReader(data))
	if err != nil {
		return "", fmt.Errorf("--image %s: %w", path, err)
	}
	data = nil
	img = toGray(img) // a quarter or less of the memory, and faster to scan
	dctx, cancel := context.WithDeadline(ctx, deadline)
	defer cancel()
	p, err := qrscan.DecodeContext(dctx, img)
	switch {
	case err != nil && dctx.Err() != nil && ctx.Err() == nil:
		return "", fmt.Errorf("--image %s: not read within --timeout", path)
	case err != nil:
		return "", fmt.Errorf("--image %s: %w", path, errNoQR)
	}
	return p, nil
}

// toGray returns img in greyscale, letting the colour image go.
func toGray(img image.Image) *image.Gray {
	if g, ok := img.(*image.Gray); ok {
		return g
	}
	g := image.NewGray(img.Bounds())
	draw.Draw(g, g.Bounds(), img, img.Bounds().Min, draw.Src)
	return g
}

// isImage reports whether head starts like a PNG or a JPEG.
func isImage(head []byte) bool {
	return bytes.HasPrefix(head, []byte("\x89PNG\r\n\x1a\n")) || bytes.HasPrefix(head, []byte{0xff, 0xd8, 0xff})
}

var errNoQR = errors.New("no QR code found")

// maxStdin bounds the credential read from standard input.
const maxStdin = 64 << 10

// maxJWKSBytes bounds the JWK Set file read.
const maxJWKSBytes = 4 << 20

// readKeySet reads the trusted keys; keys it cannot use are skipped with a
// warning (RFC 7517 section 5), a file that is not a JWK Set is an error.
func readKeySet(e *env, path string) (credential.KeySet, error) {
	data, err := readFileMax(path, maxJWKSBytes)
	if err != nil {
		return credential.KeySet{}, fmt.Errorf("--jwks %s: %w", path, err)
	}
	keys, skipped, err := credential.ParseJWKSet(data)
	if err != nil {
		return credential.KeySet{}, fmt.Errorf("--jwks %s: %w", path, err)
	}
	for _, s := range skipped {
		fmt.Fprintf(e.stderr, "adminduk verify: warning: --jwks %s: %v: key skipped\n", path, s)
	}
	return keys, nil
}

// readFileMax reads a file of at most limit bytes; a larger one is an
// error, found before reading it.
func readFileMax(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, unwrapPath(err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() && st.Size() > limit {
		return nil, fmt.Errorf("%d MB is more than the %d MB this reads", st.Size()>>20, limit>>20)
	}
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, unwrapPath(err)
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("more than the %d MB this reads", limit>>20)
	}
	return b, nil
}
