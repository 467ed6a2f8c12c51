package main

import (
	"context"
	"crypto/ed25519"
	"errors"
	"flag"
	"fmt"
	"github.com/adminduk-id/adminduk/adminduk/credential"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/akta"
	"github.com/adminduk-id/adminduk/akta/render"
)

// runKKRender renders a family card: adminduk kk render --key key.pem --in
// kk.json --out kk.pdf (or kk.png for the first page). kk.json is
// documented in package akta.
func runKKRender(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "kk render")
	var o renderFlags
	o.add(fs)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("unexpected argument %q", pos[0])
	}
	ro, err := o.options()
	if err != nil {
		return err
	}
	data, err := o.readInput(e)
	if err != nil {
		return err
	}
	f, err := akta.DecodeFamily(data, akta.DecodeOptions{Lenient: o.lenient})
	if err != nil {
		return reportInvalid(e, o.in, err)
	}
	if err := o.checkIssuer(f.Issuer.ID()); err != nil {
		return err
	}
	for _, w := range f.Warnings() {
		fmt.Fprintf(e.stderr, "adminduk kk render: %s: warning: %s: %s (%s)\n", o.in, pointerText(w.Pointer), w.English, w.Indonesian)
	}
	if ro.Signer, err = o.signer(); err != nil {
		return err
	}
	err = writeTo(e, o.out, func(w io.Writer) error {
		if o.png {
			return render.WritePNG(w, f, ro)
		}
		return render.WritePDF(w, f, ro)
	})
	var ve *adminduk.ValidationError
	if errors.As(err, &ve) { // e.g. a name the font cannot print
		return reportInvalid(e, o.in, ve)
	}
	return err
}

// renderFlags are the flags shared by akta render and kk render.
type renderFlags struct {
	key, in, out, format, signedAt string
	issuer                         string // --issuer, else the key file's "# issuer:" line
	dpi                            int
	lenient, compress              bool
	png                            bool               // PNG of the first page rather than PDF
	signingKey                     ed25519.PrivateKey // loaded by options
}

func (o *renderFlags) add(fs *flag.FlagSet) {
	fs.StringVar(&o.key, "key", "", "the Dinas's Ed25519 private key, PKCS#8 PEM `file` (required)")
	fs.StringVar(&o.in, "in", "-", "input JSON `file` (akta render: akta.json, or JSON Lines with one akta.json a line, rendered on all cores into one PDF), - for standard input; at most 64 MiB")
	fs.StringVar(&o.out, "out", "", "output `file`: .pdf, or .png (the first page); - for standard output (with --format)")
	fs.StringVar(&o.format, "format", "", "pdf or png (default: from the --out extension)")
	fs.IntVar(&o.dpi, "dpi", 150, "resolution of PNG output")
	fs.BoolVar(&o.compress, "compress", false, "compress the page content of PDF output (smaller, a little slower)")
	fs.StringVar(&o.issuer, "issuer", "", "issuer of the key, e.g. ID-3604 (default: the one keygen wrote in the key file); documents of another issuer are refused")
	fs.StringVar(&o.signedAt, "signed-at", "", "credential issue time, RFC 3339 (default: midnight WIB of the issue date)")
	if fs.Lookup("lenient") == nil { // akta render has it from numberParserFlags
		fs.BoolVar(&o.lenient, "lenient", false, "accept region codes in range but in no Kemendagri edition")
	}
}

// options checks the flags and loads the key.
func (o *renderFlags) options() (render.Options, error) {
	if o.key == "" {
		return render.Options{}, usagef("--key is required")
	}
	if o.out == "" {
		return render.Options{}, usagef("--out is required")
	}
	if err := checkOutput(o.out); err != nil {
		return render.Options{}, err
	}
	format := strings.ToLower(o.format)
	if format == "" {
		format = strings.TrimPrefix(strings.ToLower(filepath.Ext(o.out)), ".")
	}
	ro := render.Options{DPI: o.dpi, Compress: o.compress}
	switch format {
	case "pdf":
	case "png":
		o.png = true // the first page
	default:
		return ro, usagef("--out %q: want a .pdf or .png file, or --format", o.out)
	}
	if o.dpi < 30 || o.dpi > 600 {
		return ro, usagef("--dpi %d: want 30 to 600", o.dpi)
	}
	if o.signedAt != "" {
		t, err := time.Parse(time.RFC3339, o.signedAt)
		if err != nil {
			return ro, usagef("--signed-at %q: want RFC 3339, e.g. 2023-09-01T09:00:00+07:00", o.signedAt)
		}
		ro.SignedAt = t
	}
	key, issuer, err := loadSigningKey(o.key)
	if err != nil {
		return ro, err
	}
	o.signingKey = key
	if o.issuer == "" {
		o.issuer = issuer
	}
	return ro, nil
}

