package webui

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"net/http"

	"github.com/adminduk-id/adminduk/internal/pdfkit/qrenc"
	"github.com/adminduk-id/adminduk/registry"
)

// printable are the document types package registry/render prints.
var printable = map[registry.DocType]bool{registry.DocAktaKelahiran: true, registry.DocKIA: true, registry.DocKK: true,
	registry.DocAktaKematian: true}

type documentData struct {
	ReportID string
	Type     string
	Number   string
	Versions []registry.Document
	Current  *registry.Document
	// Printable: the registry renders this type (registry/render).
	Printable bool
	// Correctable: an akta kelahiran whose current version is active, and
	// the officer may correct and revoke (a supervisor).
	Correctable, Revocable bool
	// HandOver: the report's status allows a hand-over by this officer.
	HandOver bool
	Done     bool
}

// versions returns the versions of one document of a report, oldest first.
func (u *UI) versions(r *http.Request) (documentData, error) {
	o := officerOf(r)
	d := documentData{ReportID: r.PathValue("id"), Type: r.PathValue("type"), Number: r.PathValue("number")}
	docs, err := u.cfg.Service.Documents(r.Context(), o.Office, d.ReportID)
	if err != nil {
		return d, err
	}
	for i := range docs {
		if string(docs[i].Type) == d.Type && docs[i].Number == d.Number {
			d.Versions = append(d.Versions, docs[i])
		}
	}
	if len(d.Versions) == 0 {
		return d, registry.ErrNotFound
	}
	d.Current = &d.Versions[len(d.Versions)-1]
	return d, nil
}

func (u *UI) documentPage(w http.ResponseWriter, r *http.Request) {
	d, err := u.versions(r)
	if err != nil {
		u.failErr(w, r, err)
		return
	}
	o := officerOf(r)
	d.Done = r.URL.Query().Get("done") == "1"
	d.Printable = printable[d.Current.Type]
	active := d.Current.Status == registry.DocActive
	akta := d.Current.Type == registry.DocAktaKelahiran || d.Current.Type == registry.DocAktaKematian
	d.Revocable = active && akta && o.Role.MayAct(registry.ActRevoke)
	d.Correctable = d.Revocable && d.Current.Type == registry.DocAktaKelahiran
	if rep, err := u.cfg.Service.Report(r.Context(), o.Office, d.ReportID); err == nil && o.Role.MayAct(registry.ActHandOver) {
		for _, a := range registry.Allowed(rep.Status) {
			d.HandOver = d.HandOver || a == registry.ActHandOver
		}
	}
	u.render(w, http.StatusOK, "document", u.view(r, "document", "", d))
}

// documentQR serves the QR code of the current version as a PNG: what the
// printed card or akta carries.
func (u *UI) documentQR(w http.ResponseWriter, r *http.Request) {
	d, err := u.versions(r)
	if err != nil {
		u.failErr(w, r, err)
		return
	}
	img, err := qrImage(d.Current.Payload, 6)
	if err != nil {
		u.failErr(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		u.failErr(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "image/png")
	w.Header().Set("Cache-Control", "private, no-store")
	_, _ = w.Write(buf.Bytes())
}

// qrImage draws text as a QR code (level M) with scale pixels per module and
// the standard 4-module quiet zone.
func qrImage(text string, scale int) (*image.Gray, error) {
	c, err := qrenc.Encode(text, qrenc.M)
	if err != nil {
		return nil, err
	}
	bm := c.Bitmap(4)
	n := len(bm)
	img := image.NewGray(image.Rect(0, 0, n*scale, n*scale))
	for y := range bm {
		for x, dark := range bm[y] {
			v := color.Gray{Y: 255}
			if dark {
				v = color.Gray{}
			}
			for dy := range scale {
				for dx := range scale {
					img.SetGray(x*scale+dx, y*scale+dy, v)
				}
			}
		}
	}
	return img, nil
}
