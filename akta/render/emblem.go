package render

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // emblems may be JPEG
	_ "image/png"
)

// MaxEmblemSide is the largest width or height in pixels of an
// [Options].Emblem; larger images are refused before they are decoded.
const MaxEmblemSide = 4096

// MaxEmblemBytes is the largest [Options].Emblem accepted, in bytes.
const MaxEmblemBytes = 8 << 20

// ErrEmblem is returned (wrapped) for an emblem that is too large, not PNG
// or JPEG, or corrupt.
var ErrEmblem = errors.New("render: emblem")

// emblem is a decoded emblem image: its original bytes for the PDF, the
// pixels for PNG output.
type emblem struct {
	data []byte
	img  image.Image
	w, h int
}

// decodeEmblem checks the size from the header, then decodes the whole
// image so that a corrupt file fails here rather than in a viewer.
func decodeEmblem(data []byte) (*emblem, error) {
	if len(data) > MaxEmblemBytes {
		return nil, fmt.Errorf("%w: %d bytes, more than %d", ErrEmblem, len(data), MaxEmblemBytes)
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w: not a PNG or JPEG image: %w", ErrEmblem, err)
	}
	if format != "png" && format != "jpeg" {
		return nil, fmt.Errorf("%w: %s image, want PNG or JPEG", ErrEmblem, format)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width > MaxEmblemSide || cfg.Height > MaxEmblemSide {
		return nil, fmt.Errorf("%w: %dx%d pixels, want at most %dx%d", ErrEmblem, cfg.Width, cfg.Height, MaxEmblemSide, MaxEmblemSide)
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w: corrupt image: %w", ErrEmblem, err)
	}
	return &emblem{data: data, img: img, w: cfg.Width, h: cfg.Height}, nil
}

// place returns the emblem's box, at most side points square, aspect kept,
// centred on cx with its top at y.
func (e *emblem) place(cx, y, side float64) (x, top, w, h float64) {
	w, h = side, side
	if e.w > e.h {
		h = side * float64(e.h) / float64(e.w)
	} else {
		w = side * float64(e.w) / float64(e.h)
	}
	return cx - w/2, y, w, h
}
