package credential

import (
	"errors"
	"time"

	"github.com/fxamacker/cbor/v2"
)

// wireClaims is the CWT claims map (RFC 8392) of CREDENTIAL.md. Encoded in
// core deterministic order its keys come out as 1, 4, 6, 169, -65537.
type wireClaims struct {
	Iss      *string       `cbor:"1,keyasint,omitempty"`
	Exp      *int64        `cbor:"4,keyasint,omitempty"`
	Iat      *int64        `cbor:"6,keyasint,omitempty"`
	Identity *wireIdentity `cbor:"169,keyasint,omitempty"`
	Document *wireDocument `cbor:"-65537,keyasint,omitempty"`
}

// wireIdentity is the Claim 169 map. When decoding it also accepts a byte
// string that wraps the map, as MOSIP Inji Certify emits it.
type wireIdentity struct {
	NIK         string `cbor:"1,keyasint,omitempty"`
	Name        string `cbor:"4,keyasint,omitempty"`
	BirthDate   string `cbor:"8,keyasint,omitempty"`
	Sex         int64  `cbor:"9,keyasint,omitempty"`
	Nationality string `cbor:"13,keyasint,omitempty"`
	District    string `cbor:"21,keyasint,omitempty"`
	Country     string `cbor:"23,keyasint,omitempty"`
}

// wireDocument is the private-use document map.
type wireDocument struct {
	Type       string `cbor:"1,keyasint,omitempty"`
	Number     string `cbor:"2,keyasint,omitempty"`
	ValidUntil string `cbor:"3,keyasint,omitempty"`
	KKNumber   string `cbor:"4,keyasint,omitempty"`
	EventDate  string `cbor:"5,keyasint,omitempty"`
	EventPlace string `cbor:"6,keyasint,omitempty"`
	Version    int    `cbor:"7,keyasint,omitempty"`
}

// encMode is RFC 8949 core deterministic encoding: shortest integers,
// map keys sorted by their encoded bytes, definite lengths.
var encMode = mustEncMode(cbor.CoreDetEncOptions())

// decMode decodes claims strictly enough that two verifiers cannot read one
// signed message two ways: no duplicate keys, no indefinite lengths, valid
// UTF-8, bounded nesting. Unknown claims are ignored.
var decMode = mustDecMode(cbor.DecOptions{
	DupMapKey:       cbor.DupMapKeyEnforcedAPF,
	IndefLength:     cbor.IndefLengthForbidden,
	UTF8:            cbor.UTF8RejectInvalid,
	MaxNestedLevels: 16,
})

func mustEncMode(o cbor.EncOptions) cbor.EncMode {
	m, err := o.EncMode()
	if err != nil {
		panic(err) // the options are constant
	}
	return m
}

func mustDecMode(o cbor.DecOptions) cbor.DecMode {
	m, err := o.DecMode()
	if err != nil {
		panic(err) // the options are constant
	}
	return m
}

// UnmarshalCBOR decodes the Claim 169 map, or a byte string that holds one.
func (w *wireIdentity) UnmarshalCBOR(b []byte) error {
	type plain wireIdentity         // no UnmarshalCBOR: no recursion
	if len(b) > 0 && b[0]>>5 == 2 { // major type 2: byte string
		var inner []byte
		if err := decMode.Unmarshal(b, &inner); err != nil {
			return err
		}
		b = inner
	}
	if len(b) == 0 || b[0]>>5 != 5 { // major type 5: map
		return errors.New("claim 169 is neither a map nor a byte string wrapping one")
	}
	return decMode.Unmarshal(b, (*plain)(w))
}

// marshal encodes c as its deterministic CBOR claims map.
func (c *Claims) marshal() ([]byte, error) {
	iat := c.IssuedAt.Unix()
	w := wireClaims{Iss: &c.Issuer, Iat: &iat}
	if !c.Expires.IsZero() {
		exp := c.Expires.Unix()
		w.Exp = &exp
	}
	id := c.Identity.wire()
	if id != (wireIdentity{}) {
		w.Identity = &id
	}
	doc := wireDocument(c.Document)
	if doc.Version == 1 {
		doc.Version = 0 // absent means version 1 (CREDENTIAL.md)
	}
	w.Document = &doc
	return encMode.Marshal(w)
}

// wire returns the identity with the sex widened for the wire struct.
func (id Identity) wire() wireIdentity {
	return wireIdentity{NIK: id.NIK, Name: id.Name, BirthDate: id.BirthDate, Sex: int64(id.Sex),
		Nationality: id.Nationality, District: id.District, Country: id.Country}
}

// unmarshalClaims decodes a claims map. iss, iat and the document map are
// required; claim 169 may be a map or a byte string wrapping one.
func unmarshalClaims(b []byte) (Claims, error) {
	if len(b) == 0 || b[0]>>5 != 5 {
		return Claims{}, errors.New("claims are not a CBOR map")
	}
	var w wireClaims
	if err := decMode.Unmarshal(b, &w); err != nil {
		return Claims{}, err
	}
	switch {
	case w.Iss == nil:
		return Claims{}, errors.New("claim 1 (iss) is missing")
	case w.Iat == nil:
		return Claims{}, errors.New("claim 6 (iat) is missing")
	case w.Document == nil:
		return Claims{}, errors.New("claim -65537 (document) is missing")
	}
	c := Claims{Issuer: *w.Iss, IssuedAt: time.Unix(*w.Iat, 0).UTC(), Document: Document(*w.Document)}
	if w.Exp != nil {
		c.Expires = time.Unix(*w.Exp, 0).UTC()
	}
	if id := w.Identity; id != nil {
		if id.Sex < -1<<31 || id.Sex > 1<<31-1 {
			return Claims{}, errors.New("claim 169 key 9 (sex) is out of range")
		}
		c.Identity = Identity{NIK: id.NIK, Name: id.Name, BirthDate: id.BirthDate, Sex: int(id.Sex),
			Nationality: id.Nationality, District: id.District, Country: id.Country}
	}
	return c, nil
}
