package credential

import (
	"errors"
	"fmt"
	"regexp"
	"time"

	"github.com/fxamacker/cbor/v2"
)

// Document types.
const (
	TypeKIA            = "KIA"
	TypeAktaKelahiran  = "AKTA-KELAHIRAN"
	TypeAktaKematian   = "AKTA-KEMATIAN"
	NationalityIDN     = "IDN"
	sexMale, sexFemale = 1, 2
)

// CWT claim keys (RFC 8392), the Claim 169 identity claim (IANA CWT claim
// 169, MOSIP) and the private-use document claim.
const (
	keyIss      = 1
	keyExp      = 4
	keyIat      = 6
	keyIdentity = 169
	keyDocument = -65537
)

// Claims is what a credential says. Zero fields are left out of the CBOR.
type Claims struct {
	Issuer   string    // "ID-" + 4-digit kab/kota code, e.g. "ID-6208"
	IssuedAt time.Time // whole seconds
	Expires  time.Time // KIA only: end of the valid-until day; zero for akta
	Identity Identity
	Document Document
}

// Identity is the Claim 169 map. Never put a photo or biometrics here.
type Identity struct {
	NIK         string // key 1
	Name        string // key 4, as printed
	BirthDate   string // key 8, YYYYMMDD
	Sex         int    // key 9: 1 male, 2 female, 0 absent
	Nationality string // key 13, ISO 3166 alpha-3, "IDN"
	District    string // key 21, kecamatan of the address, "62.08.01"
	Country     string // key 23, country of issuance, "IDN"
}

// Document is the private-use document map.
type Document struct {
	Type       string // key 1: "KIA", "AKTA-KELAHIRAN", "AKTA-KEMATIAN"
	Number     string // key 2: the NIK for a KIA, the register number for an akta
	ValidUntil string // key 3: KIA valid-until, YYYYMMDD
	KKNumber   string // key 4
	EventDate  string // key 5: birth or death, YYYYMMDD
	EventPlace string // key 6
}

// wib is Asia/Jakarta as a fixed zone (UTC+7; no daylight saving), so that no
// tzdata is needed.
var wib = time.FixedZone("WIB", 7*3600)

// EndOfDayWIB returns 23:59:59 Asia/Jakarta on the calendar date of d: the
// exp of a KIA valid until d.
func EndOfDayWIB(d time.Time) time.Time {
	y, m, day := d.Date()
	return time.Date(y, m, day, 23, 59, 59, 0, wib)
}

// ErrClaims is returned by [Signer.Sign] for claims that break the format.
var ErrClaims = errors.New("credential: invalid claims")

var (
	issuerRe = regexp.MustCompile(`^ID-[0-9]{4}$`)
	dateRe   = regexp.MustCompile(`^[0-9]{8}$`)
)

func (c *Claims) check() error {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: "+format, append([]any{ErrClaims}, args...)...)
	}
	switch {
	case !issuerRe.MatchString(c.Issuer):
		return bad("issuer %q: want ID- and 4 digits", c.Issuer)
	case c.IssuedAt.IsZero():
		return bad("issued-at is missing")
	case c.Document.Type == "":
		return bad("document type is missing")
	case c.Identity.Sex != 0 && c.Identity.Sex != sexMale && c.Identity.Sex != sexFemale:
		return bad("sex %d: want 1 or 2", c.Identity.Sex)
	}
	for name, d := range map[string]string{"birth date": c.Identity.BirthDate, "valid-until": c.Document.ValidUntil, "event date": c.Document.EventDate} {
		if d != "" && !dateRe.MatchString(d) {
			return bad("%s %q: want YYYYMMDD", name, d)
		}
	}
	return nil
}

// encMode is RFC 8949 core deterministic encoding: shortest integers,
// sorted map keys.
var encMode = func() cbor.EncMode {
	m, err := cbor.CoreDetEncOptions().EncMode()
	if err != nil {
		panic(err)
	}
	return m
}()

// putText adds a text field when it is not empty.
func putText(m map[int]any, k int, v string) {
	if v != "" {
		m[k] = v
	}
}

