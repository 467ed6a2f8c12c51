// Package render prints the documents of package
// [github.com/adminduk-id/adminduk/akta] on A4: the Kutipan Akta Kelahiran
// and Kutipan Akta Kematian (portrait) and the family card, Kartu Keluarga
// (landscape), as PDF (gopdf, Go fonts embedded) or PNG, each with the
// Kepala Dinas's signed QR in place of a wet signature and stamp.
//
// # Documents
//
// The renderers of this module share one shape: [WritePDF], [WritePNG] and
// [Dump] take the writer, the [Document] (an *akta.Birth, *akta.Death or
// *akta.Family) and the [Options], whose Signer, SignedAt and Compress are
// those of every renderer. They validate the document, then write it; an
// invalid document gives its *adminduk.ValidationError and writes nothing. The akta follow the bilingual
// layout of the printed kutipan: the NIK at the top, REPUBLIK INDONESIA,
// PENCATATAN SIPIL, WARGA NEGARA, the title, then one row per statement with
// the Indonesian label, its English translation in italics beneath, and the
// value in bold capitals. Dates of birth and death are spelt out ("DUA
// PULUH LIMA AGUSTUS DUA RIBU DUA PULUH TIGA"); the birth order is "anak
// ke-" and the cardinal in words with the sex ("anak ke-DUA, PEREMPUAN").
// The parents follow [akta.Birth.ParentCase]: "dari ayah ... dan ibu ...",
// the same with "yang perkawinannya belum tercatat sesuai dengan ketentuan
// peraturan perundang-undangan" beneath, or "dari ibu" the mother only.
// Below: "Kutipan ini dikeluarkan di ... pada tanggal ...", the Kepala
// Dinas with QR, name (titles as written: "M.Si.") and NIP, and the
// footnote [Options].Note on what the document carries: by default
// ([DefaultNote]) that the QR is the Dinas's electronic credential,
// checkable offline against its published keys. No document claims a
// certificate it does not carry; [Options].PDFSigner is the hook for a real
// PDF (PAdES) signature, and [Options].Emblem adds the Dinas's emblem. The
// family card has the members in two numbered tables, ten rows a page as
// printed, continued on further pages when needed.
//
// # Signed QR
//
// The QR holds the credential of CREDENTIAL.md: type AKTA-KELAHIRAN or
// AKTA-KEMATIAN with the register number, the person's identity, the event
// date and place and the KK number; the family card uses type
// [akta.TypeKK]. The model builds the claims ([akta.Birth.Claims] ...);
// this package signs them with [Options].Signer, the Dinas's Ed25519 key
// for its issuer; their iat is [Options].SignedAt, by default midnight WIB
// of the issue date. [Credential] returns the same text without a
// document. The QR is
// printed at 1/60 inch (0.42 mm) a module, on a 1/60-inch grid, so that
// printers render modules of whole dots.
//
// # Reproducible output
//
// The same record, key and options give the same bytes: no clock, no
// random identifier, no map order reaches the output (Ed25519 signatures are
// deterministic). The tests pin every document by the SHA-256 of its PDF
// and PNG and by its layout as text ([Dump]) in testdata/*.golden;
// go test -update rewrites them, after which the documents must be looked
// at again (pdftoppm -png -r 100).
//
// # Speed
//
// [WriteBatch] renders a batch (akta render with JSON Lines) into one PDF:
// records are validated, signed and laid out on all cores, then written
// in input order, byte-identical to a sequential render
// (BenchmarkRecordsPDF).
//
// A kutipan takes about 3 ms on one core (BenchmarkBirthPDF), against about
// 1.5 s for the same page printed by headless Chromium
// (scripts/chromium-akta). The QR code comes from the fast encoder of
// internal/pdfkit/qrenc and is placed as a 1-bit image (pdfkit.QRPNG). The
// fonts, measuring and the PNG raster are those of internal/pdfkit, which
// the KIA renderer shares; the fonts are embedded reduced to their Latin
// glyphs and without hinting (pdfkit.Latin), which halves what each
// document compresses.
package render