// checkIssuer refuses a document whose issuer (ID-3604) is not the key's:
// a Dinas's key signs its own documents only. A key file without an
// issuer line and no --issuer take the issuer of the first document, so
// that a batch is signed for one Dinas.
func (o *renderFlags) checkIssuer(doc string) error {
	if o.issuer == "" {
		o.issuer = doc
	}
	if doc != o.issuer {
		return fmt.Errorf("document issued by %s, the key is %s's: refusing to sign", doc, o.issuer)
	}
	return nil
}

// signer returns the credential signer of the key for the issuer checked
// by checkIssuer.
func (o *renderFlags) signer() (*credential.Signer, error) {
	s, err := credential.NewSigner(o.issuer, o.signingKey)
	if err != nil {
		return nil, fmt.Errorf("--key %s: %w", o.key, err)
	}
	return s, nil
}

// maxRenderInput is the most akta render and kk render read, from a file
// or standard input: room for a JSON Lines batch of some 30,000 records.
var maxRenderInput = 64 << 20 // a variable for the tests

// readInput reads --in whole, up to maxRenderInput bytes; more is an
// error rather than a silent cut.
func (o *renderFlags) readInput(e *env) ([]byte, error) {
	r := e.stdin
	name := "standard input"
	if o.in != "-" {
		f, err := os.Open(o.in)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r, name = f, o.in
	}
	data, err := io.ReadAll(io.LimitReader(r, int64(maxRenderInput)+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxRenderInput {
		return nil, fmt.Errorf("%s: more than %d MiB of input", name, maxRenderInput>>20)
	}
	return data, nil
}

// loadSigningKey reads an Ed25519 private key from a PKCS#8 PEM file, and
// the issuer keygen wrote above it ("" if none).
func loadSigningKey(path string) (ed25519.PrivateKey, string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, "", err
	}
	k, err := credential.ParsePrivateKeyPEM(data)
	if err != nil {
		return nil, "", fmt.Errorf("--key %s: %w", path, err)
	}
	issuer := ""
	if m := keyIssuer.FindSubmatch(data); m != nil {
		issuer = string(m[1])
	}
	return k, issuer, nil
}

// reportInvalid prints a record's field errors, one per line, and makes the
// command exit with status 1.
func reportInvalid(e *env, in string, err error) error {
	var ve *adminduk.ValidationError
	if !errors.As(err, &ve) {
		return fmt.Errorf("%s: %w", in, err)
	}
	for _, f := range ve.Fields {
		if f.Pointer == "" && errors.Is(&f, adminduk.ErrSyntax) { // not JSON at all
			fmt.Fprintf(e.stderr, "%s: %s\n", in, f.English)
			continue
		}
		fmt.Fprintf(e.stderr, "%s: %s: %s: %s (%s)\n", in, pointerText(f.Pointer), f.Code, f.English, f.Indonesian)
	}
	return errInvalid
}

// pointerText writes a JSON pointer as the field path of the messages:
// "/child/birth_date" as "child.birth_date", "/witnesses/1/nik" as
// "witnesses[1].nik", the forms akta render and kk render have always
// printed.
func pointerText(p adminduk.Pointer) string {
	var b strings.Builder
	for i, t := range p.Tokens() {
		switch {
		case t != "" && strings.Trim(t, "0123456789") == "":
			b.WriteString("[" + t + "]")
		case i > 0:
			b.WriteString("." + t)
		default:
			b.WriteString(t)
		}
	}
	return b.String()
}