// marshal encodes the claims as a deterministic CBOR map.
func (c *Claims) marshal() ([]byte, error) {
	id := map[int]any{}
	putText(id, 1, c.Identity.NIK)
	putText(id, 4, c.Identity.Name)
	putText(id, 8, c.Identity.BirthDate)
	if c.Identity.Sex != 0 {
		id[9] = c.Identity.Sex
	}
	putText(id, 13, c.Identity.Nationality)
	putText(id, 21, c.Identity.District)
	putText(id, 23, c.Identity.Country)
	doc := map[int]any{}
	putText(doc, 1, c.Document.Type)
	putText(doc, 2, c.Document.Number)
	putText(doc, 3, c.Document.ValidUntil)
	putText(doc, 4, c.Document.KKNumber)
	putText(doc, 5, c.Document.EventDate)
	putText(doc, 6, c.Document.EventPlace)
	cwt := map[int]any{keyIss: c.Issuer, keyIat: c.IssuedAt.Unix(), keyDocument: doc}
	if len(id) > 0 {
		cwt[keyIdentity] = id
	}
	if !c.Expires.IsZero() {
		cwt[keyExp] = c.Expires.Unix()
	}
	return encMode.Marshal(cwt)
}

// decMode refuses duplicate map keys and bounds nesting.
var decMode = func() cbor.DecMode {
	m, err := cbor.DecOptions{DupMapKey: cbor.DupMapKeyEnforcedAPF, MaxNestedLevels: 8}.DecMode()
	if err != nil {
		panic(err)
	}
	return m
}()

// unmarshalClaims decodes a claims map; unknown keys are ignored. Claim 169
// may be a map or a byte string wrapping one (as MOSIP Inji Certify emits).
func unmarshalClaims(b []byte) (Claims, error) {
	var raw map[int64]cbor.RawMessage
	if err := decMode.Unmarshal(b, &raw); err != nil {
		return Claims{}, err
	}
	var c Claims
	var iat, exp int64
	if err := decodeField(raw, keyIss, &c.Issuer, true); err != nil {
		return Claims{}, err
	}
	if err := decodeField(raw, keyIat, &iat, true); err != nil {
		return Claims{}, err
	}
	if err := decodeField(raw, keyExp, &exp, false); err != nil {
		return Claims{}, err
	}
	c.IssuedAt = time.Unix(iat, 0).UTC()
	if _, ok := raw[keyExp]; ok {
		c.Expires = time.Unix(exp, 0).UTC()
	}
	if idRaw, ok := raw[keyIdentity]; ok {
		var wrapped []byte
		if decMode.Unmarshal(idRaw, &wrapped) == nil {
			idRaw = wrapped
		}
		var id map[int64]cbor.RawMessage
		if err := decMode.Unmarshal(idRaw, &id); err != nil {
			return Claims{}, fmt.Errorf("claim 169: %w", err)
		}
		var sex int64
		for k, dst := range map[int64]*string{1: &c.Identity.NIK, 4: &c.Identity.Name, 8: &c.Identity.BirthDate,
			13: &c.Identity.Nationality, 21: &c.Identity.District, 23: &c.Identity.Country} {
			if err := decodeField(id, k, dst, false); err != nil {
				return Claims{}, fmt.Errorf("claim 169: %w", err)
			}
		}
		if err := decodeField(id, 9, &sex, false); err != nil {
			return Claims{}, fmt.Errorf("claim 169: %w", err)
		}
		c.Identity.Sex = int(sex)
	}
	docRaw, ok := raw[keyDocument]
	if !ok {
		return Claims{}, errors.New("document claim is missing")
	}
	var doc map[int64]cbor.RawMessage
	if err := decMode.Unmarshal(docRaw, &doc); err != nil {
		return Claims{}, fmt.Errorf("document claim: %w", err)
	}
	for k, dst := range map[int64]*string{1: &c.Document.Type, 2: &c.Document.Number, 3: &c.Document.ValidUntil,
		4: &c.Document.KKNumber, 5: &c.Document.EventDate, 6: &c.Document.EventPlace} {
		if err := decodeField(doc, k, dst, false); err != nil {
			return Claims{}, fmt.Errorf("document claim: %w", err)
		}
	}
	return c, nil
}

func decodeField[T any](m map[int64]cbor.RawMessage, k int64, dst *T, required bool) error {
	v, ok := m[k]
	if !ok {
		if required {
			return fmt.Errorf("claim %d is missing", k)
		}
		return nil
	}
	if err := decMode.Unmarshal(v, dst); err != nil {
		return fmt.Errorf("claim %d: %w", k, err)
	}
	return nil
}
