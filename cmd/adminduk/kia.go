package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/adminduk-id/adminduk/adminduk/credential"
	"github.com/adminduk-id/adminduk/kia"
	"github.com/adminduk-id/adminduk/kia/render"
)

func init() {
	register("kia", "render signed KIA child identity cards (kia render) or check card.json (kia check)", runKIA)
}

func runKIA(ctx context.Context, e *env, args []string) error {
	verb, rest, err := subcommand(args, "render", "check")
	if err != nil {
		return err
	}
	if verb == "check" {
		return runKIACheck(ctx, e, rest)
	}
	return runKIARender(ctx, e, rest)
}

// maxPhotoBytes caps a photo file.
const maxPhotoBytes = 16 << 20

// kiaInput opens --in: a file or standard input, and the directory photo
// paths are relative to.
func kiaInput(e *env, in string) (io.Reader, string, func(), error) {
	if in == "-" {
		return e.stdin, ".", func() {}, nil
	}
	f, err := os.Open(in)
	if err != nil {
		return nil, "", nil, err
	}
	return bufio.NewReaderSize(f, 64<<10), filepath.Dir(in), func() { f.Close() }, nil
}

// kiaCards reads the cards of r one by one, reads their photos, validates
// them and calls fn with each valid card. Warnings and errors go to
// stderr, one per line, prefixed with the input name and the card's line;
// it returns errInvalid when any card was invalid (after reading them
// all).
func kiaCards(ctx context.Context, e *env, name string, r io.Reader, dir string, rules kia.Rules, fn func(n int, c *kia.Card) error) (int, error) {
	dec := kia.NewDecoder(r)
	n, bad := 0, 0
	for {
		if err := ctx.Err(); err != nil {
			return n, err
		}
		c, err := dec.Decode()
		if err == io.EOF {
			break
		}
		n++
		var de *kia.DecodeError
		line := n
		if errors.As(err, &de) {
			line = de.Line
		}
		where := fmt.Sprintf("%s:%d", name, line)
		var errs []*kia.FieldError
		if err != nil {
			var ve *kia.ValidationError
			if c == nil || !errors.As(err, &ve) {
				// Malformed JSON: the rest of the stream cannot be read.
				fmt.Fprintf(e.stderr, "%s: %v\n", where, err)
				return n, errInvalid
			}
			errs = ve.Fields
		}
		if c.Photo.Path != "" {
			if err := readPhoto(c, dir); err != nil {
				errs = append(errs, &kia.FieldError{Field: "photo", Code: kia.CodeInvalid, English: err.Error(), Message: "berkas foto tidak dapat dibaca"})
			}
		}
		warnings, err := rules.Validate(c)
		for _, w := range warnings {
			fmt.Fprintf(e.stderr, "%s: warning: %s: %s (%s)\n", where, w.Field, w.English, w.Message)
		}
		var ve *kia.ValidationError
		if errors.As(err, &ve) {
			// Skip what a field that did not parse leaves behind.
			for _, f := range ve.Fields {
				if !hasField(errs, f.Field) {
					errs = append(errs, f)
				}
			}
		} else if err != nil {
			errs = append(errs, &kia.FieldError{Field: "card", Code: kia.CodeInvalid, English: err.Error()})
		}
		if len(errs) > 0 {
			bad++
			for _, f := range errs {
				fmt.Fprintf(e.stderr, "%s: %s: %s: %s (%s)\n", where, f.Field, f.Code, f.English, f.Message)
			}
			continue
		}
		if bad > 0 {
			continue // only report the rest
		}
		if err := fn(n, c); err != nil {
			bad++
			fmt.Fprintf(e.stderr, "%s: %v\n", where, err)
		}
	}
	if bad > 0 {
		fmt.Fprintf(e.stderr, "adminduk kia: %d of %d cards invalid\n", bad, n)
		return n, errInvalid
	}
	return n, nil
}

func hasField(errs []*kia.FieldError, field string) bool {
	for _, f := range errs {
		if f.Field == field {
			return true
		}
	}
	return false
}

// readPhoto reads a card's photo, relative to dir unless absolute.
func readPhoto(c *kia.Card, dir string) error {
	p := c.Photo.Path
	if !filepath.IsAbs(p) {
		p = filepath.Join(dir, p)
	}
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxPhotoBytes+1))
	if err != nil {
		return err
	}
	if len(data) > maxPhotoBytes {
		return fmt.Errorf("%s: larger than %d MB", p, maxPhotoBytes>>20)
	}
	c.Photo.Data = data
	return nil
}

func leapDayFlag(s string) (kia.Rules, error) {
	switch strings.ToLower(s) {
	case "march1", "mar1", "":
		return kia.Rules{LeapDay: kia.March1}, nil
	case "feb28":
		return kia.Rules{LeapDay: kia.Feb28}, nil
	}
	return kia.Rules{}, usagef("--leap-day %q: want march1 or feb28", s)
}

func runKIACheck(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "kia check")
	in := fs.String("in", "-", "card.json or JSON Lines `file`, - for standard input")
	leap := fs.String("leap-day", "march1", "birthday of a child born on 29 February in a common year: march1 or feb28")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("unexpected argument %q", pos[0])
	}
	rules, err := leapDayFlag(*leap)
	if err != nil {
		return err
	}
	r, dir, done, err := kiaInput(e, *in)
	if err != nil {
		return err
	}
	defer done()
	n, err := kiaCards(ctx, e, *in, r, dir, rules, func(n int, c *kia.Card) error {
		d, err := c.Decide(rules)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%s\t%s\t%s\tvalid until %s\n", c.NIK.String(), c.PrintedName(), d.Kind, d.ValidUntil.Format(time.DateOnly))
		return nil
	})
	if err == nil {
		fmt.Fprintf(e.stderr, "adminduk kia check: %d cards valid\n", n)
	}
	return err
}

