package registry

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
)

// duplicateRules returns the rules of the service.
func (s *Service) duplicateRules() []DuplicateRule {
	if s.rules == nil {
		return DefaultDuplicateRules()
	}
	return s.rules
}

// Duplicates evaluates the duplicate rules for a report against the
// reports stored now and returns the matches (one link per candidate and
// rule), without writing anything. The rules on one role share one indexed
// store query per key of the report.
func (s *Service) Duplicates(ctx context.Context, office wilayah.Code, id string) ([]DuplicateLink, error) {
	keys, err := s.store.SubjectKeys(ctx, office, id)
	if err != nil {
		return nil, err
	}
	return s.matches(ctx, office, id, keys)
}

// matches evaluates the rules for the keys of report id.
func (s *Service) matches(ctx context.Context, office wilayah.Code, id string, keys []SubjectKey) ([]DuplicateLink, error) {
	now, _ := s.clock()
	var out []DuplicateLink
	seen := map[[2]string]bool{}
	rules := s.duplicateRules()
	for _, k := range keys {
		if k.Key == "" {
			continue
		}
		// The widest window of the rules on this key's role and kind.
		widest, found := 0, false
		for i := range rules {
			r := &rules[i]
			if r.Role != k.Role || !r.applies(k.Kind) {
				continue
			}
			if !found || (widest >= 0 && (r.MaxDays < 0 || r.MaxDays > widest)) {
				widest = r.MaxDays
			}
			found = true
		}
		if !found {
			continue
		}
		q := KeyQuery{Office: office, Role: k.Role, Key: k.Key, Except: id}
		if widest >= 0 {
			q.From, q.To = k.Day.AddDays(-widest), k.Day.AddDays(widest)
		}
		cands, err := s.store.MatchKeys(ctx, q)
		if err != nil {
			return nil, err
		}
		for i := range rules {
			r := &rules[i]
			if r.Role != k.Role || !r.applies(k.Kind) {
				continue
			}
			for _, c := range cands {
				if !r.match(k, c) || seen[[2]string{c.ReportID, r.Name}] {
					continue
				}
				seen[[2]string{c.ReportID, r.Name}] = true
				out = append(out, DuplicateLink{ReportID: id, CandidateID: c.ReportID, Rule: r.Name, At: now})
			}
		}
	}
	return out, nil
}

// undecided returns the matches of a report no decision covers (a decision
// on a pair covers it in both directions).
// keys nil means the stored keys of the report.
func (s *Service) undecided(ctx context.Context, office wilayah.Code, id string, keys []SubjectKey) ([]DuplicateLink, error) {
	var links []DuplicateLink
	var err error
	if keys == nil {
		links, err = s.Duplicates(ctx, office, id)
	} else {
		links, err = s.matches(ctx, office, id, keys)
	}
	if err != nil || len(links) == 0 {
		return nil, err
	}
	ds, err := s.store.DuplicateDecisions(ctx, office, id)
	if err != nil {
		return nil, err
	}
	decided := map[string]bool{}
	for _, d := range ds {
		decided[d.ReportID] = true
		decided[d.CandidateID] = true
	}
	var out []DuplicateLink
	for _, l := range links {
		if !decided[l.CandidateID] {
			out = append(out, l)
		}
	}
	return out, nil
}

// flagDuplicates evaluates the rules for r, whose current body gives keys
// ([Report.SubjectKeys]), and, on a match without a decision, records the
// links and flags the report.
func (s *Service) flagDuplicates(ctx context.Context, r *Report, keys []SubjectKey, actor string) ([]DuplicateLink, error) {
	if keys == nil {
		keys = []SubjectKey{}
	}
	links, err := s.undecided(ctx, r.Office, r.ID, keys)
	if err != nil || len(links) == 0 {
		return nil, err
	}
	now, _ := s.clock()
	if err := s.store.FlagDuplicates(ctx, r.Office, r.ID, links, actor, now); err != nil {
		return nil, err
	}
	r.Flags |= FlagPotentialDuplicate
	return links, nil
}

// checkDuplicatesForRegister refuses the registration of a report with
// matches no officer has decided on, recording them first.
func (s *Service) checkDuplicatesForRegister(ctx context.Context, r *Report, keys []SubjectKey, actor string) error {
	links, err := s.flagDuplicates(ctx, r, keys, actor)
	if err != nil {
		return err
	}
	if len(links) > 0 {
		return &DuplicateError{ReportID: r.ID, Links: links}
	}
	return nil
}

