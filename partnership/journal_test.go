package partnership

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// inState returns the test agreement recorded in state s, with a journal
// entry that put it there on 2023-12-20.
func inState(s State) Agreement {
	a := puskesmas("001")
	a.State = s
	if s == Draft {
		a.Signed = adminduk.Date{}
	}
	a.Journal = Journal{{Event: EventSign, From: Draft, To: s, Actor: "setup", At: at("2023-12-20")}}
	return a
}

// dayFor is a day on which event e is allowed by the date guards for the
// test agreement (term 2024-01-01 to 2025-12-31).
var dayFor = map[Event]string{
	EventSign: "2023-12-20", EventActivate: "2024-01-01", EventSuspend: "2024-06-01", EventResume: "2024-07-01",
	EventExpire: "2026-01-01", EventTerminate: "2024-08-01",
}

// TestAgreementApplyEveryPair drives every (state, event) pair through
// Agreement.Apply: allowed pairs change the state and append one journal
// entry with actor, time and reason; refused ones leave the agreement as it
// was. Renewal has its own method and tests.
func TestAgreementApplyEveryPair(t *testing.T) {
	for _, s := range States() {
		for _, e := range Events() {
			if e == EventRenew {
				continue
			}
			t.Run(s.String()+"/"+e.String(), func(t *testing.T) {
				a := inState(s)
				before := a
				before.Journal = append(Journal(nil), a.Journal...)
				c := change(dayFor[e], "test "+e.String())
				err := a.Apply(e, c)
				to, ok := want[s][e]
				if !ok {
					require.ErrorIs(t, err, ErrInvalidTransition)
					var te *TransitionError
					require.ErrorAs(t, err, &te)
					assert.Equal(t, "001", te.ID)
					assert.Equal(t, s, te.From)
					assert.Equal(t, e, te.Event)
					assert.Equal(t, before, a, "unchanged on error")
					return
				}
				require.NoError(t, err)
				assert.Equal(t, to, a.State)
				require.Len(t, a.Journal, 2)
				last, _ := a.Journal.Last()
				assert.Equal(t, Entry{Event: e, From: s, To: to, Actor: "petugas.pks", At: c.At, Reason: "test " + e.String()}, last)
			})
		}
	}
}

func TestSignSetsDates(t *testing.T) {
	a := puskesmas("002")
	a.State, a.Signed, a.End, a.Term = Draft, adminduk.Date{}, adminduk.Date{}, Term{Years: 1}
	require.NoError(t, a.Validate(), "a draft needs no dates")
	require.NoError(t, a.Apply(EventSign, change("2023-12-28", "")))
	assert.Equal(t, Signed, a.State)
	assert.Equal(t, adminduk.MustParseDate("2023-12-28"), a.Signed)
	assert.Equal(t, adminduk.MustParseDate("2024-12-31"), a.End, "one-year term")

	b := puskesmas("003")
	b.State, b.Start = Draft, adminduk.Date{}
	err := b.Apply(EventSign, change("2023-12-28", ""))
	var fe *adminduk.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, adminduk.Pointer("/start"), fe.Pointer)
	assert.ErrorIs(t, err, ErrInvalid)

	c := puskesmas("004")
	c.State, c.Scope.Services = Draft, 0
	assert.ErrorIs(t, c.Apply(EventSign, change("2023-12-28", "")), ErrInvalid, "an incomplete draft cannot be signed")
	assert.Equal(t, Draft, c.State)
}

func TestApplyGuards(t *testing.T) {
	for _, tc := range []struct {
		name  string
		state State
		event Event
		c     Change
		is    error
		field string
	}{
		{"activate before start", Signed, EventActivate, change("2023-12-31", ""), ErrInvalidTransition, ""},
		{"activate after end", Signed, EventActivate, change("2026-01-01", ""), ErrInvalidTransition, ""},
		{"expire on the last day", Active, EventExpire, change("2025-12-31", ""), ErrInvalidTransition, ""},
		{"resume after end", Suspended, EventResume, change("2026-01-02", "audit done"), ErrInvalidTransition, ""},
		{"renew through Apply", Active, EventRenew, change("2025-12-01", ""), ErrInvalidTransition, ""},
		{"no actor", Active, EventSuspend, Change{At: at("2024-06-01"), Reason: "x"}, ErrInvalid, "actor"},
		{"no time", Active, EventSuspend, Change{Actor: "a", Reason: "x"}, ErrInvalid, "at"},
		{"suspend without reason", Active, EventSuspend, change("2024-06-01", " "), ErrInvalid, "reason"},
		{"terminate without reason", Active, EventTerminate, change("2024-06-01", ""), ErrInvalid, "reason"},
		{"before the last entry", Active, EventSuspend, change("2023-12-19", "x"), ErrInvalid, "at"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := inState(tc.state)
			err := a.Apply(tc.event, tc.c)
			require.ErrorIs(t, err, tc.is)
			if tc.field != "" {
				var fe *adminduk.FieldError
				require.ErrorAs(t, err, &fe)
				assert.Equal(t, adminduk.NewPointer(tc.field), fe.Pointer)
			}
			assert.Equal(t, tc.state, a.State)
			assert.Len(t, a.Journal, 1)
		})
	}
}

