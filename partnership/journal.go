package partnership

import (
	"strings"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
)

// Entry is one event in an agreement's journal.
type Entry struct {
	Event  Event     `json:"event"`
	From   State     `json:"from"`
	To     State     `json:"to"`
	Actor  string    `json:"actor"`  // who did it: an officer's user name or NIP, a system name
	At     time.Time `json:"at"`     // when, as the caller's clock said
	Reason string    `json:"reason"` // why, free text
	// Related is the other agreement of a renewal: the successor in the
	// predecessor's entry and the predecessor in the successor's.
	Related string `json:"related,omitempty"`
}

// Journal is the history of an agreement, oldest entry first. Entries are
// only ever appended.
type Journal []Entry

// Last returns the newest entry, and false for an empty journal.
func (j Journal) Last() (Entry, bool) {
	if len(j) == 0 {
		return Entry{}, false
	}
	return j[len(j)-1], true
}

// StateAt returns the state recorded at time t: the To state of the last
// entry at or before t, and false when no entry is that old.
func (j Journal) StateAt(t time.Time) (State, bool) {
	for i := len(j) - 1; i >= 0; i-- {
		if !j[i].At.After(t) {
			return j[i].To, true
		}
	}
	return 0, false
}

// Change says who makes a change, when and why. The library never reads the
// clock: At is the caller's "now" (a registry passes its injected clock). Its
// calendar date, taken in At's location, is checked against the agreement's
// dates, so pass a time in the Dinas's zone (WIB, WITA or WIT).
type Change struct {
	Actor  string
	At     time.Time
	Reason string
}

func (c *Change) check(j Journal, needReason bool) error {
	switch {
	case strings.TrimSpace(c.Actor) == "":
		return invalid("change", "/actor", adminduk.CodeRequired, "pelaku kosong", "no actor", nil)
	case c.At.IsZero():
		return invalid("change", "/at", adminduk.CodeRequired, "waktu kosong", "no time", nil)
	case needReason && strings.TrimSpace(c.Reason) == "":
		return invalid("change", "/reason", adminduk.CodeRequired, "alasan wajib diisi", "a reason is required", nil)
	}
	if last, ok := j.Last(); ok && c.At.Before(last.At) {
		at, prev := c.At.Format(time.RFC3339), last.At.Format(time.RFC3339)
		return invalid("change", "/at", adminduk.CodeOrder, at+" sebelum entri jurnal terakhir "+prev, at+" is before the last journal entry "+prev, nil)
	}
	return nil
}

// Apply applies event e to the agreement and appends it to the journal. On
// error the agreement is unchanged.
//
// Besides the lifecycle table (see [Apply]) it checks the change and the
// dates. Every change needs an actor and a time no earlier than the last
// journal entry; suspend and terminate need a reason. Sign needs a start
// date, sets Signed to the day of c.At when zero and End from the term when
// zero, and the signed agreement must pass [Agreement.Validate]. Activate
// cannot come before the start or after the end, resume not after the end,
// expire not before the day after the end. Renewal creates a successor and
// goes through [Agreement.Renew].
func (a *Agreement) Apply(e Event, c Change) error {
	if err := c.check(a.Journal, e == EventSuspend || e == EventTerminate); err != nil {
		return err
	}
	to, ok := lookup(a.State, e)
	if !ok {
		return &TransitionError{ID: a.ID, From: a.State, Event: e}
	}
	day := adminduk.DateOf(c.At)
	refuse := func(msg string) error { return &TransitionError{ID: a.ID, From: a.State, Event: e, Msg: msg} }
	signed, end := a.Signed, a.End
	switch e {
	case EventRenew:
		return refuse("renewal creates a successor agreement; use Renew")
	case EventSign:
		if a.Start.IsZero() {
			return invalid("agreement", "/start", adminduk.CodeRequired, "draf memerlukan tanggal mulai untuk ditandatangani", "a draft needs a start date to be signed", nil)
		}
		if signed.IsZero() {
			signed = day
		}
		if end.IsZero() {
			end = a.Term.End(a.Start)
		}
		after := *a
		after.State, after.Signed, after.End = to, signed, end
		if err := after.Validate(); err != nil {
			return err
		}
	case EventActivate:
		if day.Before(a.Start) {
			return refuse("its term begins on " + a.Start.String())
		}
		if day.After(a.End) {
			return refuse("its term ended on " + a.End.String())
		}
	case EventResume:
		if day.After(a.End) {
			return refuse("its term ended on " + a.End.String() + "; expire it")
		}
	case EventExpire:
		if !day.After(a.End) {
			return refuse("its term runs until " + a.End.String() + "; terminate it to end it early")
		}
	}
	a.Journal = append(a.Journal, Entry{Event: e, From: a.State, To: to, Actor: c.Actor, At: c.At, Reason: c.Reason})
	a.State, a.Signed, a.End = to, signed, end
	if e == EventSign && a.Term.IsZero() {
		a.Term = termBetween(a.Start, a.End)
	}
	return nil
}

