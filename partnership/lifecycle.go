package partnership

import (
	"strings"
)

// State is the recorded lifecycle state of an agreement.
//
// "Expiring soon" is not a state: it is derived from the end date and the
// day asked about (see [Agreement.StatusOn] and [Report]).
type State int

// States.
const (
	Draft      State = 1 + iota // being negotiated, not signed
	Signed                      // signed by both parties, term not begun
	Active                      // in force
	Suspended                   // halted by the Dinas, may resume
	Expired                     // term ended (terminal, but may still be renewed late)
	Terminated                  // ended before its term, or a draft abandoned (terminal)
)

var stateKeys = [...]string{Draft: "draft", Signed: "signed", Active: "active", Suspended: "suspended", Expired: "expired", Terminated: "terminated"}

// States returns every state in order.
func States() []State { return []State{Draft, Signed, Active, Suspended, Expired, Terminated} }

// IsValid reports whether s is one of the states.
func (s State) IsValid() bool { return s > 0 && int(s) < len(stateKeys) }

// String returns the key: "draft", "signed", "active", "suspended",
// "expired" or "terminated"; "State(n)" for a number that names nothing. See
// [State.Text] for the label.
func (s State) String() string {
	if !s.IsValid() {
		return unknown("State", int(s))
	}
	return stateKeys[s]
}

// Terminal reports whether no event but a late renewal can follow s.
func (s State) Terminal() bool { return s == Expired || s == Terminated }

// ParseState parses a state key, ignoring case and surrounding space.
func ParseState(s string) (State, error) {
	k := normKey(s)
	for v := Draft; int(v) < len(stateKeys); v++ {
		if stateKeys[v] == k {
			return v, nil
		}
	}
	return 0, &ParseError{What: "status", Input: s, Msg: "unknown; want one of " + strings.Join(stateKeys[1:], ", ")}
}

// MarshalText implements [encoding.TextMarshaler]; the zero State marshals as "".
func (s State) MarshalText() ([]byte, error) { return marshalKey(s.IsValid(), s.String()), nil }

// UnmarshalText implements [encoding.TextUnmarshaler]; "" gives the zero State.
func (s *State) UnmarshalText(b []byte) error { return unmarshalKey(b, s, ParseState) }

// Event is something that happens to an agreement.
type Event int

// Events.
const (
	EventSign      Event = 1 + iota // both parties sign the draft
	EventActivate                   // the term begins
	EventSuspend                    // the Dinas halts the partnership
	EventResume                     // a suspension is lifted
	EventExpire                     // the term ran out
	EventTerminate                  // ended early by either party, or a draft dropped
	EventRenew                      // a successor agreement is signed (see [Agreement.Renew])
)

var eventKeys = [...]string{EventSign: "sign", EventActivate: "activate", EventSuspend: "suspend", EventResume: "resume",
	EventExpire: "expire", EventTerminate: "terminate", EventRenew: "renew"}

// Events returns every event in order.
func Events() []Event {
	return []Event{EventSign, EventActivate, EventSuspend, EventResume, EventExpire, EventTerminate, EventRenew}
}

// IsValid reports whether e is one of the events.
func (e Event) IsValid() bool { return e > 0 && int(e) < len(eventKeys) }

// String returns the key: "sign", "activate", "suspend", "resume", "expire",
// "terminate" or "renew"; "Event(n)" for a number that names nothing.
func (e Event) String() string {
	if !e.IsValid() {
		return unknown("Event", int(e))
	}
	return eventKeys[e]
}

// ParseEvent parses an event key, ignoring case and surrounding space.
func ParseEvent(s string) (Event, error) {
	k := normKey(s)
	for v := EventSign; int(v) < len(eventKeys); v++ {
		if eventKeys[v] == k {
			return v, nil
		}
	}
	return 0, &ParseError{What: "event", Input: s, Msg: "unknown; want one of " + strings.Join(eventKeys[1:], ", ")}
}

// MarshalText implements [encoding.TextMarshaler]; the zero Event marshals as "".
func (e Event) MarshalText() ([]byte, error) { return marshalKey(e.IsValid(), e.String()), nil }

// UnmarshalText implements [encoding.TextUnmarshaler]; "" gives the zero Event.
func (e *Event) UnmarshalText(b []byte) error { return unmarshalKey(b, e, ParseEvent) }

// Transition is one row of the lifecycle table: Event moves an agreement
// from From to To.
type Transition struct {
	From  State
	Event Event
	To    State
}

// transitions is THE lifecycle table; everything else reads it.
//
// Renewal keeps the predecessor's state: an active agreement stays active
// until its own end, and an expired one may be renewed late (the successor
// starts the day after the old end unless told otherwise).
var transitions = [...]Transition{
	{Draft, EventSign, Signed},
	{Draft, EventTerminate, Terminated},
	{Signed, EventActivate, Active},
	{Signed, EventTerminate, Terminated},
	{Active, EventSuspend, Suspended},
	{Active, EventExpire, Expired},
	{Active, EventTerminate, Terminated},
	{Active, EventRenew, Active},
	{Suspended, EventResume, Active},
	{Suspended, EventExpire, Expired},
	{Suspended, EventTerminate, Terminated},
	{Expired, EventRenew, Expired},
}

// table indexes transitions by [from][event]; 0 means not allowed.
var table = func() (t [len(stateKeys)][len(eventKeys)]State) {
	for _, tr := range transitions {
		t[tr.From][tr.Event] = tr.To
	}
	return t
}()

// Transitions returns the lifecycle table, one row per allowed (state,
// event) pair. Every pair not listed is refused by [Apply].
func Transitions() []Transition { return append([]Transition(nil), transitions[:]...) }

// Apply returns the state that event e leads to from state s, or s itself
// and a *[TransitionError] unwrapping to [ErrInvalidTransition] when the
// table does not allow it. It looks only at the table; [Agreement.Apply] also
// checks dates and records the event.
func Apply(s State, e Event) (State, error) {
	if to, ok := lookup(s, e); ok {
		return to, nil
	}
	return s, &TransitionError{From: s, Event: e}
}

func lookup(s State, e Event) (State, bool) {
	if s.IsValid() && e.IsValid() {
		if to := table[s][e]; to != 0 {
			return to, true
		}
	}
	return 0, false
}
