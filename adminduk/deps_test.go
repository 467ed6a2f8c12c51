package adminduk_test

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// What neither package adminduk nor a program that only parses NIKs may
// link: PDF, image, QR and CBOR/COSE code, the validator, the village table,
// the module's document packages, network and SQL packages.
var (
	heavyParts = []string{"gopdf", "gofpdi", "qrcode", "gozxing", "cbor", "go-cose", "validator", "golang.org/x/image",
		"adminduk/wilayah/desa", "adminduk/internal/", "adminduk/kia", "adminduk/akta", "adminduk/coverage", "adminduk/partnership"}
	heavyStd    = []string{"database/sql", "encoding/json", "net", "net/http"} // exactly these
	heavyStdDir = []string{"image", "compress", "crypto"}                      // these and below
)

func isHeavy(dep string) bool {
	for _, h := range heavyParts {
		if strings.Contains(dep, h) {
			return true
		}
	}
	for _, h := range heavyStd {
		if dep == h {
			return true
		}
	}
	for _, h := range heavyStdDir {
		if dep == h || strings.HasPrefix(dep, h+"/") {
			return true
		}
	}
	return false
}

// TestImportGraphStaysLight keeps heavy dependencies and the village table
// out of package adminduk and of programs that only parse NIKs.
func TestImportGraphStaysLight(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go command not on PATH; cannot list dependencies")
	}
	for _, pkg := range []string{"github.com/adminduk-id/adminduk/adminduk", "./testdata/nikonly"} {
		out, err := exec.Command(goBin, "list", "-deps", pkg).Output()
		require.NoError(t, err, pkg)
		deps := strings.Fields(string(out))
		require.Contains(t, deps, "github.com/adminduk-id/adminduk/adminduk", pkg)
		for _, dep := range deps {
			assert.False(t, isHeavy(dep), "%s must not depend on %s", pkg, dep)
		}
	}
}

func TestIsHeavy(t *testing.T) {
	for dep, want := range map[string]bool{
		"github.com/signintech/gopdf": true, "github.com/fxamacker/cbor/v2": true, "image/png": true, "image": true,
		"crypto/ecdsa": true, "database/sql": true, "net": true, "github.com/adminduk-id/adminduk/internal/pdfkit": true,
		"github.com/adminduk-id/adminduk/adminduk/wilayah/desa": true, "github.com/adminduk-id/adminduk/kia": true,
		"database/sql/driver": false, "net/netip": false, "strconv": false, "github.com/adminduk-id/adminduk/adminduk/wilayah": false,
	} {
		assert.Equal(t, want, isHeavy(dep), dep)
	}
}
