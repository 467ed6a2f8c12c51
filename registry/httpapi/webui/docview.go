package webui

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/adminduk-id/adminduk/registry"
	"github.com/adminduk-id/adminduk/registry/render"
)

// pdfPolicy is the Content-Security-Policy of a served PDF: nothing loads,
// and only the UI's own pages may frame it.
const pdfPolicy = "default-src 'none'; frame-ancestors 'self'"

// storedDocument returns the version of the document of the request (the
// query's version, 0 or absent: the current one) after checking that it
// belongs to the report of the path.
func (u *UI) storedDocument(r *http.Request) (registry.Document, error) {
	o := officerOf(r)
	v := 0
	if s := r.URL.Query().Get("version"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 {
			return registry.Document{}, fmt.Errorf("webui: version %q: %w", s, registry.ErrNotFound)
		}
		v = n
	}
	doc, err := u.cfg.Service.Document(r.Context(), o.Office, registry.DocType(r.PathValue("type")), r.PathValue("number"), v)
	if err != nil {
		return doc, err
	}
	if doc.ReportID != r.PathValue("id") {
		return registry.Document{}, fmt.Errorf("webui: document of another report: %w", registry.ErrNotFound)
	}
	return doc, nil
}

// documentPDF serves a version of a document as the PDF the registry
// renders from what it stored (registry/render), inline.
func (u *UI) documentPDF(w http.ResponseWriter, r *http.Request) {
	u.documentFile(w, r, "application/pdf", "pdf", func(b *bytes.Buffer, d registry.Document) error {
		return render.WritePDF(b, d, render.Options{})
	})
}

// documentPNG serves a version of a document as an image of the card or
// page (registry/render.WritePNG).
func (u *UI) documentPNG(w http.ResponseWriter, r *http.Request) {
	u.documentFile(w, r, "image/png", "png", func(b *bytes.Buffer, d registry.Document) error {
		return render.WritePNG(b, d, render.Options{})
	})
}

func (u *UI) documentFile(w http.ResponseWriter, r *http.Request, ctype, ext string,
	write func(w *bytes.Buffer, d registry.Document) error) {
	doc, err := u.storedDocument(r)
	if err != nil {
		u.failErr(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := write(&buf, doc); err != nil {
		if errors.Is(err, registry.ErrUnsupported) { // the SKLM has no renderer yet
			u.fail(w, r, http.StatusNotImplemented, "pdf_later")
			return
		}
		u.failErr(w, r, err)
		return
	}
	h := w.Header()
	h.Set("Content-Security-Policy", pdfPolicy)
	h.Set("X-Frame-Options", "SAMEORIGIN")
	h.Set("Content-Type", ctype)
	h.Set("Cache-Control", "private, no-store")
	name := strings.NewReplacer("/", "-", "\\", "-", "\"", "").Replace(fmt.Sprintf("%s-%s-v%d.%s", doc.Type, doc.Number, doc.Version, ext))
	h.Set("Content-Disposition", `inline; filename="`+name+`"`)
	_, _ = w.Write(buf.Bytes())
}

// correct records a correction of an akta kelahiran (supervisors only):
// the names that change and the authority, printed as the marginal note of
// the next version.
func (u *UI) correct(w http.ResponseWriter, r *http.Request) {
	o := officerOf(r)
	if _, err := u.storedDocument(r); err != nil {
		u.failErr(w, r, err)
		return
	}
	c := registry.Correction{
		ChildName:  strings.TrimSpace(r.PostFormValue("child_name")),
		FatherName: strings.TrimSpace(r.PostFormValue("father_name")),
		MotherName: strings.TrimSpace(r.PostFormValue("mother_name")),
		Authority:  strings.TrimSpace(r.PostFormValue("authority")),
	}
	if _, err := u.cfg.Service.Correct(r.Context(), o.Office, registry.DocType(r.PathValue("type")), r.PathValue("number"), c, o.Username); err != nil {
		u.failErr(w, r, err)
		return
	}
	u.backToDocument(w, r)
}

// revoke revokes a document (supervisors only), with the reason.
func (u *UI) revoke(w http.ResponseWriter, r *http.Request) {
	o := officerOf(r)
	if _, err := u.storedDocument(r); err != nil {
		u.failErr(w, r, err)
		return
	}
	reason := strings.TrimSpace(r.PostFormValue("reason"))
	if _, err := u.cfg.Service.Revoke(r.Context(), o.Office, registry.DocType(r.PathValue("type")), r.PathValue("number"), reason, o.Username); err != nil {
		u.failErr(w, r, err)
		return
	}
	u.backToDocument(w, r)
}

func (u *UI) backToDocument(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, "/reports/"+r.PathValue("id")+"/documents/"+r.PathValue("type")+"/"+r.PathValue("number")+"?done=1", http.StatusSeeOther)
}
