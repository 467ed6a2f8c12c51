// Package importgraph holds the test that keeps each public package's
// dependencies to what its job needs: validating a NIK links no PDF code,
// computing a percentage links no fonts, the registry's domain links no
// database driver or net/http, and no library package links test helpers.
package importgraph

import (
	"os/exec"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const module = "github.com/adminduk-id/adminduk/"

// Groups of dependencies, by import path: a rule names a package and every
// package below it.
var (
	pdf       = []string{"github.com/signintech/gopdf", "github.com/phpdave11/gofpdi", module + "internal/pdfkit"}
	qrCodes   = []string{"github.com/skip2/go-qrcode", "github.com/makiuchi-d/gozxing", module + "internal/pdfkit/qrenc", module + "internal/pdfkit/qrscan"}
	fonts     = []string{"golang.org/x/image"}
	signing   = []string{"github.com/fxamacker/cbor", "github.com/veraison/go-cose", module + "adminduk/credential"}
	validator = []string{"github.com/go-playground/validator"}
	drivers   = []string{"modernc.org/sqlite", "github.com/jackc/pgx", "github.com/lib/pq"}
	httpStack = []string{"net/http"}
	// Test helpers, and packages whose job is testing (like
	// net/http/httptest): only tests may import them.
	testOnly   = []string{module + "internal/testtool", "github.com/stretchr/testify", module + "internal/pdfscan/pdftest", module + "registry/storetest"}
	villages   = []string{module + "adminduk/wilayah/desa"}
	renderers  = []string{module + "kia/render", module + "akta/render", module + "coverage/chart"}
	registries = []string{module + "registry"}
	qrDecoders = []string{"github.com/makiuchi-d/gozxing", module + "internal/pdfkit/qrscan", "github.com/skip2/go-qrcode"}
)

func join(groups ...[]string) []string {
	var all []string
	for _, g := range groups {
		all = append(all, g...)
	}
	return all
}

// forbidden lists, per public package, what it must never link.
var forbidden = map[string][]string{
	"adminduk":            join(pdf, qrCodes, fonts, signing, validator, drivers, httpStack, villages, renderers, registries),
	"adminduk/wilayah":    join(pdf, qrCodes, fonts, signing, validator, drivers, httpStack, villages),
	"adminduk/nikfile":    join(pdf, qrCodes, fonts, signing, validator, drivers, httpStack, villages, renderers),
	"adminduk/credential": join(pdf, qrCodes, fonts, validator, drivers, httpStack, villages, renderers, registries),
	"kia":                 join(pdf, qrCodes, fonts, validator, drivers, httpStack, renderers, registries),
	"akta":                join(pdf, qrCodes, fonts, validator, drivers, httpStack, renderers, registries),
	"partnership":         join(pdf, qrCodes, fonts, signing, validator, drivers, httpStack, renderers, registries),
	"coverage":            join(pdf, qrCodes, fonts, signing, validator, drivers, httpStack, renderers, registries, []string{"image"}),
	"kia/render":          join(validator, drivers, httpStack, registries, qrDecoders),
	"akta/render":         join(validator, drivers, httpStack, registries, qrDecoders),
	"registry":            join(pdf, qrCodes, fonts, drivers, httpStack, renderers),
	"registry/render":     join(validator, drivers, httpStack, qrDecoders),
	"registry/webhook":    join(pdf, qrCodes, fonts, drivers, renderers),
	"registry/fhir":       join(pdf, qrCodes, fonts, drivers, httpStack, renderers),
	"registry/client":     join(pdf, qrCodes, fonts, drivers, renderers, validator),
	"registry/httpapi":    join(pdf, qrCodes, fonts, drivers, renderers), // stores are injected
}

// TestPublicPackagesStayLight lists the dependencies of every public package
// of the module and fails on any that its entry in forbidden names. Test
// helpers are forbidden to every non-test package.
func TestPublicPackagesStayLight(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("skipping: the go command is not on PATH; cannot list dependencies")
	}
	out, err := exec.Command(goBin, "list", module+"...").Output()
	require.NoError(t, err)
	checked := 0
	for _, pkg := range strings.Fields(string(out)) {
		rel := strings.TrimPrefix(pkg, module)
		if slices.Contains(testOnly, pkg) {
			continue
		}
		deps, err := exec.Command(goBin, "list", "-deps", pkg).Output()
		require.NoError(t, err, pkg)
		bad := join(testOnly, forbidden[rel])
		for _, dep := range strings.Fields(string(deps)) {
			if dep == pkg {
				continue
			}
			for _, b := range bad {
				if matches(dep, b) {
					assert.Fail(t, "forbidden dependency", "%s must not depend on %s (rule %q)", rel, dep, b)
				}
			}
		}
		if _, ok := forbidden[rel]; ok {
			checked++
		}
	}
	assert.GreaterOrEqual(t, checked, 10, "the public packages were not found")
}

// matches reports whether dep is the package rule or one below it.
func matches(dep, rule string) bool { return dep == rule || strings.HasPrefix(dep, rule+"/") }

func TestMatches(t *testing.T) {
	for _, tt := range []struct {
		dep, rule string
		want      bool
	}{
		{"image", "image", true},
		{"image/png", "image", true},
		{"imagery", "image", false},
		{module + "kia/render", module + "kia/render", true},
		{module + "kia", module + "kia/render", false},
		{"github.com/jackc/pgx/v5/pgconn", "github.com/jackc/pgx", true},
	} {
		assert.Equal(t, tt.want, matches(tt.dep, tt.rule), "%s against %s", tt.dep, tt.rule)
	}
}
