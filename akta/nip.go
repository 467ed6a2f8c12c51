package akta

import (
	"errors"
	"strings"
	"time"
)

// ErrInvalidNIP is returned for a malformed NIP.
var ErrInvalidNIP = errors.New("akta: invalid NIP")

// NIP is the 18-digit civil-servant number (Nomor Induk Pegawai) of the
// Kepala Dinas printed under the signature: `YYYYMMDD YYYYMM S NNN`, birth
// date, month of appointment, sex (1 male, 2 female) and a serial. The zero
// NIP is invalid.
type NIP struct {
	d string // 18 digits
}

// ParseNIP parses a NIP, with or without the spaces of its printed form.
// Errors unwrap to [ErrInvalidNIP].
func ParseNIP(s string) (NIP, error) {
	d := strings.ReplaceAll(strings.TrimSpace(s), " ", "")
	bad := func(msg string) (NIP, error) {
		return NIP{}, &NumberError{Input: s, Err: ErrInvalidNIP, Msg: msg}
	}
	if len(d) != 18 {
		return bad("want 18 digits")
	}
	if _, ok := atoi(d[:9]); !ok {
		return bad("want 18 digits")
	}
	if _, ok := atoi(d[9:]); !ok {
		return bad("want 18 digits")
	}
	by, _ := atoi(d[:4])
	bm, _ := atoi(d[4:6])
	bd, _ := atoi(d[6:8])
	ay, _ := atoi(d[8:12])
	am, _ := atoi(d[12:14])
	if _, ok := NewDate(by, time.Month(bm), bd); !ok || by < 1900 {
		return bad("no such birth date " + d[:8])
	}
	if am < 1 || am > 12 || ay < by+15 {
		return bad("bad appointment month " + d[8:14])
	}
	if d[14] != '1' && d[14] != '2' {
		return bad("sex digit must be 1 or 2")
	}
	if d[15:] == "000" {
		return bad("serial 000")
	}
	return NIP{d}, nil
}

// IsValid reports whether n is a parsed NIP.
func (n NIP) IsValid() bool { return n.d != "" }

// String returns the 18 digits, or "" for the zero NIP.
func (n NIP) String() string { return n.d }

// Printed returns the NIP as printed on documents: "19700101 199003 1 001".
func (n NIP) Printed() string {
	if n.d == "" {
		return ""
	}
	return n.d[:8] + " " + n.d[8:14] + " " + n.d[14:15] + " " + n.d[15:]
}

// MarshalText implements [encoding.TextMarshaler].
func (n NIP) MarshalText() ([]byte, error) { return []byte(n.d), nil }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseNIP]; ""
// gives the zero NIP.
func (n *NIP) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*n = NIP{}
		return nil
	}
	v, err := ParseNIP(string(b))
	if err != nil {
		return err
	}
	*n = v
	return nil
}
