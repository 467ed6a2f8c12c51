package registry

import (
	"fmt"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/akta"
)

// FamilySource says where a version of a family card came from.
type FamilySource string

// Sources of family versions.
const (
	// FamilyImported: seeded from a SIAK export or entered by an officer
	// ([Service.ImportFamily]); complete as the card was.
	FamilyImported FamilySource = "import"
	// FamilyFromReport: built from a birth report because the registry did
	// not hold the family's KK (the report named a KK the registry does not
	// know, or no KK: a new family). Its members are the parents and the
	// child as the report gives them; what a report does not carry (the
	// parents' religion, education, occupation, birth place) is left unknown
	// for an officer to complete from SIAK. It is always version 1 in this
	// registry, whatever version SIAK holds.
	FamilyFromReport FamilySource = "report"
	// FamilyNext: the next version of a version the registry holds (a
	// child added, a deceased member taken out, or a new KK number after
	// the head's death).
	FamilyNext FamilySource = "registry"
)

// IsValid reports whether s is one of the sources.
func (s FamilySource) IsValid() bool {
	return s == FamilyImported || s == FamilyFromReport || s == FamilyNext
}

// FamilyVersion is one version of a family card (KK) in the family register:
// its number and version, where it came from, its state, and the card
// itself (members with NIK, name, relationship to the head, sex, birth date
// and the rest the KK prints). Versions are never overwritten: a change is
// the next version, and a new KK number (after the head's death) names the
// one it replaces in Previous.
type FamilyVersion struct {
	Office  wilayah.Code `json:"office"`
	Number  adminduk.KK  `json:"number"`
	Version int          `json:"version"`
	Source  FamilySource `json:"source"`
	// Status is DocActive for the current version of a KK still in use,
	// DocReplaced for an older version or a KK replaced by a new number.
	Status DocStatus `json:"status"`
	// Previous is the KK this version's new number replaces (zero when the
	// number did not change); ReplacedBy the KK that replaced this one.
	Previous   adminduk.KK  `json:"previous,omitzero"`
	ReplacedBy adminduk.KK  `json:"replaced_by,omitzero"`
	ReportID   string       `json:"report_id,omitempty"` // the report that made it; "" for an import
	Actor      string       `json:"actor"`
	At         time.Time    `json:"at"`
	Card       *akta.Family `json:"card"`
}

// Printable reports whether the version's card holds every column a printed
// KK has (akta.Family validates). A version built from a report lacks the
// parents' place of birth, religion, education and occupation: it is kept
// in the register (it says who is in the family) but no KK document is
// issued for it until an officer completes the card with
// [Service.ImportFamily]; a KK that cannot be printed is never issued.
func (v *FamilyVersion) Printable() bool {
	return v.Card != nil && v.Card.Validate() == nil
}

// Head returns the head of the family of the version, false when there is none.
func (v *FamilyVersion) Head() (akta.Member, bool) {
	if v.Card == nil {
		return akta.Member{}, false
	}
	return v.Card.Head()
}

// DeathRecord is a registered death: the person (NIK, zero for a newborn who
// died before registration, then linked to its birth report), the date, and
// the death report it was registered from.
type DeathRecord struct {
	Office        wilayah.Code  `json:"office"`
	ReportID      string        `json:"report_id"`
	NIK           adminduk.NIK  `json:"nik,omitzero"`
	BirthReportID string        `json:"birth_report_id,omitempty"`
	DeathDate     adminduk.Date `json:"death_date"`
	At            time.Time     `json:"at"`
}

// StillbirthRecord is a registered stillbirth, as counted: the date, the
// kecamatan of the family's address, the sex if known and the number of its
// surat keterangan lahir mati.
type StillbirthRecord struct {
	Office    wilayah.Code  `json:"office"`
	ReportID  string        `json:"report_id"`
	Number    string        `json:"number"`
	Date      adminduk.Date `json:"date"`
	Kecamatan wilayah.Code  `json:"kecamatan"`
	Sex       adminduk.Sex  `json:"sex,omitzero"`
	At        time.Time     `json:"at"`
}

// ErrDeceased: the person is registered deceased, so no KIA or KTP is
// issued to them and no second death is registered. It unwraps to
// [ErrConflict].
var ErrDeceased = adminduk.Sentinel("registry: person deceased", ErrConflict)

// DeceasedError reports a request about a person registered deceased. It
// unwraps to [ErrDeceased]; its message masks the NIK.
type DeceasedError struct {
	NIK       adminduk.NIK
	DeathDate adminduk.Date
	ReportID  string // the death report
}

func (e *DeceasedError) Error() string {
	return fmt.Sprintf("registry: %s died on %s (death report %q)", e.NIK.Masked(), e.DeathDate, e.ReportID)
}

// Unwrap returns [ErrDeceased].
func (e *DeceasedError) Unwrap() error { return ErrDeceased }

// VersionConflictError reports that another transaction stored the same
// version of a family card first. [Service.Register] retries on it; it
// unwraps to [ErrConflict].
type VersionConflictError struct {
	Office  wilayah.Code
	Number  adminduk.KK
	Version int
}

func (e *VersionConflictError) Error() string {
	return fmt.Sprintf("registry: KK %s version %d in %s was stored by another transaction", e.Number, e.Version, e.Office)
}

// Unwrap returns [ErrConflict].
func (e *VersionConflictError) Unwrap() error { return ErrConflict }
