package main

import (
	"io"
	"log/slog"
	"net/http"
	"regexp"
	"time"
)

// nikLike matches 16 digits standing alone: a NIK or a KK number.
var nikLike = regexp.MustCompile(`(^|\D)(\d{4})\d{8}(\d{4})(\D|$)`)

// MaskNIKs replaces the middle eight digits of every 16-digit number in s
// with asterisks: "3201014512230001" becomes "3201********0001".
func MaskNIKs(s string) string {
	if len(s) < 16 {
		return s
	}
	// Twice: adjacent matches share their separators.
	for range 2 {
		s = nikLike.ReplaceAllString(s, "${1}${2}********${3}${4}")
	}
	return s
}

// newLogger returns a text logger on w that masks NIKs in the message and
// in every string attribute.
func newLogger(w io.Writer) *slog.Logger {
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Value.Kind() == slog.KindString {
				a.Value = slog.StringValue(MaskNIKs(a.Value.String()))
			} else if a.Value.Kind() == slog.KindAny {
				if err, ok := a.Value.Any().(error); ok {
					a.Value = slog.StringValue(MaskNIKs(err.Error()))
				}
			}
			return a
		},
	}))
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// accessLog logs every request (method, path, status, duration).
func accessLog(log *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(sw, r)
		log.Info("http", "method", r.Method, "path", r.URL.Path, "status", sw.status,
			"ms", float64(time.Since(start).Microseconds())/1000)
	})
}
