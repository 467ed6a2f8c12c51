package httpapi

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/registry"
	"github.com/adminduk-id/adminduk/registry/fhir"
)

func (s *Server) createReport(kind registry.Kind) handlerFunc {
	return func(r *http.Request, c *call) (result, error) {
		ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
		sub := registry.Submission{PartnerID: c.P.PartnerID, IdempotencyKey: c.Key}
		if ct == "application/fhir+json" && kind == registry.KindBirth {
			return s.createFromBundle(r, c, sub)
		}
		if ct != "application/json" {
			use := "use application/json"
			if kind == registry.KindBirth {
				use += " or application/fhir+json"
			}
			return result{}, newProblem(c.Lang, http.StatusUnsupportedMediaType, "unsupported-media", "jenis isi tidak didukung",
				"unsupported content type", use)
		}
		if int64(len(c.Body)) > s.maxBody {
			return result{}, &http.MaxBytesError{Limit: s.maxBody}
		}
		var rep registry.Report
		var created bool
		var err error
		body := bytes.NewReader(c.Body)
		switch kind {
		case registry.KindBirth:
			var b *registry.BirthReport
			if b, err = registry.DecodeBirthReport(body); err == nil {
				rep, created, err = s.svc.NotifyBirth(r.Context(), sub, b)
			}
		case registry.KindDeath:
			var d *registry.DeathReport
			if d, err = registry.DecodeDeathReport(body); err == nil {
				rep, created, err = s.svc.NotifyDeath(r.Context(), sub, d)
			}
		default:
			var sb *registry.StillbirthReport
			if sb, err = registry.DecodeStillbirthReport(body); err == nil {
				rep, created, err = s.svc.NotifyStillbirth(r.Context(), sub, sb)
			}
		}
		if err != nil {
			return result{}, err
		}
		return createdResult(rep, created), nil
	}
}

func createdResult(rep registry.Report, created bool) result {
	status := http.StatusCreated
	if !created {
		status = http.StatusOK // the same report sent again under its external_ref
	}
	return result{Status: status, Value: ReportCreated{ID: rep.ID, Status: rep.Status.String(), Flags: flagList(rep.Flags)}}
}

// createFromBundle takes a birth as the FHIR R4 bundle a SATUSEHAT-connected
// SIMRS produces (package registry/fhir); the pointers of its errors name
// the bundle's elements.
func (s *Server) createFromBundle(r *http.Request, c *call, sub registry.Submission) (result, error) {
	res, err := fhir.Decode(c.Body)
	if err != nil {
		return result{}, err
	}
	rep, created, err := s.svc.NotifyBirth(r.Context(), sub, res.Report)
	if err != nil {
		return result{}, res.Translate(err)
	}
	return createdResult(rep, created), nil
}

// own returns a report of kind that the caller may see: a partner only its
// own (another's is 404, never 403), an officer those of its office.
func (s *Server) own(r *http.Request, c *call, kind registry.Kind) (registry.Report, error) {
	id := r.PathValue("id")
	rep, err := s.svc.Report(r.Context(), c.P.Office, id)
	if err != nil {
		return rep, err
	}
	if rep.Kind != kind || (c.P.IsPartner() && rep.PartnerID != c.P.PartnerID) {
		return registry.Report{}, fmt.Errorf("httpapi: report %q: %w", id, registry.ErrNotFound)
	}
	return rep, nil
}

func (s *Server) getReport(kind registry.Kind) handlerFunc {
	return func(r *http.Request, c *call) (result, error) {
		rep, err := s.own(r, c, kind)
		if err != nil {
			return result{}, err
		}
		return s.viewOf(r, c, &rep)
	}
}

func (s *Server) listReports(kind registry.Kind) handlerFunc {
	return func(r *http.Request, c *call) (result, error) {
		f, err := filterOf(r, c, kind)
		if err != nil {
			return result{}, err
		}
		reps, err := s.svc.Reports(r.Context(), f)
		if err != nil {
			return result{}, err
		}
		out := ReportList{Items: []ReportSummary{}}
		for i := range reps {
			out.Items = append(out.Items, summary(&reps[i]))
		}
		if len(reps) == f.Limit {
			last := reps[len(reps)-1]
			out.NextCursor = base64.RawURLEncoding.EncodeToString([]byte(last.Created.UTC().Format(time.RFC3339Nano) + "|" + last.ID))
		}
		return ok(out)
	}
}

