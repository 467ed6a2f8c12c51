// Package registry is the Dinas back office: the birth, death and stillbirth
// reports a partner faskes sends (form F-2.01), the append-only log of actions
// taken on them, the status derived from that log, and the allocation of NIK
// serials and akta register numbers at registration. It declares the storage
// contract ([Store]) and never imports a database driver or net/http; the
// stores live in the sub-packages registry/sqlite (the default, one file) and
// registry/postgres (a province or the nation), and registry/storetest is the
// conformance suite both pass.
//
// # Reports
//
// A [BirthReport], [DeathReport] or [StillbirthReport] is what a partner sends
// before anything is registered: no NIK and no akta number yet, a provisional
// child name allowed ("Bayi Ny. Siti Aminah"). Its JSON form is the documented
// input (see the field tags; [DecodeBirthReport] and friends refuse unknown
// fields). Validate reports every problem at once as a
// *[adminduk.ValidationError] of [adminduk.FieldError] values with JSON
// pointers ("/child/birth_date") and messages in Indonesian and English.
//
// The parent cases of Perpres 96/2018 are [ParentsMarried] (proof of marriage
// needed), [ParentsUnrecorded] (marriage not recorded: father named, SPTJM
// F-2.04 and two witnesses) and [ParentsMotherOnly] (no father). Witnesses are
// accepted only where an SPTJM replaces a document.
//
// # Actions and status
//
// Nothing about a report is ever overwritten: every step is an [Action]
// (notify, verify, return with reasons, resubmit, register, issue, hand over,
// correct, revoke, archive) appended with its actor, time and reason. The
// [Status] is derived from the log by one transition table ([Next], [Derive]);
// a step the table does not allow is a *[TransitionError] that unwraps to
// [ErrInvalidTransition], and nothing is written. [Flags] (potential
// duplicate, late, incomplete) are kept apart from the status.
//
// # Partners
//
// A partner may submit only while one of its PKS (package partnership) covering
// the service is in force on that day; otherwise the submission fails with a
// *[ForbiddenError] (no agreement, expired on a date, suspended, not yet in
// force, service not covered) that unwraps to [ErrForbidden]. The office a
// report belongs to is the kab/kota of the partner's agreement, never a value
// the caller chooses.
//
// # Registration
//
// [Service.Register] allocates, in one store transaction with the register
// action, the child's NIK (the kecamatan of the family's address, the birth
// date with 40 added to the day for girls, and the next serial of that
// kecamatan and date) and the akta number (the office's serial of the day;
// type LU, or LT when registered more than 60 days after the birth; KM for a
// death). A stillbirth is registered without NIK or akta.
//
// # Documents
//
// A birth registration issues, in the same transaction, the akta kelahiran
// (an [akta.Birth] made from the report) and, when the report names the
// family's KK, the KIA (the under-5 kind, valid to the 5th birthday as
// [kia.Rules] decide; a KIA needs the KK number on the card and in its QR, so
// a family without a known KK gets none until its KK exists). Each is a
// [Document]: type, number (the akta number, the NIK for a KIA), version 1,
// status active, and its QR credential signed by the office's
// [credential.Signer] (Office.Signer, required). Document rows are never
// updated: a later change of state (replaced, revoked) is a new row of a
// state history. [Service.Report] lists a report's documents;
// [Service.DocumentStatus] answers the online status of CREDENTIAL.md (type,
// number, version, status, current version, when it changed; no personal
// data). [Service.HandOver] records who received which documents (name,
// relation, the officer, the time) with the hand-over action; documents may
// be handed over in parts.
//
// # Idempotency
//
// A submission may carry an idempotency key: the same key with the same body
// returns the first record, with another body it is an error that unwraps to
// [ErrConflict]. A partner's external_ref is a second guard: one record per
// partner and reference. Both are enforced by the store's unique constraints,
// never in process memory, so that several processes may share a database.
//
// # Duplicates
//
// Duplicate rules are data ([DuplicateRule], [DefaultDuplicateRules],
// Config.DuplicateRules): the same mother with a birth within one day (twins
// exempt when both reports say kembar and their birth orders differ), the
// same mother with another birth within nine months, the same external_ref
// from two partners, the same deceased twice. The store keeps a person index
// of every body ([SubjectKey]: who a report names, in which role, on which
// day) and each rule is one look-up in it by (office, role, key, day), so the
// cost does not grow with the number of reports. Rules are evaluated at
// notify and again at register: a match sets [FlagPotentialDuplicate] and
// stores a [DuplicateLink] to each candidate; [Service.Register] of a report
// with a match no officer decided on is a *[DuplicateError] that unwraps to
// [ErrUnresolvedDuplicate] and [ErrInvalidTransition].
// [Service.MarkDuplicate] archives the report (a [DuplicateDecision] and the
// archive action, with the reason); [Service.MarkNotDuplicate] records that
// the pair differs (both ways) and clears the flag. An archived report
// matches nothing any more.
//
// # Resubmission
//
// [Service.ResubmitBirth] (and ResubmitDeath, ResubmitStillbirth) takes a
// returned report back with a corrected body, validated like a new one: the
// body becomes version n+1 ([Service.BodyVersions] keeps every version), its
// person index replaces the old one for matching, and its flags and
// duplicates are evaluated again. [Service.Resubmit] records the step
// without a new body.
//
// # Queries and the read journal
//
// [Filter] selects reports by status, flag, partner, kind and creation time,
// newest first, with Limit and Offset. Reads of a person's record take the
// reading officer and are journaled in the audit table (action "read"):
// [Service.ViewReport], [Service.DocumentsByNIK] (the akta and KIA of the
// birth registered with the NIK, the akta kematian naming it) and
// [Service.PersonHistory] (the reports naming the NIK as child, mother,
// father or deceased, and the documents). [Service.Document] finds a document
// by type, number and version.
//
// # Coverage
//
// [Service.ImportPopulation] stores the denominator, children per kecamatan
// and age ([Population]; every import is kept, the newest counts);
// [PopulationFromRecords] makes one from person records in the CSV of
// package coverage (the coverage synth generator's output).
// [Service.Coverage] counts, by SQL aggregation (GROUP BY kecamatan), the
// registered children of a kab/kota or kecamatan holding an active akta
// kelahiran (ages 0-17, [coverage.DefaultAktaAges]) and an active KIA (ages
// 0-4, [KIAUnderFiveAges]) issued by a day, leaving out those whose death
// was registered by then, and returns package coverage's
// [coverage.Counts] and [coverage.Percent] per kecamatan and in total
// (above 100 % reported, never clamped).
//
// # Not yet here
//
// This is part of issue 11. Still to build on it: the KK's next version
// with the baby (or without the deceased: the registry keeps no KK members
// yet, so it cannot issue one); the akta kematian of a death, the surat
// keterangan lahir mati (SKLM) of a stillbirth, and the deceased's KIA/KTP
// marked inactive; rendering the stored documents on demand by kia/render and
// akta/render (the KIA's printed head of family is the father, else the
// reporter, until the KK is known); a policy for an akta under a provisional
// name (issued as reported today); corrections as new document versions with
// a marginal note, and revocation (the state history table exists, nothing
// writes it yet); schools; the CLI; the crash script; the throughput figures of BENCHMARKS.md.
package registry
