package kia

import (
	"bytes"
	"image"
	_ "image/jpeg" // photos: JPEG
	_ "image/png"  // photos: PNG
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/adminduk/wilayah/desa"
)

// Validate checks the card with the default Rules; see [Rules.Validate].
func (c *Card) Validate() error { return Rules{}.Validate(c) }

// Warnings lists what the default Rules accept but an officer should look
// at (see [Rules.Warnings]).
func (c *Card) Warnings() []adminduk.FieldError { return Rules{}.Warnings(c) }

var _ adminduk.Validator = (*Card)(nil)

// Validate checks a card: every required field, the syntax and existence
// of numbers and regions (the NIK's region in any Kemendagri edition, the
// address village in the current one and under the issuing kab/kota), the
// eligibility of the child on the issue date (under 17, unmarried, a
// residence permit for a foreign child), a photo for a child from 5, and the
// replacement reason. It returns every problem at once as a
// *[adminduk.ValidationError] whose field errors point into card.json
// ("/issuer/head_nip") and unwrap to this package's sentinels, or nil.
func (r Rules) Validate(c *Card) error { return r.check(c).err() }

// Warnings lists what r accepts on the card but an officer should look
// at. A birth date or sex that disagrees with the one encoded in the NIK is
// a warning, not an error: a NIK never changes when a birth date or sex is
// corrected (Permendagri 108/2019 art. 15), so the card prints the
// corrected values; the officer should still look. A photo given for an under-5 card is a warning too: it is not
// printed; and so is a name with letters outside A-Z.
func (r Rules) Warnings(c *Card) []adminduk.FieldError { return r.check(c).c.Warnings() }

// check runs every check of Validate and Warnings.
func (r Rules) check(c *Card) *checker {
	ck := newChecker()
	if !c.NIK.IsValid() {
		ck.required(pNIK)
	}
	if ck.text(pName, c.Name, MaxNameLength, true) {
		ck.name(c.Name)
	}
	ck.text(pBirthPlace, c.BirthPlace, MaxPlaceLength, true)
	if c.BirthDate.IsZero() {
		ck.required(pBirthDate)
	}
	ck.enum(pSex, c.Sex == 0, c.Sex.IsValid(), "jenis kelamin tidak dikenal", "unknown sex")
	ck.enum(pReligion, c.Religion == 0, c.Religion.IsValid(), "agama tidak dikenal", "unknown religion")
	ck.enum(pCitizenship, c.Citizenship == 0, c.Citizenship.IsValid(), "kewarganegaraan tidak dikenal", "unknown citizenship")
	if c.BloodType != 0 && !c.BloodType.IsValid() {
		ck.add(pBloodType, adminduk.CodeInvalid, "golongan darah tidak dikenal", "unknown blood type")
	}
	if !c.KK.IsValid() {
		ck.required(pKK)
	}
	ck.text(pHeadOfFamily, c.HeadOfFamily, MaxNameLength, true)
	if ck.text(pAkta, c.AktaNumber, MaxAktaLength, true) && !aktaChars(c.AktaNumber) {
		ck.add(pAkta, adminduk.CodeInvalid, "hanya huruf, angka, '-', '/' dan '.'", "only letters, digits, '-', '/' and '.'")
	}
	ck.address(c.Address, c.Issuer.Regency)
	if c.IssuedAt.IsZero() {
		ck.required(pIssuedAt)
	} else if today := r.today(); c.IssuedAt.After(today) {
		ck.add(pIssuedAt, adminduk.CodeInvalid,
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
			ck.addErr(pIssuedAt, CodeIneligible, "tanggal terbit sebelum tanggal lahir", "issue date before the birth date", derr)
		case errorsIs(derr, ErrTooOld):
			ck.addErr(pBirthDate, CodeIneligible, "anak sudah berusia 17 tahun atau lebih pada tanggal terbit: KIA tidak dapat diterbitkan", "the child is 17 or older on the issue date: no KIA", derr)
		case errorsIs(derr, ErrMarried):
			ck.addErr(pMarried, CodeIneligible, "anak yang sudah kawin tidak dapat memiliki KIA", "a married child cannot hold a KIA", derr)
		case errorsIs(derr, ErrPermitRequired):
			ck.addErr(pPermitUntil, adminduk.CodeRequired, "anak WNA: tanggal akhir izin tinggal tetap orang tua wajib diisi", "foreign child: the end date of the parents' residence permit is required", derr)
		case errorsIs(derr, ErrPermitExpired):
			ck.addErr(pPermitUntil, CodeIneligible, "izin tinggal orang tua berakhir sebelum tanggal terbit", "the parents' residence permit ends before the issue date", derr)
		}
	}
	if c.Citizenship == adminduk.WNI && !c.PermitUntil.IsZero() {
		ck.add(pPermitUntil, adminduk.CodeNotAllowed, "izin tinggal hanya untuk anak WNA", "a residence permit applies to foreign children only")
	}
	if decided {
		switch {
		case d.Kind == From5 && len(c.Photo.Data) == 0:
			msgID, msgEN := "foto wajib untuk anak berusia 5 tahun ke atas", "a photo is required for a child of 5 or older"
			if c.Photo.Path != "" {
				msgID, msgEN = "berkas foto belum dibaca", "the photo file has not been read"
			}
			ck.add(pPhoto, adminduk.CodeRequired, msgID, msgEN)
		case d.Kind == Under5 && (len(c.Photo.Data) > 0 || c.Photo.Path != ""):
			ck.warn(pPhoto, adminduk.CodeNotAllowed, "KIA anak di bawah 5 tahun tanpa foto: foto tidak dicetak", "an under-5 card has no photo: it is not printed")
		}
		if c.Replacement == Turned5 && d.Kind != From5 {
			ck.add(pReplacement, CodeReplacement, "anak belum berusia 5 tahun", "the child is not 5 yet")
		}
	}
	if len(c.Photo.Data) > 0 && (!decided || d.Kind == From5) && !ck.has(pPhoto) {
		ck.photo(&c.Photo)
	}
	if c.Replacement != 0 && !c.Replacement.IsValid() {
		ck.add(pReplacement, adminduk.CodeInvalid, "alasan penggantian tidak dikenal", "unknown replacement reason")
	}

	// Warnings: the NIK's date and sex against the recorded ones.
	if c.NIK.IsValid() {
		if nb := c.NIK.BirthDate(); !c.BirthDate.IsZero() && c.BirthDate != nb {
			ck.warn(pBirthDate, adminduk.CodeMismatch,
				"tanggal lahir berbeda dengan yang tersandi di NIK ("+formatDMY(nb)+"); periksa apakah tanggal lahir telah dikoreksi",
				"birth date differs from the one encoded in the NIK ("+formatDMY(nb)+"); check that it was corrected")
		}
		if c.Sex != 0 && c.Sex != c.NIK.Sex() {
			ck.warn(pSex, adminduk.CodeMismatch,
				"jenis kelamin berbeda dengan yang tersandi di NIK ("+c.NIK.Sex().Text(adminduk.Indonesian)+")",
				"sex differs from the one encoded in the NIK ("+c.NIK.Sex().Text(adminduk.English)+")")
		}
	}
	return ck
}

