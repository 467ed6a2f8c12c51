package registry

import (
	"fmt"
	"strings"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/akta"
)

// SubjectRole is how a report names a person or a reference in the person
// index (see [SubjectKey]).
type SubjectRole string

// Roles of the person index.
const (
	RoleMother      SubjectRole = "mother"
	RoleFather      SubjectRole = "father"
	RoleDeceased    SubjectRole = "deceased"
	RoleChild       SubjectRole = "child"        // the newborn of a birth report (no NIK yet: Key "")
	RoleExternalRef SubjectRole = "external_ref" // the partner's own reference
)

// SubjectKey is one entry of the person index a store keeps for each body
// version of a report: who or what the report names (a NIK or the
// external_ref), in which role, with the day of the event and, for births
// and stillbirths, the jenis kelahiran and birth order that tell twins from
// duplicates. Duplicate rules, a person's history and coverage are indexed
// look-ups in it.
type SubjectKey struct {
	Role       SubjectRole   `json:"role"`
	Key        string        `json:"key"` // the NIK or the reference; "" for a child without NIK
	ReportID   string        `json:"report_id"`
	Kind       Kind          `json:"kind"`
	Day        adminduk.Date `json:"day"`                   // the birth, death or stillbirth
	Multiple   bool          `json:"multiple,omitempty"`    // jenis kelahiran says kembar
	BirthOrder int           `json:"birth_order,omitempty"` // kelahiran ke-
	Kecamatan  wilayah.Code  `json:"kecamatan,omitzero"`    // of the family's address
}

// SubjectKeys returns the person index entries of the report's body: the
// mother and father (births, stillbirths), the child (births), the deceased
// (deaths with a NIK) and the external_ref. A body that does not decode is an
// error; dates and codes that do not parse leave the entry out (a stored body
// has been validated).
func (r *Report) SubjectKeys() ([]SubjectKey, error) {
	body, err := r.decodeBody()
	if err != nil {
		return nil, err
	}
	return r.subjectKeysOf(body)
}

// decodeBody decodes the body of the report's kind: a *BirthReport,
// *DeathReport or *StillbirthReport.
func (r *Report) decodeBody() (any, error) {
	switch r.Kind {
	case KindBirth:
		return r.Birth()
	case KindDeath:
		return r.Death()
	case KindStillbirth:
		return r.Stillbirth()
	}
	return nil, fmt.Errorf("registry: report %q: kind %s has no subjects", r.ID, r.Kind)
}

// subjectKeysOf is [Report.SubjectKeys] of body, r's body decoded (or the
// body r was made from): one decode serves every step of a request.
func (r *Report) subjectKeysOf(body any) ([]SubjectKey, error) {
	var out []SubjectKey
	add := func(role SubjectRole, key string, day adminduk.Date, multiple bool, order int, kec wilayah.Code) {
		if day.IsZero() || (key == "" && role != RoleChild) {
			return
		}
		out = append(out, SubjectKey{Role: role, Key: key, ReportID: r.ID, Kind: r.Kind, Day: day,
			Multiple: multiple, BirthOrder: order, Kecamatan: kec})
	}
	kecamatan := func(village string) wilayah.Code {
		v, err := wilayah.ParseCode(village)
		if err != nil {
			return wilayah.Code{}
		}
		return v.District()
	}
	multiple := func(s string) bool {
		m, err := akta.ParseMultiplicity(s)
		return err == nil && m > akta.Single
	}
	var day adminduk.Date
	switch b := body.(type) {
	case *BirthReport:
		day, _ = adminduk.ParseDate(b.Child.BirthDate)
		m, kec := multiple(b.Child.Multiplicity), kecamatan(b.Family.Address.Village)
		add(RoleMother, b.Mother.NIK, day, m, b.Child.BirthOrder, kec)
		if b.Father != nil {
			add(RoleFather, b.Father.NIK, day, m, b.Child.BirthOrder, kec)
		}
		add(RoleChild, "", day, m, b.Child.BirthOrder, kec)
	case *StillbirthReport:
		day, _ = adminduk.ParseDate(b.Date)
		add(RoleMother, b.Mother.NIK, day, multiple(b.Multiplicity), b.BirthOrder, kecamatan(b.Family.Address.Village))
	case *DeathReport:
		day, _ = adminduk.ParseDate(b.DeathDate)
		add(RoleDeceased, b.Deceased.NIK, day, false, 0, kecamatan(b.Family.Address.Village))
	default:
		return nil, fmt.Errorf("registry: report %q: kind %s has no subjects", r.ID, r.Kind)
	}
	if r.ExternalRef != "" {
		add(RoleExternalRef, r.ExternalRef, day, false, 0, wilayah.Code{})
	}
	return out, nil
}

// DuplicateRule says when two reports may be about the same event: both are
// of one of Kinds (and of the same kind with SameKind), both name the same
// Key in Role, and their event days are between MinDays and MaxDays apart
// (MaxDays -1: any distance). With TwinsExempt, two reports whose jenis
// kelahiran both say kembar and whose birth orders differ are twins, not
// duplicates. Rules are data: [Config.DuplicateRules] replaces
// [DefaultDuplicateRules].
type DuplicateRule struct {
	Name        string      `json:"name"`
	Kinds       []Kind      `json:"kinds"`
	SameKind    bool        `json:"same_kind,omitempty"`
	Role        SubjectRole `json:"role"`
	MinDays     int         `json:"min_days"`
	MaxDays     int         `json:"max_days"`
	TwinsExempt bool        `json:"twins_exempt,omitempty"`
}

