package kia

import (
	"bytes"
	"hash/maphash"
	"image"
	_ "image/jpeg" // photos: JPEG
	_ "image/png"  // photos: PNG
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/adminduk/wilayah/desa"
)

// Card is one KIA: what is printed on it and what its QR code says. Dates
// are calendar dates (see [Date]); the time of day is ignored. Build one
// from card.json with [ParseCard] or a [Decoder], or fill it in code, then
// call [Card.Validate].
type Card struct {
	NIK          adminduk.NIK
	Name         string
	BirthPlace   string
	BirthDate    time.Time
	Sex          adminduk.Sex
	Religion     adminduk.Religion
	Citizenship  adminduk.Citizenship
	BloodType    adminduk.BloodType // optional: 0 prints "-"
	KK           adminduk.KK        // the family card the child is on
	HeadOfFamily string             // kepala keluarga of that KK
	AktaNumber   string             // the birth certificate (akta kelahiran) number
	Address      adminduk.Address
	Photo        Photo // children from 5 only
	IssuedAt     time.Time
	Issuer       Issuer
	// PermitUntil is the last day of the parents' residence permit (KITAP)
	// for a foreign (WNA) child; it may end the card early.
	PermitUntil time.Time
	// Married children cannot hold a KIA; the field exists so that the
	// rule can be checked.
	Married     bool
	Replacement Replacement // why the card replaces an earlier one; 0 for a first card
}

// Issuer is the Dinas issuing the card and its head, who signs it.
type Issuer struct {
	Regency  wilayah.Code // the kab/kota, e.g. 62.08
	HeadName string       // Kepala Dinas, as printed
	HeadNIP  string       // 18-digit civil-servant number (NIP)
}

// Photo is a child's photo: a JPEG or PNG, cropped to fit when printed.
type Photo struct {
	Path string // as written in card.json; informational
	Data []byte // the image file; the renderer needs it
}

// Limits on printed text, in characters.
const (
	MaxNameLength   = 60 // child's name, head of family, Kepala Dinas
	MaxPlaceLength  = 40 // place of birth
	MaxStreetLength = 80
	MaxAktaLength   = 40
)

// Limits on photos, in pixels.
const (
	MinPhotoWidth  = 120
	MinPhotoHeight = 160
	MaxPhotoPixels = 40 << 20
)

// MaxPhotoBytes is the largest photo file accepted.
const MaxPhotoBytes = 16 << 20

// Child returns what the rules need to know about the card's child.
func (c *Card) Child() Child {
	return Child{BirthDate: c.BirthDate, Citizenship: c.Citizenship, PermitUntil: c.PermitUntil, Married: c.Married}
}

// Decide applies r to the card on its issue date: its kind and last valid
// day, or why the child cannot hold one.
func (c *Card) Decide(r Rules) (Decision, error) { return r.Decide(c.Child(), c.IssuedAt) }

// IssuerID returns the credential issuer of the card, "ID-" and the
// 4-digit kab/kota code ("ID-6208"), or "" when the regency is not set.
func (c *Card) IssuerID() string {
	r := c.Issuer.Regency.Regency()
	if !r.IsValid() {
		return ""
	}
	return "ID-" + r.Plain()
}

// PrintedName returns the name as the card prints it and its QR code
// carries it: in capitals, spaces collapsed.
func (c *Card) PrintedName() string { return printed(c.Name) }

// printed normalises s to NFC (so that a name given with combining accents
// prints and signs as the same letters), collapses spaces and upper-cases
// it.
func printed(s string) string { return nfc(strings.ToUpper(strings.Join(strings.Fields(nfc(s)), " "))) }

// Validate checks the card with the default Rules; see Rules.Validate.
func (c *Card) Validate() (warnings []*FieldError, err error) { return Rules{}.Validate(c) }

