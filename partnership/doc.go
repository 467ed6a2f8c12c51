// Package partnership models the PKS (perjanjian kerja sama) the Dinas
// Kependudukan dan Pencatatan Sipil signs with hospitals, clinics, midwives,
// puskesmas, schools, tourism sites and merchants: who the partners are, what
// each agreement covers and for how long, its lifecycle, renewals, and
// reports against targets. Every "jemput bola" programme runs on such
// agreements: a birth at a partner faskes yields akta kelahiran, KK and KIA
// without the parents visiting the office.
//
// The package is storage-agnostic: [Partner] and [Agreement] are plain
// structs, IDs and times are given by the caller, and the queries take
// slices. It never reads the clock, prints, or panics on input.
//
// # Partners and agreements
//
// A [Partner] has a name, a [Category] (rumah sakit, klinik, bidan praktik
// mandiri, puskesmas, PAUD/TK, SD, SMP, SMA/SMK, tempat wisata, merchant,
// other) grouped as health, education or benefit ([Group]), a kecamatan
// code (package [github.com/adminduk-id/adminduk/adminduk/wilayah]; retired
// codes are accepted and count for their successor) and a [Contact]. An
// [Agreement] has the numbers of both parties, its partner, a [Scope] of
// [Services] (with [BenefitTerms] for KIA benefits), the signing date, a
// start and end ([adminduk.Date], inclusive) and the [Term] (two years by default,
// [DefaultTerm]).
//
// # Lifecycle
//
// An agreement is in one [State]: draft, signed, active, suspended, expired
// or terminated. Events ([Event]: sign, activate, suspend, resume, expire,
// terminate, renew) move it along one table ([Transitions]); [Apply] looks a
// pair up and returns the new state or a *[TransitionError] that unwraps to
// [ErrInvalidTransition]. [Agreement.Apply] also checks dates and records
// each event in the agreement's [Journal] with actor, time and reason.
// [Agreement.Renew] creates the successor agreement (starting the day after
// the predecessor's end, for [DefaultTerm] unless told otherwise) and links
// both ways; [Chain] returns the history.
//
// "Signed" is a state of its own, between draft and active: the day the
// parties sign is often weeks before the term begins, and a renewal is
// signed before the predecessor ends. "Expiring soon" is not a state: it is
// derived from the end date and the day asked about. [Agreement.StatusOn]
// derives the status on any day from the recorded state and the dates, so
// that an agreement whose end passed unnoticed reports as expired.
//
// # Queries and reports
//
// [ActiveOn], [ExpiringWithin], [RenewalDue], [MayUse] (whether a partner may
// use a service on a day: the registry gates API access on it),
// [CountByCategory], [CountByYear] and [Uncovered] (the kecamatan of a
// kab/kota without a health partner) answer single questions. [NewReport]
// answers them all for one day, measures [CountTarget] values (data, not
// constants: [DefaultCountTargets] holds the national ones), checks published
// figures ([StatedTotal], [CheckSubtotals]: Serang's "46 PKS" whose parts sum to 47)
// and lists [Warning] values.
//
// # CSV
//
// [ReadCSV] reads agreements kept in spreadsheets (columns [Columns]; comma,
// semicolon or tab separated, detected from the first line) and reports
// every bad row with its line and reason ([RowError]) while keeping the good
// ones; [WriteCSV] writes them back.
//
// # Views
//
// [Report.WithImport] attaches the import a report was built from;
// [Report.WriteJSON] then writes it as JSON one agreement at a time, and
// [Report.WriteText] as aligned tables in Indonesian or English. Warnings
// carry both wordings ([Warning.In]). [StreamReport] writes the same bytes
// from a CSV file without holding its agreements: it reads the file more
// than once, keeping a few dozen bytes a row, for files of a million rows.
//
// # Errors
//
// Errors unwrap to one sentinel: [ErrSyntax], [ErrInvalid],
// [ErrInvalidTransition], [ErrNotFound], [ErrConflict], [ErrInconsistent],
// each of which unwraps to the shared sentinel of package adminduk
// ([adminduk.ErrInvalid], [adminduk.ErrInvalidTransition] ...); an invalid
// date unwraps to [adminduk.ErrInvalidDate]. Branch with [errors.Is]; read
// details with [errors.As] on *[ParseError], *[TransitionError],
// *[TotalError] and *[RowError].
//
// Validation follows package adminduk: [Agreement.Validate],
// [Partner.Validate], [Scope.Validate] and [CountTarget.Validate] report
// every problem at once as a *[adminduk.ValidationError] of
// [adminduk.FieldError] values with JSON pointers into the value checked
// ("/partner/district", "/end") and messages in Indonesian and English;
// [Agreement.Warnings] lists what is accepted but worth a look. A rejected
// CSV row is a *[RowError] carrying a FieldError whose pointer names the
// line and column ("/rows/12/end").
package partnership
