package webui

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/partnership"
	"github.com/adminduk-id/adminduk/registry"
)

type partnersData struct {
	Rows       []agreementRow
	Categories []eventOption
	Services   []eventOption
	Manage     bool
	Today      string
	// NewKey is an API key just created, shown once.
	NewKey, NewKeyPartner string
	Keys                  []keyRow
	Hooks                 []hookRow
}

func (u *UI) partnersPage(w http.ResponseWriter, r *http.Request) {
	u.renderPartners(w, r, http.StatusOK, nil)
}

func (u *UI) renderPartners(w http.ResponseWriter, r *http.Request, status int, errs []string) {
	o := officerOf(r)
	as, err := u.cfg.Service.Agreements(r.Context(), o.Office)
	if err != nil {
		u.failErr(w, r, err)
		return
	}
	lang := langOf(r, u.cfg.Lang)
	l := adminduk.Indonesian
	if lang == "en" {
		l = adminduk.English
	}
	d := partnersData{Rows: u.agreementRows(as, lang), Manage: o.Role.MayManage(), Today: u.today().String()}
	for _, c := range partnership.Categories() {
		d.Categories = append(d.Categories, eventOption{Key: c.String(), Text: c.Text(l)})
	}
	for _, s := range []partnership.Service{partnership.AktaKelahiran, partnership.KK, partnership.KIA, partnership.AktaKematian,
		partnership.PerekamanSekolah, partnership.KIABenefit} {
		d.Services = append(d.Services, eventOption{Key: s.String(), Text: s.String()})
	}
	if d.Keys, d.Hooks, err = u.partnerIntegrations(r, d.Rows, lang); err != nil {
		u.failErr(w, r, err)
		return
	}
	if k, ok := r.Context().Value(newKeyCtx{}).([2]string); ok {
		d.NewKeyPartner, d.NewKey = k[0], k[1]
	}
	v := u.view(r, "partners", "partners", d)
	v.Errors = errs
	if r.URL.Query().Get("done") == "1" {
		v.Flash = v.L["done"]
	}
	u.render(w, status, "partners", v)
}

func newID(prefix string) string {
	var b [6]byte
	_, _ = rand.Read(b[:]) // never fails (crypto/rand)
	return prefix + hex.EncodeToString(b[:])
}

// createPartner creates a partner with its agreement, signed today, and
// active when its term has begun.
func (u *UI) createPartner(w http.ResponseWriter, r *http.Request) {
	o := officerOf(r)
	var errs []string
	cat, err := partnership.ParseCategory(r.PostFormValue("category"))
	if err != nil {
		errs = append(errs, "/partner/category: "+err.Error())
	}
	district, err := wilayah.ParseCode(strings.TrimSpace(r.PostFormValue("district")))
	if err != nil || district.Level() != wilayah.LevelDistrict || district.Regency() != o.Office {
		errs = append(errs, "/partner/district: "+r.PostFormValue("district"))
	}
	start, err := adminduk.ParseDate(r.PostFormValue("start"))
	if err != nil {
		errs = append(errs, "/start: "+r.PostFormValue("start"))
	}
	months, err := strconv.Atoi(r.PostFormValue("term"))
	if err != nil || months < 1 || months > 120 {
		errs = append(errs, "/term: "+r.PostFormValue("term"))
	}
	var svcs partnership.Services
	for _, s := range r.PostForm["services"] {
		v, err := partnership.ParseServices(s)
		if err != nil {
			errs = append(errs, "/scope/services: "+s)
			continue
		}
		svcs |= v
	}
	if len(errs) > 0 {
		u.renderPartners(w, r, http.StatusUnprocessableEntity, errs)
		return
	}
	a := partnership.Agreement{
		ID: newID("pks-"), Number: strings.TrimSpace(r.PostFormValue("number")),
		Partner: partnership.Partner{ID: newID("mitra-"), Name: strings.TrimSpace(r.PostFormValue("name")), Category: cat, District: district},
		Scope:   partnership.Scope{Services: svcs},
		Start:   start, Term: partnership.Term{Years: months / 12, Months: months % 12}, State: partnership.Draft,
	}
	now := u.cfg.Now().In(adminduk.WIB)
	if err := a.Apply(partnership.EventSign, partnership.Change{Actor: o.Username, At: now}); err != nil {
		u.renderPartners(w, r, http.StatusUnprocessableEntity, u.messagesOf(r, err))
		return
	}
	if err := u.cfg.Service.CreateAgreement(r.Context(), o.Office, &a, o.Username); err != nil {
		u.renderPartners(w, r, http.StatusUnprocessableEntity, u.messagesOf(r, err))
		return
	}
	if !start.After(u.today()) {
		if _, err := u.cfg.Service.AgreementEvent(r.Context(), o.Office, a.ID, partnership.EventActivate, o.Username, ""); err != nil {
			u.renderPartners(w, r, http.StatusUnprocessableEntity, u.messagesOf(r, err))
			return
		}
	}
	http.Redirect(w, r, "/partners?done=1", http.StatusSeeOther)
}

func (u *UI) messagesOf(r *http.Request, err error) []string {
	if m := fieldMessages(err, langOf(r, u.cfg.Lang)); m != nil {
		return m
	}
	return []string{err.Error()}
}

// agreementEvent applies a lifecycle event to an agreement of the office.
func (u *UI) agreementEvent(w http.ResponseWriter, r *http.Request) {
	o := officerOf(r)
	ctx := r.Context()
	id := r.PathValue("id")
	e, err := partnership.ParseEvent(r.PostFormValue("event"))
	if err != nil {
		u.renderPartners(w, r, http.StatusBadRequest, []string{"/event: " + err.Error()})
		return
	}
	if e == partnership.EventRenew {
		a, err := u.cfg.Service.Agreement(ctx, o.Office, id)
		if err == nil {
			_, err = u.cfg.Service.RenewAgreement(ctx, o.Office, id, partnership.Renewal{ID: newID("pks-"), Number: a.Number + "/P"}, o.Username)
		}
		if err != nil {
			u.partnerErr(w, r, err)
			return
		}
	} else if _, err := u.cfg.Service.AgreementEvent(ctx, o.Office, id, e, o.Username, strings.TrimSpace(r.PostFormValue("reason"))); err != nil {
		u.partnerErr(w, r, err)
		return
	}
	http.Redirect(w, r, "/partners?done=1", http.StatusSeeOther)
}

func (u *UI) partnerErr(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, registry.ErrNotFound) {
		u.fail(w, r, http.StatusNotFound, "not_found")
		return
	}
	u.renderPartners(w, r, http.StatusUnprocessableEntity, u.messagesOf(r, err))
}

type newKeyCtx struct{}

// createKey creates an API key for a partner and shows it once, on the
// answer to this POST (never stored in clear, never shown again).
func (u *UI) createKey(w http.ResponseWriter, r *http.Request) {
	o := officerOf(r)
	id := r.PathValue("id")
	_, secret, err := u.cfg.Service.CreateAPIKey(r.Context(), o.Office, id, o.Username, strings.TrimSpace(r.PostFormValue("label")))
	if err != nil {
		u.partnerErr(w, r, err)
		return
	}
	r = r.WithContext(context.WithValue(r.Context(), newKeyCtx{}, [2]string{id, secret}))
	u.renderPartners(w, r, http.StatusCreated, nil)
}