// enum checks a required enumeration: missing, or a number that names
// nothing.
func (c *checker) enum(p adminduk.Pointer, zero, valid bool, id, en string) {
	switch {
	case zero:
		c.required(p)
	case !valid:
		c.add(p, adminduk.CodeInvalid, id, en)
	}
}

// text checks a printed text field; it reports whether the value is there
// and clean.
func (c *checker) text(field adminduk.Pointer, s string, maxLen int, required bool) bool {
	t := strings.TrimSpace(s)
	switch {
	case t == "":
		if required {
			c.required(field)
		}
		return false
	case !utf8.ValidString(t):
		c.add(field, adminduk.CodeInvalid, "bukan teks UTF-8", "not UTF-8 text")
		return false
	case strings.IndexFunc(t, func(r rune) bool { return unicode.IsControl(r) || r == '\u2028' || r == '\u2029' }) >= 0:
		c.add(field, adminduk.CodeInvalid, "mengandung karakter kontrol", "contains control characters")
		return false
	case utf8.RuneCountInString(strings.Join(strings.Fields(t), " ")) > maxLen:
		c.add(field, adminduk.CodeInvalid, "terlalu panjang (paling banyak "+itoa(maxLen)+" karakter)", "too long (at most "+itoa(maxLen)+" characters)")
		return false
	}
	return true
}

// name checks the characters of a child's name. Permendagri 73/2022 asks
// for Latin letters, at most 60 with spaces, without numbers; an
// apostrophe, hyphen, period or comma is accepted. Letters outside A-Z are
// a warning: the regulation does not expect them and they lengthen the QR
// code beyond the budget of CREDENTIAL.md (version 15).
func (c *checker) name(s string) {
	nonASCII := false
	for _, r := range s {
		switch {
		case r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r == ' ' || strings.ContainsRune("'-.,’", r):
		case unicode.IsLetter(r) || unicode.Is(unicode.Mn, r):
			nonASCII = true
		default:
			c.add(pName, adminduk.CodeInvalid, "nama hanya memuat huruf, spasi dan tanda ' - . ,", "a name holds only letters, spaces and ' - . ,")
			return
		}
	}
	if nonASCII {
		c.warn(pName, adminduk.CodeInvalid, "nama memuat huruf di luar A-Z (Permendagri 73/2022 meminta huruf Latin)", "the name has letters outside A-Z (Permendagri 73/2022 asks for Latin letters)")
	}
}

