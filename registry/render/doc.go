// Package render prints the documents a registry issued, on demand, from
// what it stored: the model each was issued from ([registry.Document].Model:
// an akta.Birth or a kia.Card as JSON) and the signed credential it was
// issued with ([registry.Document].Payload), by the renderers of the module,
// akta/render (the kutipan akta kelahiran on A4) and kia/render (the KIA on
// ID-1 card pages).
//
// # The stored credential
//
// A document is never signed again when it is printed: its QR code holds
// the credential stored at issue (the Credential option of akta/render, the
// batches' AddSigned and the Credential option of kia/render). So every copy of a
// version carries the same QR code, whatever the signature algorithm (an
// ECDSA signature differs at every signing), and a copy printed after the
// office rotated its key still carries the credential the register holds.
// The renderers print the stored credential as given; the registry vouches
// that it belongs to the model it stored with it.
//
// # Reproducible output
//
// The same stored document and options give the same bytes on every
// render: no clock, no random identifier reaches the output (the PDF of a
// KIA has no creation date unless its options set one).
//
// # Versions
//
// Each version of a document renders as it was issued: version 1 of a
// corrected akta as first issued, version 2 with its marginal note
// (catatan pinggir) under the body. What a version's state is now (active,
// replaced, revoked) is the online status ([registry.Service.DocumentStatus]),
// not part of the print.
//
// # Errors
//
// A document type without a renderer here (the KK, the akta kematian and
// the SKLM until their models are stored) is a *[registry.UnsupportedError]
// (errors.Is [registry.ErrUnsupported]); a document without a model or a
// credential, or whose model does not decode, is a *[DocumentError] that
// unwraps to [ErrNoModel], [ErrNoCredential] or the decoding error; a model
// that no longer validates gives the renderer's error. Nothing is written
// then.
package render
