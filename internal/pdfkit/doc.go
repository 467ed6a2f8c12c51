// Package pdfkit holds the small document helpers the renderers of this
// module share (KIA cards, akta): the Go fonts embedded into gopdf
// deterministically and measured the same way for PDF and raster output,
// text fitting that never overflows its box, QR codes placed as 1-bit
// images, and crop marks for printing cards on A4 sheets.
//
// All lengths are PDF points (1/72 inch) measured from the top-left corner
// of the page, as gopdf does with [gopdf.UnitPT]; [MM] converts millimetres.
//
// # Fonts
//
// [Font] names one of the Go fonts (golang.org/x/image/font/gofont, BSD
// licence). [Register] adds fonts to a gopdf document from a container
// parsed once per process, in a fixed order, so that the same drawing gives
// the same bytes. [Width] measures text with the fonts' unhinted advance
// widths, which is what gopdf writes and what [Raster.Text] draws at any
// resolution; [Clean] replaces the runes the fonts lack. [RegisterSubset]
// embeds them reduced to their [Latin] glyphs without hinting instead:
// documents that print only Latin script (names, per Permendagri 73/2022)
// get smaller and faster to write, with [Subset.Clean] for their text.
//
// # Fitting text
//
// [FitText] finds the largest size, from a preferred one down, at which a
// text wraps into a box, breaking words only when a word alone is too wide
// and shrinking below the preferred minimum rather than overflowing.
//
// # QR codes
//
// [QRPNG] turns a QR bitmap into a 1-bit greyscale PNG with whole pixels
// per module; [PlaceQR] puts it on a gopdf page; [Raster.QR] draws it into a
// raster image ([Raster.QRAtLeast] with a least module size).
// Package qrenc encodes the bitmap.
//
// # Print marks
//
// [CropMarks] and [GridMarks] draw the short cut lines outside a card or a
// grid of cards on a sheet.
package pdfkit
