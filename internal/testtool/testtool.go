// Package testtool lets tests that need an external program (pdftoppm,
// pdftotext, zbarimg, node, chromium) skip cleanly where it is missing, and
// fail instead in CI, which sets ADMINDUK_TEST_TOOLS=1 after installing them.
package testtool

import (
	"os"
	"os/exec"
	"testing"
)

// Require returns the path of the program name, or skips the test (fails it
// when ADMINDUK_TEST_TOOLS is set) when it is not on PATH.
func Require(t testing.TB, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err == nil {
		return path
	}
	if os.Getenv("ADMINDUK_TEST_TOOLS") != "" {
		t.Fatalf("%s is not on PATH, and ADMINDUK_TEST_TOOLS is set", name)
	}
	t.Skipf("skipping: %s is not on PATH (install it, e.g. apt-get install poppler-utils zbar-tools nodejs)", name)
	return ""
}
