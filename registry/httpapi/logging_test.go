package httpapi_test

import (
	"bytes"
	"errors"
	"log/slog"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/adminduk-id/adminduk/registry/httpapi"
)

func TestMaskNIKs(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"", ""},
		{"no digits", "no digits"},
		{"6208014505980001", "6208********0001"},
		{"nik=6208014505980001,kk=6208011506200003.", "nik=6208********0001,kk=6208********0003."},
		{"620801450598000", "620801450598000"},     // 15 digits: not a NIK
		{"62080145059800012", "62080145059800012"}, // 17 digits: not a NIK
		{"order 12345", "order 12345"},
		{"3201-LU-25082023-0001", "3201-LU-25082023-0001"},
	} {
		assert.Equal(t, tt.want, httpapi.MaskNIKs(tt.in), tt.in)
	}
}

var sixteen = regexp.MustCompile(`(^|[^0-9])[0-9]{16}($|[^0-9])`)

// FuzzMaskNIKs: the masked text has the same length, keeps every byte that
// is not a masked digit, and holds no 16-digit run.
func FuzzMaskNIKs(f *testing.F) {
	for _, s := range []string{"6208014505980001", "a6208014505980001b6208014505980001", "1234", "", "٣٢٠١"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := httpapi.MaskNIKs(s)
		if len(got) != len(s) {
			t.Fatalf("length %d, want %d", len(got), len(s))
		}
		for i := range len(s) {
			if got[i] != s[i] && !(got[i] == '*' && s[i] >= '0' && s[i] <= '9') {
				t.Fatalf("byte %d changed from %q to %q", i, s[i], got[i])
			}
		}
		if sixteen.MatchString(got) {
			t.Fatalf("a NIK-like run left in %q", got)
		}
		if httpapi.MaskNIKs(got) != got {
			t.Fatal("masking is not idempotent")
		}
	})
}

func TestMaskingHandler(t *testing.T) {
	var buf bytes.Buffer
	log := slog.New(httpapi.MaskingHandler(slog.NewTextHandler(&buf, nil))).With("mother", "6208014505980001")
	log.Info("report of 6208011203900002", "err", errors.New("nik 6208010204500001 taken"),
		slog.Group("child", "kk", "6208011506200003"), "n", 6208014505980001)
	out := buf.String()
	for _, nik := range []string{"6208014505980001", "6208011203900002", "6208010204500001", "6208011506200003"} {
		assert.NotContains(t, out, nik)
		assert.Contains(t, out, nik[:4]+strings.Repeat("*", 8)+nik[12:])
	}
}

func BenchmarkMaskNIKs(b *testing.B) {
	s := `{"method":"POST","route":"POST /api/v1/birth-reports","status":201,"error":"nik 6208014505980001"}`
	b.ReportAllocs()
	for b.Loop() {
		httpapi.MaskNIKs(s)
	}
}
