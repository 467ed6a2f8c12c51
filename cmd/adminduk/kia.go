package main

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"github.com/adminduk-id/adminduk/adminduk/credential"
	"github.com/adminduk-id/adminduk/internal/ordered"
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
const maxPhotoBytes = kia.MaxPhotoBytes

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

// kiaStream is how kiaCards goes through a stream of cards.
type kiaStream struct {
	name  string // of the input, to prefix messages
	dir   string // photo paths are relative to it
	rules kia.Rules
	// work, when set, is done on each valid card on a worker goroutine
	// (signing, laying out); its error makes the card fail. It is skipped
	// once a card failed unless keepGoing.
	work func(c *kia.Card) (any, error)
	// use is called in input order with each card that passed, and what
	// work made of it; its error makes the card fail.
	use func(c *kia.Card, v any) error
	// keepGoing uses the valid cards after an invalid one; otherwise they
	// are only checked.
	keepGoing bool
}

// kiaTally counts the cards of a stream.
type kiaTally struct{ cards, bad int }

// cardResult is what a worker made of one card of the stream.
type cardResult struct {
	line     int
	c        *kia.Card
	fatal    error // the stream cannot go on
	warnings []*kia.FieldError
	errs     []*kia.FieldError
	failed   error // the card failed outside its fields
	v        any
	skipped  bool // work not done: some card had failed
}

// kiaCards reads the cards of r, reads their photos and checks them (on
// several goroutines, in input order for everything printed or used).
// Every invalid card is listed on stderr, one line per problem prefixed
// with the input name and the card's line, and warnings likewise; a
// summary line ends the list. It returns errInvalid when some card was
// invalid, after reading them all.
func kiaCards(ctx context.Context, e *env, r io.Reader, s kiaStream) (kiaTally, error) {
	dec := kia.NewDecoder(r)
	var t kiaTally
	var stop atomic.Bool // a card failed: skip the work of the others
	var fatal, last error
	next := func() (cardResult, bool) {
		if ctx.Err() != nil {
			return cardResult{}, false
		}
		c, err := dec.Decode()
		if err == io.EOF || err != nil && err == last {
			// The end, or a syntax error the stream cannot get past
			// (the decoder returns it again).
			return cardResult{}, false
		}
		last = err
		res := cardResult{c: c, line: dec.Line()}
		var de *kia.DecodeError
		errors.As(err, &de)
		if err != nil {
			var ve *kia.ValidationError
			switch {
			case errors.As(err, &ve) && c != nil:
				res.errs = ve.Fields
			case de != nil:
				// Malformed JSON: this line only.
				res.failed = de.Err
			default:
				res.fatal = err
			}
		}
		return res, true
	}
	check := func(res cardResult) cardResult {
		if res.c == nil {
			return res
		}
		c := res.c
		if c.Photo.Path != "" {
			if err := readPhoto(c, s.dir); err != nil {
				res.errs = append(res.errs, &kia.FieldError{Field: "photo", Code: kia.CodeInvalid, English: err.Error(), Message: "berkas foto tidak dapat dibaca"})
			}
		}
		warnings, err := s.rules.Validate(c)
		res.warnings = warnings
		var ve *kia.ValidationError
		if errors.As(err, &ve) {
			res.errs = mergeFields(res.errs, ve.Fields)
		} else if err != nil {
			res.errs = append(res.errs, &kia.FieldError{Field: "card", Code: kia.CodeInvalid, English: err.Error()})
		}
		if errors.As(render.CheckPrintable(c), &ve) {
			res.errs = mergeFields(res.errs, ve.Fields)
		}
		if len(res.errs) > 0 {
			stop.Store(true)
			return res
		}
		if s.work != nil {
			if !s.keepGoing && stop.Load() {
				res.skipped = true
			} else if res.v, err = s.work(c); err != nil {
				res.failed = err
			}
		}
		return res
	}
	emit := func(res cardResult) bool {
		if res.fatal != nil {
			fatal = res.fatal
			return false
		}
		t.cards++
		where := fmt.Sprintf("%s:%d", s.name, res.line)
		for _, w := range res.warnings {
			fmt.Fprintf(e.stderr, "%s: warning: %s: %s (%s)\n", where, w.Field, w.English, w.Message)
		}
		if len(res.errs) == 0 && res.failed == nil && (t.bad == 0 || s.keepGoing) {
			if res.skipped { // a later card failed first: do the work here
				res.v, res.failed = s.work(res.c)
			}
		}
		if len(res.errs) == 0 && res.failed == nil && (t.bad == 0 || s.keepGoing) {
			if err := s.use(res.c, res.v); err != nil {
				res.failed = err
			}
		}
		switch {
		case len(res.errs) > 0:
			t.bad++
			for _, f := range res.errs {
				fmt.Fprintf(e.stderr, "%s: %s: %s: %s (%s)\n", where, f.Field, f.Code, f.English, f.Message)
			}
		case res.failed != nil:
			t.bad++
			fmt.Fprintf(e.stderr, "%s: %v\n", where, strings.TrimPrefix(res.failed.Error(), "kia: "))
		}
		if t.bad > 0 {
			stop.Store(true)
		}
		return true
	}
	ordered.Map(0, next, check, emit)
	if fatal != nil {
		return t, fatal
	}
	if err := ctx.Err(); err != nil {
		return t, err
	}
	if t.bad > 0 {
		fmt.Fprintf(e.stderr, "adminduk kia: %d of %d cards invalid, %d valid\n", t.bad, t.cards, t.cards-t.bad)
		return t, errInvalid
	}
	return t, nil
}