func (c *checker) address(a adminduk.Address, regency wilayah.Code) {
	c.text(pStreet, a.Street, MaxStreetLength, true)
	for _, f := range []struct {
		field adminduk.Pointer
		v     string
	}{{pRT, a.RT}, {pRW, a.RW}} {
		switch {
		case f.v == "":
			c.required(f.field)
		case len(f.v) > 3 || strings.Trim(f.v, "0123456789") != "":
			c.add(f.field, adminduk.CodeInvalid, "1 sampai 3 angka", "1 to 3 digits")
		}
	}
	switch v := a.Village; {
	case !v.IsValid():
		c.required(pVillage)
	case v.Level() != wilayah.LevelVillage:
		c.add(pVillage, adminduk.CodeInvalid, "bukan kode desa/kelurahan (10 angka)", "not a desa/kelurahan code (10 digits)")
	default:
		if _, ok := desa.Lookup(v); !ok {
			c.add(pVillage, adminduk.CodeRegion, "kode desa/kelurahan "+v.String()+" tidak ada dalam kode wilayah yang berlaku", "no desa/kelurahan "+v.String()+" in the current region codes")
		} else if regency.IsValid() && v.Regency() != regency {
			c.add(pVillage, adminduk.CodeRegion, "desa/kelurahan di luar kabupaten/kota penerbit "+regency.String(), "desa/kelurahan outside the issuing kab/kota "+regency.String())
		}
	}
}

func (c *checker) issuer(is adminduk.Issuer) {
	switch r := is.Regency; {
	case !r.IsValid():
		c.required(pRegency)
	case r.Level() != wilayah.LevelRegency:
		c.add(pRegency, adminduk.CodeInvalid, "bukan kode kabupaten/kota (contoh 62.08)", "not a kab/kota code (like 62.08)")
	default:
		if reg, ok := wilayah.Lookup(r); !ok {
			c.add(pRegency, adminduk.CodeRegion, "kabupaten/kota "+r.String()+" tidak dikenal", "unknown kab/kota "+r.String())
		} else if !reg.Current() {
			c.add(pRegency, adminduk.CodeRegion, "kode kabupaten/kota "+r.String()+" sudah tidak berlaku", "kab/kota code "+r.String()+" is no longer in force")
		}
	}
	c.text(pHeadName, is.HeadName, MaxNameLength, true)
	if !is.HeadNIP.IsValid() {
		c.required(pHeadNIP)
	}
}

// photo checks a photo: its header first (format, size in bytes and
// pixels), then, within those bounds, the whole image, so that a truncated
// or corrupt file is refused here rather than printed half-drawn. A photo
// with a state remembers the outcome for the same Data.
func (c *checker) photo(p *Photo) {
	var err *adminduk.FieldError
	if p.state != nil {
		err = p.state.check(p.Data)
	} else {
		err = checkPhoto(p.Data)
	}
	if err != nil {
		c.c.Add(*err)
	}
}

// photoState remembers the outcome of checking the bytes of a photo,
// by the identity of the slice (its first byte and length), never by a
// hash of its contents: a crafted collision must not let a corrupt photo
// pass.
type photoState struct {
	mu   sync.Mutex
	data []byte // the slice checked
	err  *adminduk.FieldError
}

func (s *photoState) check(data []byte) *adminduk.FieldError {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.data != nil && sameSlice(s.data, data) {
		return s.err
	}
	s.data, s.err = data, checkPhoto(data)
	return s.err
}

func sameSlice(a, b []byte) bool {
	return len(a) == len(b) && len(a) > 0 && &a[0] == &b[0]
}

func checkPhoto(data []byte) *adminduk.FieldError {
	fe := func(id, en string, cause error) *adminduk.FieldError {
		e := fieldError(pPhoto, adminduk.CodeInvalid, id, en, cause)
		return &e
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	switch {
	case err != nil || format != "jpeg" && format != "png":
		return fe("foto harus berkas JPEG atau PNG", "the photo must be a JPEG or PNG file", err)
	case len(data) > MaxPhotoBytes:
		return fe("berkas foto terlalu besar (paling besar "+itoa(MaxPhotoBytes>>20)+" MB)", "the photo file is too large (at most "+itoa(MaxPhotoBytes>>20)+" MB)", nil)
	case cfg.Width < MinPhotoWidth || cfg.Height < MinPhotoHeight:
		return fe("foto terlalu kecil (paling kecil "+itoa(MinPhotoWidth)+"x"+itoa(MinPhotoHeight)+" piksel)", "the photo is too small (at least "+itoa(MinPhotoWidth)+"x"+itoa(MinPhotoHeight)+" pixels)", nil)
	case cfg.Width*cfg.Height > MaxPhotoPixels:
		return fe("foto terlalu besar", "the photo is too large", nil)
	}
	if _, _, err := image.Decode(bytes.NewReader(data)); err != nil {
		return fe("berkas foto rusak atau terpotong", "the photo file is corrupt or truncated", err)
	}
	return nil
}

func aktaChars(s string) bool {
	for _, r := range strings.TrimSpace(s) {
		if !(r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || strings.ContainsRune("-/. ", r)) {
			return false
		}
	}
	return true
}
