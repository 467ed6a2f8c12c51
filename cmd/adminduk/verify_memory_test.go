//go:build linux

package main

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/internal/pdfscan/pdftest"
)

// TestVerifyHostileMemory runs verify on each hostile shape in a child
// process and checks its peak resident memory (getrusage) stays under
// 512 MB, with exit status 1. No timing is asserted here; see the report
// for the measured times.
func TestVerifyHostileMemory(t *testing.T) {
	if args := os.Getenv("ADMINDUK_VERIFY_CHILD"); args != "" {
		code := run(t.Context(), strings.Split(args, "\x1f"), strings.NewReader(""), os.Stdout, os.Stderr)
		// VmHWM is the peak of this process image only (getrusage's
		// maxrss would carry the parent's peak across exec on Linux).
		status, _ := os.ReadFile("/proc/self/status")
		for _, line := range strings.Split(string(status), "\n") {
			if strings.HasPrefix(line, "VmHWM:") {
				fmt.Fprintln(os.Stderr, line)
			}
		}
		os.Exit(code)
	}
	if testing.Short() {
		t.Skip("skipping in -short mode: writes and reads large files")
	}
	jwks, _, _ := twoKeys(t)
	dir := t.TempDir()
	put := func(name string, b []byte) string {
		f := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(f, b, 0o600))
		return f
	}

	var shared pdftest.Doc
	big := shared.AddStream("/Type /XObject /Subtype /Image /Width 10000 /Height 10000 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode",
		pdftest.Flate(make([]byte, 10000*10000)))
	many := make([][]pdftest.Draw, 300)
	for i := range many {
		many[i] = []pdftest.Draw{{Name: "B", Obj: big, S: 72}}
	}

	var budget pdftest.Doc // 15 distinct images at the pixel limit: near the inflate budget
	noise := make([]byte, 2000*2000)
	for i := range noise {
		noise[i] = byte(i*7919>>3) ^ byte(i>>11)
	}
	var pages [][]pdftest.Draw
	for range 15 {
		im := budget.AddStream("/Type /XObject /Subtype /Image /Width 2000 /Height 2000 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode", pdftest.Flate(noise))
		pages = append(pages, []pdftest.Draw{{Name: "I", Obj: im, S: 500}})
	}

	var pngBuf bytes.Buffer
	require.NoError(t, png.Encode(&pngBuf, image.NewGray(image.Rect(0, 0, 10240, 10240))))

	sparse := filepath.Join(dir, "zeros.pdf")
	require.NoError(t, os.WriteFile(sparse, nil, 0o600))
	require.NoError(t, os.Truncate(sparse, 1<<30))

	cases := map[string][]string{
		"one huge image drawn by 300 pages": {"--timeout", "3s", "--pdf", put("shared.pdf", shared.Bytes(shared.Pages(595, 842, many)))},
		"15 images of 4 MP":                 {"--timeout", "3s", "--pdf", put("budget.pdf", budget.Bytes(budget.Pages(595, 842, pages)))},
		"PNG of 10240 x 10240":              {"--image", put("big.png", pngBuf.Bytes())},
		"1 GB that is not a PDF":            {"--pdf", sparse},
		"a million unclosed objects":        {"--pdf", put("objs.pdf", append([]byte("%PDF-1.4\n"), bytes.Repeat([]byte("1 0 obj [\n"), 1<<20+10)...))},
	}
	for name, args := range cases {
		t.Run(name, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run=^TestVerifyHostileMemory$")
			cmd.Env = append(os.Environ(), "ADMINDUK_VERIFY_CHILD="+strings.Join(append([]string{"verify", "--jwks", jwks}, args...), "\x1f"))
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			err := cmd.Run()
			var exit *exec.ExitError
			require.ErrorAs(t, err, &exit, "stderr: %s", stderr.String())
			assert.Equal(t, 1, exit.ExitCode(), "stderr: %s", stderr.String())
			m := vmHWM.FindStringSubmatch(stderr.String())
			require.NotNil(t, m, "stderr: %s", stderr.String())
			kb, err := strconv.ParseInt(m[1], 10, 64)
			require.NoError(t, err)
			t.Logf("peak %d MB; %s", kb>>10, firstLine(stderr.Bytes()))
			assert.Less(t, kb>>10, int64(512), "peak resident memory, MB")
		})
	}
}

var vmHWM = regexp.MustCompile(`VmHWM:\s+(\d+) kB`)
