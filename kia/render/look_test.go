package render

import (
	"crypto/ed25519"
	"os"
	"path/filepath"
	"testing"

	"github.com/adminduk-id/adminduk/adminduk/credential"
	"github.com/adminduk-id/adminduk/kia"
)

func TestLook(t *testing.T) {
	dir := os.Getenv("KIA_LOOK")
	if dir == "" {
		t.Skip()
	}
	key := ed25519.NewKeyFromSeed(make([]byte, 32))
	for _, name := range []string{"newborn", "child", "long", "foreign"} {
		data, err := os.ReadFile("../testdata/" + name + ".json")
		if err != nil {
			t.Fatal(err)
		}
		c, err := kia.DecodeCard(data, kia.DecodeOptions{ReadPhoto: func(p string) ([]byte, error) {
			return os.ReadFile("../testdata/" + p)
		}})
		if err != nil {
			t.Fatal(err)
		}
		s, err := credential.NewSigner(c.Issuer.ID(), key)
		if err != nil {
			t.Fatal(err)
		}
		o := Options{Signer: s}
		f, _ := os.Create(filepath.Join(dir, name+".pdf"))
		if err := WritePDF(f, []*kia.Card{c}, o); err != nil {
			t.Fatal(err)
		}
		f.Close()
		f, _ = os.Create(filepath.Join(dir, name+".png"))
		if err := WritePNG(f, c, o); err != nil {
			t.Fatal(err)
		}
		f.Close()
		f, _ = os.Create(filepath.Join(dir, name+".txt"))
		Dump(f, c, o)
		f.Close()
	}
}
