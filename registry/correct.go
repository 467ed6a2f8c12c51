package registry

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/akta"
)

// Correction is a change to a registered akta kelahiran, recorded as a
// marginal note (catatan pinggir) on its next version: the names that
// change (empty: unchanged) and the authority it rests on — the penetapan
// of the Pengadilan Negeri for a change of name (UU 24/2013 art. 52), the
// Kepala Dinas's keputusan for a clerical error (pembetulan, art. 71).
type Correction struct {
	ChildName  string `json:"child_name,omitempty"`
	FatherName string `json:"father_name,omitempty"`
	MotherName string `json:"mother_name,omitempty"`
	// Authority names the act: "Penetapan Pengadilan Negeri Sukamara
	// Nomor 12/Pdt.P/2026/PN Skr tanggal 1 Desember 2026". Required.
	Authority string `json:"authority"`
}

// Validate reports every problem of c as a *[adminduk.ValidationError]:
// the authority is required, something must change, and a new child name
// follows the rules of the akta and is not provisional.
func (c *Correction) Validate() error {
	ch := adminduk.Checker{What: "registry: invalid correction"}
	if strings.TrimSpace(c.Authority) == "" {
		ch.Required(adminduk.NewPointer("authority"))
	} else {
		checkText(&ch, adminduk.NewPointer("authority"), c.Authority, 200)
	}
	if c.ChildName == "" && c.FatherName == "" && c.MotherName == "" {
		ch.AddCode(adminduk.NewPointer("child_name"), adminduk.CodeRequired,
			"tidak ada yang dibetulkan", "nothing to correct")
	}
	if c.ChildName != "" {
		p := adminduk.NewPointer("child_name")
		if IsProvisionalName(c.ChildName) {
			ch.AddCode(p, adminduk.CodeInvalid, "nama sementara tidak dicatat pada akta", "a provisional name is not recorded on an akta")
		} else {
			checkChildName(&ch, p, c.ChildName, false)
		}
	}
	for _, f := range []struct{ key, v string }{{"father_name", c.FatherName}, {"mother_name", c.MotherName}} {
		if f.v != "" {
			checkText(&ch, adminduk.NewPointer(f.key), f.v, maxName)
		}
	}
	return ch.Err()
}

// Document returns version (0: the current one) of a document of office,
// with its state and the model it was issued from; ErrNotFound when there
// is none.
func (s *Service) Document(ctx context.Context, office wilayah.Code, t DocType, number string, version int) (Document, error) {
	if err := t.check(); err != nil {
		return Document{}, err
	}
	if version < 0 {
		return Document{}, fmt.Errorf("registry: document version %d: %w", version, ErrNotFound)
	}
	return s.store.Document(ctx, office, t, number, version)
}

// Correct corrects the current version of a registered akta kelahiran of
// office: it builds the corrected model with the marginal note (what
// changed, on which authority, today), signs it as the next version and
// stores it in one transaction with the correct action (its reason names
// the document and the authority), the previous version's new state
// replaced, and an audit entry with the values before and after. It returns
// the new version. Nothing is deleted: the previous version stays, and its
// QR still verifies offline; its online status says replaced. Another type
// of document is a *[UnsupportedError]; a version no longer active a
// *[DocumentStateError]; an invalid correction a *[adminduk.ValidationError];
// a report whose status does not allow a correction a *[TransitionError].
func (s *Service) Correct(ctx context.Context, office wilayah.Code, t DocType, number string, c Correction, actor string) (Document, error) {
	if err := t.check(); err != nil {
		return Document{}, err
	}
	if t != DocAktaKelahiran {
		return Document{}, &UnsupportedError{Op: "correct", Type: t}
	}
	if err := checkCorrection(actor, &c); err != nil {
		return Document{}, err
	}
	o, ok := s.offices[office]
	if !ok {
		return Document{}, fmt.Errorf("registry: office %s is not run here: %w", office, ErrNotFound)
	}
	cur, r, next, err := s.changeable(ctx, office, t, number, ActCorrect)
	if err != nil {
		return Document{}, err
	}
	var ab akta.Birth
	if err := json.Unmarshal(cur.Model, &ab); err != nil {
		return Document{}, fmt.Errorf("registry: %s %s version %d: stored model: %w", t, number, cur.Version, err)
	}
	nb := ab.Clone()
	before, after := map[string]string{}, map[string]string{}
	var changes []string
	change := func(key, what string, old *string, v string) {
		if v == "" || akta.Printed(v) == akta.Printed(*old) {
			return
		}
		before[key], after[key] = *old, v
		changes = append(changes, what+" semula "+akta.Printed(*old)+" menjadi "+akta.Printed(v))
		*old = v
	}
	change("child_name", "nama anak", &nb.Child.Name, c.ChildName)
	if nb.Father != nil {
		change("father_name", "nama ayah", &nb.Father.Name, c.FatherName)
	} else if c.FatherName != "" {
		return Document{}, invalidCorrection("father_name", "akta ini tidak mencantumkan ayah", "this akta names no father")
	}
	change("mother_name", "nama ibu", &nb.Mother.Name, c.MotherName)
	if len(changes) == 0 {
		return Document{}, invalidCorrection("child_name", "tidak ada yang berubah", "nothing changes")
	}
	now, today := s.clock()
	nb.Version = max(cur.Version, 1) + 1
	nb.IssuedAt = today
	nb.Notes = append(nb.Notes, akta.MarginalNote{Date: today, Text: strings.Join(changes, "; "), Authority: c.Authority})
	if err := nb.Validate(); err != nil {
		return Document{}, err
	}
	payload, err := o.Signer.Sign(nb.Claims(now))
	if err != nil {
		return Document{}, fmt.Errorf("registry: sign %s %s version %d: %w", t, number, nb.Version, err)
	}
	doc, err := newDocument(&o, cur.ReportID, t, number, payload, nb, now)
	if err != nil {
		return Document{}, err
	}
	doc.Version = nb.Version
	detail, err := json.Marshal(map[string]any{"type": t, "number": number, "from_version": cur.Version,
		"to_version": doc.Version, "authority": c.Authority, "before": before, "after": after})
	if err != nil {
		return Document{}, fmt.Errorf("registry: correction detail: %w", err)
	}
	err = s.store.ChangeDocuments(ctx, DocumentChange{
		Office: office, ReportID: cur.ReportID, Status: next, At: now,
		Action: Action{Seq: len(r.Actions) + 1, Type: ActCorrect, Actor: actor, At: now,
			Reason: fmt.Sprintf("%s %s version %d: %s", t, number, doc.Version, c.Authority)},
		New:    []Document{doc},
		States: []DocumentState{{Type: t, Number: number, Version: cur.Version, Status: DocReplaced}},
		Audit:  "document.correct", Detail: string(detail),
	})
	if err != nil {
		return Document{}, err
	}
	return doc, nil
}