// Renewal describes the successor that [Agreement.Renew] creates.
type Renewal struct {
	ID            string // the successor's ID, assigned by the caller; required
	Number        string // the successor's number; required, and not the predecessor's
	PartnerNumber string
	// Start defaults to the day after the predecessor's end.
	Start adminduk.Date
	// Term defaults to [DefaultTerm]; the successor's End is Term.End(Start).
	Term Term
	// Scope defaults to the predecessor's.
	Scope *Scope
}

// Renew records that a successor agreement was signed and returns it: same
// partner, signed on the day of c.At, starting the day after a's end (or
// r.Start), for r.Term (two years by default), in state [Signed], its
// Predecessor set to a.ID and a's Successor to r.ID; both journals record the
// renewal. The table allows renewal of an active agreement and, late, of an
// expired one. Renewing an agreement that already has a successor, or reusing
// its ID or number, fails with [ErrConflict]. On error a is unchanged.
func (a *Agreement) Renew(c Change, r Renewal) (Agreement, error) {
	if err := c.check(a.Journal, false); err != nil {
		return Agreement{}, err
	}
	if _, ok := lookup(a.State, EventRenew); !ok {
		return Agreement{}, &TransitionError{ID: a.ID, From: a.State, Event: EventRenew}
	}
	switch {
	case a.Successor != "":
		return Agreement{}, invalid("renewal", "/successor", adminduk.CodeDuplicate, "sudah diperpanjang oleh "+quote(a.Successor),
			"already renewed by "+quote(a.Successor), ErrConflict)
	case strings.TrimSpace(r.ID) == "":
		return Agreement{}, invalid("renewal", "/id", adminduk.CodeRequired, "ID perjanjian pengganti kosong", "no ID for the successor", nil)
	case r.ID == a.ID:
		return Agreement{}, invalid("renewal", "/id", adminduk.CodeDuplicate, "perjanjian pengganti memerlukan ID sendiri", "the successor needs its own ID", ErrConflict)
	case strings.EqualFold(strings.TrimSpace(r.Number), strings.TrimSpace(a.Number)):
		return Agreement{}, invalid("renewal", "/number", adminduk.CodeDuplicate, "perjanjian pengganti memerlukan nomor sendiri",
			"the successor needs its own number", ErrConflict)
	}
	start := r.Start
	if start.IsZero() {
		if start = a.End.AddDays(1); start.IsZero() {
			return Agreement{}, invalid("renewal", "/start", adminduk.CodeRange, "perjanjian lama berakhir "+a.End.String()+"; tidak ada tanggal mulai sesudahnya",
				"the predecessor ends on "+a.End.String()+"; no later start date exists", nil)
		}
	}
	if !start.After(a.Start) {
		return Agreement{}, invalid("renewal", "/start", adminduk.CodeOrder, start.String()+" tidak setelah tanggal mulai perjanjian lama "+a.Start.String(),
			start.String()+" is not after the predecessor's start "+a.Start.String(), nil)
	}
	term := r.Term
	if term.IsZero() {
		term = DefaultTerm
	}
	scope := a.Scope
	if r.Scope != nil {
		scope = *r.Scope
	}
	s := Agreement{
		ID: r.ID, Number: r.Number, PartnerNumber: r.PartnerNumber, Partner: a.Partner, Scope: scope,
		Signed: adminduk.DateOf(c.At), Start: start, End: term.End(start), Term: term, State: Signed, Predecessor: a.ID,
		Journal: Journal{{Event: EventSign, From: Draft, To: Signed, Actor: c.Actor, At: c.At, Reason: c.Reason, Related: a.ID}},
	}
	if err := s.Validate(); err != nil {
		return Agreement{}, err
	}
	a.Successor = r.ID
	a.Journal = append(a.Journal, Entry{Event: EventRenew, From: a.State, To: a.State, Actor: c.Actor, At: c.At, Reason: c.Reason, Related: r.ID})
	return s, nil
}

// Chain returns the renewal history the agreement with the given ID belongs
// to, oldest first, following Predecessor and Successor links within as. It
// fails with [ErrNotFound] when no agreement has that ID; a link to an
// agreement outside as ends the chain there.
func Chain(as []Agreement, id string) ([]*Agreement, error) {
	byID := make(map[string]*Agreement, len(as))
	for i := range as {
		byID[as[i].ID] = &as[i]
	}
	a, ok := byID[id]
	if !ok || id == "" {
		return nil, &notFoundError{id}
	}
	seen := map[string]bool{a.ID: true}
	first := a
	for p, ok := byID[first.Predecessor]; ok && first.Predecessor != "" && !seen[p.ID]; p, ok = byID[first.Predecessor] {
		seen[p.ID] = true
		first = p
	}
	chain := []*Agreement{first}
	seen = map[string]bool{first.ID: true}
	for cur := first; cur.Successor != ""; {
		n, ok := byID[cur.Successor]
		if !ok || seen[n.ID] {
			break
		}
		seen[n.ID] = true
		chain = append(chain, n)
		cur = n
	}
	return chain, nil
}

type notFoundError struct{ id string }

func (e *notFoundError) Error() string { return "partnership: agreement " + quote(e.id) + " not found" }
func (e *notFoundError) Unwrap() error { return ErrNotFound }
