package main

import (
	"io"
	"log/slog"

	"github.com/adminduk-id/adminduk/registry/httpapi"
)

// newLogger returns a text logger on w that masks NIKs (3201********0001)
// in the message and every attribute.
func newLogger(w io.Writer) *slog.Logger {
	return slog.New(httpapi.MaskingHandler(slog.NewTextHandler(w, nil)))
}
