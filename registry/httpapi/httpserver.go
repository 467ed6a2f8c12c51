package httpapi

import (
	"log/slog"
	"net/http"
	"time"
)

// Timeouts of [NewHTTPServer]: a slow client cannot hold a connection
// (slowloris) and a stuck handler cannot hold one forever.
const (
	ReadHeaderTimeout = 5 * time.Second
	ReadTimeout       = 30 * time.Second // an attachment of 10 MiB at ~3 Mbit/s
	WriteTimeout      = 60 * time.Second
	IdleTimeout       = 120 * time.Second
	MaxHeaderBytes    = 32 << 10
)

// NewHTTPServer returns an http.Server for h on addr with the timeouts
// above and the server's errors logged to logger (nil: discarded), ready
// for ListenAndServe and Shutdown.
func NewHTTPServer(addr string, h http.Handler, logger *slog.Logger) *http.Server {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	return &http.Server{
		Addr: addr, Handler: h,
		ReadHeaderTimeout: ReadHeaderTimeout, ReadTimeout: ReadTimeout, WriteTimeout: WriteTimeout,
		IdleTimeout: IdleTimeout, MaxHeaderBytes: MaxHeaderBytes,
		ErrorLog: slog.NewLogLogger(MaskingHandler(logger.Handler()), slog.LevelWarn),
	}
}
