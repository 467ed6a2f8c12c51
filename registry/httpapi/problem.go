package httpapi

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"golang.org/x/text/language"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/partnership"
	"github.com/adminduk-id/adminduk/registry"
	"github.com/adminduk-id/adminduk/registry/fhir"
)

// ProblemTypeBase starts the type URI of every problem: the type of a
// validation problem is ProblemTypeBase + "validation".
const ProblemTypeBase = "urn:adminduk:problem:"

// Problem is an RFC 9457 problem detail, with the field errors of an
// invalid input.
type Problem struct {
	Type   string         `json:"type"`
	Title  string         `json:"title"`
	Status int            `json:"status"`
	Detail string         `json:"detail,omitempty"`
	Reason string         `json:"reason,omitempty"` // why a partner is refused (lapsed PKS ...)
	Errors []ProblemField `json:"errors,omitempty"`
}

// ProblemField is one invalid field: a JSON pointer into the request body,
// a stable code and a message in the language asked for.
type ProblemField struct {
	Pointer string `json:"pointer"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

// Error returns the problem's title and detail.
func (p *Problem) Error() string { return "httpapi: " + p.Title + ": " + p.Detail }

var langMatcher = language.NewMatcher([]language.Tag{language.Indonesian, language.English})

// lang returns the language of the messages: English when the caller
// prefers it, else Indonesian.
func lang(r *http.Request) adminduk.Lang {
	tags, _, err := language.ParseAcceptLanguage(r.Header.Get("Accept-Language"))
	if err != nil || len(tags) == 0 {
		return adminduk.Indonesian
	}
	_, i, _ := langMatcher.Match(tags...)
	if i == 1 {
		return adminduk.English
	}
	return adminduk.Indonesian
}

func pick(l adminduk.Lang, id, en string) string {
	if l == adminduk.English {
		return en
	}
	return id
}

// newProblem returns a problem of a slug and status with a title in l.
func newProblem(l adminduk.Lang, status int, slug, titleID, titleEN, detail string) *Problem {
	return &Problem{Type: ProblemTypeBase + slug, Title: pick(l, titleID, titleEN), Status: status, Detail: detail}
}

// problemOf maps an error to its problem: the sentinels of package adminduk
// and registry, and the errors of this package.
func problemOf(l adminduk.Lang, err error, demo bool) *Problem {
	var p *Problem
	if errors.As(err, &p) {
		return p
	}
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return newProblem(l, http.StatusRequestEntityTooLarge, "too-large", "isi permintaan terlalu besar", "request body too large",
			fmt.Sprintf("limit %d bytes", mbe.Limit))
	}
	var ae *registry.AuthError
	if errors.As(err, &ae) || errors.Is(err, registry.ErrUnauthenticated) {
		d := ""
		if ae != nil {
			d = ae.Reason.String()
		}
		return newProblem(l, http.StatusUnauthorized, "unauthenticated", "kredensial tidak sah", "invalid credentials", d)
	}
	var me *registry.MediaError
	if errors.As(err, &me) {
		return newProblem(l, http.StatusUnsupportedMediaType, "unsupported-media", "jenis berkas tidak didukung",
			"unsupported media type", strings.TrimPrefix(me.Error(), "registry: "))
	}
	var de *registry.DecodeError
	if errors.As(err, &de) {
		p := newProblem(l, http.StatusBadRequest, "malformed", "JSON tidak sah", "malformed JSON", strings.TrimPrefix(de.Error(), "registry: "))
		if de.Pointer != "" {
			p.Errors = []ProblemField{{Pointer: de.Pointer.String(), Code: "syntax", Message: de.Msg}}
		}
		return p
	}
	var fde *fhir.DecodeError
	if errors.As(err, &fde) {
		p := newProblem(l, http.StatusBadRequest, "malformed", "bundle FHIR tidak sah", "malformed FHIR bundle", strings.TrimPrefix(fde.Error(), "fhir: "))
		if fde.Pointer != "" {
			p.Errors = []ProblemField{{Pointer: fde.Pointer.String(), Code: "syntax", Message: fde.Msg}}
		}
		return p
	}
	var ie *registry.IncompleteError
	if errors.As(err, &ie) {
		// An incomplete report may not take the step yet: an invalid transition,
		// with what is missing as field errors.
		p := newProblem(l, http.StatusConflict, "invalid-transition", "laporan belum lengkap", "report incomplete", trimPkg(err))
		for i := range ie.Missing {
			f := &ie.Missing[i]
			p.Errors = append(p.Errors, ProblemField{Pointer: f.Pointer.String(), Code: string(f.Code), Message: f.Message(l)})
		}
		return p
	}
	var ve *adminduk.ValidationError
	if errors.As(err, &ve) {
		p := newProblem(l, http.StatusUnprocessableEntity, "validation", "data tidak valid", "invalid data", "")
		for i := range ve.Fields {
			f := &ve.Fields[i]
			p.Errors = append(p.Errors, ProblemField{Pointer: f.Pointer.String(), Code: string(f.Code), Message: f.Message(l)})
		}
		return p
	}
	var fe *registry.ForbiddenError
	if errors.As(err, &fe) {
		p := newProblem(l, http.StatusForbidden, "forbidden", "mitra tidak berwenang", "partner not permitted",
			strings.TrimPrefix(fe.Error(), "registry: "))
		p.Reason = fe.Reason.String()
		return p
	}
	var ce *registry.ConflictError
	if errors.As(err, &ce) {
		p := newProblem(l, http.StatusConflict, "conflict", "bertentangan dengan data sebelumnya", "conflicts with an earlier submission",
			strings.TrimPrefix(ce.Error(), "registry: "))
		if ce.Field != "" {
			p.Errors = []ProblemField{{Pointer: "/" + ce.Field, Code: string(adminduk.CodeDuplicate),
				Message: pick(l, "sudah dipakai dengan isi lain", "already used with another body")}}
		}
		return p
	}
	switch {
	case errors.Is(err, registry.ErrInvalidTransition), errors.Is(err, partnership.ErrInvalidTransition):
		return newProblem(l, http.StatusConflict, "invalid-transition", "langkah tidak diizinkan pada status ini",
			"step not allowed in this state", trimPkg(err))
	case errors.Is(err, adminduk.ErrNotFound):
		return newProblem(l, http.StatusNotFound, "not-found", "tidak ditemukan", "not found", "")
	case errors.Is(err, adminduk.ErrConflict):
		return newProblem(l, http.StatusConflict, "conflict", "konflik", "conflict", trimPkg(err))
	case errors.Is(err, adminduk.ErrForbidden):
		return newProblem(l, http.StatusForbidden, "forbidden", "tidak berwenang", "forbidden", "")
	case errors.Is(err, adminduk.ErrSyntax):
		return newProblem(l, http.StatusBadRequest, "malformed", "permintaan tidak sah", "malformed request", trimPkg(err))
	case errors.Is(err, adminduk.ErrInvalid):
		return newProblem(l, http.StatusUnprocessableEntity, "validation", "data tidak valid", "invalid data", trimPkg(err))
	}
	p = newProblem(l, http.StatusInternalServerError, "internal", "kesalahan server", "internal server error", "")
	if demo {
		p.Detail = MaskNIKs(err.Error())
	}
	return p
}

func trimPkg(err error) string {
	s := err.Error()
	if i := strings.Index(s, ": "); i > 0 && !strings.Contains(s[:i], " ") {
		return s[i+2:]
	}
	return s
}

// writeJSON writes v as JSON with status.
func writeJSON(w http.ResponseWriter, status int, contentType string, body []byte) {
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Content-Length", strconv.Itoa(len(body)))
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

func marshal(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		// Every value written is a plain struct of this package.
		return []byte(`{"type":"` + ProblemTypeBase + `internal","title":"internal server error","status":500}`)
	}
	return append(b, '\n')
}

func writeProblem(w http.ResponseWriter, p *Problem) {
	if p.Status == http.StatusTooManyRequests && w.Header().Get("Retry-After") == "" {
		w.Header().Set("Retry-After", "1")
	}
	writeJSON(w, p.Status, "application/problem+json", marshal(p))
}
