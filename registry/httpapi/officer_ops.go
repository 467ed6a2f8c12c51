package httpapi

import (
	"bytes"
	"net/http"
	"strconv"
	"strings"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/registry"
	"github.com/adminduk-id/adminduk/registry/render"
)

// DuplicateDecisionRequest is an officer's decision on a report flagged as
// a potential duplicate: Duplicate with the Candidate it duplicates (the
// report is archived), or not a duplicate of the candidates given (none:
// of every report it matches), which clears the flag.
type DuplicateDecisionRequest struct {
	Duplicate  bool     `json:"duplicate"`
	Candidate  string   `json:"candidate,omitempty"`
	Candidates []string `json:"candidates,omitempty"`
	Reason     string   `json:"reason"`
}

func (s *Server) duplicateDecision(kind registry.Kind) handlerFunc {
	return func(r *http.Request, c *call) (result, error) {
		var req DuplicateDecisionRequest
		if err := decodeJSON(c.Body, &req); err != nil {
			return result{}, err
		}
		ch := adminduk.Checker{What: "httpapi: invalid duplicate decision"}
		if strings.TrimSpace(req.Reason) == "" {
			ch.Required(adminduk.NewPointer("reason"))
		}
		if req.Duplicate && req.Candidate == "" {
			ch.Required(adminduk.NewPointer("candidate"))
		}
		if req.Duplicate && len(req.Candidates) > 0 {
			ch.AddCode(adminduk.NewPointer("candidates"), adminduk.CodeInvalid,
				"hanya untuk keputusan bukan ganda", "only for a not-duplicate decision")
		}
		if !req.Duplicate && req.Candidate != "" {
			ch.AddCode(adminduk.NewPointer("candidate"), adminduk.CodeInvalid,
				"hanya untuk keputusan ganda; gunakan candidates", "only for a duplicate decision; use candidates")
		}
		if err := ch.Err(); err != nil {
			return result{}, err
		}
		if _, err := s.own(r, c, kind); err != nil {
			return result{}, err
		}
		id := r.PathValue("id")
		var err error
		if req.Duplicate {
			_, err = s.svc.MarkDuplicate(r.Context(), c.P.Office, id, req.Candidate, c.P.Actor(), req.Reason)
		} else {
			_, err = s.svc.MarkNotDuplicate(r.Context(), c.P.Office, id, c.P.Actor(), req.Reason, req.Candidates...)
		}
		if err != nil {
			return result{}, err
		}
		return s.view(r, c, id)
	}
}

// docOf reads the type and number of a document path.
func docOf(r *http.Request) (registry.DocType, string) {
	return registry.DocType(strings.ToUpper(r.PathValue("type"))), r.PathValue("number")
}

func (s *Server) correct(r *http.Request, c *call) (result, error) {
	var req registry.Correction
	if err := decodeJSON(c.Body, &req); err != nil {
		return result{}, err
	}
	t, number := docOf(r)
	d, err := s.svc.Correct(r.Context(), c.P.Office, t, number, req, c.P.Actor())
	if err != nil {
		return result{}, err
	}
	return result{Status: http.StatusCreated, Value: documentView(&d)}, nil
}

func (s *Server) revoke(r *http.Request, c *call) (result, error) {
	var req ReasonRequest
	if err := decodeJSON(c.Body, &req); err != nil {
		return result{}, err
	}
	if strings.TrimSpace(req.Reason) == "" {
		ch := adminduk.Checker{What: "httpapi: invalid revocation"}
		ch.Required(adminduk.NewPointer("reason"))
		return result{}, ch.Err()
	}
	t, number := docOf(r)
	st, err := s.svc.Revoke(r.Context(), c.P.Office, t, number, req.Reason, c.P.Actor())
	if err != nil {
		return result{}, err
	}
	return ok(st)
}

// documentPDF renders a stored version of a document (registry/render);
// ?version= picks one, the current by default.
func (s *Server) documentPDF(r *http.Request, c *call) (result, error) {
	version := 0
	if v := r.URL.Query().Get("version"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			ch := adminduk.Checker{What: "httpapi: invalid query"}
			ch.AddCode(adminduk.NewPointer("version"), adminduk.CodeInvalid, "versi adalah bilangan mulai 1", "version is a number from 1")
			return result{}, ch.Err()
		}
		version = n
	}
	t, number := docOf(r)
	d, err := s.svc.Document(r.Context(), c.P.Office, t, number, version)
	if err != nil {
		return result{}, err
	}
	var buf bytes.Buffer
	if err := render.WritePDF(&buf, d, render.Options{}); err != nil {
		return result{}, err
	}
	return result{Status: http.StatusOK, Raw: buf.Bytes(), ContentType: "application/pdf"}, nil
}

