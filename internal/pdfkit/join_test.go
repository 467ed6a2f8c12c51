package pdfkit

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/internal/pdfkit/qrenc"
)

// part writes a gopdf document of n ID-1 pages, each with a line of text
// and a QR code.
func part(t testing.TB, first, n int) []byte {
	t.Helper()
	pdf := NewPDF(ID1, DocInfo{})
	require.NoError(t, Register(pdf, Bold))
	for i := first; i < first+n; i++ {
		pdf.AddPage()
		require.NoError(t, pdf.SetFont(Bold.Name(), "", 10))
		pdf.SetXY(20, 40)
		require.NoError(t, pdf.Text(fmt.Sprintf("PAGE %d", i)))
		c, err := qrenc.Encode(fmt.Sprintf("P%d", i), qrenc.Q)
		require.NoError(t, err)
		require.NoError(t, PlaceQR(pdf, c.Bitmap(4), 150, 40, MM(20)))
	}
	var buf bytes.Buffer
	_, err := pdf.WriteTo(&buf)
	require.NoError(t, err)
	return buf.Bytes()
}

func join(t *testing.T, parts ...[]byte) []byte {
	t.Helper()
	var out bytes.Buffer
	j := NewJoiner(&out, ID1, DocInfo{Title: "Joined", Created: time.Date(2024, 1, 2, 3, 4, 5, 0, time.FixedZone("WIB", 7*3600))})
	for _, p := range parts {
		require.NoError(t, j.Add(p))
	}
	require.NoError(t, j.Close())
	return out.Bytes()
}

func TestJoiner(t *testing.T) {
	parts := [][]byte{part(t, 1, 2), part(t, 3, 1), part(t, 4, 3)}
	joined := join(t, parts...)
	assert.Equal(t, joined, join(t, parts...), "same parts, same bytes")
	assert.Contains(t, string(joined), "/Count 6")
	assert.Contains(t, string(joined), "/CreationDate (D:20240102030405+07'00')")

	// Every object is where the cross-reference table says.
	objs, err := readObjects(joined)
	require.NoError(t, err)
	pages := 0
	for _, o := range objs {
		if o.typ == "Page" {
			pages++
			assert.Contains(t, string(o.head), "/Parent 2 0 R")
		}
	}
	assert.Equal(t, 6, pages)

	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	file := filepath.Join(t.TempDir(), "joined.pdf")
	require.NoError(t, os.WriteFile(file, joined, 0o644))
	cmd := exec.Command("pdftotext", file, "-")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	require.NoError(t, err)
	assert.NotContains(t, stderr.String(), "Error", "poppler complains: %s", stderr.String())
	text := strings.Join(strings.Fields(string(out)), " ")
	assert.Equal(t, "PAGE 1 PAGE 2 PAGE 3 PAGE 4 PAGE 5 PAGE 6", text)
	info, err := exec.Command("pdfinfo", file).Output()
	require.NoError(t, err)
	assert.Contains(t, string(info), "Title:           Joined")
	assert.Regexp(t, `Pages:\s+6`, string(info))
}

func TestJoinerErrors(t *testing.T) {
	var out bytes.Buffer
	j := NewJoiner(&out, ID1, DocInfo{})
	assert.ErrorIs(t, j.Close(), ErrJoin, "no page")
	p := part(t, 1, 1)
	for _, bad := range [][]byte{nil, []byte("%PDF-1.4\nnonsense"), p[:len(p)/2], bytes.Replace(p, []byte("xref"), []byte("xref"), 1)[:len(p)-30]} {
		j := NewJoiner(&out, ID1, DocInfo{})
		assert.ErrorIs(t, j.Add(bad), ErrJoin)
	}
}

// FuzzJoinerAdd checks that no input makes Add panic, and that whatever
// it accepts gives a document whose objects read back.
func FuzzJoinerAdd(f *testing.F) {
	f.Add(part(f, 1, 2))
	f.Add([]byte("%PDF-1.4\nxref\n0 1\n0000000000 65535 f \ntrailer\n<<>>\nstartxref\n9\n%%EOF\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var out bytes.Buffer
		j := NewJoiner(&out, ID1, DocInfo{})
		if j.Add(data) != nil {
			return
		}
		if j.Close() != nil {
			return
		}
		if _, err := readObjects(out.Bytes()); err != nil {
			t.Fatalf("joined output unreadable: %v", err)
		}
	})
}