// TestLifecycleStory follows one agreement from draft to renewal, checking
// the journal keeps every step.
func TestLifecycleStory(t *testing.T) {
	a := puskesmas("010")
	a.State, a.Signed, a.End = Draft, adminduk.Date{}, adminduk.Date{}
	steps := []struct {
		e   Event
		day string
		why string
	}{
		{EventSign, "2023-12-20", "ditandatangani Kadis dan Kepala Puskesmas"},
		{EventActivate, "2024-01-01", ""},
		{EventSuspend, "2024-05-02", "laporan kelahiran tidak lengkap"},
		{EventResume, "2024-06-10", "perbaikan selesai"},
	}
	for _, s := range steps {
		require.NoError(t, a.Apply(s.e, change(s.day, s.why)), s.e)
	}
	assert.Equal(t, Active, a.State)
	require.Len(t, a.Journal, 4)
	st, ok := a.Journal.StateAt(at("2024-05-20"))
	require.True(t, ok)
	assert.Equal(t, Suspended, st, "history says suspended in May")
	_, ok = a.Journal.StateAt(at("2023-01-01"))
	assert.False(t, ok)

	succ, err := a.Renew(change("2025-11-15", "diperpanjang"), Renewal{ID: "011", Number: "470/011/PKS-DKP/2025"})
	require.NoError(t, err)
	assert.Equal(t, "011", a.Successor)
	assert.Equal(t, "010", succ.Predecessor)
	assert.Equal(t, Active, a.State, "the predecessor runs to its end")
	require.NoError(t, a.Apply(EventExpire, change("2026-01-01", "masa berlaku habis")))
	require.NoError(t, succ.Apply(EventActivate, change("2026-01-01", "")))
	assert.Equal(t, Expired, a.State)
	assert.Equal(t, Active, succ.State)

	last, _ := a.Journal.Last()
	assert.Equal(t, EventExpire, last.Event)
	assert.Equal(t, EventRenew, a.Journal[4].Event)
	assert.Equal(t, "011", a.Journal[4].Related)
	assert.Equal(t, "010", succ.Journal[0].Related)
	assert.Len(t, a.Journal, 6)
}

func TestRenew(t *testing.T) {
	a := inState(Active)
	s, err := a.Renew(change("2025-12-01", "perpanjangan"), Renewal{ID: "002", Number: "470/002/PKS-DKP/2025", PartnerNumber: "PKM/002"})
	require.NoError(t, err)
	assert.Equal(t, adminduk.MustParseDate("2026-01-01"), s.Start, "the day after the predecessor's end")
	assert.Equal(t, adminduk.MustParseDate("2027-12-31"), s.End, "two years by default")
	assert.Equal(t, DefaultTerm, s.Term)
	assert.Equal(t, adminduk.MustParseDate("2025-12-01"), s.Signed)
	assert.Equal(t, Signed, s.State)
	assert.Equal(t, a.Partner, s.Partner)
	assert.Equal(t, a.Scope, s.Scope)
	assert.Equal(t, "PKM/002", s.PartnerNumber)
	assert.Equal(t, "001", s.Predecessor)
	assert.Equal(t, "002", a.Successor)
	assert.Equal(t, Entry{Event: EventRenew, From: Active, To: Active, Actor: "petugas.pks", At: at("2025-12-01"), Reason: "perpanjangan", Related: "002"}, a.Journal[1])
	assert.Equal(t, Journal{{Event: EventSign, From: Draft, To: Signed, Actor: "petugas.pks", At: at("2025-12-01"), Reason: "perpanjangan", Related: "001"}}, s.Journal)
	require.NoError(t, s.Validate())

	// A second renewal of the same agreement is a conflict.
	_, err = a.Renew(change("2025-12-02", ""), Renewal{ID: "003", Number: "470/003/PKS-DKP/2025"})
	assert.ErrorIs(t, err, ErrConflict)

	// History: the chain from either end.
	all := []Agreement{s, a}
	for _, id := range []string{"001", "002"} {
		chain, err := Chain(all, id)
		require.NoError(t, err)
		require.Len(t, chain, 2)
		assert.Equal(t, "001", chain[0].ID)
		assert.Equal(t, "002", chain[1].ID)
	}
	_, err = Chain(all, "999")
	assert.ErrorIs(t, err, ErrNotFound)
}

