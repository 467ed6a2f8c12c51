package registry

import (
	"context"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
)

// RecordStore is the part of [Store] behind duplicates, resubmission with
// a corrected body, queries, the read journal and coverage.
type RecordStore interface {
	DuplicateStore
	QueryStore
	CoverageStore
}

// DuplicateStore keeps the person index ([SubjectKey]), the body versions of
// reports and the duplicate links and decisions. CreateReport indexes the
// first body ([Report.SubjectKeys]).
type DuplicateStore interface {
	// SubjectKeys returns the person index entries of the current body of
	// a report.
	SubjectKeys(ctx context.Context, office wilayah.Code, reportID string) ([]SubjectKey, error)
	// MatchKeys returns the entries q selects, by an index on (office, role,
	// key, day): its cost does not grow with the number of reports.
	MatchKeys(ctx context.Context, q KeyQuery) ([]SubjectKey, error)
	// FlagDuplicates records links (ignoring ones already recorded) and sets
	// FlagPotentialDuplicate on the report, journaled as actor, in one
	// transaction.
	FlagDuplicates(ctx context.Context, office wilayah.Code, reportID string, links []DuplicateLink, actor string, at time.Time) error
	// DuplicateLinks returns the links of a report, in either direction,
	// oldest first.
	DuplicateLinks(ctx context.Context, office wilayah.Code, reportID string) ([]DuplicateLink, error)
	// DecideDuplicates records decisions on the pairs of reportID and clears
	// its FlagPotentialDuplicate, in one transaction; with archive not nil it
	// also appends that action (its Seq taken: ErrConflict) with status. A
	// pair decided before is ErrConflict.
	DecideDuplicates(ctx context.Context, office wilayah.Code, reportID string, ds []DuplicateDecision, archive *Action, status Status) error
	// DuplicateDecisions returns the decisions naming a report on either
	// side, oldest first.
	DuplicateDecisions(ctx context.Context, office wilayah.Code, reportID string) ([]DuplicateDecision, error)
	// ResubmitBody appends the resubmit action a with status and stores b as
	// the report's next body version (keeping every earlier one), its
	// person index and its flags, in one transaction.
	ResubmitBody(ctx context.Context, office wilayah.Code, reportID string, a Action, status Status, b BodyVersion) error
	// BodyVersions returns every body of a report, version 1 first.
	BodyVersions(ctx context.Context, office wilayah.Code, reportID string) ([]BodyVersion, error)
}

// QueryStore answers the registry's read queries and journals reads.
type QueryStore interface {
	// DocumentsByNIK returns the documents issued for a person: those of
	// the birth registered with that NIK (akta, KIA ...) and of the deaths
	// naming it as the deceased, every version, oldest first.
	DocumentsByNIK(ctx context.Context, office wilayah.Code, nik string) ([]Document, error)
	// PersonReports returns the reports naming a NIK, in any role (the
	// child: the registered NIK), oldest first.
	PersonReports(ctx context.Context, office wilayah.Code, nik string) ([]PersonReport, error)
	// JournalRead appends a "read" entry to the audit journal.
	JournalRead(ctx context.Context, office wilayah.Code, actor, record, detail string, at time.Time) error
}

// CoverageStore keeps the imported population and counts children with
// documents by SQL aggregation.
type CoverageStore interface {
	// ImportPopulation stores p as the office's newest population and
	// returns its import number (1, 2 ...).
	ImportPopulation(ctx context.Context, office wilayah.Code, p *Population, actor string, at time.Time) (int, error)
	// PopulationCounts returns the newest import's children per kecamatan
	// (within region) with ages in ages, and the import's day; ErrNotFound
	// when nothing was imported.
	PopulationCounts(ctx context.Context, office, region wilayah.Code, from, to int) (map[wilayah.Code]int64, adminduk.Date, error)
	// ChildrenWithDocument counts per kecamatan (within region) the
	// registered children born from born to bornTo (inclusive) holding a
	// document of type t issued by asOf (inclusive) of which a version is
	// active, and whose death was not registered by asOf.
	ChildrenWithDocument(ctx context.Context, office, region wilayah.Code, t DocType, born, bornTo, asOf adminduk.Date) (map[wilayah.Code]int64, error)
}

// BodyVersion is one body of a report: version 1 as notified, then one per
// resubmission with a correction.
type BodyVersion struct {
	Version  int       `json:"version"`
	Body     []byte    `json:"body"`
	BodyHash string    `json:"body_hash"`
	Flags    Flags     `json:"flags"`
	Actor    string    `json:"actor"`
	At       time.Time `json:"at"`
	// Keys is the person index of the body (set by the service for the
	// store).
	Keys []SubjectKey `json:"-"`
}

// PersonReport is a report that names a person.
type PersonReport struct {
	ReportID string        `json:"report_id"`
	Kind     Kind          `json:"kind"`
	Role     SubjectRole   `json:"role"`
	Day      adminduk.Date `json:"day"` // of the event
	Status   Status        `json:"status"`
	Created  time.Time     `json:"created"`
}