func (s *Server) coverage(r *http.Request, c *call) (result, error) {
	q := r.URL.Query()
	ch := adminduk.Checker{What: "httpapi: invalid query"}
	var region wilayah.Code
	var asOf adminduk.Date
	if v := q.Get("region"); v == "" {
		ch.Required(adminduk.NewPointer("region"))
	} else if code, err := wilayah.ParseCode(v); err != nil {
		ch.AddCode(adminduk.NewPointer("region"), adminduk.CodeInvalid, "kode wilayah tidak sah", "invalid region code")
	} else {
		region = code
	}
	if v := q.Get("as_of"); v == "" {
		asOf = adminduk.DateOf(s.now().In(adminduk.WIB))
	} else if d, err := adminduk.ParseDate(v); err != nil {
		ch.AddCode(adminduk.NewPointer("as_of"), adminduk.CodeInvalid, "bukan tanggal YYYY-MM-DD", "not a YYYY-MM-DD date")
	} else {
		asOf = d
	}
	if err := ch.Err(); err != nil {
		return result{}, err
	}
	if !regionWithin(region, c.P.Office) {
		return result{}, newProblem(c.Lang, http.StatusForbidden, "forbidden", "wilayah di luar kantor ini",
			"region outside this office", region.String())
	}
	cov, err := s.svc.Coverage(r.Context(), region, asOf)
	if err != nil {
		return result{}, err
	}
	return ok(cov)
}

// regionWithin reports whether region is office or lies in it.
func regionWithin(region, office wilayah.Code) bool {
	return region == office || office.Contains(region)
}

// PopulationImported is the answer to a population import: its number
// (the newest import is the one coverage uses; earlier ones are kept) and
// the rows stored.
type PopulationImported struct {
	Import int `json:"import"`
	Rows   int `json:"rows"`
}

func (s *Server) importPopulation(r *http.Request, c *call) (result, error) {
	var p registry.Population
	if err := decodeJSON(c.Body, &p); err != nil {
		return result{}, err
	}
	n, err := s.svc.ImportPopulation(r.Context(), c.P.Office, &p, c.P.Actor())
	if err != nil {
		return result{}, err
	}
	return result{Status: http.StatusCreated, Value: PopulationImported{Import: n, Rows: len(p.Rows)}}, nil
}

// SchoolBatchRequest is the list of pupils a school sends (partner key of
// a school; the Idempotency-Key is the batch key).
type SchoolBatchRequest struct {
	Pupils []registry.Pupil `json:"pupils"`
}

func (s *Server) schoolBatch(r *http.Request, c *call) (result, error) {
	var req SchoolBatchRequest
	if err := decodeJSON(c.Body, &req); err != nil {
		return result{}, err
	}
	res, _, err := s.svc.SchoolBatch(r.Context(), registry.Submission{PartnerID: c.P.PartnerID, IdempotencyKey: c.Key}, req.Pupils)
	if err != nil {
		return result{}, err
	}
	return ok(schoolView(&res))
}

// schoolView fills the empty lists so the answer always has every one.
func schoolView(r *registry.SchoolBatchResult) *registry.SchoolBatchResult {
	for _, l := range []*[]registry.SchoolEntry{&r.Issued, &r.HasKIA, &r.NoAkta, &r.NeedsPhoto, &r.Ineligible, &r.InvalidNIK} {
		if *l == nil {
			*l = []registry.SchoolEntry{}
		}
	}
	return r
}

func documentView(d *registry.Document) DocumentView {
	return DocumentView{Type: d.Type, Number: d.Number, Version: d.Version, Status: d.Status, CurrentVersion: d.Version,
		ReportID: d.ReportID, IssuedAt: d.IssuedAt, ChangedAt: d.ChangedAt, Payload: d.Payload}
}

// viewOf answers the view of rep; an officer also sees its duplicate
// candidates and the decisions on them (a partner never sees other
// partners' reports).
func (s *Server) viewOf(r *http.Request, c *call, rep *registry.Report) (result, error) {
	v := reportView(rep)
	if c.P.IsOfficer() {
		links, decisions, err := s.svc.DuplicateLinks(r.Context(), c.P.Office, rep.ID)
		if err != nil {
			return result{}, err
		}
		v.Duplicates, v.Decisions = links, decisions
	}
	return ok(v)
}
