package registry

import (
	"fmt"
	"strings"
	"time"
)

// ActionType is one step of the workflow of a report.
type ActionType int

// The steps, in workflow order.
const (
	ActNotify   ActionType = 1 + iota // the partner reports the event
	ActVerify                         // an officer checks the report
	ActReturn                         // an officer sends it back with reasons
	ActResubmit                       // the partner sends it again
	ActRegister                       // the event is registered: NIK and akta number allocated
	ActIssue                          // the documents are issued
	ActHandOver                       // the documents are handed to the family
	ActCorrect                        // a registered record is corrected
	ActRevoke                         // a registration is revoked
	ActArchive                        // the report is closed without registration
)

var actionKeys = [...]string{
	ActNotify: "notify", ActVerify: "verify", ActReturn: "return", ActResubmit: "resubmit",
	ActRegister: "register", ActIssue: "issue", ActHandOver: "hand_over", ActCorrect: "correct",
	ActRevoke: "revoke", ActArchive: "archive",
}

// IsValid reports whether a is one of the steps.
func (a ActionType) IsValid() bool { return a > 0 && int(a) < len(actionKeys) }

// String returns the key of a ("hand_over"), "ActionType(n)" for another value.
func (a ActionType) String() string {
	if !a.IsValid() {
		return fmt.Sprintf("ActionType(%d)", int(a))
	}
	return actionKeys[a]
}

// MarshalText implements encoding.TextMarshaler.
func (a ActionType) MarshalText() ([]byte, error) {
	if !a.IsValid() {
		return nil, fmt.Errorf("registry: invalid action type %d", int(a))
	}
	return []byte(actionKeys[a]), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (a *ActionType) UnmarshalText(b []byte) error {
	for i := ActNotify; int(i) < len(actionKeys); i++ {
		if actionKeys[i] == string(b) {
			*a = i
			return nil
		}
	}
	return fmt.Errorf("registry: unknown action type %q", b)
}

// Status is the state of a report, derived from its actions.
type Status int

// Statuses.
const (
	StatusNotified   Status = 1 + iota // reported, waiting for an officer
	StatusReturned                     // sent back to the partner
	StatusVerified                     // checked, ready to register
	StatusRegistered                   // NIK and akta number allocated
	StatusIssued                       // documents issued
	StatusHandedOver                   // documents received by the family
	StatusRevoked                      // registration revoked
	StatusArchived                     // closed without (further) effect
)

var statusKeys = [...]string{
	StatusNotified: "notified", StatusReturned: "returned", StatusVerified: "verified",
	StatusRegistered: "registered", StatusIssued: "issued", StatusHandedOver: "handed_over",
	StatusRevoked: "revoked", StatusArchived: "archived",
}

// IsValid reports whether s is one of the statuses.
func (s Status) IsValid() bool { return s > 0 && int(s) < len(statusKeys) }

// String returns the key of s ("handed_over"), "new" for 0 (no action yet)
// and "Status(n)" for another value.
func (s Status) String() string {
	if s == 0 {
		return "new"
	}
	if !s.IsValid() {
		return fmt.Sprintf("Status(%d)", int(s))
	}
	return statusKeys[s]
}

// MarshalText implements encoding.TextMarshaler.
func (s Status) MarshalText() ([]byte, error) {
	if !s.IsValid() {
		return nil, fmt.Errorf("registry: invalid status %d", int(s))
	}
	return []byte(statusKeys[s]), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Status) UnmarshalText(b []byte) error {
	for i := StatusNotified; int(i) < len(statusKeys); i++ {
		if statusKeys[i] == string(b) {
			*s = i
			return nil
		}
	}
	return fmt.Errorf("registry: unknown status %q", b)
}

// transitions is the one table of the workflow: from a status (0 for a report
// that does not exist yet), an action leads to a status. Corrections keep the
// status.
var transitions = map[Status]map[ActionType]Status{
	0:                {ActNotify: StatusNotified},
	StatusNotified:   {ActVerify: StatusVerified, ActReturn: StatusReturned, ActArchive: StatusArchived},
	StatusReturned:   {ActResubmit: StatusNotified, ActArchive: StatusArchived},
	StatusVerified:   {ActRegister: StatusRegistered, ActReturn: StatusReturned, ActArchive: StatusArchived},
	StatusRegistered: {ActIssue: StatusIssued, ActCorrect: StatusRegistered, ActRevoke: StatusRevoked},
	StatusIssued:     {ActHandOver: StatusHandedOver, ActCorrect: StatusIssued, ActRevoke: StatusRevoked},
	StatusHandedOver: {ActHandOver: StatusHandedOver, ActCorrect: StatusHandedOver, ActRevoke: StatusRevoked}, // documents may be handed over in parts
	StatusRevoked:    {ActArchive: StatusArchived},
	StatusArchived:   {},
}

// Next returns the status that action a leads to from status s, or a
// *[TransitionError] (without a report ID) when the table does not allow it.
func Next(s Status, a ActionType) (Status, error) {
	if to, ok := transitions[s][a]; ok {
		return to, nil
	}
	return 0, &TransitionError{From: s, Action: a}
}

// Allowed returns the actions allowed from status s, in workflow order.
func Allowed(s Status) []ActionType {
	var out []ActionType
	for a := ActNotify; a.IsValid(); a++ {
		if _, ok := transitions[s][a]; ok {
			out = append(out, a)
		}
	}
	return out
}

// Derive replays actions through the transition table and returns the
// resulting status; an empty log gives 0. A log the table does not allow (which
// a store written only through [Service] never holds) is a *[TransitionError].
func Derive(actions []Action) (Status, error) {
	var s Status
	for _, a := range actions {
		next, err := Next(s, a.Type)
		if err != nil {
			return s, err
		}
		s = next
	}
	return s, nil
}

// Action is one step taken on a report: appended, never changed.
type Action struct {
	Seq    int        `json:"seq"` // 1 for the notify action, then 2, 3 ...
	Type   ActionType `json:"type"`
	Actor  string     `json:"actor"` // who took it: a partner's user or an officer
	At     time.Time  `json:"at"`
	Reason string     `json:"reason,omitempty"` // reasons of a return, authority of a correction ...
}

// Flags mark a report for attention, apart from its status.
type Flags uint8

// Flags.
const (
	FlagPotentialDuplicate Flags = 1 << iota // another report may be the same event
	FlagLate                                 // reported after the legal deadline (60 days birth, 30 death)
	FlagIncomplete                           // something is still missing (a provisional child name)
)

var flagKeys = []struct {
	f   Flags
	key string
}{{FlagPotentialDuplicate, "potential_duplicate"}, {FlagLate, "late"}, {FlagIncomplete, "incomplete"}}

// Has reports whether every flag of g is set in f.
func (f Flags) Has(g Flags) bool { return f&g == g }

// String lists the flags comma-separated ("late,incomplete"), "" for none.
func (f Flags) String() string {
	var keys []string
	for _, k := range flagKeys {
		if f.Has(k.f) {
			keys = append(keys, k.key)
		}
	}
	return strings.Join(keys, ",")
}

// MarshalText implements encoding.TextMarshaler.
func (f Flags) MarshalText() ([]byte, error) { return []byte(f.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (f *Flags) UnmarshalText(b []byte) error {
	var out Flags
	for _, part := range strings.Split(string(b), ",") {
		if part == "" {
			continue
		}
		found := false
		for _, k := range flagKeys {
			if k.key == part {
				out |= k.f
				found = true
			}
		}
		if !found {
			return fmt.Errorf("registry: unknown flag %q", part)
		}
	}
	*f = out
	return nil
}