// Names of the default rules.
const (
	RuleSameMotherBirthDate = "same-mother-birth-date"
	RuleBirthInterval       = "birth-interval"
	RuleSameExternalRef     = "same-external-ref"
	RuleSameDeceased        = "same-deceased"
)

// BirthIntervalDays is the shortest possible interval between two births of
// one mother used by the default rules: nine months (273 days).
const BirthIntervalDays = 273

// DefaultDuplicateRules returns the rules a [Service] applies when its
// [Config] has none: the same mother with a birth (or stillbirth) within one
// day, twins exempt; the same mother with another birth within nine months
// (biologically impossible); the same external_ref from two partners for the
// same kind of event; the same deceased NIK twice (a person dies once).
func DefaultDuplicateRules() []DuplicateRule {
	births := []Kind{KindBirth, KindStillbirth}
	return []DuplicateRule{
		{Name: RuleSameMotherBirthDate, Kinds: births, Role: RoleMother, MinDays: 0, MaxDays: 1, TwinsExempt: true},
		{Name: RuleBirthInterval, Kinds: births, Role: RoleMother, MinDays: 2, MaxDays: BirthIntervalDays},
		{Name: RuleSameExternalRef, Kinds: []Kind{KindBirth, KindDeath, KindStillbirth}, SameKind: true,
			Role: RoleExternalRef, MinDays: 0, MaxDays: -1},
		{Name: RuleSameDeceased, Kinds: []Kind{KindDeath}, Role: RoleDeceased, MinDays: 0, MaxDays: -1},
	}
}

// Validate checks the rule: a name, known kinds and role, a day range.
func (r DuplicateRule) Validate() error {
	c := adminduk.Checker{What: "registry: invalid duplicate rule"}
	if strings.TrimSpace(r.Name) == "" {
		c.Required(adminduk.NewPointer("name"))
	}
	if len(r.Kinds) == 0 {
		c.Required(adminduk.NewPointer("kinds"))
	}
	for i, k := range r.Kinds {
		if !k.IsValid() {
			c.AddCode(adminduk.NewPointer("kinds").Index(i), adminduk.CodeInvalid, "jenis laporan tidak dikenal", "unknown kind of report")
		}
	}
	switch r.Role {
	case RoleMother, RoleFather, RoleDeceased, RoleExternalRef:
	default:
		c.AddCode(adminduk.NewPointer("role"), adminduk.CodeInvalid, "peran tidak dikenal",
			"must be mother, father, deceased or external_ref")
	}
	if r.MinDays < 0 || (r.MaxDays >= 0 && r.MaxDays < r.MinDays) || r.MaxDays < -1 {
		c.AddCode(adminduk.NewPointer("max_days"), adminduk.CodeRange, "rentang hari tidak sah",
			"days must satisfy 0 <= min_days <= max_days, or max_days -1")
	}
	return c.Err()
}

func (r *DuplicateRule) applies(k Kind) bool {
	for _, x := range r.Kinds {
		if x == k {
			return true
		}
	}
	return false
}

// match reports whether candidate c matches own key k under r (both in r.Role
// with the same key; the store found c).
func (r *DuplicateRule) match(k, c SubjectKey) bool {
	if c.ReportID == k.ReportID || !r.applies(c.Kind) || (r.SameKind && c.Kind != k.Kind) {
		return false
	}
	d := k.Day.DaysSince(c.Day)
	if d < 0 {
		d = -d
	}
	if d < r.MinDays || (r.MaxDays >= 0 && d > r.MaxDays) {
		return false
	}
	if r.TwinsExempt && k.Multiple && c.Multiple && k.BirthOrder != c.BirthOrder {
		return false
	}
	return true
}

// KeyQuery selects entries of the person index: Role and Key, event days from
// From to To (inclusive; zero: unbounded), of current body versions of
// reports other than Except that are not archived.
type KeyQuery struct {
	Office wilayah.Code
	Role   SubjectRole
	Key    string
	From   adminduk.Date
	To     adminduk.Date
	Except string
}

// DuplicateLink records that a rule matched a candidate report.
type DuplicateLink struct {
	ReportID    string    `json:"report_id"`
	CandidateID string    `json:"candidate_id"`
	Rule        string    `json:"rule"`
	At          time.Time `json:"at"`
}

// DuplicateDecision is an officer's decision on a pair of reports: Duplicate
// (ReportID is archived as a duplicate of CandidateID) or not.
type DuplicateDecision struct {
	ReportID    string    `json:"report_id"`
	CandidateID string    `json:"candidate_id"`
	Duplicate   bool      `json:"duplicate"`
	Reason      string    `json:"reason"`
	Actor       string    `json:"actor"`
	At          time.Time `json:"at"`
}

// ErrUnresolvedDuplicate: a report that may duplicate another cannot be
// registered before an officer decides. It unwraps to [ErrInvalidTransition].
var ErrUnresolvedDuplicate = adminduk.Sentinel("registry: potential duplicate not decided", ErrInvalidTransition)

// DuplicateError reports a registration refused because the report matches
// other reports no officer has decided on. It unwraps to
// [ErrUnresolvedDuplicate].
type DuplicateError struct {
	ReportID string
	Links    []DuplicateLink // the undecided matches
}

func (e *DuplicateError) Error() string {
	ids := make([]string, 0, len(e.Links))
	for _, l := range e.Links {
		ids = append(ids, fmt.Sprintf("%q (%s)", l.CandidateID, l.Rule))
	}
	return fmt.Sprintf("registry: report %q may duplicate %s: mark it duplicate or not first",
		e.ReportID, strings.Join(ids, ", "))
}

// Unwrap returns [ErrUnresolvedDuplicate].
func (e *DuplicateError) Unwrap() error { return ErrUnresolvedDuplicate }
