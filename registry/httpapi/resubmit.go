package httpapi

import (
	"bytes"
	"mime"
	"net/http"

	"github.com/adminduk-id/adminduk/registry"
	"github.com/adminduk-id/adminduk/registry/fhir"
)

// resubmitBody resubmits a returned (or incomplete) report: with no body
// as it was, with a body (the report's JSON, or for a birth a FHIR bundle)
// as the report's next body version, validated like a new report.
func (s *Server) resubmitBody(r *http.Request, c *call, kind registry.Kind) (registry.Report, error) {
	ctx, office, id, actor := r.Context(), c.P.Office, r.PathValue("id"), c.P.Actor()
	if len(bytes.TrimSpace(c.Body)) == 0 {
		return s.svc.Resubmit(ctx, office, id, actor)
	}
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if ct == "application/fhir+json" && kind == registry.KindBirth {
		res, err := fhir.Decode(c.Body)
		if err != nil {
			return registry.Report{}, err
		}
		rep, err := s.svc.ResubmitBirth(ctx, office, id, res.Report, actor)
		if err != nil {
			return rep, res.Translate(err)
		}
		return rep, nil
	}
	if ct != "application/json" {
		use := "use application/json"
		if kind == registry.KindBirth {
			use += " or application/fhir+json"
		}
		return registry.Report{}, newProblem(c.Lang, http.StatusUnsupportedMediaType, "unsupported-media", "jenis isi tidak didukung",
			"unsupported content type", use)
	}
	if int64(len(c.Body)) > s.maxBody {
		return registry.Report{}, &http.MaxBytesError{Limit: s.maxBody}
	}
	body := bytes.NewReader(c.Body)
	switch kind {
	case registry.KindBirth:
		b, err := registry.DecodeBirthReport(body)
		if err != nil {
			return registry.Report{}, err
		}
		return s.svc.ResubmitBirth(ctx, office, id, b, actor)
	case registry.KindDeath:
		d, err := registry.DecodeDeathReport(body)
		if err != nil {
			return registry.Report{}, err
		}
		return s.svc.ResubmitDeath(ctx, office, id, d, actor)
	default:
		sb, err := registry.DecodeStillbirthReport(body)
		if err != nil {
			return registry.Report{}, err
		}
		return s.svc.ResubmitStillbirth(ctx, office, id, sb, actor)
	}
}