func runKIARender(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "kia render")
	keyFile := fs.String("key", "", "the Dinas's Ed25519 private key, PKCS#8 PEM `file` made by keygen (required)")
	in := fs.String("in", "-", "card.json, or JSON Lines with one card a line (`file`, - for standard input)")
	out := fs.String("out", "", "output `file`: .pdf (any number of cards) or .png (one card, both sides, 300 dpi) (required)")
	layout := fs.String("layout", "card", "PDF pages: card (one ID-1 page a side, for card printers) or a4 (sheets of 10 with crop marks, duplex)")
	issuer := fs.String("issuer", "", "issuer of the key, e.g. ID-6208 (default: the one keygen wrote in the key file, else each card's)")
	signedAt := fs.String("signed-at", "", "credential issue time, RFC 3339 (default: 00:00 WIB of each card's issue date)")
	leap := fs.String("leap-day", "march1", "birthday of a child born on 29 February in a common year: march1 or feb28")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	switch {
	case len(pos) > 0:
		return usagef("unexpected argument %q", pos[0])
	case *keyFile == "":
		return usagef("--key is required")
	case *out == "":
		return usagef("--out is required")
	}
	o := render.Options{}
	if o.Layout, err = render.ParseLayout(*layout); err != nil {
		return usagef("--layout %q: want card or a4", *layout)
	}
	if o.Rules, err = leapDayFlag(*leap); err != nil {
		return err
	}
	if *signedAt != "" {
		if o.SignedAt, err = time.Parse(time.RFC3339, *signedAt); err != nil {
			return usagef("--signed-at %q: want RFC 3339, e.g. 2024-06-10T09:00:00+07:00", *signedAt)
		}
	}
	format := strings.ToLower(strings.TrimPrefix(filepath.Ext(*out), "."))
	if format != "pdf" && format != "png" {
		return usagef("--out %q: want a .pdf or .png file", *out)
	}
	keyPEM, err := os.ReadFile(*keyFile)
	if err != nil {
		return err
	}
	key, err := credential.ParsePrivateKeyPEM(keyPEM)
	if err != nil {
		return fmt.Errorf("--key %s: %w", *keyFile, err)
	}
	if *issuer == "" {
		if m := keyIssuer.FindSubmatch(keyPEM); m != nil {
			*issuer = string(m[1])
		}
	}
	signers := map[string]*kia.Signer{}
	signerFor := func(c *kia.Card) (*kia.Signer, error) {
		id := c.IssuerID()
		if *issuer != "" && id != *issuer {
			return nil, fmt.Errorf("card issued by %s, the key is %s's", id, *issuer)
		}
		if s, ok := signers[id]; ok {
			return s, nil
		}
		s, err := kia.NewSigner(id, key)
		if err != nil {
			return nil, err
		}
		signers[id] = s
		return s, nil
	}

	r, dir, done, err := kiaInput(e, *in)
	if err != nil {
		return err
	}
	defer done()
	// Sign here rather than in the renderer: one key may serve cards of
	// its issuer only, and --signed-at applies to every card.
	payload := func(c *kia.Card) (string, error) {
		s, err := signerFor(c)
		if err != nil {
			return "", err
		}
		cl, err := c.Claims(o.Rules)
		if err != nil {
			return "", err
		}
		if !o.SignedAt.IsZero() {
			cl.IssuedAt = o.SignedAt.Truncate(time.Second)
		}
		return s.Sign(cl)
	}
	var count int
	err = writeAtomic(*out, func(w io.Writer) error {
		if format == "png" {
			var card *kia.Card
			n, err := kiaCards(ctx, e, *in, r, dir, o.Rules, func(n int, c *kia.Card) error {
				if card == nil {
					card = c
				}
				return nil
			})
			switch {
			case err != nil:
				return err
			case n == 0:
				return usagef("no card in %s", *in)
			case n > 1:
				return usagef("PNG output takes one card, %s has %d; write a .pdf", *in, n)
			}
			if o.Signer, err = signerFor(card); err != nil {
				return err
			}
			count = 1
			return render.WritePNG(w, card, o)
		}
		batch, err := render.NewBatch(w, o)
		if err != nil {
			return err
		}
		n, err := kiaCards(ctx, e, *in, r, dir, o.Rules, func(n int, c *kia.Card) error {
			p, err := payload(c)
			if err != nil {
				return err
			}
			return batch.AddSigned(c, p)
		})
		if err != nil {
			return err
		}
		if n == 0 {
			return usagef("no card in %s", *in)
		}
		count = n
		return batch.Close()
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "adminduk kia render: %d cards -> %s\n", count, *out)
	return nil
}

// writeAtomic writes through fn into a temporary file next to path and
// renames it to path, so that a failure leaves no half-written file.
func writeAtomic(path string, fn func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".adminduk-*"+filepath.Ext(path))
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	bw := bufio.NewWriterSize(tmp, 256<<10)
	if err := fn(bw); err != nil {
		tmp.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
