package main

import (
	"context"
	"fmt"

	"github.com/adminduk-id/adminduk/kia"
)

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
			fmt.Fprintf(e.stdout, "%s\t%s\t%s\tvalid until %s\n", c.NIK.String(), c.PrintedName(), d.Kind, d.ValidUntil)
			return nil
		}})
	if err == nil {
		fmt.Fprintf(e.stderr, "adminduk kia check: %d cards valid\n", t.cards)
	}
	return err
}