// mergeFields adds the errors of fields not in errs yet: a field that did
// not parse is not reported again as missing.
func mergeFields(errs, more []*kia.FieldError) []*kia.FieldError {
	for _, f := range more {
		if !hasField(errs, f.Field) {
			errs = append(errs, f)
		}
	}
	return errs
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
	t, err := kiaCards(ctx, e, r, kiaStream{name: *in, dir: dir, rules: rules, keepGoing: true,
		use: func(c *kia.Card, _ any) error {
			d, err := c.Decide(rules)
			if err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "%s\t%s\t%s\tvalid until %s\n", c.NIK.String(), c.PrintedName(), d.Kind, d.ValidUntil.Format(time.DateOnly))
			return nil
		}})
	if err == nil {
		fmt.Fprintf(e.stderr, "adminduk kia check: %d cards valid\n", t.cards)
	}
	return err
}

func runKIARender(ctx context.Context, e *env, args []string) error {
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
	if err := checkOut(*out); err != nil {
		return err
	}
	format := strings.ToLower(*formatFlag)
	if format == "" {
		format = strings.ToLower(strings.TrimPrefix(filepath.Ext(*out), "."))
		if *out == "-" {
			format = "pdf"
		}
	}
	if format != "pdf" && format != "png" {
		if *formatFlag != "" {
			return usagef("--format %q: want pdf or png", *formatFlag)
		}
		return usagef("--out %q: want a .pdf or .png file, or - with --format", *out)
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
	signers := newSigners(key, *issuer)

	r, dir, done, err := kiaInput(e, *in)
	if err != nil {
		return err
	}
	defer done()
	// Sign here rather than in the renderer: one key may serve cards of
	// its issuer only, and --signed-at applies to every card.
	payload := func(c *kia.Card) (string, error) {
		s, err := signers.get(c)
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
	stream := kiaStream{name: *in, dir: dir, rules: o.Rules, keepGoing: *skipInvalid}
	var t kiaTally
	var someFailed bool
	err = writeOutput(e, *out, func(w io.Writer) error {
		if format == "png" {
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
				return usagef("no card in %s", *in)
			case t.cards > 1:
				return usagef("PNG output takes one card, %s has %d; write a .pdf", *in, t.cards)
			case err != nil:
				return err
			}
			if o.Signer, err = signers.get(card); err != nil {
				return err
			}
			return render.WritePNG(w, card, o)
		}
		batch, err := render.NewBatch(w, o)
		if err != nil {
			return err
		}
		stream.work = func(c *kia.Card) (any, error) {
			p, err := payload(c)
			if err != nil {
				return nil, err
			}
			return render.PrepareSigned(c, o, p)
		}
		stream.use = func(_ *kia.Card, v any) error { return batch.AddPrepared(v.(*render.Prepared)) }
		t, err = kiaCards(ctx, e, r, stream)
		switch {
		case errors.Is(err, errInvalid) && *skipInvalid && t.cards > t.bad:
			someFailed = true
		case err != nil:
			return err
		case t.cards == 0:
			return usagef("no card in %s", *in)
		}
		return batch.Close()
	})
	if err != nil {
		return err
	}
	dest := *out
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
	m      map[string]*kia.Signer
}

func newSigners(key []byte, issuer string) *signers {
	return &signers{key: key, issuer: issuer, mu: make(chan struct{}, 1), m: map[string]*kia.Signer{}}
}

func (s *signers) get(c *kia.Card) (*kia.Signer, error) {
	id := c.IssuerID()
	if s.issuer != "" && id != s.issuer {
		return nil, fmt.Errorf("card issued by %s, the key is %s's", id, s.issuer)
	}
	s.mu <- struct{}{}
	defer func() { <-s.mu }()
	if sg, ok := s.m[id]; ok {
		return sg, nil
	}
	sg, err := kia.NewSigner(id, s.key)
	if err != nil {
		return nil, err
	}
	s.m[id] = sg
	return sg, nil
}

// checkOut checks --out before any work: a file in an existing directory,
// not a directory itself. Its errors are usage errors (exit 2).
func checkOut(out string) error {
	if out == "-" {
		return nil
	}
	if st, err := os.Stat(out); err == nil && st.IsDir() {
		return usagef("--out %s: is a directory; name a file", out)
	}
	dir := filepath.Dir(out)
	st, err := os.Stat(dir)
	switch {
	case err != nil && errors.Is(err, os.ErrNotExist):
		return usagef("--out %s: directory %s does not exist", out, dir)
	case err != nil:
		return usagef("--out %s: %v", out, unwrapPath(err))
	case !st.IsDir():
		return usagef("--out %s: %s is not a directory", out, dir)
	}
	return nil
}

// writeOutput writes through fn to --out: standard output for "-",
// otherwise a file written atomically (see writeAtomic). Standard output
// gets nothing when fn fails: the output is staged in a temporary file.
func writeOutput(e *env, out string, fn func(io.Writer) error) error {
	if out != "-" {
		return writeAtomic(out, fn)
	}
	tmp, err := createTemp(os.TempDir(), "")
	if err != nil {
		return fmt.Errorf("cannot stage the output in %s: %v", os.TempDir(), unwrapPath(err))
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close()
	bw := bufio.NewWriterSize(tmp, 256<<10)
	if err := fn(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("cannot stage the output in %s: %v", os.TempDir(), unwrapPath(err))
	}
	if _, err := tmp.Seek(0, io.SeekStart); err != nil {
		return err
	}
	_, err = io.Copy(e.stdout, tmp)
	return err
}

// writeAtomic writes through fn into a temporary file next to path and
// renames it to path, so that a failure leaves no half-written file. The
// file is created with mode 0666 less the umask, like os.Create; errors
// name path, never the temporary file.
func writeAtomic(path string, fn func(io.Writer) error) error {
	tmp, err := createTemp(filepath.Dir(path), filepath.Ext(path))
	if err != nil {
		return fmt.Errorf("cannot write %s: %v", path, unwrapPath(err))
	}
	defer os.Remove(tmp.Name())
	bw := bufio.NewWriterSize(tmp, 256<<10)
	if err := fn(bw); err != nil {
		tmp.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		tmp.Close()
		return fmt.Errorf("cannot write %s: %v", path, unwrapPath(err))
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("cannot write %s: %v", path, unwrapPath(err))
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("cannot write %s: %v", path, unwrapErr(err))
	}
	return nil
}

// unwrapErr returns the error behind a *os.LinkError or *os.PathError.
func unwrapErr(err error) error {
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return unwrapPath(err)
}

// createTemp creates a new file in dir named .adminduk-<random><ext>, with
// mode 0666 less the umask (os.CreateTemp would make it 0600).
func createTemp(dir, ext string) (*os.File, error) {
	for range 10 {
		var b [8]byte
		rand.Read(b[:])
		f, err := os.OpenFile(filepath.Join(dir, ".adminduk-"+hex.EncodeToString(b[:])+ext), os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		if errors.Is(err, os.ErrExist) {
			continue
		}
		return f, err
	}
	return nil, fmt.Errorf("cannot create a temporary file in %s", dir)
}
