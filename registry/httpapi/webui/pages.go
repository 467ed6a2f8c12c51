package webui

import (
	"encoding/json"
	"fmt"
	"html/template"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/partnership"
	"github.com/adminduk-id/adminduk/registry"
)

// funcs are the template helpers.
var funcs = template.FuncMap{
	"word":    word,
	"when":    whenText,
	"kindKey": kindKey,
	"dict": func(kv ...any) map[string]any {
		m := make(map[string]any, len(kv)/2)
		for i := 0; i+1 < len(kv); i += 2 {
			k, _ := kv[i].(string)
			m[k] = kv[i+1]
		}
		return m
	},
}

// whenText writes t in WIB ("" for the zero time).
func whenText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(adminduk.WIB).Format("2006-01-02 15:04") + " WIB"
}

func (u *UI) today() adminduk.Date { return adminduk.DateOf(u.cfg.Now().In(adminduk.WIB)) }

// agreementRow is an agreement as the pages list it.
type agreementRow struct {
	ID, PartnerID, Number, Partner, Category, State, End, Successor string
	DaysLeft                                                        int
	HasDays                                                         bool
	Events                                                          []eventOption
}

type eventOption struct{ Key, Text string }

func (u *UI) agreementRows(as []partnership.Agreement, lang string) []agreementRow {
	l := adminduk.Indonesian
	if lang == "en" {
		l = adminduk.English
	}
	today := u.today()
	out := make([]agreementRow, 0, len(as))
	for i := range as {
		a := &as[i]
		row := agreementRow{ID: a.ID, PartnerID: a.Partner.ID, Number: a.Number, Partner: a.Partner.Name, Category: a.Partner.Category.Text(l),
			State: a.StatusOn(today).Text(l), Successor: a.Successor}
		if !a.End.IsZero() {
			row.End = a.End.String()
		}
		row.DaysLeft, row.HasDays = a.DaysLeft(today)
		for _, e := range []partnership.Event{partnership.EventActivate, partnership.EventSuspend, partnership.EventResume,
			partnership.EventTerminate, partnership.EventRenew} {
			if _, err := partnership.Apply(a.State, e); err == nil {
				row.Events = append(row.Events, eventOption{Key: e.String(), Text: e.Text(l)})
			}
		}
		out = append(out, row)
	}
	return out
}

type countRow struct {
	Kind, KindKey, Status, StatusKey string
	N                                int
}

// maxLate is how many late reports the dashboard counts before it says "more".
const maxLate = 200

type dashboardData struct {
	Counts   []countRow
	Late     string
	Expiring []agreementRow
	Lapsed   []agreementRow
	Coverage *coverageData // nil: no population imported
}

func (u *UI) dashboard(w http.ResponseWriter, r *http.Request) {
	o := officerOf(r)
	ctx := r.Context()
	counts, err := u.cfg.Service.CountReports(ctx, o.Office)
	if err != nil {
		u.failErr(w, r, err)
		return
	}
	as, err := u.cfg.Service.Agreements(ctx, o.Office)
	if err != nil {
		u.failErr(w, r, err)
		return
	}
	lang := langOf(r, u.cfg.Lang)
	var d dashboardData
	for _, c := range counts {
		d.Counts = append(d.Counts, countRow{Kind: word(lang, c.Kind.String()), KindKey: kindKey(c.Kind),
			Status: word(lang, c.Status.String()), StatusKey: c.Status.String(), N: c.N})
	}
	late, err := u.cfg.Service.Reports(ctx, registry.Filter{Office: o.Office, Flags: registry.FlagLate, Limit: maxLate})
	if err != nil {
		u.failErr(w, r, err)
		return
	}
	d.Late = strconv.Itoa(len(late))
	if len(late) == maxLate {
		d.Late += "+"
	}
	today := u.today()
	var expiring, lapsed []partnership.Agreement
	for _, a := range as {
		switch a.StatusOn(today) {
		case partnership.Expired, partnership.Suspended:
			if a.Successor == "" {
				lapsed = append(lapsed, a)
			}
		case partnership.Active:
			if n, ok := a.DaysLeft(today); ok && n <= partnership.DefaultWithin {
				expiring = append(expiring, a)
			}
		}
	}
	d.Expiring, d.Lapsed = u.agreementRows(expiring, lang), u.agreementRows(lapsed, lang)
	if c, ok, err := u.coverageOf(r); err != nil {
		u.failErr(w, r, err)
		return
	} else if ok {
		cd := u.coverageTables(c, lang)
		d.Coverage = &cd
	}
	u.render(w, http.StatusOK, "dashboard", u.view(r, "dashboard", "dashboard", d))
}

