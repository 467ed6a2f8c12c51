package httpapi

import (
	"fmt"
	"net/http"
	"sort"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/partnership"
	"github.com/adminduk-id/adminduk/registry"
)

func (s *Server) today() adminduk.Date { return adminduk.DateOf(s.now().In(adminduk.WIB)) }

func (s *Server) partners(r *http.Request, c *call) (result, error) {
	as, err := s.svc.Agreements(r.Context(), c.P.Office)
	if err != nil {
		return result{}, err
	}
	today := s.today()
	byID := map[string]*PartnerView{}
	for i := range as {
		a := &as[i]
		v, ok := byID[a.Partner.ID]
		if !ok {
			v = &PartnerView{Partner: a.Partner, Agreements: []AgreementState{}}
			byID[a.Partner.ID] = v
		}
		v.Agreements = append(v.Agreements, AgreementState{ID: a.ID, State: a.StatusOn(today).String()})
		v.InForce = v.InForce || a.InForce(today)
	}
	out := []PartnerView{}
	for _, v := range byID {
		out = append(out, *v)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Partner.ID < out[j].Partner.ID })
	return ok(out)
}

func (s *Server) agreements(r *http.Request, c *call) (result, error) {
	as, err := s.svc.Agreements(r.Context(), c.P.Office)
	if err != nil {
		return result{}, err
	}
	if as == nil {
		as = []partnership.Agreement{}
	}
	return ok(as)
}

func (s *Server) agreement(r *http.Request, c *call) (result, error) {
	a, err := s.svc.Agreement(r.Context(), c.P.Office, r.PathValue("id"))
	if err != nil {
		return result{}, err
	}
	return ok(a)
}

func (s *Server) createAgreement(r *http.Request, c *call) (result, error) {
	var a partnership.Agreement
	if err := decodeJSON(c.Body, &a); err != nil {
		return result{}, err
	}
	if err := s.svc.CreateAgreement(r.Context(), c.P.Office, &a, c.P.Actor()); err != nil {
		return result{}, err
	}
	return result{Status: http.StatusCreated, Value: a}, nil
}

func (s *Server) agreementEvent(r *http.Request, c *call) (result, error) {
	var req ReasonRequest
	if err := decodeJSON(c.Body, &req); err != nil {
		return result{}, err
	}
	e, err := partnership.ParseEvent(r.PathValue("event"))
	if err != nil || e == partnership.EventRenew {
		return result{}, fmt.Errorf("httpapi: agreement event %q: %w", r.PathValue("event"), registry.ErrNotFound)
	}
	a, err := s.svc.AgreementEvent(r.Context(), c.P.Office, r.PathValue("id"), e, c.P.Actor(), req.Reason)
	if err != nil {
		return result{}, err
	}
	return ok(a)
}

// RenewRequest describes the successor of an agreement.
type RenewRequest struct {
	ID            string        `json:"id"`
	Number        string        `json:"number"`
	PartnerNumber string        `json:"partner_number,omitempty"`
	Start         adminduk.Date `json:"start,omitzero"`
	Term          string        `json:"term,omitempty"` // "2y", "6m" ...; "": two years
}

func (s *Server) renewAgreement(r *http.Request, c *call) (result, error) {
	var req RenewRequest
	if err := decodeJSON(c.Body, &req); err != nil {
		return result{}, err
	}
	rn := partnership.Renewal{ID: req.ID, Number: req.Number, PartnerNumber: req.PartnerNumber, Start: req.Start}
	if req.Term != "" {
		t, err := partnership.ParseTerm(req.Term)
		if err != nil {
			ch := adminduk.Checker{What: "httpapi: invalid renewal"}
			ch.AddCode(adminduk.NewPointer("term"), adminduk.CodeInvalid, "jangka waktu tidak sah", "invalid term")
			return result{}, ch.Err()
		}
		rn.Term = t
	}
	next, err := s.svc.RenewAgreement(r.Context(), c.P.Office, r.PathValue("id"), rn, c.P.Actor())
	if err != nil {
		return result{}, err
	}
	return result{Status: http.StatusCreated, Value: next}, nil
}

func (s *Server) apiKeys(r *http.Request, c *call) (result, error) {
	ks, err := s.svc.APIKeys(r.Context(), c.P.Office, r.PathValue("partner"))
	if err != nil {
		return result{}, err
	}
	out := []APIKeyView{}
	for i := range ks {
		out = append(out, keyView(&ks[i]))
	}
	return ok(out)
}

// KeyRequest names a new API key.
type KeyRequest struct {
	Label string `json:"label,omitempty"`
}

func (s *Server) createAPIKey(r *http.Request, c *call) (result, error) {
	var req KeyRequest
	if err := decodeJSON(c.Body, &req); err != nil {
		return result{}, err
	}
	k, secret, err := s.svc.CreateAPIKey(r.Context(), c.P.Office, r.PathValue("partner"), c.P.Actor(), req.Label)
	if err != nil {
		return result{}, err
	}
	return result{Status: http.StatusCreated, Value: NewAPIKey{APIKeyView: keyView(&k), Secret: secret}}, nil
}

func (s *Server) revokeAPIKey(r *http.Request, c *call) (result, error) {
	if err := decodeJSON(c.Body, &struct{}{}); err != nil {
		return result{}, err
	}
	keys, err := s.svc.APIKeys(r.Context(), c.P.Office, r.PathValue("partner"))
	if err != nil {
		return result{}, err
	}
	id := r.PathValue("key")
	for i := range keys {
		if keys[i].ID == id {
			if err := s.svc.RevokeAPIKey(r.Context(), c.P.Office, id, c.P.Actor()); err != nil {
				return result{}, err
			}
			keys[i].RevokedAt = s.now()
			return ok(keyView(&keys[i]))
		}
	}
	return result{}, fmt.Errorf("httpapi: API key %q of %q: %w", id, r.PathValue("partner"), registry.ErrNotFound)
}
