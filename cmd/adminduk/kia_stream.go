package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync/atomic"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/internal/ordered"
	"github.com/adminduk-id/adminduk/kia"
	"github.com/adminduk-id/adminduk/kia/render"
)

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
	raw      []byte
	c        *kia.Card
	fatal    error // the stream cannot go on
	warnings []adminduk.FieldError
	errs     []adminduk.FieldError
	failed   error // the card failed outside its fields
	v        any
	skipped  bool // work not done: some card had failed
}

// kiaCards reads the cards of r and decodes them with their photos
// (kia.DecodeCard, with render.CheckPrintable) on several goroutines, in
// input order for everything printed or used. Every invalid card is
// listed on stderr, one line per problem prefixed with the input name and
// the card's line, and warnings likewise; a summary line ends the list.
// It returns errInvalid when some card was invalid, after reading them
// all.
func kiaCards(ctx context.Context, e *env, r io.Reader, s kiaStream) (kiaTally, error) {
	opts := kia.DecodeOptions{Rules: s.rules, ReadPhoto: photoReader(s.dir), Check: render.CheckPrintable}
	dec := kia.NewDecoder(r, opts)
	var t kiaTally
	var stop atomic.Bool // a card failed: skip the work of the others
	var fatal, last error
	next := func() (cardResult, bool) {
		if ctx.Err() != nil {
			return cardResult{}, false
		}
		raw, err := dec.Next()
		if err == io.EOF || err != nil && err == last {
			// The end, or a syntax error the stream cannot get past
			// (the decoder returns it again).
			return cardResult{}, false
		}
		last = err
		res := cardResult{raw: raw, line: dec.Line()}
		var de *kia.DecodeError
		switch {
		case errors.As(err, &de):
			res.failed = notACard(de.Err) // this card only
		case err != nil:
			res.fatal = err
		}
		return res, true
	}
	check := func(res cardResult) cardResult {
		if res.raw == nil {
			return res
		}
		c, err := kia.DecodeCard(res.raw, opts)
		res.raw = nil
		var ve *adminduk.ValidationError
		switch {
		case c == nil: // not a card at all: malformed JSON
			res.failed = notACard(err)
			return res
		case errors.As(err, &ve):
			res.errs = ve.Fields
		}
		res.c = c
		res.warnings = c.Warnings()
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
			fmt.Fprintf(e.stderr, "%s: warning: %s: %s (%s)\n", where, w.Pointer, w.English, w.Indonesian)
		}
		ok := len(res.errs) == 0 && res.failed == nil && (t.bad == 0 || s.keepGoing)
		if ok && res.skipped { // a later card failed first: do the work here
			res.v, res.failed = s.work(res.c)
		}
		if ok && res.failed == nil {
			res.failed = s.use(res.c, res.v)
		}
		switch {
		case len(res.errs) > 0:
			t.bad++
			for _, f := range res.errs {
				fmt.Fprintf(e.stderr, "%s: %s: %s: %s (%s)\n", where, fieldName(f.Pointer), f.Code, f.English, f.Indonesian)
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

// notACard returns the error of input that is not a card at all (malformed
// JSON): the message of its one field error, without the field.
func notACard(err error) error {
	var ve *adminduk.ValidationError
	if errors.As(err, &ve) && len(ve.Fields) == 1 && ve.Fields[0].Pointer == "" {
		return errors.New(ve.Fields[0].English)
	}
	return err
}

// fieldName is the JSON pointer of a field, "(card)" for the whole card.
func fieldName(p adminduk.Pointer) string {
	if p == "" {
		return "(card)"
	}
	return string(p)
}
