package render

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/akta"
	aktarender "github.com/adminduk-id/adminduk/akta/render"
	"github.com/adminduk-id/adminduk/kia"
	kiarender "github.com/adminduk-id/adminduk/kia/render"
	"github.com/adminduk-id/adminduk/registry"
)

// Options configure the renderers: those of akta/render for an akta, those
// of kia/render for a KIA. Their Signer, SignedAt and Credential are not
// used: the stored credential is printed.
type Options struct {
	Akta aktarender.Options
	KIA  kiarender.Options
}

// Errors of a stored document that cannot be printed.
var (
	ErrNoModel      = adminduk.Sentinel("render: document has no model", adminduk.ErrInvalid)
	ErrNoCredential = adminduk.Sentinel("render: document has no credential", adminduk.ErrInvalid)
)

// DocumentError reports a stored document that cannot be printed: no model,
// no credential, or a model that does not decode. It unwraps to Err.
type DocumentError struct {
	Type    registry.DocType
	Number  string
	Version int
	Err     error
}

func (e *DocumentError) Error() string {
	return fmt.Sprintf("render: %s %q version %d: %v", e.Type, e.Number, e.Version, e.Err)
}

// Unwrap returns Err.
func (e *DocumentError) Unwrap() error { return e.Err }

// WritePDF writes doc as PDF: the kutipan of an akta kelahiran (A4), or the
// front and back pages of a KIA (ID-1, or A4 as Options.KIA.Layout says),
// with the stored credential in its QR code.
func WritePDF(w io.Writer, doc registry.Document, o Options) error {
	m, err := model(&doc)
	if err != nil {
		return err
	}
	switch m := m.(type) {
	case aktarender.Document:
		return aktarender.WritePDF(w, m, aktaOptions(o.Akta, doc.Payload))
	case *kia.Card:
		b, err := kiarender.NewBatch(w, kiaOptions(o.KIA, ""))
		if err != nil {
			return err
		}
		if err := b.AddSigned(m, doc.Payload); err != nil {
			return err
		}
		return b.Close()
	}
	return &registry.UnsupportedError{Op: "render", Type: doc.Type}
}

// WritePNG writes doc as PNG: the first page of an akta at
// Options.Akta.DPI, or both sides of a KIA at 300 dpi, with the stored
// credential in its QR code.
func WritePNG(w io.Writer, doc registry.Document, o Options) error {
	m, err := model(&doc)
	if err != nil {
		return err
	}
	switch m := m.(type) {
	case aktarender.Document:
		return aktarender.WritePNG(w, m, aktaOptions(o.Akta, doc.Payload))
	case *kia.Card:
		return kiarender.WritePNG(w, m, kiaOptions(o.KIA, doc.Payload))
	}
	return &registry.UnsupportedError{Op: "render", Type: doc.Type}
}

func aktaOptions(o aktarender.Options, payload string) aktarender.Options {
	o.Signer, o.Credential = nil, payload
	return o
}

func kiaOptions(o kiarender.Options, payload string) kiarender.Options {
	o.Signer, o.Credential = nil, payload
	return o
}

// model decodes the stored model of d: *akta.Birth, *akta.Death,
// *akta.Family or *kia.Card.
func model(d *registry.Document) (any, error) {
	bad := func(err error) error {
		return &DocumentError{Type: d.Type, Number: d.Number, Version: d.Version, Err: err}
	}
	var m aktarender.Document
	switch d.Type {
	case registry.DocAktaKelahiran:
		m = new(akta.Birth)
	case registry.DocAktaKematian:
		m = new(akta.Death)
	case registry.DocKK:
		m = new(akta.Family)
	case registry.DocKIA:
	default:
		return nil, &registry.UnsupportedError{Op: "render", Type: d.Type}
	}
	if len(d.Model) == 0 {
		return nil, bad(ErrNoModel)
	}
	if d.Payload == "" {
		return nil, bad(ErrNoCredential)
	}
	if d.Type == registry.DocKIA {
		c, err := kia.DecodeCard(d.Model, kia.DecodeOptions{})
		if err != nil {
			return nil, bad(err)
		}
		return c, nil
	}
	if err := json.Unmarshal(d.Model, m); err != nil {
		return nil, bad(err)
	}
	return m, nil
}