type queueRow struct {
	ID, Partner, Status, Flags, Created string
}

type queueData struct {
	Kind, Status, Flag string
	Statuses           []eventOption
	FlagOptions        []eventOption
	Rows               []queueRow
}

var kinds = map[string]registry.Kind{"births": registry.KindBirth, "deaths": registry.KindDeath, "stillbirths": registry.KindStillbirth}

func (u *UI) queue(w http.ResponseWriter, r *http.Request) {
	kind, ok := kinds[r.PathValue("kind")]
	if !ok {
		u.fail(w, r, http.StatusNotFound, "not_found")
		return
	}
	lang := langOf(r, u.cfg.Lang)
	f := registry.Filter{Office: officerOf(r).Office, Kind: kind, Limit: 200}
	d := queueData{Kind: r.PathValue("kind"), Status: r.URL.Query().Get("status"), Flag: r.URL.Query().Get("flag")}
	if d.Status != "" {
		if err := f.Status.UnmarshalText([]byte(d.Status)); err != nil {
			u.fail(w, r, http.StatusBadRequest, "invalid", "status")
			return
		}
	}
	if d.Flag != "" {
		if err := f.Flags.UnmarshalText([]byte(d.Flag)); err != nil {
			u.fail(w, r, http.StatusBadRequest, "invalid", "flag")
			return
		}
	}
	for s := registry.StatusNotified; s.IsValid(); s++ {
		d.Statuses = append(d.Statuses, eventOption{Key: s.String(), Text: word(lang, s.String())})
	}
	for _, fl := range []registry.Flags{registry.FlagPotentialDuplicate, registry.FlagLate, registry.FlagIncomplete} {
		d.FlagOptions = append(d.FlagOptions, eventOption{Key: fl.String(), Text: word(lang, fl.String())})
	}
	rs, err := u.cfg.Service.Reports(r.Context(), f)
	if err != nil {
		u.failErr(w, r, err)
		return
	}
	for _, rep := range rs {
		d.Rows = append(d.Rows, queueRow{ID: rep.ID, Partner: rep.PartnerID, Status: word(lang, rep.Status.String()),
			Flags: flagWords(rep.Flags, lang), Created: funcs["when"].(func(time.Time) string)(rep.Created)})
	}
	u.render(w, http.StatusOK, "queue", u.view(r, d.Kind, d.Kind, d))
}

func flagWords(f registry.Flags, lang string) string {
	if f == 0 {
		return ""
	}
	parts := strings.Split(f.String(), ",")
	for i := range parts {
		parts[i] = word(lang, parts[i])
	}
	return strings.Join(parts, ", ")
}

// field is one leaf of a report body.
type field struct{ Path, Value string }

// flatten lists the leaves of a JSON value with their JSON pointers.
func flatten(prefix string, v any, out *[]field) {
	switch x := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			flatten(prefix+"/"+k, x[k], out)
		}
	case []any:
		for i, e := range x {
			flatten(prefix+"/"+strconv.Itoa(i), e, out)
		}
	case nil:
	default:
		*out = append(*out, field{Path: prefix, Value: fmt.Sprint(x)})
	}
}

type stepForm struct {
	Action, Text      string
	NeedsReason, Hand bool
}

type reportData struct {
	R            registry.Report
	Kind         string
	Status       string
	Flags        string
	Fields       []field
	Actions      []registry.Action
	ActionWords  []string
	Documents    []registry.Document
	Registration *registry.Registration
	Steps        []stepForm
	Panels       []template.HTML
	Done         bool
	Candidates   []candidatePanel
	BodyVersions []bodyVersionRow
}