// Revoke revokes a registration through one of its documents (the akta, or
// another document it issued): every version still active that the
// registration's report issued becomes revoked, with the revoke action
// (its reason names the document and the reason given) and an audit entry,
// in one transaction. It returns the online status of the named document's
// revoked version. The documents stay; their QR codes still verify offline,
// and the online status says revoked. Errors are those of [Service.Correct].
func (s *Service) Revoke(ctx context.Context, office wilayah.Code, t DocType, number, reason, actor string) (DocumentStatus, error) {
	if err := t.check(); err != nil {
		return DocumentStatus{}, err
	}
	if err := checkActor(actor, reason, ActRevoke); err != nil {
		return DocumentStatus{}, err
	}
	cur, r, next, err := s.changeable(ctx, office, t, number, ActRevoke)
	if err != nil {
		return DocumentStatus{}, err
	}
	docs, err := s.store.Documents(ctx, office, cur.ReportID)
	if err != nil {
		return DocumentStatus{}, err
	}
	var states []DocumentState
	for i := range docs {
		if docs[i].Status == DocActive {
			states = append(states, DocumentState{Type: docs[i].Type, Number: docs[i].Number, Version: docs[i].Version, Status: DocRevoked})
		}
	}
	now, _ := s.clock()
	detail, err := json.Marshal(map[string]any{"reason": reason, "revoked": states})
	if err != nil {
		return DocumentStatus{}, fmt.Errorf("registry: revocation detail: %w", err)
	}
	err = s.store.ChangeDocuments(ctx, DocumentChange{
		Office: office, ReportID: cur.ReportID, Status: next, At: now,
		Action: Action{Seq: len(r.Actions) + 1, Type: ActRevoke, Actor: actor, At: now,
			Reason: fmt.Sprintf("%s %s: %s", t, number, reason)},
		States: states, Audit: "document.revoke", Detail: string(detail),
	})
	if err != nil {
		return DocumentStatus{}, err
	}
	return s.store.DocumentStatus(ctx, office, t, number, cur.Version)
}

// changeable returns the current version of a document, which must be
// active, its report, and the status action a leads the report to.
func (s *Service) changeable(ctx context.Context, office wilayah.Code, t DocType, number string, a ActionType) (Document, Report, Status, error) {
	cur, err := s.store.Document(ctx, office, t, number, 0)
	if err != nil {
		return Document{}, Report{}, 0, err
	}
	if cur.Status != DocActive {
		return Document{}, Report{}, 0, &DocumentStateError{Type: t, Number: number, Version: cur.Version, Status: cur.Status, Op: a.String()}
	}
	r, err := s.report(ctx, office, cur.ReportID)
	if err != nil {
		return Document{}, Report{}, 0, err
	}
	next, err := Next(r.Status, a)
	if err != nil {
		var te *TransitionError
		if errors.As(err, &te) {
			te.ReportID = r.ID
		}
		return Document{}, Report{}, 0, err
	}
	return cur, r, next, nil
}

// invalidCorrection is a *[adminduk.ValidationError] of one field of a
// correction.
func invalidCorrection(key, id, en string) error {
	c := adminduk.Checker{What: "registry: invalid correction"}
	c.AddCode(adminduk.NewPointer(key), adminduk.CodeInvalid, id, en)
	return c.Err()
}

// checkCorrection reports every problem of a correction by actor at once:
// the actor and what [Correction.Validate] reports.
func checkCorrection(actor string, c *Correction) error {
	ch := adminduk.Checker{What: "registry: invalid correction"}
	if strings.TrimSpace(actor) == "" {
		ch.Required(adminduk.NewPointer("actor"))
	}
	var ve *adminduk.ValidationError
	if err := c.Validate(); errors.As(err, &ve) {
		for _, f := range ve.Fields {
			ch.Add(f)
		}
	}
	return ch.Err()
}
