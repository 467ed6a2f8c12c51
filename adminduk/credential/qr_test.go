package credential

import (
	"bytes"
	"github.com/adminduk-id/adminduk/internal/testtool"
	"image"
	"image/png"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// dataCodewordsQ is the number of data codewords of QR versions 1 to 15 at
// error-correction level Q (ISO/IEC 18004 table 7).
var dataCodewordsQ = [...]int{0, 13, 22, 34, 48, 62, 76, 88, 110, 132, 154, 180, 206, 244, 261, 295}

// minVersion returns the smallest version, at level Q, that holds n
// characters in a single segment of the given mode, or 16 when version 15
// does not.
func minVersion(n int, alphanumeric bool) int {
	for v := 1; v < len(dataCodewordsQ); v++ {
		countBits := 8 // byte mode, versions 1-9
		if alphanumeric {
			countBits = 9
		}
		if v >= 10 {
			countBits = 16
			if alphanumeric {
				countBits = 11
			}
		}
		bits := 4 + countBits + n*8
		if alphanumeric {
			bits = 4 + countBits + n/2*11 + n%2*6
		}
		if bits <= dataCodewordsQ[v]*8 {
			return v
		}
	}
	return 16
}

// TestQRBudget checks the QR budget of CREDENTIAL.md, version 15 or lower
// for a KIA, and that go-qrcode encodes Base45 in alphanumeric mode. The
// budget is about 425 characters: a KIA with every field and a 55-letter
// name still fits, one that adds a 38-letter event place to a 35-letter name
// does not (version 16).
func TestQRBudget(t *testing.T) {
	s, _ := setup(t)
	const longName = "MUHAMMAD RIZKY ANANDA PRATAMA SAPUTRA WIJAYAKUSUMA NUGROHO HADIKUSUMO" // 69 letters
	tests := []struct {
		name string
		edit func(*Claims)
		maxV int
	}{
		{"typical KIA", func(*Claims) {}, 13},
		{"KIA with a 65-letter name", func(c *Claims) { c.Identity.Name = longName[:65] }, MaxKIAVersion},
		{"KIA with every field and a 55-letter name", func(c *Claims) {
			c.Identity.Name = longName[:55]
			c.Document.EventDate, c.Document.EventPlace = c.Identity.BirthDate, "KUALA PEMBUANG"
		}, MaxKIAVersion},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := kiaClaims()
			tt.edit(&c)
			payload := sign(t, s, c)
			q, err := testtool.QR(payload)
			require.NoError(t, err)
			alnum, byteMode := minVersion(len(payload), true), minVersion(len(payload), false)
			t.Logf("%d characters: QR version %d (alphanumeric needs %d, byte mode %d)", len(payload), q.VersionNumber, alnum, byteMode)
			assert.LessOrEqual(t, q.VersionNumber, tt.maxV, "CREDENTIAL.md: a KIA credential fits QR version 15")
			assert.LessOrEqual(t, q.VersionNumber, alnum, "alphanumeric mode (or better) was chosen")
			assert.Less(t, q.VersionNumber, byteMode, "byte mode would need a larger version")
		})
	}
}

func TestQRRoundTrip(t *testing.T) {
	s, keys := setup(t)
	for _, c := range []Claims{kiaClaims(), aktaClaims()} {
		t.Run(c.Document.Type, func(t *testing.T) {
			payload := sign(t, s, c)
			pngBytes, err := testtool.QRPNG(payload, 512)
			require.NoError(t, err)
			img, err := png.Decode(bytes.NewReader(pngBytes))
			require.NoError(t, err)
			assert.Equal(t, 512, img.Bounds().Dx())
			text, err := testtool.DecodeQR(img)
			require.NoError(t, err)
			require.Equal(t, payload, text, "the text comes back untouched, spaces included")
			wantStatus(t, StatusValid, Verify(text, keys, issued))

			img2, err := testtool.QRImage(payload, 400)
			require.NoError(t, err)
			text, err = testtool.DecodeQR(img2)
			require.NoError(t, err)
			assert.Equal(t, payload, text)
		})
	}
	t.Run("spaces at both ends survive", func(t *testing.T) {
		img, err := testtool.QRImage(" AB C ", 200)
		require.NoError(t, err)
		text, err := testtool.DecodeQR(img)
		require.NoError(t, err)
		assert.Equal(t, " AB C ", text)
	})
}

func TestDecodeQRNoCode(t *testing.T) {
	for _, img := range []image.Image{
		image.NewGray(image.Rect(0, 0, 100, 100)),
		image.NewGray(image.Rect(0, 0, 1, 1)),
	} {
		_, err := testtool.DecodeQR(img)
		require.ErrorIs(t, err, testtool.ErrNoQR)
	}
}

func TestQRTooLong(t *testing.T) {
	_, err := testtool.QRPNG(strings.Repeat("A", 5000), 300)
	require.Error(t, err)
}
