// Package pdfscan finds the greyscale images a PDF draws on its pages,
// where QR codes live, within bounded memory and work.
//
// It reads the page tree (Catalog -> Pages -> Kids, inherited Resources and
// MediaBox), the content streams of each page, and the XObjects they draw
// with Do, descending into Form XObjects to a bounded depth. An image that
// is in the file but drawn on no page is never returned. It reads
// uncompressed object syntax (what gopdf and most generators write); a file
// whose page tree is in object streams fails with [ErrNoPageTree], and the
// caller then rasterises its pages instead.
//
// # Bounds
//
// Every inflated byte counts against [Limits.MaxDecompressed]; an image or
// content stream is inflated once however often it is referenced; images
// are refused above [Limits.MaxImagePixels] before they are inflated; page
// trees and forms nest at most [Limits.MaxDepth] deep; a page's MediaBox
// must be a plausible size ([MaxPageSide]).
package pdfscan

import (
	"errors"
	"image"
)

// Sentinels of [Scan].
var (
	ErrNotPDF      = errors.New("pdfscan: not a PDF file")
	ErrNoPageTree  = errors.New("pdfscan: page tree not found (object streams or a damaged file)")
	ErrTooLarge    = errors.New("pdfscan: over the limits")
	ErrBadMediaBox = errors.New("pdfscan: implausible page size")
)

// MaxPageSide is the largest page side accepted, in points: 14400, the
// limit of PDF 1.7 (200 inches).
const MaxPageSide = 14400

// Limits bound the work of [Scan]; zero fields take the defaults.
type Limits struct {
	MaxDecompressed int64 // total inflated bytes; default 64 MiB
	MaxImagePixels  int   // larger images are skipped, not inflated; default 4 Mi (2048 x 2048)
	MaxDepth        int   // nesting of the page tree and of forms; default 32
	MaxPages        int   // default 10000
}

func (l Limits) withDefaults() Limits {
	if l.MaxDecompressed <= 0 {
		l.MaxDecompressed = 64 << 20
	}
	if l.MaxImagePixels <= 0 {
		l.MaxImagePixels = 4 << 20
	}
	if l.MaxDepth <= 0 {
		l.MaxDepth = 32
	}
	if l.MaxPages <= 0 {
		l.MaxPages = 10000
	}
	return l
}

// Image is a greyscale image drawn on a page.
type Image struct {
	Obj int         // its object number: the same number is the same image
	Img *image.Gray // shared by every page that draws it
}

// Page is one page of the document, in order.
type Page struct {
	Number   int        // from 1
	MediaBox [4]float64 // llx lly urx ury, in points
	Images   []Image    // greyscale images it draws, once each
	// Unread counts the drawn images that are not greyscale, not Flate,
	// too large, or damaged, plus content streams that could not be read:
	// what the page shows may hold a code not among Images.
	Unread int
}

// Size returns the width and height of the page in points.
func (p Page) Size() (w, h float64) {
	return abs(p.MediaBox[2] - p.MediaBox[0]), abs(p.MediaBox[3] - p.MediaBox[1])
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
