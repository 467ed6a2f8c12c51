package kia

import (
	"bytes"
	"encoding/json"
	"image"
	"image/png"
	"os"
	"testing"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/unicode/norm"
)

// TestValidatePhotoDecoded: a photo whose header is fine but whose data is
// cut short or corrupt is a /photo field error, not a half-drawn card.
func TestValidatePhotoDecoded(t *testing.T) {
	jpg, err := os.ReadFile("testdata/photo-red.jpg")
	require.NoError(t, err)
	pngData, err := os.ReadFile("testdata/photo-blue.png")
	require.NoError(t, err)
	// A PNG large enough that cutting it keeps the header.
	big := image.NewRGBA(image.Rect(0, 0, 300, 400))
	for i := range big.Pix {
		big.Pix[i] = byte(i * 7)
	}
	var bigPNG bytes.Buffer
	require.NoError(t, png.Encode(&bigPNG, big))
	corrupt := bytes.Clone(jpg)
	for i := len(corrupt) / 2; i < len(corrupt)/2+200; i++ {
		corrupt[i] = 0xff
	}
	tests := []struct {
		name string
		data []byte
		ok   bool
	}{
		{"whole JPEG", jpg, true},
		{"whole PNG", pngData, true},
		{"truncated JPEG", jpg[:len(jpg)*2/3], false},
		{"truncated PNG", bigPNG.Bytes()[:bigPNG.Len()/2], false},
		{"truncated PNG, small", pngData[:len(pngData)-40], false},
		{"JPEG with markers in its data", corrupt, false},
		{"garbage", []byte("GIF89a not a photo at all"), false},
		{"JPEG header only", jpg[:200], false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := load(t, "child.json")
			c.Photo.Data = tt.data
			err := c.Validate()
			if tt.ok {
				assert.NoError(t, err)
				return
			}
			fe := fieldErr(t, err, "photo")
			assert.Equal(t, adminduk.CodeInvalid, fe.Code)
			assert.ErrorIs(t, err, ErrInvalid)
		})
	}
}

// TestValidateIssuedInFuture: an issue date after today (WIB, clock
// injected) is a field error; today itself is fine.
func TestValidateIssuedInFuture(t *testing.T) {
	// 2024-06-09 17:30 UTC is 2024-06-10 00:30 WIB.
	at := func(s string) func() time.Time {
		return func() time.Time { tm, _ := time.Parse(time.RFC3339, s); return tm }
	}
	tests := []struct {
		name string
		now  func() time.Time
		ok   bool
	}{
		{"issued today (WIB)", at("2024-06-09T17:30:00Z"), true},
		{"issued yesterday", at("2024-06-11T08:00:00+07:00"), true},
		{"issued tomorrow", at("2024-06-09T12:00:00+07:00"), false},
		{"issued next year", at("2023-06-10T12:00:00+07:00"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := load(t, "newborn.json")
			c.IssuedAt = adminduk.MustDate(2024, time.June, 10)
			err := Rules{Now: tt.now}.Validate(c)
			if tt.ok {
				assert.NoError(t, err)
				return
			}
			fe := fieldErr(t, err, "issued_at")
			assert.Equal(t, adminduk.CodeInvalid, fe.Code)
		})
	}
}

// TestNamesNFC: names and places written with combining accents are read
// in NFC, so the printed name and the QR code's name are the same
// letters.
func TestNamesNFC(t *testing.T) {
	tests := []struct{ name, in, printed string }{
		{"acute", "Nu\u0301r Aisyah", "N\u00daR AISYAH"},
		{"precomposed", "N\u00far Aisyah", "N\u00daR AISYAH"},
		{"cedilla", "Franc\u0327ois", "FRAN\u00c7OIS"},
		{"ascii", "Siti", "SITI"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v map[string]any
			require.NoError(t, json.Unmarshal([]byte(readFile(t, "newborn.json")), &v))
			v["name"] = tt.in
			v["birth_place"] = "Ke\u0301diri"
			b, err := json.Marshal(v)
			require.NoError(t, err)
			c, err := DecodeCard(b, DecodeOptions{})
			require.NoError(t, err)
			assert.True(t, norm.NFC.IsNormalString(c.Name))
			assert.Equal(t, "K\u00e9diri", c.BirthPlace)
			assert.Equal(t, tt.printed, c.PrintedName())
			cl, err := c.Claims(Rules{})
			require.NoError(t, err)
			assert.Equal(t, c.PrintedName(), cl.Identity.Name)
			// A card built in code prints NFC too.
			c.Name = tt.in
			assert.Equal(t, tt.printed, c.PrintedName())
		})
	}
}
