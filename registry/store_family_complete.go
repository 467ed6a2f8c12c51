package registry

import "context"

// FamilyCompleteStore is the part of [Store] that completes a family card
// the registry could not print (see [FamilyVersion.Printable]).
type FamilyCompleteStore interface {
	// CompleteFamily stores v (source import, the next version of its KK)
	// and, in the same transaction, issues doc, the KK document of v
	// (active, version v.Version, with its signed credential and model, its
	// document.issued webhook event), and marks the last KK document of
	// that number replaced when the registry issued one; journaled. When
	// v.Version is not the next version it fails with a
	// *VersionConflictError and writes nothing.
	CompleteFamily(ctx context.Context, v FamilyVersion, doc Document) error
}
