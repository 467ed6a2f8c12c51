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
// (an [akta.Birth] made from the report), the KIA when the report gives the
// child's religion (the under-5 kind, valid to the 5th birthday as
// [kia.Rules] decide; the card prints the religion and the citizenship — WNI
// when a parent is, UU 12/2006 art. 4 — so a report without the religion
// gets none and is flagged incomplete) and the family card's new version
// (see Family register). The akta and the KIA carry that card's KK number;
// the KIA prints that card's head of family. A death registration issues the
// akta kematian ([akta.Death], number KM from the office's daily sequence)
// and the card without the deceased; a stillbirth the surat keterangan lahir
// mati ([StillbirthCertificate], DocType SKLM, number [SKLMNumber] from the
// office's own daily SKLM sequence).
//
// Each is a [Document]: type, number (the akta number, the NIK for a KIA,
// the KK number for a KK, the SKLM number), version, status active, its QR
// credential signed by the office's [credential.Signer] (Office.Signer,
// required) and its Model, the JSON of the model it is rendered from.
// Document rows are never updated: a later change of state (replaced,
// revoked) is a new row of a state history. [Service.Report] lists a
// report's documents; [Service.DocumentStatus] answers the online status of
// CREDENTIAL.md (type, number, version, status, current version, when it
// changed; no personal data). [Service.HandOver] records who received which
// documents (name, relation, the officer, the time) with the hand-over
// action; documents may be handed over in parts.
//
// # Family register
//
// The registry keeps family cards (KK) as [FamilyVersion] values: number,
// version, source, state and the card ([akta.Family]: members with NIK,
// name, relationship to the head, sex, birth date and the rest the KK
// prints). [Service.ImportFamily] seeds a card from SIAK or an officer
// (version 1, [FamilyImported]). At a birth registration, in the same store
// transaction:
//   - the report's KK is held: its next version with the baby (ANAK when a
//     parent is the head or spouse; CUCU when a parent is a child of the
//     head), the previous version replaced;
//   - the report's KK is not held: version 1 of that number built from the
//     report ([FamilyFromReport]: the father with a NIK as head, else the
//     mother; what a report does not carry, such as the parents' religion,
//     occupation and education, is left unknown for an officer to complete);
//   - the report names no KK (a new family): a new KK number
//     ([adminduk.NewKK]: the kecamatan of the address, the day of
//     registration and the next serial of that kecamatan and day from the
//     store's sequence), version 1 built from the report.
//
// A version whose card can be printed ([FamilyVersion.Printable]: every
// column of a printed KK is known) is also a Document of type KK with its
// signed credential (the head as identity), the document of the version it
// follows replaced. A card built from a report cannot be printed: it is kept
// in the register (the akta and the KIA carry its number) and no KK is
// issued until an officer completes it: [Service.ImportFamily] of the full
// card stores its next version ([FamilyImported]) and issues that version's
// KK document, listed with the documents of the report that built the card
// and announced to the partner's webhooks. Two registrations changing one card at once both
// succeed: the store refuses the second copy of a version
// (*[VersionConflictError]) and [Service.Register] retries on the new one.
//
// # Deaths and stillbirths
//
// A death registration takes the deceased off the card the report names (or
// the card in use that lists the NIK): the next version, or, when the head
// died, a new KK number whose version 1 names the old card in Previous (the
// old card becomes replaced, [akta.Family.RemoveDeceased] picks the new head
// and marks the spouse widowed). The deceased's KIA is revoked (the online
// status has no "deceased" state: revoked, with the reason "meninggal dunia"
// in the audit journal) and the person is recorded deceased:
// [Service.CheckLiving] then answers a *[DeceasedError] ([ErrDeceased]) so a
// later KIA or KTP request is refused, and a second death of the NIK is
// refused. A death reported without a NIK may link the birth report of a
// newborn who died before registration (deceased.birth_report, checked at
// notification to be a birth report of the same office); when that birth is
// registered its child gets the akta kelahiran only — no KIA, no place on a
// card — and its NIK is deceased. A stillbirth is recorded with no NIK and no
// akta and counted by [Service.Stillbirths] per period.
//
// # Corrections and revocation
//
// A registered akta kelahiran is corrected by [Service.Correct] with a
// [Correction]: the names that change and the authority (a penetapan of the
// Pengadilan Negeri for a change of name, UU 24/2013 art. 52; the Kepala
// Dinas's keputusan for a clerical error). The corrected model gets a
// marginal note (catatan pinggir, [akta.MarginalNote]: what changed, on which
// authority, the day), printed on its kutipan, and is signed as the next
// version (the QR carries the version, CREDENTIAL.md key 7). In one store
// transaction the new version is stored, the previous one becomes replaced
// (a row of the state history, never an update), the correct action is
// appended to the report's log, and the audit journal records the values
// before and after. [Service.Revoke] revokes a registration through any of
// its documents: every version still active that it issued becomes revoked,
// with the revoke action and its reason. The earlier versions stay and their
// QR codes still verify offline; [Service.DocumentVersionStatus] tells a
// replaced version 1 (current version 2) from the active version 2, and a
// revoked one. Only the current, active version changes
// (*[DocumentStateError]); other document types are not corrected here
// (*[UnsupportedError]). Package registry/render prints any stored version
// on demand with the credential stored with it.
//
// # Provisional names
//
// A faskes may report a birth before the parents have named the child, under
// a provisional name ("Bayi Ny. Siti Aminah", with provisional_name set):
// the report is accepted and flagged incomplete. It is not registered:
// [Service.Register] refuses it with a *[ProvisionalNameError] (errors.Is
// [ErrProvisionalName]) and allocates and writes nothing, also when the
// flag is not set but the name reads as one ([IsProvisionalName]). The
// akta records the child's name, and a name on an akta must follow
// Permendagri 73/2022 (at least two words, no abbreviation such as "Ny.");
// a provisional name does not, and an akta issued under it could only be
// put right by a change of name, which needs a court order (UU 24/2013 art.
// 52). So the officer returns the report and the partner sends the child's
// name. A correction never sets a provisional name either.
//
// # Idempotency
//
// A submission may carry an idempotency key: the same key with the same body
// returns the first record, with another body it is an error that unwraps to
// [ErrConflict]. A partner's external_ref is a second guard: one record per
// partner and reference. Both are enforced by the store's unique constraints,
// never in process memory, so that several processes may share a database.
//
// # Schools
//
// A school (PAUD/TK, SD, SMP) under a PKS covering the KIA sends its list of
// pupils to [Service.SchoolBatch]: each child whose NIK the office registered
// with an active akta and who holds no valid KIA gets the KIA of its age
// (kia.Rules: the under-5 card, or the card from five with the pupil's
// photo), signed and stored as the next version of the child's KIA document;
// the others are listed (holding a KIA, without akta here, needing a photo,
// ineligible, invalid NIK). A batch is idempotent by the school's batch key.
// The photo is used to sign the card and not kept: rendering the card later
// needs it again.
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
// # Webhooks
//
// A partner registers endpoints ([Service.AddWebhookEndpoint]; https on a
// public address, checked after resolving the host, unless
// [WebhookConfig].AllowPrivate) and gets a "whsec_" secret, shown once and
// kept in clear by the store because it is a shared HMAC key the registry
// signs with; [Service.RotateWebhookSecret] adds a new one while the old one
// keeps signing for an overlap. The store writes an outbox event
// ([WebhookEvent]: report.status_changed for every action, document.issued
// for every document version) and its deliveries to the partner's active
// endpoints in the transaction of the change itself, so no change commits
// without its event. Package registry/webhook signs and delivers them
// (Standard Webhooks v1) with retries; [Service.WebhookDeliveries] lists
// each delivery with its attempts.
//
// # Officer accounts
//
// An officer of a Dinas logs in to the web UI with a username and password
// ([Service.CreateOfficer], [Service.Login]): the password is kept as an
// argon2id PHC string ([HashPassword], [DefaultPasswordParams]: OWASP's
// 19 MiB, 2 passes), compared in constant time, and an unknown username costs
// the same hashing and gives the same *[LoginError] as a wrong password. A
// login opens a [Session] ([Service.StartSession]) named by a random token
// that is stored only as its SHA-256 and ends at its expiry or when
// [Service.EndSession] records its revocation. A [Role] (viewer, officer,
// supervisor) says which steps an officer may take ([Role.MayAct]) and
// whether it manages partners ([Role.MayManage]).
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
// Still open: a renderer for the SKLM; closing a card whose last member
// died; a correction of the child's name does not reissue the KIA (kia.Card
// has no version), and only the akta kelahiran is corrected; a card built
// from a report is completed only by importing the whole card (no
// field-by-field completion); the duplicate rules hold a report only on the
// mother's NIK, the deceased's NIK and the external_ref (a mother reported
// without a NIK is not matched).
package registry