// Validate checks a card: every required field, the syntax and existence
// of numbers and regions (the NIK's region in any Kemendagri edition, the
// address village in the current one and under the issuing kab/kota), the
// eligibility of the child on the issue date (under 17, unmarried, a
// residence permit for a foreign child), a photo for a child from 5, and the
// replacement reason. It returns every problem at once as a
// *ValidationError.
//
// A birth date or sex that disagrees with the one encoded in the NIK is a
// warning, not an error: a NIK never changes when a birth date or sex is
// corrected (Permendagri 108/2019 art. 15), so the card prints the
// corrected values; the officer should still look. A photo given for an
// under-5 card is a warning too: it is not printed.
func (r Rules) Validate(c *Card) (warnings []*FieldError, err error) {
	var ck checker
	var warn checker
	if !c.NIK.IsValid() {
		ck.required("nik")
	}
	if ck.text("name", c.Name, MaxNameLength, true) {
		ck.name(&warn, c.Name)
	}
	ck.text("birth_place", c.BirthPlace, MaxPlaceLength, true)
	if c.BirthDate.IsZero() {
		ck.required("birth_date")
	}
	if c.Sex == 0 {
		ck.required("sex")
	} else if c.Sex > adminduk.Female {
		ck.add("sex", CodeInvalid, "jenis kelamin tidak dikenal", "unknown sex")
	}
	if c.Religion == 0 {
		ck.required("religion")
	} else if c.Religion > adminduk.Kepercayaan {
		ck.add("religion", CodeInvalid, "agama tidak dikenal", "unknown religion")
	}
	if c.Citizenship == 0 {
		ck.required("citizenship")
	} else if c.Citizenship > adminduk.WNA {
		ck.add("citizenship", CodeInvalid, "kewarganegaraan tidak dikenal", "unknown citizenship")
	}
	if c.BloodType > adminduk.BloodONeg {
		ck.add("blood_type", CodeInvalid, "golongan darah tidak dikenal", "unknown blood type")
	}
	if !c.KK.IsValid() {
		ck.required("kk_number")
	}
	ck.text("head_of_family", c.HeadOfFamily, MaxNameLength, true)
	if ck.text("akta_number", c.AktaNumber, MaxAktaLength, true) && !aktaChars(c.AktaNumber) {
		ck.add("akta_number", CodeInvalid, "hanya huruf, angka, '-', '/' dan '.'", "only letters, digits, '-', '/' and '.'")
	}
	ck.address(c.Address, c.Issuer.Regency)
	if c.IssuedAt.IsZero() {
		ck.required("issued_at")
	} else if today := r.today(); civil(c.IssuedAt).After(today) {
		ck.add("issued_at", CodeInvalid,
			"tanggal terbit di masa depan (hari ini "+formatDMY(today)+")",
			"issue date in the future (today is "+isoDate(today)+")")
	}
	ck.issuer(c.Issuer)

	// The rules, when the dates they need are there.
	var d Decision
	decided := false
	if !c.BirthDate.IsZero() && !c.IssuedAt.IsZero() {
		var derr error
		d, derr = c.Decide(r)
		switch {
		case derr == nil:
			decided = true
		case errorsIs(derr, ErrNotBorn):
			ck.addErr("issued_at", CodeIneligible, "tanggal terbit sebelum tanggal lahir", "issue date before the birth date", derr)
		case errorsIs(derr, ErrTooOld):
			ck.addErr("birth_date", CodeIneligible, "anak sudah berusia 17 tahun atau lebih pada tanggal terbit: KIA tidak dapat diterbitkan", "the child is 17 or older on the issue date: no KIA", derr)
		case errorsIs(derr, ErrMarried):
			ck.addErr("married", CodeIneligible, "anak yang sudah kawin tidak dapat memiliki KIA", "a married child cannot hold a KIA", derr)
		case errorsIs(derr, ErrPermitRequired):
			ck.addErr("permit_until", CodeRequired, "anak WNA: tanggal akhir izin tinggal tetap orang tua wajib diisi", "foreign child: the end date of the parents' residence permit is required", derr)
		case errorsIs(derr, ErrPermitExpired):
			ck.addErr("permit_until", CodeIneligible, "izin tinggal orang tua berakhir sebelum tanggal terbit", "the parents' residence permit ends before the issue date", derr)
		}
	}
	if c.Citizenship == adminduk.WNI && !c.PermitUntil.IsZero() {
		ck.add("permit_until", CodeNotAllowed, "izin tinggal hanya untuk anak WNA", "a residence permit applies to foreign children only")
	}
	if decided {
		switch {
		case d.Kind == From5 && len(c.Photo.Data) == 0:
			msgID, msgEN := "foto wajib untuk anak berusia 5 tahun ke atas", "a photo is required for a child of 5 or older"
			if c.Photo.Path != "" {
				msgID, msgEN = "berkas foto belum dibaca", "the photo file has not been read"
			}
			ck.add("photo", CodeRequired, msgID, msgEN)
		case d.Kind == Under5 && (len(c.Photo.Data) > 0 || c.Photo.Path != ""):
			warn.add("photo", CodeNotAllowed, "KIA anak di bawah 5 tahun tanpa foto: foto tidak dicetak", "an under-5 card has no photo: it is not printed")
		}
		if c.Replacement == Turned5 && d.Kind != From5 {
			ck.add("replacement", CodeReplacement, "anak belum berusia 5 tahun", "the child is not 5 yet")
		}
	}
	if len(c.Photo.Data) > 0 && (!decided || d.Kind == From5) {
		ck.photo(c.Photo.Data)
	}
	if c.Replacement > Turned5 {
		ck.add("replacement", CodeInvalid, "alasan penggantian tidak dikenal", "unknown replacement reason")
	}

	// Warnings: the NIK's date and sex against the recorded ones.
	if c.NIK.IsValid() {
		if !c.BirthDate.IsZero() && !civil(c.BirthDate).Equal(civil(c.NIK.BirthDate().Time())) {
			warn.add("birth_date", CodeMismatch,
				"tanggal lahir berbeda dengan yang tersandi di NIK ("+formatDMY(c.NIK.BirthDate().Time())+"); periksa apakah tanggal lahir telah dikoreksi",
				"birth date differs from the one encoded in the NIK ("+formatDMY(c.NIK.BirthDate().Time())+"); check that it was corrected")
		}
		if c.Sex != 0 && c.Sex != c.NIK.Sex() {
			warn.add("sex", CodeMismatch,
				"jenis kelamin berbeda dengan yang tersandi di NIK ("+c.NIK.Sex().Indonesian()+")",
				"sex differs from the one encoded in the NIK ("+c.NIK.Sex().English()+")")
		}
	}
	return warn.errs, ck.err()
}

