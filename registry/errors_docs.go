package registry

import (
	"fmt"

	"github.com/adminduk-id/adminduk/adminduk"
)

// Errors of documents and names.
var (
	// ErrUnsupported: an operation that a document type does not have (a
	// correction of a KIA, the rendering of a type without a renderer).
	ErrUnsupported = adminduk.Sentinel("registry: unsupported", adminduk.ErrInvalid)
	// ErrProvisionalName: a birth whose child has only a provisional name
	// ("Bayi Ny. Siti Aminah") cannot be registered: the akta needs the
	// child's name.
	ErrProvisionalName = adminduk.Sentinel("registry: provisional name", adminduk.ErrInvalid)
)

// UnsupportedError reports an operation a document type does not have. It
// unwraps to [ErrUnsupported].
type UnsupportedError struct {
	Op   string // "correct", "render" ...
	Type DocType
}

func (e *UnsupportedError) Error() string {
	return fmt.Sprintf("registry: cannot %s a document of type %q", e.Op, string(e.Type))
}

// Unwrap returns [ErrUnsupported].
func (e *UnsupportedError) Unwrap() error { return ErrUnsupported }

// DocumentStateError reports a change of a document version that is no
// longer active (replaced or revoked): only the current, active version is
// corrected or revoked. It unwraps to [ErrInvalidTransition].
type DocumentStateError struct {
	Type    DocType
	Number  string
	Version int
	Status  DocStatus
	Op      string
}

func (e *DocumentStateError) Error() string {
	return fmt.Sprintf("registry: cannot %s %s %q version %d: it is %s", e.Op, e.Type, e.Number, e.Version, e.Status)
}

// Unwrap returns [ErrInvalidTransition].
func (e *DocumentStateError) Unwrap() error { return ErrInvalidTransition }

// ProvisionalNameError reports a birth report that still has a provisional
// child name at registration. It unwraps to [ErrProvisionalName].
type ProvisionalNameError struct {
	ReportID string
	Name     string
}

func (e *ProvisionalNameError) Error() string {
	return fmt.Sprintf("registry: report %q: the child has only a provisional name %q: no akta before the name is given", e.ReportID, e.Name)
}

// Unwrap returns [ErrProvisionalName].
func (e *ProvisionalNameError) Unwrap() error { return ErrProvisionalName }
