package main

import "context"

func init() {
	register("kk", "parse family card numbers (kk parse) or render a KK (kk render)", runKK)
}

func runKK(ctx context.Context, e *env, args []string) error {
	verb, rest, err := subcommand(args, "parse", "render")
	if err != nil {
		return err
	}
	if verb == "render" {
		return runKKRender(ctx, e, rest)
	}
	return runNumberParse(e, "kk parse", rest)
}
