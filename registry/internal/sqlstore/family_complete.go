package sqlstore

import (
	"context"
	"fmt"

	"github.com/adminduk-id/adminduk/registry"
)

// CompleteFamily implements registry.Store.
func (s *Store) CompleteFamily(ctx context.Context, v registry.FamilyVersion, doc registry.Document) error {
	if doc.Type != registry.DocKK || doc.Number != v.Number.String() || doc.Version != v.Version || doc.Office != v.Office {
		return fmt.Errorf("registry store: KK %s version %d: the document is %s %s version %d: %w",
			v.Number, v.Version, doc.Type, doc.Number, doc.Version, registry.ErrConflict)
	}
	return s.inTx(ctx, func(tx querier) error {
		if err := s.putFamily(ctx, tx, v); err != nil {
			return err
		}
		view := &txView{s: s, tx: tx, office: v.Office, actor: v.Actor}
		reason := fmt.Sprintf("diganti KK %s versi %d", v.Number, v.Version)
		if _, err := view.ChangeState(ctx, registry.DocKK, doc.Number, registry.DocReplaced, v.At, v.Actor, reason); err != nil {
			return err
		}
		if err := s.insertDocuments(ctx, tx, []registry.Document{doc}); err != nil {
			return err
		}
		return s.audit(ctx, tx, v.Office, s.t(v.At), v.Actor, "family.import", v.Number.String(),
			fmt.Sprintf("version %d, %d members, KK issued", v.Version, len(v.Card.Members)))
	})
}