func (u *UI) reportPage(w http.ResponseWriter, r *http.Request) {
	o := officerOf(r)
	ctx := r.Context()
	rep, err := u.cfg.Service.Report(ctx, o.Office, r.PathValue("id"))
	if err != nil {
		u.failErr(w, r, err)
		return
	}
	lang := langOf(r, u.cfg.Lang)
	d := reportData{R: rep, Kind: word(lang, rep.Kind.String()), Status: word(lang, rep.Status.String()),
		Flags: flagWords(rep.Flags, lang), Actions: rep.Actions, Done: r.URL.Query().Get("done") == "1"}
	var body any
	if err := json.Unmarshal(rep.Body, &body); err == nil {
		flatten("", body, &d.Fields)
	}
	for _, a := range rep.Actions {
		d.ActionWords = append(d.ActionWords, word(lang, a.Type.String()))
	}
	if d.Documents, err = u.cfg.Service.Documents(ctx, o.Office, rep.ID); err != nil {
		u.failErr(w, r, err)
		return
	}
	if reg, err := u.cfg.Service.Registration(ctx, o.Office, rep.ID); err == nil {
		d.Registration = &reg
	}
	for _, a := range registry.Allowed(rep.Status) {
		if !o.Role.MayAct(a) || !webSteps[a] {
			continue
		}
		if a == registry.ActRegister && rep.Flags&registry.FlagPotentialDuplicate != 0 {
			continue // the duplicate decision comes first (registry.DuplicateError)
		}
		d.Steps = append(d.Steps, stepForm{Action: a.String(), Text: word(lang, a.String()),
			NeedsReason: a == registry.ActReturn || a == registry.ActCorrect || a == registry.ActRevoke || a == registry.ActArchive,
			Hand:        a == registry.ActHandOver})
	}
	if d.Candidates, err = u.duplicatePanels(r, &rep, lang); err != nil {
		u.failErr(w, r, err)
		return
	}
	if d.BodyVersions, err = u.bodyVersions(r, &rep, lang); err != nil {
		u.failErr(w, r, err)
		return
	}
	for _, e := range u.cfg.Extensions {
		if p := e.ReportPanel(ctx, *o, &rep, lang); p != "" {
			d.Panels = append(d.Panels, p)
		}
	}
	u.render(w, http.StatusOK, "report", u.view(r, "report", kindKey(rep.Kind), d))
}

// webSteps are the steps the report page offers.
var webSteps = map[registry.ActionType]bool{
	registry.ActVerify: true, registry.ActReturn: true, registry.ActRegister: true, registry.ActIssue: true,
	registry.ActHandOver: true, registry.ActArchive: true, // correct and revoke: on the document page
}

func (u *UI) act(w http.ResponseWriter, r *http.Request) {
	o := officerOf(r)
	ctx := r.Context()
	id := r.PathValue("id")
	var a registry.ActionType
	if err := a.UnmarshalText([]byte(r.PostFormValue("action"))); err != nil || !webSteps[a] {
		u.fail(w, r, http.StatusBadRequest, "invalid", "action")
		return
	}
	if !o.Role.MayAct(a) {
		u.fail(w, r, http.StatusForbidden, "forbidden")
		return
	}
	reason := strings.TrimSpace(r.PostFormValue("reason"))
	var err error
	switch a {
	case registry.ActRegister:
		_, err = u.cfg.Service.Register(ctx, o.Office, id, o.Username)
	case registry.ActHandOver:
		_, err = u.cfg.Service.HandOver(ctx, o.Office, id, o.Username,
			strings.TrimSpace(r.PostFormValue("receiver")), strings.TrimSpace(r.PostFormValue("relation")))
	case registry.ActReturn:
		_, err = u.cfg.Service.Return(ctx, o.Office, id, o.Username, reason)
	case registry.ActArchive:
		_, err = u.cfg.Service.Archive(ctx, o.Office, id, o.Username, reason)
	default:
		_, err = u.cfg.Service.Act(ctx, o.Office, id, a, o.Username, reason)
	}
	if err != nil {
		u.failErr(w, r, err)
		return
	}
	http.Redirect(w, r, "/reports/"+id+"?done=1", http.StatusSeeOther)
}
