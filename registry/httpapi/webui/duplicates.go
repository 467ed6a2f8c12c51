package webui

import (
	"encoding/json"
	"net/http"
	"strings"

	"github.com/adminduk-id/adminduk/registry"
)

// pairRow is one field of a report and of its duplicate candidate, side by
// side.
type pairRow struct {
	Path, Mine, Theirs string
	Differs            bool
}

// candidatePanel is a duplicate candidate of a report with the decision
// buttons (while undecided).
type candidatePanel struct {
	ID, Status, Partner, Rule string
	Rows                      []pairRow
	Decided                   string // "" while undecided
	Decide                    bool
}

type bodyVersionRow struct {
	Version int
	Actor   string
	At      string
	Flags   string
	Fields  []field
	// Changed are the fields that differ from the previous version (Mine:
	// this version's value, Theirs: the previous one).
	Changed []pairRow
}

// fieldsOf flattens a report body to its leaves.
func fieldsOf(body []byte) []field {
	var v any
	var out []field
	if err := json.Unmarshal(body, &v); err == nil {
		flatten("", v, &out)
	}
	return out
}

// sideBySide joins the leaves of two bodies by JSON pointer.
func sideBySide(a, b []field) []pairRow {
	idx := map[string]int{}
	var rows []pairRow
	for _, f := range a {
		idx[f.Path] = len(rows)
		rows = append(rows, pairRow{Path: f.Path, Mine: f.Value})
	}
	for _, f := range b {
		if i, ok := idx[f.Path]; ok {
			rows[i].Theirs = f.Value
			continue
		}
		rows = append(rows, pairRow{Path: f.Path, Theirs: f.Value})
	}
	for i := range rows {
		rows[i].Differs = rows[i].Mine != rows[i].Theirs
	}
	return rows
}

// duplicatePanels returns the candidates of rep, side by side with it.
func (u *UI) duplicatePanels(r *http.Request, rep *registry.Report, lang string) ([]candidatePanel, error) {
	o := officerOf(r)
	links, decisions, err := u.cfg.Service.DuplicateLinks(r.Context(), o.Office, rep.ID)
	if err != nil {
		return nil, err
	}
	mine := fieldsOf(rep.Body)
	seen := map[string]bool{}
	var out []candidatePanel
	for _, l := range links {
		other := l.CandidateID
		if other == rep.ID {
			other = l.ReportID
		}
		if seen[other] {
			continue
		}
		seen[other] = true
		c, err := u.cfg.Service.Report(r.Context(), o.Office, other)
		if err != nil {
			return nil, err
		}
		p := candidatePanel{ID: c.ID, Status: word(lang, c.Status.String()), Partner: c.PartnerID, Rule: l.Rule,
			Rows: sideBySide(mine, fieldsOf(c.Body))}
		for _, d := range decisions {
			if (d.ReportID == rep.ID && d.CandidateID == other) || (d.ReportID == other && d.CandidateID == rep.ID) {
				p.Decided = messages[lang]["decided_not"]
				if d.Duplicate {
					p.Decided = messages[lang]["decided_dup"]
				}
				p.Decided += " — " + d.Actor + ": " + d.Reason
			}
		}
		p.Decide = p.Decided == "" && o.Role >= registry.RoleOfficer &&
			(rep.Status == registry.StatusNotified || rep.Status == registry.StatusVerified || rep.Status == registry.StatusReturned)
		out = append(out, p)
	}
	return out, nil
}

// bodyVersions lists the bodies of a report when it was resubmitted with
// a corrected body (more than one version).
func (u *UI) bodyVersions(r *http.Request, rep *registry.Report, lang string) ([]bodyVersionRow, error) {
	vs, err := u.cfg.Service.BodyVersions(r.Context(), officerOf(r).Office, rep.ID)
	if err != nil || len(vs) < 2 {
		return nil, err
	}
	out := make([]bodyVersionRow, 0, len(vs))
	var prev []field
	for i, v := range vs {
		row := bodyVersionRow{Version: v.Version, Actor: v.Actor, At: whenText(v.At),
			Flags: flagWords(v.Flags, lang), Fields: fieldsOf(v.Body)}
		if i > 0 {
			for _, p := range sideBySide(row.Fields, prev) {
				if p.Differs {
					row.Changed = append(row.Changed, p)
				}
			}
		}
		prev = row.Fields
		out = append(out, row)
	}
	return out, nil
}

// decideDuplicate records an officer's decision on a duplicate candidate:
// "duplicate" archives this report as a duplicate of the candidate, "not"
// keeps both.
func (u *UI) decideDuplicate(w http.ResponseWriter, r *http.Request) {
	o := officerOf(r)
	id, cand := r.PathValue("id"), strings.TrimSpace(r.PostFormValue("candidate"))
	reason := strings.TrimSpace(r.PostFormValue("reason"))
	var err error
	switch r.PostFormValue("decision") {
	case "duplicate":
		_, err = u.cfg.Service.MarkDuplicate(r.Context(), o.Office, id, cand, o.Username, reason)
	case "not":
		_, err = u.cfg.Service.MarkNotDuplicate(r.Context(), o.Office, id, o.Username, reason, cand)
	default:
		u.fail(w, r, http.StatusBadRequest, "invalid", "decision")
		return
	}
	if err != nil {
		u.failErr(w, r, err)
		return
	}
	http.Redirect(w, r, "/reports/"+id+"?done=1", http.StatusSeeOther)
}
