package credential_test

import (
	"crypto/ed25519"
	"fmt"
	"time"

	"github.com/adminduk-id/adminduk/internal/credential"
)

func Example() {
	key := ed25519.NewKeyFromSeed(make([]byte, ed25519.SeedSize)) // use credential.GenerateKey
	signer, _ := credential.NewSigner("ID-6208", key)
	issued := time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)
	payload, _ := signer.Sign(credential.Claims{
		IssuedAt: issued,
		Expires:  credential.EndOfDayWIB(time.Date(2028, 12, 4, 0, 0, 0, 0, time.UTC)),
		Identity: credential.Identity{NIK: "6208014512230001", Name: "SITI AMINAH", BirthDate: "20231205", Sex: 2},
		Document: credential.Document{Type: credential.TypeKIA, Number: "6208014512230001", ValidUntil: "20281204"},
	})
	keys := credential.KeySet{Keys: []credential.Key{signer.PublicKey(issued.AddDate(0, -1, 0))}}
	fmt.Println(credential.Verify(payload, keys, issued).Status)
	fmt.Println(credential.Verify(payload, keys, time.Date(2028, 12, 5, 0, 0, 0, 0, time.UTC)).Status)
	// Output:
	// valid
	// expired
}
