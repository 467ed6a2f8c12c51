package registry

import (
	"time"

	"context"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
)

// FamilyStore is the part of [Store] that keeps the family register, the
// registered deaths and stillbirths.
type FamilyStore interface {
	// ImportFamily stores v (source import), journaled; when v.Version is not
	// the next version of its KK (1 for a KK not held) it fails with a
	// *VersionConflictError and writes nothing.
	ImportFamily(ctx context.Context, v FamilyVersion) error
	// Family returns version (0: the current one) of KK kk, or ErrNotFound.
	Family(ctx context.Context, office wilayah.Code, kk adminduk.KK, version int) (FamilyVersion, error)
	// FamilyOf returns the current version of the KK in use (not replaced)
	// that lists nik, or ErrNotFound.
	FamilyOf(ctx context.Context, office wilayah.Code, nik adminduk.NIK) (FamilyVersion, error)
	// Death returns the registered death of nik, or ErrNotFound.
	Death(ctx context.Context, office wilayah.Code, nik adminduk.NIK) (DeathRecord, error)
	// DeathOfBirthReport returns the registered death linked to a birth
	// report (a newborn who died before registration), or ErrNotFound.
	DeathOfBirthReport(ctx context.Context, office wilayah.Code, birthReportID string) (DeathRecord, error)
	// Stillbirths returns the stillbirths registered with a date from from
	// to to (both included), by date then report.
	Stillbirths(ctx context.Context, office wilayah.Code, from, to adminduk.Date) ([]StillbirthRecord, error)
}

// RegisterTx is what [Registering.BuildTx] may read and write inside the
// registration's store transaction, for the office being registered in.
// Reads see the transaction's own writes; whatever it writes is committed
// with the registration or not at all.
type RegisterTx interface {
	// Family returns the current version of KK kk, or ErrNotFound.
	Family(ctx context.Context, kk adminduk.KK) (FamilyVersion, error)
	// FamilyOf returns the current version of the KK in use that lists nik,
	// or ErrNotFound.
	FamilyOf(ctx context.Context, nik adminduk.NIK) (FamilyVersion, error)
	// NextKKSerial takes the next serial (1-9999) of new KK numbers of a
	// kecamatan recorded on day; after 9999 it fails with ErrExhausted.
	NextKKSerial(ctx context.Context, kecamatan wilayah.Code, day adminduk.Date) (int, error)
	// NextDocSerial takes the next serial (1-9999) of the office's daily
	// sequence of document type t; after 9999 it fails with ErrExhausted.
	NextDocSerial(ctx context.Context, t DocType, day adminduk.Date) (int, error)
	// Registration returns what registering a report allocated, or ErrNotFound.
	Registration(ctx context.Context, reportID string) (Registration, error)
	// Death returns the registered death of nik, or ErrNotFound.
	Death(ctx context.Context, nik adminduk.NIK) (DeathRecord, error)
	// DeathOfBirthReport returns the death linked to a birth report, or ErrNotFound.
	DeathOfBirthReport(ctx context.Context, birthReportID string) (DeathRecord, error)
	// PutFamily stores a new version (v.Version the next one of its KK, or 1
	// for a number the registry does not hold); when another transaction
	// stored it first it fails with a *VersionConflictError.
	PutFamily(ctx context.Context, v FamilyVersion) error
	// ChangeState appends a state change (replaced, revoked) to the current
	// version of a document, journaled with actor and reason; it reports
	// false when the registry issued no such document.
	ChangeState(ctx context.Context, t DocType, number string, status DocStatus, at time.Time, actor, reason string) (bool, error)
	// RecordDeath stores a registered death; a second death of one NIK is a
	// *DeceasedError.
	RecordDeath(ctx context.Context, d DeathRecord) error
	// RecordStillbirth stores a registered stillbirth.
	RecordStillbirth(ctx context.Context, s StillbirthRecord) error
}