// filterOf reads the query of a list: status, flag, partner (officers),
// external_ref, from and to (days, WIB), limit (1-500) and cursor.
func filterOf(r *http.Request, c *call, kind registry.Kind) (registry.Filter, error) {
	q := r.URL.Query()
	f := registry.Filter{Office: c.P.Office, Kind: kind, Limit: 50, ExternalRef: q.Get("external_ref")}
	ch := adminduk.Checker{What: "httpapi: invalid query"}
	bad := func(name, id, en string) {
		ch.AddCode(adminduk.NewPointer(name), adminduk.CodeInvalid, id, en)
	}
	if v := q.Get("status"); v != "" {
		if err := f.Status.UnmarshalText([]byte(v)); err != nil {
			bad("status", "status tidak dikenal", "unknown status")
		}
	}
	if v := q.Get("flag"); v != "" {
		if err := f.Flags.UnmarshalText([]byte(v)); err != nil {
			bad("flag", "penanda tidak dikenal", "unknown flag")
		}
	}
	if v := q.Get("partner"); v != "" {
		if c.P.IsPartner() && v != c.P.PartnerID {
			bad("partner", "mitra hanya melihat laporannya sendiri", "a partner sees only its own reports")
		}
		f.PartnerID = v
	}
	if c.P.IsPartner() {
		f.PartnerID = c.P.PartnerID
	}
	for _, d := range []struct {
		name string
		into *time.Time
		next int
	}{{"from", &f.From, 0}, {"to", &f.To, 1}} {
		v := q.Get(d.name)
		if v == "" {
			continue
		}
		day, err := adminduk.ParseDate(v)
		if err != nil {
			bad(d.name, "bukan tanggal YYYY-MM-DD", "not a YYYY-MM-DD date")
			continue
		}
		*d.into = day.AddDays(d.next).In(adminduk.WIB)
	}
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 500 {
			bad("limit", "batas 1 sampai 500", "limit is 1 to 500")
		} else {
			f.Limit = n
		}
	}
	if v := q.Get("cursor"); v != "" {
		raw, err := base64.RawURLEncoding.DecodeString(v)
		at, id, found := strings.Cut(string(raw), "|")
		t, terr := time.Parse(time.RFC3339Nano, at)
		if err != nil || !found || terr != nil || id == "" {
			bad("cursor", "kursor tidak sah", "invalid cursor")
		} else {
			f.After = registry.ReportCursor{Created: t, ID: id}
		}
	}
	return f, ch.Err()
}

func (s *Server) resubmit(kind registry.Kind) handlerFunc {
	return func(r *http.Request, c *call) (result, error) {
		if _, err := s.own(r, c, kind); err != nil {
			return result{}, err
		}
		rep, err := s.resubmitBody(r, c, kind)
		if err != nil {
			return result{}, err
		}
		return s.view(r, c, rep.ID)
	}
}

// view answers the current view of a report.
func (s *Server) view(r *http.Request, c *call, id string) (result, error) {
	rep, err := s.svc.Report(r.Context(), c.P.Office, id)
	if err != nil {
		return result{}, err
	}
	return s.viewOf(r, c, &rep)
}

func (s *Server) attach(kind registry.Kind) handlerFunc {
	return func(r *http.Request, c *call) (result, error) {
		if _, err := s.own(r, c, kind); err != nil {
			return result{}, err
		}
		a, err := s.svc.Attach(r.Context(), c.P.Office, r.PathValue("id"), c.P.Actor(),
			registry.AttachmentKind(r.URL.Query().Get("kind")), r.Header.Get("Content-Type"), c.Body)
		if err != nil {
			return result{}, err
		}
		return result{Status: http.StatusCreated, Value: a}, nil
	}
}

func (s *Server) attachments(kind registry.Kind) handlerFunc {
	return func(r *http.Request, c *call) (result, error) {
		if _, err := s.own(r, c, kind); err != nil {
			return result{}, err
		}
		as, err := s.svc.Attachments(r.Context(), c.P.Office, r.PathValue("id"), false)
		if err != nil {
			return result{}, err
		}
		if as == nil {
			as = []registry.AttachmentFile{}
		}
		return ok(as)
	}
}

func (s *Server) verifyReport(kind registry.Kind) handlerFunc {
	return func(r *http.Request, c *call) (result, error) {
		if err := decodeJSON(c.Body, &struct{}{}); err != nil {
			return result{}, err
		}
		if _, err := s.own(r, c, kind); err != nil {
			return result{}, err
		}
		if _, err := s.svc.Verify(r.Context(), c.P.Office, r.PathValue("id"), c.P.Actor()); err != nil {
			return result{}, err
		}
		return s.view(r, c, r.PathValue("id"))
	}
}

// ReturnRequest sends a report back with the reasons, each naming the
// field of the report it is about.
type ReturnRequest struct {
	Reasons []ReturnReason `json:"reasons"`
}

