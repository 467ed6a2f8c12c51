// Package render draws KIA cards (package [github.com/adminduk-id/adminduk/kia])
// as PDF and PNG: the front and back of an ISO/IEC 7810 ID-1 card (85.60 x
// 53.98 mm), with the signed QR credential (CREDENTIAL.md) on the back.
//
// # The card
//
// Front: a navy header band with a seal, the red and white, the province
// and kab/kota of the issuing Dinas and "KARTU IDENTITAS ANAK"; NIK (large,
// monospaced), name, place and date of birth, sex and blood type,
// religion, citizenship and the last valid day; for a child from five the
// photo (JPEG or PNG, cropped to the 2:3 box, on the red of odd birth
// years or the blue of even ones, which shows through transparent
// pixels), and under it the place and date of issue. Back: family (KK
// number, head of family, akta number) and address (street, RT/RW,
// desa/kelurahan, kecamatan), the Kepala Dinas with NIP, the QR code (level
// Q; 23 to 29 mm wide for a KIA credential, over the 18 mm minimum) with
// its caption, and the note asking a
// finder to return the card. The ground is a light guilloche pattern,
// drawn once per process and shared by every page.
//
// Text never overflows: a value too long for its line shrinks, then wraps
// onto a second line (a third for the street), and the rows below move
// down (see pdfkit.FitText). Text is real PDF text in the Go fonts,
// embedded as subsets, so the NIK and name can be searched and copied.
// The QR code is a 1-bit image whose modules are 0.96 pt, placed on that
// grid, so that it rasterises with whole pixels at 150, 300 and 600 dpi.
//
// # Output
//
// [WritePDF] and [Batch] write any number of cards into one PDF, in one of
// two [Layout]s: [CardLayout], one ID-1 page a side (front, back, front,
// back...) for card printers printing duplex, or [A4Layout], ten cards on
// an A4 sheet with crop marks, a page of fronts then a page of their backs
// mirrored for duplex. Large batches are drawn in parts and joined, so
// memory stays flat (about 100 MB for 10,000 cards). [WritePNG] writes
// both sides of one card at 300 dpi; [Images] returns them. [Dump] lists a
// card's layout as text, for golden tests and reviews.
//
// Every card is validated (kia.Rules.Validate, and [CheckPrintable]: no
// character the fonts lack, which would print as "?" while the QR code
// carries it) and signed with [Options.Signer] before it is drawn; an
// invalid card is an error, never a document. The same cards, options and
// key give the same bytes: the only clock read is the validation's today
// (kia.Rules.Now), to refuse an issue date in the future; the credential's
// issue time is 00:00 WIB of the issue date unless [Options.SignedAt] says
// otherwise, and the PDF has no creation date unless [Options.Created] is
// set.
//
// # Cores
//
// Most of a card's work is preparing it: checking, signing, encoding the
// QR code, laying it out. [WritePDF] prepares cards on [Options.Workers]
// goroutines (all cores by default) and draws them in order, so the bytes
// are those of a sequential run. A program with its own stream of cards
// does the same with [Prepare] or [PrepareSigned] on its goroutines and
// [Batch.AddPrepared] in order.
package render