func TestRenewOptionsAndRefusals(t *testing.T) {
	a := inState(Expired)
	scope := Scope{Services: ServicesOf(AktaKelahiran, KK, KIA, AktaKematian)}
	s, err := a.Renew(change("2026-02-10", "perpanjangan terlambat"),
		Renewal{ID: "002", Number: "470/002/PKS-DKP/2026", Start: adminduk.MustParseDate("2026-03-01"), Term: Term{Years: 3}, Scope: &scope})
	require.NoError(t, err, "an expired agreement may be renewed late")
	assert.Equal(t, adminduk.MustParseDate("2029-02-28"), s.End)
	assert.True(t, s.Scope.Services.Has(AktaKematian))
	assert.Equal(t, Expired, a.State)

	for _, tc := range []struct {
		name  string
		state State
		r     Renewal
		c     Change
		is    error
	}{
		{"suspended", Suspended, Renewal{ID: "x", Number: "n"}, change("2025-12-01", ""), ErrInvalidTransition},
		{"terminated", Terminated, Renewal{ID: "x", Number: "n"}, change("2025-12-01", ""), ErrInvalidTransition},
		{"draft", Draft, Renewal{ID: "x", Number: "n"}, change("2025-12-01", ""), ErrInvalidTransition},
		{"no id", Active, Renewal{Number: "n"}, change("2025-12-01", ""), ErrInvalid},
		{"same id", Active, Renewal{ID: "001", Number: "n"}, change("2025-12-01", ""), ErrConflict},
		{"same number", Active, Renewal{ID: "x", Number: " 470/001/pks-dkp/2023 "}, change("2025-12-01", ""), ErrConflict},
		{"no number", Active, Renewal{ID: "x"}, change("2025-12-01", ""), ErrInvalid},
		{"start not after", Active, Renewal{ID: "x", Number: "n", Start: adminduk.MustParseDate("2023-06-01")}, change("2025-12-01", ""), ErrInvalid},
		{"no actor", Active, Renewal{ID: "x", Number: "n"}, Change{At: at("2025-12-01")}, ErrInvalid},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := inState(tc.state)
			before := a
			_, err := a.Renew(tc.c, tc.r)
			assert.ErrorIs(t, err, tc.is)
			assert.Equal(t, before, a)
		})
	}
}

func TestJournalTimesKeepTheirZone(t *testing.T) {
	a := inState(Signed)
	// 23:30 UTC on 31 December is 06:30 WIB on 1 January: the day is taken
	// in the time's own zone.
	utc := time.Date(2023, 12, 31, 23, 30, 0, 0, time.UTC)
	assert.ErrorIs(t, a.Apply(EventActivate, Change{Actor: "x", At: utc}), ErrInvalidTransition)
	require.NoError(t, a.Apply(EventActivate, Change{Actor: "x", At: utc.In(wib)}))
}

// TestAgreementJSON: a stored agreement, journal included, survives JSON.
func TestAgreementJSON(t *testing.T) {
	a := inState(Active)
	a.Scope = Scope{Services: ServicesOf(KIABenefit), Benefit: BenefitTerms{Percent: 10, Terms: "tiket masuk"}}
	a.Partner.Contact = Contact{Person: "dr. Contoh", Phone: "0254-000000"}
	a.Successor = "002"
	b, err := json.Marshal(a)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"term":"2y"`)
	assert.Contains(t, string(b), `"services":"kia_benefit"`)
	assert.Contains(t, string(b), `"district":"36.04.05"`)
	var back Agreement
	require.NoError(t, json.Unmarshal(b, &back))
	assert.True(t, back.Journal[0].At.Equal(a.Journal[0].At))
	back.Journal[0].At = a.Journal[0].At
	assert.Equal(t, a, back)
}
