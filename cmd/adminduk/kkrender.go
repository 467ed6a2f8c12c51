package main

import "context"

// runKKRender renders a family card (KK) to PDF; it belongs to the akta
// work and replaces this placeholder.
func runKKRender(ctx context.Context, e *env, args []string) error {
	return usagef("kk render is not available yet")
}
