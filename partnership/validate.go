package partnership

import (
	"strconv"
	"strings"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
)

// Validation follows package adminduk: Validate reports every problem at
// once as a *[adminduk.ValidationError] whose [adminduk.FieldError] values
// point into the JSON form of the value checked (an [Agreement]:
// "/number", "/partner/district", "/scope/benefit/percent", "/end"), say
// what is wrong in Indonesian and English, and unwrap to [ErrInvalid] (so to
// [adminduk.ErrInvalid]). Warnings lists what is accepted but worth a look.

// invalid returns a *adminduk.ValidationError about one field of what; a nil
// sentinel means [ErrInvalid].
func invalid(what string, p adminduk.Pointer, code adminduk.Code, id, en string, sentinel error) error {
	if sentinel == nil {
		sentinel = ErrInvalid
	}
	return &adminduk.ValidationError{What: "partnership: invalid " + what,
		Fields: []adminduk.FieldError{{Pointer: p, Code: code, Indonesian: id, English: en, Err: sentinel}}}
}

// checker collects the field errors of one value.
type checker struct{ adminduk.Checker }

func (c *checker) add(p adminduk.Pointer, code adminduk.Code, id, en string) {
	c.Add(adminduk.FieldError{Pointer: p, Code: code, Indonesian: id, English: en, Err: ErrInvalid})
}

// Validate checks the agreement and reports every problem at once: a
// number, a valid partner (see [Partner.Validate]) and scope (see
// [Scope.Validate]), a valid state; unless it is a draft, signed, start and
// end dates; an end not before the start; no renewal of itself. Errors are
// *[adminduk.ValidationError] values with pointers into the agreement's
// JSON ("/partner/name", "/end") that unwrap to [ErrInvalid].
func (a *Agreement) Validate() error {
	c := checker{adminduk.Checker{What: "partnership: invalid agreement"}}
	if strings.TrimSpace(a.Number) == "" {
		c.add("/number", adminduk.CodeRequired, "nomor perjanjian kosong", "no agreement number")
	}
	a.Partner.validate(&c, "/partner")
	a.Scope.validate(&c, "/scope")
	if !a.State.IsValid() {
		c.add("/state", adminduk.CodeRequired, "status kosong", "no state")
	}
	if a.State.IsValid() && a.State != Draft {
		if a.Signed.IsZero() {
			c.add("/signed", adminduk.CodeRequired, "tanggal tanda tangan kosong untuk perjanjian berstatus "+a.State.String(),
				"no signing date for a "+a.State.String()+" agreement")
		}
		if a.Start.IsZero() {
			c.add("/start", adminduk.CodeRequired, "tanggal mulai kosong", "no start date")
		}
		if a.End.IsZero() {
			c.add("/end", adminduk.CodeRequired, "tanggal berakhir kosong", "no end date")
		}
	}
	if !a.Start.IsZero() && !a.End.IsZero() && a.End.Before(a.Start) {
		c.add("/end", adminduk.CodeOrder, a.End.String()+" sebelum tanggal mulai "+a.Start.String(),
			a.End.String()+" is before start "+a.Start.String())
	}
	if a.ID != "" && (a.Predecessor == a.ID || a.Successor == a.ID) {
		p := adminduk.Pointer("/successor")
		if a.Predecessor == a.ID {
			p = "/predecessor"
		}
		c.add(p, adminduk.CodeInvalid, "perjanjian tidak dapat memperpanjang dirinya sendiri", "an agreement cannot renew itself")
	}
	return c.Err()
}

// Warnings lists what is accepted but worth a look, as
// [adminduk.FieldError] values with pointers into the agreement's JSON: a
// signing date after the start of the term ("/signed"), services unusual
// for the partner's category ("/scope/services"), a retired kecamatan code
// ("/partner/district").
func (a *Agreement) Warnings() []adminduk.FieldError {
	var ws []adminduk.FieldError
	if !a.Signed.IsZero() && !a.Start.IsZero() && a.Signed.After(a.Start) {
		ws = append(ws, adminduk.FieldError{Pointer: "/signed", Code: adminduk.CodeOrder, Err: ErrInvalid,
			Indonesian: "ditandatangani " + a.Signed.String() + ", setelah mulai berlaku " + a.Start.String(),
			English:    "signed on " + a.Signed.String() + ", after its start " + a.Start.String()})
	}
	if odd := unusual(a.Partner.Category, a.Scope.Services); odd != 0 {
		ws = append(ws, adminduk.FieldError{Pointer: "/scope/services", Code: adminduk.CodeMismatch, Err: ErrInvalid,
			Indonesian: "layanan " + odd.String() + " tidak lazim untuk mitra " + a.Partner.Category.String(),
			English:    "services " + odd.String() + " are unusual for a " + a.Partner.Category.String() + " partner"})
	}
	if r, ok := wilayah.Lookup(a.Partner.District); ok && !r.Current() {
		ws = append(ws, adminduk.FieldError{Pointer: "/partner/district", Code: adminduk.CodeRegion, Err: ErrInvalid,
			Indonesian: "kode kecamatan " + r.Code.String() + " sudah tidak berlaku",
			English:    "kecamatan " + r.Code.String() + " is retired"})
	}
	return ws
}

