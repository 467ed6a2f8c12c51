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
// What a faskes has at discharge is enough to notify a birth
// ([BirthReport.ValidateNotify]): the reporter, the proof, the parent case
// and the father it calls for, the birth order and the attendant may still be
// missing. Such a report is stored with [FlagIncomplete], and Verify and
// Register refuse it with a *[IncompleteError] (unwrapping to
// [ErrIncomplete] and [ErrInvalidTransition]) until a resubmission completes
// it: they check the full [BirthReport.Validate] of the report's body.
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
// # Credentials
//
// The HTTP API authenticates partners by API key and officers by bearer
// token ([Service.CreateAPIKey], [Service.CreateOfficerToken]): 32 random
// bytes behind a prefix ("adk_", "ado_"), shown once and stored only as
// their SHA-256. [Service.Authenticate] finds the credential by that hash,
// compares in constant time and returns the [Principal] (a partner of an
// office, or an officer with a role); a revoked credential is refused at
// once (an *[AuthError] unwrapping to [ErrUnauthenticated]), and
// [Service.CheckPartner] refuses a partner whose PKS lapsed with the
// *[ForbiddenError] that says why. Credentials are never updated or
// deleted: a revocation is a record of its own.
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
// writes it yet); duplicate rules (the [FlagPotentialDuplicate] flag
// exists, nothing sets it yet); resubmission with a corrected body (Resubmit
// records the step only); journaling of reads of a person's record; queries by
// date, documents by NIK or number, coverage from the registry's records;
// schools; the CLI; the crash script; the throughput figures of BENCHMARKS.md.
package registry
