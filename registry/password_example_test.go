package registry_test

import (
	"fmt"
	"strings"

	"github.com/adminduk-id/adminduk/registry"
)

func ExampleHashPassword() {
	h := registry.HashPassword("kata sandi yang panjang", registry.DefaultPasswordParams)
	fmt.Println(strings.HasPrefix(h, "$argon2id$v=19$m=19456,t=2,p=1$"))
	ok, _ := registry.CheckPassword(h, "kata sandi yang panjang")
	fmt.Println(ok)
	ok, _ = registry.CheckPassword(h, "kata sandi yang salah")
	fmt.Println(ok)
	// Output:
	// true
	// true
	// false
}