// Validate checks that the partner has a name, a category and a kecamatan
// code that appears in some edition of the Kemendagri tables (a retired code
// is accepted: see [wilayah.Resolve] for its successor), and reports every
// problem at once as a *[adminduk.ValidationError] with pointers into the
// partner's JSON ("/name", "/district").
func (p *Partner) Validate() error {
	c := checker{adminduk.Checker{What: "partnership: invalid partner"}}
	p.validate(&c, "")
	return c.Err()
}

func (p *Partner) validate(c *checker, at adminduk.Pointer) {
	if strings.TrimSpace(p.Name) == "" {
		c.add(at+"/name", adminduk.CodeRequired, "nama mitra kosong", "no name")
	}
	if !p.Category.IsValid() {
		c.add(at+"/category", adminduk.CodeRequired, "kategori kosong", "no category")
	}
	switch {
	case !p.District.IsValid():
		c.add(at+"/district", adminduk.CodeRequired, "kode kecamatan kosong", "no kecamatan code")
	case p.District.Level() != wilayah.LevelDistrict:
		c.add(at+"/district", adminduk.CodeInvalid, quote(p.District.String())+" adalah "+p.District.Level().String()+", seharusnya kecamatan",
			quote(p.District.String())+" is a "+p.District.Level().String()+", want a kecamatan")
	case !wilayah.Known(p.District):
		c.add(at+"/district", adminduk.CodeRegion, quote(p.District.String())+" tidak ada di edisi kode wilayah mana pun",
			quote(p.District.String())+" appears in no edition of the region codes")
	}
}

// Validate checks that the scope has a service and that benefit terms come
// only with [KIABenefit] and give a percentage between 0 and 100, and
// reports every problem at once as a *[adminduk.ValidationError] with
// pointers into the scope's JSON ("/services", "/benefit/percent").
func (s *Scope) Validate() error {
	c := checker{adminduk.Checker{What: "partnership: invalid scope"}}
	s.validate(&c, "")
	return c.Err()
}

func (s *Scope) validate(c *checker, at adminduk.Pointer) {
	if s.Services == 0 {
		c.add(at+"/services", adminduk.CodeRequired, "tanpa layanan", "no services")
	}
	if !s.Benefit.IsZero() && !s.Services.Has(KIABenefit) {
		c.add(at+"/benefit", adminduk.CodeNotAllowed, "ketentuan manfaat tanpa layanan kia_benefit", "benefit terms without the kia_benefit service")
	}
	if s.Benefit.Percent < 0 || s.Benefit.Percent > 100 {
		n := strconv.Itoa(s.Benefit.Percent)
		c.add(at+"/benefit/percent", adminduk.CodeRange, n+"% tidak di antara 0 dan 100", n+"% is not between 0 and 100")
	}
}

// Validate checks that the target has a name, a kind, a minimum of at least
// 1 and valid filters, and reports every problem at once as a
// *[adminduk.ValidationError] with pointers into the target's JSON ("/min").
func (t *CountTarget) Validate() error {
	c := checker{adminduk.Checker{What: "partnership: invalid target"}}
	t.validate(&c, "")
	return c.Err()
}

func (t *CountTarget) validate(c *checker, at adminduk.Pointer) {
	if t.Name == "" {
		c.add(at+"/name", adminduk.CodeRequired, "nama kosong", "no name")
	}
	if !t.Kind.IsValid() {
		c.add(at+"/kind", adminduk.CodeInvalid, "seharusnya per_year atau every_district", "want per_year or every_district")
	}
	if t.Min < 1 {
		c.add(at+"/min", adminduk.CodeRange, "minimal 1", "want at least 1")
	}
	for _, f := range []struct {
		key string
		bad bool
	}{{"service", t.Service != 0 && !t.Service.IsValid()}, {"group", t.Group != 0 && !t.Group.IsValid()}, {"category", t.Category != 0 && !t.Category.IsValid()}} {
		if f.bad {
			c.add(at.Key(f.key), adminduk.CodeInvalid, f.key+" tidak sah", "invalid "+f.key)
		}
	}
	if t.Region.IsValid() && t.Region.Level() != wilayah.LevelRegency {
		c.add(at+"/region", adminduk.CodeInvalid, quote(t.Region.String())+" bukan kab/kota", quote(t.Region.String())+" is not a kab/kota")
	}
}