// MarkDuplicate records the officer's decision that report id is a
// duplicate of candidate (a report a rule linked it to) and archives it,
// with the reason, in one transaction. The archived report no longer
// matches other reports.
func (s *Service) MarkDuplicate(ctx context.Context, office wilayah.Code, id, candidate, actor, reason string) (Report, error) {
	if err := checkActor(actor, reason, ActArchive); err != nil {
		return Report{}, err
	}
	r, err := s.report(ctx, office, id)
	if err != nil {
		return Report{}, err
	}
	if err := s.linked(ctx, office, id, candidate); err != nil {
		return Report{}, err
	}
	next, err := Next(r.Status, ActArchive)
	if err != nil {
		var te *TransitionError
		if errors.As(err, &te) {
			te.ReportID = id
		}
		return Report{}, err
	}
	now, _ := s.clock()
	act := Action{Seq: len(r.Actions) + 1, Type: ActArchive, Actor: actor, At: now,
		Reason: "duplikat dari / duplicate of " + candidate + ": " + reason}
	d := DuplicateDecision{ReportID: id, CandidateID: candidate, Duplicate: true, Reason: reason, Actor: actor, At: now}
	if err := s.store.DecideDuplicates(ctx, office, id, []DuplicateDecision{d}, &act, next); err != nil {
		return Report{}, err
	}
	r.Actions = append(r.Actions, act)
	r.Status = next
	r.Flags &^= FlagPotentialDuplicate
	return r, nil
}

// MarkNotDuplicate records the officer's decision that report id is not a
// duplicate of the candidates (none given: of every report it matches now
// without a decision), with the reason, and clears its
// FlagPotentialDuplicate. The report may then be registered.
func (s *Service) MarkNotDuplicate(ctx context.Context, office wilayah.Code, id, actor, reason string, candidates ...string) (Report, error) {
	if err := checkActor(actor, reason, ActArchive); err != nil {
		return Report{}, err
	}
	r, err := s.report(ctx, office, id)
	if err != nil {
		return Report{}, err
	}
	if len(candidates) == 0 {
		links, err := s.undecided(ctx, office, id, nil)
		if err != nil {
			return Report{}, err
		}
		for _, l := range links {
			if !contains(candidates, l.CandidateID) {
				candidates = append(candidates, l.CandidateID)
			}
		}
	}
	if len(candidates) == 0 {
		return Report{}, fmt.Errorf("registry: report %q has no potential duplicate to decide on: %w", id, ErrInvalidTransition)
	}
	now, _ := s.clock()
	ds := make([]DuplicateDecision, 0, len(candidates))
	for _, c := range candidates {
		if err := s.linked(ctx, office, id, c); err != nil {
			return Report{}, err
		}
		ds = append(ds, DuplicateDecision{ReportID: id, CandidateID: c, Reason: reason, Actor: actor, At: now})
	}
	if err := s.store.DecideDuplicates(ctx, office, id, ds, nil, r.Status); err != nil {
		return Report{}, err
	}
	r.Flags &^= FlagPotentialDuplicate
	return r, nil
}

// linked checks that a rule linked report id and candidate (either way), now
// or when it was flagged.
func (s *Service) linked(ctx context.Context, office wilayah.Code, id, candidate string) error {
	if strings.TrimSpace(candidate) == "" || candidate == id {
		var c adminduk.Checker
		c.What = "registry: invalid duplicate decision"
		c.AddCode(adminduk.NewPointer("candidate"), adminduk.CodeInvalid, "laporan pembanding tidak sah",
			"the candidate must be another report")
		return c.Err()
	}
	links, err := s.store.DuplicateLinks(ctx, office, id)
	if err != nil {
		return err
	}
	for _, l := range links {
		if l.CandidateID == candidate || l.ReportID == candidate {
			return nil
		}
	}
	now, err := s.Duplicates(ctx, office, id)
	if err != nil {
		return err
	}
	for _, l := range now {
		if l.CandidateID == candidate {
			return nil
		}
	}
	return fmt.Errorf("registry: report %q is not linked to %q as a potential duplicate: %w", id, candidate, ErrNotFound)
}

// DuplicateLinks returns the potential-duplicate links of a report (either
// direction) and the decisions on them.
func (s *Service) DuplicateLinks(ctx context.Context, office wilayah.Code, id string) ([]DuplicateLink, []DuplicateDecision, error) {
	links, err := s.store.DuplicateLinks(ctx, office, id)
	if err != nil {
		return nil, nil, err
	}
	ds, err := s.store.DuplicateDecisions(ctx, office, id)
	return links, ds, err
}

func contains(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}
