package registry

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
)

// Documents returns the documents issued for a report, every version with
// its state and signed credential.
func (s *Service) Documents(ctx context.Context, office wilayah.Code, id string) ([]Document, error) {
	return s.store.Documents(ctx, office, id)
}

// DocumentStatus answers the online status of a document (CREDENTIAL.md,
// "Online status") for its current version: type, number, version, state,
// current version and when the state changed, no personal data. It looks in
// every office the service runs; an unknown document is ErrNotFound.
func (s *Service) DocumentStatus(ctx context.Context, t DocType, number string) (DocumentStatus, error) {
	return s.DocumentVersionStatus(ctx, t, number, 0)
}

// DocumentVersionStatus is [Service.DocumentStatus] for one version (0: the
// current one), as a verifier asks with the version its QR carries.
func (s *Service) DocumentVersionStatus(ctx context.Context, t DocType, number string, version int) (DocumentStatus, error) {
	if err := t.check(); err != nil {
		return DocumentStatus{}, err
	}
	if version < 0 {
		return DocumentStatus{}, fmt.Errorf("registry: document version %d: %w", version, ErrNotFound)
	}
	for office := range s.offices {
		st, err := s.store.DocumentStatus(ctx, office, t, number, version)
		if errors.Is(err, ErrNotFound) {
			continue
		}
		return st, err
	}
	return DocumentStatus{}, fmt.Errorf("registry: document %s %q: %w", t, number, ErrNotFound)
}

// HandOver records that receiver (name, and relation to the person: ayah,
// ibu, keluarga ...) received the listed documents of a report from actor,
// now; no list means every active document of the report. A document the
// report did not issue is a *[adminduk.ValidationError]; the step must be
// allowed by the transition table, and nothing is written otherwise.
func (s *Service) HandOver(ctx context.Context, office wilayah.Code, id, actor, receiver, relation string, docs ...DocumentRef) (HandOver, error) {
	c := adminduk.Checker{What: "registry: invalid hand-over"}
	if strings.TrimSpace(actor) == "" {
		c.Required(adminduk.NewPointer("actor"))
	}
	if strings.TrimSpace(receiver) == "" {
		c.Required(adminduk.NewPointer("receiver"))
	}
	if strings.TrimSpace(relation) == "" {
		c.Required(adminduk.NewPointer("relation"))
	}
	if err := c.Err(); err != nil {
		return HandOver{}, err
	}
	r, err := s.Report(ctx, office, id)
	if err != nil {
		return HandOver{}, err
	}
	next, err := Next(r.Status, ActHandOver)
	if err != nil {
		var te *TransitionError
		if errors.As(err, &te) {
			te.ReportID = id
		}
		return HandOver{}, err
	}
	issued := map[DocumentRef]bool{}
	var active []DocumentRef
	for _, d := range r.Documents {
		issued[d] = true
		if d.Status == DocActive {
			active = append(active, d)
		}
	}
	if len(docs) == 0 {
		docs = active
	}
	for i, d := range docs {
		if !issued[d] {
			c.AddCode(adminduk.NewPointer("documents", fmt.Sprint(i)), adminduk.CodeRequired,
				"dokumen tidak diterbitkan untuk laporan ini", fmt.Sprintf("%s %s version %d was not issued for this report", d.Type, d.Number, d.Version))
		}
	}
	if len(docs) == 0 {
		c.Required(adminduk.NewPointer("documents"))
	}
	if err := c.Err(); err != nil {
		return HandOver{}, err
	}
	now, _ := s.clock()
	a := Action{Seq: len(r.Actions) + 1, Type: ActHandOver, Actor: actor, At: now, Reason: "diserahkan kepada " + relation}
	h := HandOver{Receiver: receiver, Relation: relation, Documents: docs, At: now, Actor: actor}
	if err := s.store.HandOver(ctx, office, id, a, next, h); err != nil {
		return HandOver{}, err
	}
	return h, nil
}

// HandOvers returns the hand-overs of a report, oldest first.
func (s *Service) HandOvers(ctx context.Context, office wilayah.Code, id string) ([]HandOver, error) {
	return s.store.HandOvers(ctx, office, id)
}