// text checks a printed text field; it reports whether the value is there
// and clean.
func (c *checker) text(field, s string, maxLen int, required bool) bool {
	t := strings.TrimSpace(s)
	switch {
	case t == "":
		if required {
			c.required(field)
		}
		return false
	case !utf8.ValidString(t):
		c.add(field, CodeInvalid, "bukan teks UTF-8", "not UTF-8 text")
		return false
	case strings.IndexFunc(t, func(r rune) bool { return unicode.IsControl(r) || r == '\u2028' || r == '\u2029' }) >= 0:
		c.add(field, CodeInvalid, "mengandung karakter kontrol", "contains control characters")
		return false
	case utf8.RuneCountInString(strings.Join(strings.Fields(t), " ")) > maxLen:
		c.add(field, CodeInvalid, "terlalu panjang (paling banyak "+itoa(maxLen)+" karakter)", "too long (at most "+itoa(maxLen)+" characters)")
		return false
	}
	return true
}

// name checks the characters of a child's name. Permendagri 73/2022 asks
// for Latin letters, at most 60 with spaces, without numbers; an
// apostrophe, hyphen, period or comma is accepted. Letters outside A-Z are
// a warning: the regulation does not expect them and they lengthen the QR
// code beyond the budget of CREDENTIAL.md (version 15).
func (c *checker) name(warn *checker, s string) {
	nonASCII := false
	for _, r := range s {
		switch {
		case r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r == ' ' || strings.ContainsRune("'-.,’", r):
		case unicode.IsLetter(r) || unicode.Is(unicode.Mn, r):
			nonASCII = true
		default:
			c.add("name", CodeInvalid, "nama hanya memuat huruf, spasi dan tanda ' - . ,", "a name holds only letters, spaces and ' - . ,")
			return
		}
	}
	if nonASCII {
		warn.add("name", CodeInvalid, "nama memuat huruf di luar A-Z (Permendagri 73/2022 meminta huruf Latin)", "the name has letters outside A-Z (Permendagri 73/2022 asks for Latin letters)")
	}
}

func (c *checker) address(a adminduk.Address, regency wilayah.Code) {
	c.text("address.street", a.Street, MaxStreetLength, true)
	for _, f := range []struct{ field, v string }{{"address.rt", a.RT}, {"address.rw", a.RW}} {
		switch {
		case f.v == "":
			c.required(f.field)
		case len(f.v) > 3 || strings.Trim(f.v, "0123456789") != "":
			c.add(f.field, CodeInvalid, "1 sampai 3 angka", "1 to 3 digits")
		}
	}
	switch v := a.Village; {
	case !v.IsValid():
		c.required("address.village")
	case v.Level() != wilayah.LevelVillage:
		c.add("address.village", CodeInvalid, "bukan kode desa/kelurahan (10 angka)", "not a desa/kelurahan code (10 digits)")
	default:
		if _, ok := desa.Lookup(v); !ok {
			c.add("address.village", CodeRegion, "kode desa/kelurahan "+v.String()+" tidak ada dalam kode wilayah yang berlaku", "no desa/kelurahan "+v.String()+" in the current region codes")
		} else if regency.IsValid() && v.Regency() != regency {
			c.add("address.village", CodeRegion, "desa/kelurahan di luar kabupaten/kota penerbit "+regency.String(), "desa/kelurahan outside the issuing kab/kota "+regency.String())
		}
	}
}

