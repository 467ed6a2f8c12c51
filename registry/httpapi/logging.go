package httpapi

import (
	"context"
	"log/slog"
)

// MaskNIKs returns s with every run of exactly 16 digits (a NIK, or a KK
// number: both personal data) masked as its first 4 and last 4 digits
// around 8 asterisks: "3201********0001". Longer or shorter runs of digits
// are left alone.
func MaskNIKs(s string) string {
	var out []byte // allocated at the first NIK only
	run := 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] >= '0' && s[i] <= '9' {
			run++
			continue
		}
		if run == 16 {
			if out == nil {
				out = []byte(s)
			}
			for j := i - 12; j < i-4; j++ {
				out[j] = '*'
			}
		}
		run = 0
	}
	if out == nil {
		return s
	}
	return string(out)
}

// MaskingHandler wraps a slog.Handler so that no NIK reaches the log: the
// message and every string value (in groups too, and in errors and other
// values once formatted, and 16-digit integers) have their NIKs masked by
// [MaskNIKs].
func MaskingHandler(h slog.Handler) slog.Handler { return &maskingHandler{h} }

type maskingHandler struct{ next slog.Handler }

func (m *maskingHandler) Enabled(ctx context.Context, l slog.Level) bool {
	return m.next.Enabled(ctx, l)
}

func (m *maskingHandler) Handle(ctx context.Context, r slog.Record) error {
	out := slog.NewRecord(r.Time, r.Level, MaskNIKs(r.Message), r.PC)
	r.Attrs(func(a slog.Attr) bool {
		out.AddAttrs(maskAttr(a))
		return true
	})
	return m.next.Handle(ctx, out)
}

func (m *maskingHandler) WithAttrs(as []slog.Attr) slog.Handler {
	masked := make([]slog.Attr, len(as))
	for i, a := range as {
		masked[i] = maskAttr(a)
	}
	return &maskingHandler{m.next.WithAttrs(masked)}
}

func (m *maskingHandler) WithGroup(name string) slog.Handler {
	return &maskingHandler{m.next.WithGroup(name)}
}

// MaskAttr is a slog.HandlerOptions.ReplaceAttr that masks the NIKs of a
// value, for handlers built by the caller.
func MaskAttr(_ []string, a slog.Attr) slog.Attr { return maskAttr(a) }

func maskAttr(a slog.Attr) slog.Attr {
	v := a.Value.Resolve()
	switch v.Kind() {
	case slog.KindString:
		return slog.String(a.Key, MaskNIKs(v.String()))
	case slog.KindGroup:
		g := v.Group()
		masked := make([]any, len(g))
		for i, x := range g {
			masked[i] = maskAttr(x)
		}
		return slog.Group(a.Key, masked...)
	case slog.KindInt64, slog.KindUint64:
		// A NIK kept as a number.
		if t := v.String(); len(t) == 16 {
			return slog.String(a.Key, MaskNIKs(t))
		}
	case slog.KindAny:
		if err, ok := v.Any().(error); ok {
			return slog.String(a.Key, MaskNIKs(err.Error()))
		}
		return slog.String(a.Key, MaskNIKs(v.String()))
	}
	return slog.Attr{Key: a.Key, Value: v}
}
