package credential_test

import (
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/adminduk-id/adminduk/adminduk/credential"
)

// A Dinas signs the KIA of a child born on 5 December 2023, valid until the
// day before her 5th birthday; a partner shop verifies it while it is valid
// and after.
func Example() {
	key := ed25519.NewKeyFromSeed(make([]byte, ed25519.SeedSize)) // in production: credential.GenerateKey, kept as PEM
	signer, err := credential.NewSigner("ID-6208", key)
	if err != nil {
		fmt.Println(err)
		return
	}
	exp, _ := credential.KIAExpires("20281204")
	issued := time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)
	payload, err := credential.Sign(credential.Claims{
		IssuedAt: issued,
		Expires:  exp,
		Identity: credential.Identity{NIK: "6208014512230001", Name: "SITI AMINAH", BirthDate: "20231205", Sex: credential.SexFemale},
		Document: credential.Document{Type: credential.TypeKIA, Number: "6208014512230001", ValidUntil: "20281204"},
	}, signer)
	if err != nil {
		fmt.Println(err)
		return
	}
	keys := credential.KeySet{}
	keys.Add(signer.PublicKey(issued.AddDate(0, -1, 0)))

	r := credential.Verify(payload, keys, issued.Add(time.Hour))
	fmt.Println(r.Status, r.Claims.Identity.Name, r.Kid)
	r = credential.Verify(payload, keys, time.Date(2028, 12, 5, 0, 0, 0, 0, time.FixedZone("WIB", 7*3600)))
	fmt.Println(r.Status, errors.Is(r.Err, credential.ErrExpired))
	r = credential.Verify(payload, credential.KeySet{}, issued)
	fmt.Println(r.Status)
	// Output:
	// valid SITI AMINAH 139e3940e64b5491
	// expired true
	// unknown_key
}

func ExampleKIAExpires() {
	exp, _ := credential.KIAExpires("20290309") // a KIA of a child born on 10 March 2012
	fmt.Println(exp.Format(time.RFC3339), exp.Unix())
	// Output: 2029-03-09T23:59:59+07:00 1867769999
}

func ExampleKeySet_MarshalJSON() {
	key := ed25519.NewKeyFromSeed(make([]byte, ed25519.SeedSize))
	signer, _ := credential.NewSigner("ID-6208", key)
	keys := credential.KeySet{}
	keys.Add(signer.PublicKey(time.Unix(1763769600, 0)))
	b, _ := json.MarshalIndent(keys, "", "  ")
	fmt.Println(string(b))
	// Output:
	// {
	//   "keys": [
	//     {
	//       "kty": "OKP",
	//       "crv": "Ed25519",
	//       "x": "O2onvM62pC1io6jQKm8Nc2UyFXcd4kOmOsBIoYtZ2ik",
	//       "kid": "139e3940e64b5491",
	//       "iss": "ID-6208",
	//       "nbf": 1763769600
	//     }
	//   ]
	// }
}

func ExampleStatus_String() {
	for s := credential.StatusValid; s <= credential.StatusMalformed; s++ {
		fmt.Print(s, " ")
	}
	fmt.Println()
	// Output: valid expired not_yet_valid unknown_key invalid_signature malformed
}