func (c *checker) issuer(is Issuer) {
	switch r := is.Regency; {
	case !r.IsValid():
		c.required("issuer.regency")
	case r.Level() != wilayah.LevelRegency:
		c.add("issuer.regency", CodeInvalid, "bukan kode kabupaten/kota (contoh 62.08)", "not a kab/kota code (like 62.08)")
	default:
		if reg, ok := wilayah.Lookup(r); !ok {
			c.add("issuer.regency", CodeRegion, "kabupaten/kota "+r.String()+" tidak dikenal", "unknown kab/kota "+r.String())
		} else if !reg.Current() {
			c.add("issuer.regency", CodeRegion, "kode kabupaten/kota "+r.String()+" sudah tidak berlaku", "kab/kota code "+r.String()+" is no longer in force")
		}
	}
	c.text("issuer.head_name", is.HeadName, MaxNameLength, true)
	nip := strings.ReplaceAll(is.HeadNIP, " ", "")
	switch {
	case nip == "":
		c.required("issuer.head_nip")
	case len(nip) != 18 || strings.Trim(nip, "0123456789") != "":
		c.add("issuer.head_nip", CodeInvalid, "NIP terdiri atas 18 angka", "a NIP has 18 digits")
	}
}

// photo checks a photo: its header first (format, size in bytes and
// pixels), then, within those bounds, the whole image, so that a truncated
// or corrupt file is refused here rather than printed half-drawn.
func (c *checker) photo(data []byte) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	switch {
	case err != nil || format != "jpeg" && format != "png":
		c.addErr("photo", CodeInvalid, "foto harus berkas JPEG atau PNG", "the photo must be a JPEG or PNG file", err)
	case len(data) > MaxPhotoBytes:
		c.add("photo", CodeInvalid, "berkas foto terlalu besar (paling besar "+itoa(MaxPhotoBytes>>20)+" MB)", "the photo file is too large (at most "+itoa(MaxPhotoBytes>>20)+" MB)")
	case cfg.Width < MinPhotoWidth || cfg.Height < MinPhotoHeight:
		c.add("photo", CodeInvalid, "foto terlalu kecil (paling kecil "+itoa(MinPhotoWidth)+"x"+itoa(MinPhotoHeight)+" piksel)", "the photo is too small (at least "+itoa(MinPhotoWidth)+"x"+itoa(MinPhotoHeight)+" pixels)")
	case cfg.Width*cfg.Height > MaxPhotoPixels:
		c.add("photo", CodeInvalid, "foto terlalu besar", "the photo is too large")
	default:
		if decodedOK.has(data) {
			return
		}
		if _, _, err := image.Decode(bytes.NewReader(data)); err != nil {
			c.addErr("photo", CodeInvalid, "berkas foto rusak atau terpotong", "the photo file is corrupt or truncated", err)
			return
		}
		decodedOK.add(data)
	}
}

// decodedOK remembers, by a 64-bit hash of their bytes, the last photos
// that decoded whole, so that a card validated twice (by a program, then
// by the renderer) or a photo shared by many cards is decoded once.
var decodedOK = photoCache{m: map[uint64]struct{}{}, seed: maphash.MakeSeed()}

// photoCacheSize bounds decodedOK; it is emptied when full.
const photoCacheSize = 4096

type photoCache struct {
	mu   sync.Mutex
	seed maphash.Seed
	m    map[uint64]struct{}
}

func (p *photoCache) has(data []byte) bool {
	h := maphash.Bytes(p.seed, data)
	p.mu.Lock()
	defer p.mu.Unlock()
	_, ok := p.m[h]
	return ok
}

func (p *photoCache) add(data []byte) {
	h := maphash.Bytes(p.seed, data)
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.m) >= photoCacheSize {
		clear(p.m)
	}
	p.m[h] = struct{}{}
}

func aktaChars(s string) bool {
	for _, r := range strings.TrimSpace(s) {
		if !(r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || strings.ContainsRune("-/. ", r)) {
			return false
		}
	}
	return true
}
