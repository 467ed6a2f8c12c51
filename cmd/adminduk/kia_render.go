package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/adminduk-id/adminduk/adminduk/credential"
	"github.com/adminduk-id/adminduk/kia"
	"github.com/adminduk-id/adminduk/kia/render"
)

// kiaRenderFlags are the flags of kia render, checked before any work.
type kiaRenderFlags struct {
	in, out, format string
	skipInvalid     bool
	signers         *signers
	o               render.Options
}

func parseKIARender(e *env, args []string) (*kiaRenderFlags, error) {
	fs := newFlags(e, "kia render")
	keyFile := fs.String("key", "", "the Dinas's Ed25519 private key, PKCS#8 PEM `file` made by keygen (required)")
	in := fs.String("in", "-", "card.json, or JSON Lines with one card a line (`file`, - for standard input)")
	out := fs.String("out", "", "output `file`: .pdf (any number of cards) or .png (one card, both sides, 300 dpi), - for standard output (required)")
	formatFlag := fs.String("format", "", "pdf or png (default: from the --out extension; pdf for -)")
	layout := fs.String("layout", "card", "PDF pages: card (one ID-1 page a side, for card printers) or a4 (sheets of 10 with crop marks, duplex)")
	issuer := fs.String("issuer", "", "issuer of the key, e.g. ID-6208 (default: the one keygen wrote in the key file, else each card's)")
	signedAt := fs.String("signed-at", "", "credential issue time, RFC 3339 (default: 00:00 WIB of each card's issue date)")
	leap := fs.String("leap-day", "march1", "birthday of a child born on 29 February in a common year: march1 or feb28")
	skipInvalid := fs.Bool("skip-invalid", false, "render the valid cards of a batch, list the invalid ones and exit 1 (default: an invalid card writes nothing)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return nil, err
	}
	switch {
	case len(pos) > 0:
		return nil, usagef("unexpected argument %q", pos[0])
	case *keyFile == "":
		return nil, usagef("--key is required")
	case *out == "":
		return nil, usagef("--out is required")
	}
	f := &kiaRenderFlags{in: *in, out: *out, skipInvalid: *skipInvalid}
	if f.o.Layout, err = render.ParseLayout(*layout); err != nil {
		return nil, usagef("--layout %q: want card or a4", *layout)
	}
	if f.o.Rules, err = leapDayFlag(*leap); err != nil {
		return nil, err
	}
	if *signedAt != "" {
		if f.o.SignedAt, err = time.Parse(time.RFC3339, *signedAt); err != nil {
			return nil, usagef("--signed-at %q: want RFC 3339, e.g. 2024-06-10T09:00:00+07:00", *signedAt)
		}
	}
	if err := checkOutput(*out); err != nil {
		return nil, err
	}
	f.format = strings.ToLower(*formatFlag)
	if f.format == "" {
		f.format = strings.ToLower(strings.TrimPrefix(filepath.Ext(*out), "."))
		if *out == "-" {
			f.format = "pdf"
		}
	}
	if f.format != "pdf" && f.format != "png" {
		if *formatFlag != "" {
			return nil, usagef("--format %q: want pdf or png", *formatFlag)
		}
		return nil, usagef("--out %q: want a .pdf or .png file, or - with --format", *out)
	}
	keyPEM, err := os.ReadFile(*keyFile)
	if err != nil {
		return nil, err
	}
	key, err := credential.ParsePrivateKeyPEM(keyPEM)
	if err != nil {
		return nil, fmt.Errorf("--key %s: %w", *keyFile, err)
	}
	if *issuer == "" {
		if m := keyIssuer.FindSubmatch(keyPEM); m != nil {
			*issuer = string(m[1])
		}
	}
	f.signers = newSigners(key, *issuer)
	return f, nil
}

func runKIARender(ctx context.Context, e *env, args []string) error {
	f, err := parseKIARender(e, args)
	if err != nil {
		return err
	}
	o := f.o
	r, dir, done, err := kiaInput(e, f.in)
	if err != nil {
		return err
	}
	defer done()
	out, err := createOutput(e, f.out, 0)
	if err != nil {
		return err
	}
	defer out.Abort()
	stream := kiaStream{name: f.in, dir: dir, rules: o.Rules, keepGoing: f.skipInvalid}
	var t kiaTally
	someFailed := false
	if f.format == "png" {
		var card *kia.Card
		stream.use = func(c *kia.Card, _ any) error {
			if card == nil {
				card = c
			}
			return nil
		}
		t, err = kiaCards(ctx, e, r, stream)
		switch {
		case t.cards == 0 && err == nil:
			return usagef("no card in %s", f.in)
		case t.cards > 1:
			return usagef("PNG output takes one card, %s has %d; write a .pdf", f.in, t.cards)
		case err != nil:
			return err
		}
		if o.Signer, err = f.signers.get(card); err != nil {
			return err
		}
		if err := render.WritePNG(out, card, o); err != nil {
			return err
		}
	} else {
		batch, err := render.NewBatch(out, o)
		if err != nil {
			return err
		}
		// One key may serve cards of its issuer only: each card is
		// prepared (signed, at --signed-at if given) with its issuer's
		// signer.
		stream.work = func(c *kia.Card) (any, error) {
			s, err := f.signers.get(c)
			if err != nil {
				return nil, err
			}
			co := o
			co.Signer = s
			return render.Prepare(c, co)
		}
		stream.use = func(_ *kia.Card, v any) error { return batch.AddPrepared(v.(*render.Prepared)) }
		t, err = kiaCards(ctx, e, r, stream)
		switch {
		case errors.Is(err, errInvalid) && f.skipInvalid && t.cards > t.bad:
			someFailed = true
		case err != nil:
			return err
		case t.cards == 0:
			return usagef("no card in %s", f.in)
		}
		if err := batch.Close(); err != nil {
			return err
		}
	}
	if err := out.Commit(); err != nil {
		return err
	}
	dest := f.out
	if dest == "-" {
		dest = "standard output"
	}
	fmt.Fprintf(e.stderr, "adminduk kia render: %d cards -> %s\n", t.cards-t.bad, dest)
	if someFailed {
		return errInvalid
	}
	return nil
}

// signers makes one signer per issuer, for cards prepared on several
// goroutines.
type signers struct {
	key    []byte
	issuer string // of the key; "" accepts each card's
	mu     chan struct{}
	m      map[string]*credential.Signer
}

func newSigners(key []byte, issuer string) *signers {
	return &signers{key: key, issuer: issuer, mu: make(chan struct{}, 1), m: map[string]*credential.Signer{}}
}

func (s *signers) get(c *kia.Card) (*credential.Signer, error) {
	id := c.Issuer.ID()
	if s.issuer != "" && id != s.issuer {
		return nil, fmt.Errorf("card issued by %s, the key is %s's", id, s.issuer)
	}
	s.mu <- struct{}{}
	defer func() { <-s.mu }()
	if sg, ok := s.m[id]; ok {
		return sg, nil
	}
	sg, err := credential.NewSigner(id, s.key)
	if err != nil {
		return nil, err
	}
	s.m[id] = sg
	return sg, nil
}
