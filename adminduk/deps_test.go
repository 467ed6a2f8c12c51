package adminduk_test

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestImportGraphStaysLight keeps heavy dependencies and the village table
// out of programs that only parse NIKs.
func TestImportGraphStaysLight(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go command not on PATH; cannot list dependencies")
	}
	out, err := exec.Command(goBin, "list", "-deps", "github.com/adminduk-id/adminduk/adminduk").Output()
	require.NoError(t, err)
	for _, pkg := range strings.Fields(string(out)) {
		for _, heavy := range []string{"validator", "gopdf", "qrcode", "gozxing", "cbor", "go-cose", "wilayah/desa", "net/http", "database/sql\n"} {
			assert.NotContains(t, pkg+"\n", heavy, "adminduk must not import %s", pkg)
		}
	}
}