// ReturnReason is one reason for a return.
type ReturnReason struct {
	Pointer string `json:"pointer,omitempty"` // the field of the report, "/mother/nik"
	Message string `json:"message"`
}

func (s *Server) returnReport(kind registry.Kind) handlerFunc {
	return func(r *http.Request, c *call) (result, error) {
		var req ReturnRequest
		if err := decodeJSON(c.Body, &req); err != nil {
			return result{}, err
		}
		ch := adminduk.Checker{What: "httpapi: invalid return"}
		if len(req.Reasons) == 0 {
			ch.Required(adminduk.NewPointer("reasons"))
		}
		var reasons []string
		for i, x := range req.Reasons {
			at := adminduk.NewPointer("reasons").Index(i)
			if strings.TrimSpace(x.Message) == "" {
				ch.Required(at.Key("message"))
			}
			if x.Pointer != "" {
				if _, err := adminduk.ParsePointer(x.Pointer); err != nil {
					ch.AddCode(at.Key("pointer"), adminduk.CodeInvalid, "bukan JSON pointer", "not a JSON pointer")
				}
				reasons = append(reasons, x.Pointer+": "+x.Message)
			} else {
				reasons = append(reasons, x.Message)
			}
		}
		if err := ch.Err(); err != nil {
			return result{}, err
		}
		if _, err := s.own(r, c, kind); err != nil {
			return result{}, err
		}
		if _, err := s.svc.Return(r.Context(), c.P.Office, r.PathValue("id"), c.P.Actor(), reasons...); err != nil {
			return result{}, err
		}
		return s.view(r, c, r.PathValue("id"))
	}
}

func (s *Server) register(kind registry.Kind) handlerFunc {
	return func(r *http.Request, c *call) (result, error) {
		if err := decodeJSON(c.Body, &struct{}{}); err != nil {
			return result{}, err
		}
		if _, err := s.own(r, c, kind); err != nil {
			return result{}, err
		}
		reg, err := s.svc.Register(r.Context(), c.P.Office, r.PathValue("id"), c.P.Actor())
		if err != nil {
			return result{}, err
		}
		v := RegistrationView{ReportID: reg.ReportID, Registered: reg.Registered.String(), Documents: []registry.DocumentRef{}}
		if reg.NIK.IsValid() {
			v.NIK = reg.NIK.String()
		}
		if reg.Akta.IsValid() {
			v.Akta = reg.Akta.String()
		}
		for i := range reg.Documents {
			v.Documents = append(v.Documents, reg.Documents[i].Ref())
		}
		return ok(v)
	}
}

// HandOverRequest records who received documents of a report; no
// documents means every active one.
type HandOverRequest struct {
	Receiver  string                 `json:"receiver"`
	Relation  string                 `json:"relation"`
	Documents []registry.DocumentRef `json:"documents,omitempty"`
}

func (s *Server) handOver(kind registry.Kind) handlerFunc {
	return func(r *http.Request, c *call) (result, error) {
		var req HandOverRequest
		if err := decodeJSON(c.Body, &req); err != nil {
			return result{}, err
		}
		if _, err := s.own(r, c, kind); err != nil {
			return result{}, err
		}
		h, err := s.svc.HandOver(r.Context(), c.P.Office, r.PathValue("id"), c.P.Actor(), req.Receiver, req.Relation, req.Documents...)
		if err != nil {
			return result{}, err
		}
		return ok(h)
	}
}

// ReasonRequest carries the reason of a step (archive, suspend ...).
type ReasonRequest struct {
	Reason string `json:"reason"`
}

func (s *Server) archive(kind registry.Kind) handlerFunc {
	return func(r *http.Request, c *call) (result, error) {
		var req ReasonRequest
		if err := decodeJSON(c.Body, &req); err != nil {
			return result{}, err
		}
		if _, err := s.own(r, c, kind); err != nil {
			return result{}, err
		}
		if _, err := s.svc.Archive(r.Context(), c.P.Office, r.PathValue("id"), c.P.Actor(), req.Reason); err != nil {
			return result{}, err
		}
		return s.view(r, c, r.PathValue("id"))
	}
}

func (s *Server) issue(kind registry.Kind) handlerFunc {
	return func(r *http.Request, c *call) (result, error) {
		if err := decodeJSON(c.Body, &struct{}{}); err != nil {
			return result{}, err
		}
		if _, err := s.own(r, c, kind); err != nil {
			return result{}, err
		}
		if _, err := s.svc.Act(r.Context(), c.P.Office, r.PathValue("id"), registry.ActIssue, c.P.Actor(), ""); err != nil {
			return result{}, err
		}
		return s.view(r, c, r.PathValue("id"))
	}
}
