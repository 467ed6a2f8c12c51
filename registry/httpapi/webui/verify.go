package webui

import (
	"bytes"
	"errors"
	"image"
	_ "image/jpeg" // photos of cards
	_ "image/png"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/adminduk-id/adminduk/adminduk/credential"
	"github.com/adminduk-id/adminduk/internal/pdfkit/qrscan"
	"github.com/adminduk-id/adminduk/registry"
)

// maxUpload is the largest image the verification page reads.
const maxUpload = 8 << 20

type verifyData struct {
	Payload string
	Checked bool
	// Offline result
	Status    string // credential status key: valid, expired ...
	Valid     bool
	Headline  string
	Issuer    string
	Type      string
	Number    string
	Name      string
	Issued    string
	Expires   string
	HasOnline bool
	Online    string
	Version   int
	Current   int
}

// verdicts say what a verification outcome means, in plain words.
var verdicts = map[string]map[string]string{
	"id": {
		"valid":             "SAH — tanda tangan Dinas benar dan isi dokumen tidak diubah.",
		"expired":           "KEDALUWARSA — tanda tangan benar, tetapi masa berlakunya sudah lewat.",
		"not_yet_valid":     "BELUM BERLAKU — tanggal terbit di masa depan.",
		"unknown_key":       "TIDAK DIKENAL — dokumen ini tidak ditandatangani dengan kunci Dinas yang kami kenal.",
		"invalid_signature": "TIDAK SAH — tanda tangan tidak cocok: isi dokumen telah diubah atau dipalsukan.",
		"malformed":         "TIDAK TERBACA — ini bukan kode QR dokumen kependudukan.",
		"active":            "Dokumen ini BERLAKU menurut catatan Dinas.",
		"replaced":          "Versi dokumen ini sudah DIGANTI dengan versi yang lebih baru.",
		"revoked":           "Dokumen ini telah DICABUT oleh Dinas.",
	},
	"en": {
		"valid":             "VALID — the Dinas signature is correct and the document is unaltered.",
		"expired":           "EXPIRED — the signature is correct, but the document is past its validity.",
		"not_yet_valid":     "NOT YET VALID — the issue date is in the future.",
		"unknown_key":       "UNKNOWN — this document is not signed with a Dinas key we know.",
		"invalid_signature": "NOT VALID — the signature does not match: the document was altered or forged.",
		"malformed":         "UNREADABLE — this is not the QR code of a civil-registration document.",
		"active":            "This document is ACTIVE in the Dinas records.",
		"replaced":          "This version of the document has been REPLACED by a newer one.",
		"revoked":           "This document has been REVOKED by the Dinas.",
	},
}

func (u *UI) verifyPage(w http.ResponseWriter, r *http.Request) {
	u.render(w, http.StatusOK, "verify", u.view(r, "verify_title", "verify", &verifyData{}))
}

func (u *UI) verify(w http.ResponseWriter, r *http.Request) {
	v := u.view(r, "verify_title", "verify", nil)
	r.Body = http.MaxBytesReader(w, r.Body, maxUpload+64<<10)
	d := &verifyData{}
	v.Data = d
	payload := ""
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
		if err := r.ParseMultipartForm(1 << 20); err != nil {
			var mbe *http.MaxBytesError
			if errors.As(err, &mbe) {
				v.Errors = []string{v.L["invalid"] + " " + v.L["photo"]}
				u.render(w, http.StatusRequestEntityTooLarge, "verify", v)
				return
			}
			v.Errors = []string{v.L["invalid"]}
			u.render(w, http.StatusBadRequest, "verify", v)
			return
		}
		defer func() { _ = r.MultipartForm.RemoveAll() }()
		if f, _, err := r.FormFile("image"); err == nil {
			defer f.Close()
			data, err := io.ReadAll(io.LimitReader(f, maxUpload))
			if err == nil {
				img, _, derr := image.Decode(bytes.NewReader(data))
				if derr == nil {
					payload, derr = qrscan.DecodeContext(r.Context(), img)
				}
				if derr != nil {
					v.Errors = []string{v.L["no_qr"]}
					u.render(w, http.StatusUnprocessableEntity, "verify", v)
					return
				}
			}
		}
	}
	if payload == "" {
		payload = strings.TrimSpace(r.FormValue("payload"))
	}
	if payload == "" {
		v.Errors = []string{v.L["nothing_to_check"]}
		u.render(w, http.StatusUnprocessableEntity, "verify", v)
		return
	}
	if len(payload) > 8192 {
		payload = payload[:8192]
	}
	d.Payload, d.Checked = payload, true
	res := credential.Verify(payload, u.cfg.Keys, u.cfg.Now())
	d.Status = res.Status.String()
	d.Valid = res.Status == credential.StatusValid
	d.Headline = verdicts[v.Lang][d.Status]
	if res.Authentic() {
		c := res.Claims
		d.Issuer, d.Type, d.Number, d.Name = c.Issuer, c.Document.Type, c.Document.Number, c.Identity.Name
		d.Issued = funcs["when"].(func(t time.Time) string)(c.IssuedAt)
		if !c.Expires.IsZero() {
			d.Expires = funcs["when"].(func(t time.Time) string)(c.Expires)
		}
		st, err := u.cfg.Service.DocumentStatus(r.Context(), registry.DocType(c.Document.Type), c.Document.Number)
		switch {
		case err == nil:
			d.HasOnline, d.Online = true, verdicts[v.Lang][string(st.Status)]
			d.Version, d.Current = st.Version, st.CurrentVersion
		case errors.Is(err, registry.ErrNotFound):
			d.HasOnline, d.Online = true, v.L["online_unknown"]
		default:
			u.log.Error("webui: online status", "err", err) // the offline result stands
		}
	}
	u.render(w, http.StatusOK, "verify", v)
}
