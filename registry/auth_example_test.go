package registry_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/adminduk-id/adminduk/partnership"
	"github.com/adminduk-id/adminduk/registry"
	"github.com/adminduk-id/adminduk/registry/sqlite"
	"github.com/adminduk-id/adminduk/registry/storetest"
)

// An officer creates an API key for a partner faskes; the secret is shown
// once, authenticates the partner, and stops working the moment the key is
// revoked.
func ExampleService_Authenticate() {
	ctx := context.Background()
	dir, _ := os.MkdirTemp("", "registry-auth-example")
	defer os.RemoveAll(dir)
	store, err := sqlite.Open(ctx, filepath.Join(dir, "registry.db"), sqlite.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer store.Close()
	clk := storetest.NewClock(storetest.Today)
	svc, err := registry.New(registry.Config{Store: store, Offices: []registry.Office{storetest.Office()},
		Now: clk.Now, NewID: storetest.IDs("key")})
	if err != nil {
		fmt.Println(err)
		return
	}
	ag := storetest.Agreement("pks-1", "pkm-1", partnership.Active, storetest.Today.AddYears(-1), storetest.Today.AddYears(1))
	if err := store.PutAgreement(ctx, &ag, "admin"); err != nil {
		fmt.Println(err)
		return
	}

	key, secret, err := svc.CreateAPIKey(ctx, storetest.Regency, "pkm-1", "admin", "SIMRS")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(key.ID, secret[:4], len(secret))
	p, err := svc.Authenticate(ctx, secret)
	fmt.Println(p.Kind, p.PartnerID, p.Office, err)

	if err := svc.RevokeAPIKey(ctx, storetest.Regency, key.ID, "admin"); err != nil {
		fmt.Println(err)
		return
	}
	_, err = svc.Authenticate(ctx, secret)
	fmt.Println(errors.Is(err, registry.ErrUnauthenticated), err)
	// Output:
	// key-000001 adk_ 47
	// partner pkm-1 62.08 <nil>
	// true registry: credential "key-000001" refused: revoked
}
