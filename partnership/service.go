package partnership

import (
	"iter"
	"math/bits"
	"strings"
)

// Service is one service a PKS covers.
type Service int

// Services, in the order a scope lists them.
const (
	AktaKelahiran    Service = 1 + iota // birth certificate from the faskes
	KK                                  // new family card
	KIA                                 // child identity card
	AktaKematian                        // death certificate
	PerekamanSekolah                    // data recording at school (akta and KIA of pupils)
	KIABenefit                          // discount for KIA holders (pemanfaatan KIA)
)

var serviceKeys = [...]string{
	AktaKelahiran: "akta_kelahiran", KK: "kk", KIA: "kia", AktaKematian: "akta_kematian",
	PerekamanSekolah: "perekaman_sekolah", KIABenefit: "kia_benefit",
}

// IsValid reports whether s is one of the services.
func (s Service) IsValid() bool { return s > 0 && int(s) < len(serviceKeys) }

// String returns the key used in CSV files and JSON: "akta_kelahiran", "kk",
// "kia", "akta_kematian", "perekaman_sekolah" or "kia_benefit"; "Service(n)"
// for a number that names nothing. See [Service.Text] for the name.
func (s Service) String() string {
	if !s.IsValid() {
		return unknown("Service", int(s))
	}
	return serviceKeys[s]
}

// ParseService parses a service key ignoring case, surrounding space, and
// spaces or hyphens for underscores.
func ParseService(s string) (Service, error) {
	k := normKey(s)
	for v := AktaKelahiran; int(v) < len(serviceKeys); v++ {
		if serviceKeys[v] == k {
			return v, nil
		}
	}
	return 0, &ParseError{What: "service", Input: s, Msg: "unknown; want one of " + strings.Join(serviceKeys[1:], ", ")}
}

// MarshalText implements [encoding.TextMarshaler]; the zero Service
// marshals as "".
func (s Service) MarshalText() ([]byte, error) { return marshalKey(s.IsValid(), s.String()), nil }

// UnmarshalText implements [encoding.TextUnmarshaler]; "" gives the zero
// Service.
func (s *Service) UnmarshalText(b []byte) error { return unmarshalKey(b, s, ParseService) }

// Services is a set of services, the scope of an agreement. The zero value
// is the empty set.
type Services uint16

// ServicesOf returns the set holding the given services; invalid ones are
// ignored.
func ServicesOf(list ...Service) Services {
	var s Services
	for _, v := range list {
		s = s.With(v)
	}
	return s
}

// With returns s with v added; an invalid v leaves s unchanged.
func (s Services) With(v Service) Services {
	if !v.IsValid() {
		return s
	}
	return s | 1<<uint(v)
}

// Has reports whether v is in s.
func (s Services) Has(v Service) bool { return v.IsValid() && s&(1<<uint(v)) != 0 }

// Len returns the number of services in s.
func (s Services) Len() int { return bits.OnesCount16(uint16(s)) }

// All yields the services in s in order.
func (s Services) All() iter.Seq[Service] {
	return func(yield func(Service) bool) {
		for v := AktaKelahiran; int(v) < len(serviceKeys); v++ {
			if s.Has(v) && !yield(v) {
				return
			}
		}
	}
}

// String returns the keys joined with ";" as in the CSV format, e.g.
// "akta_kelahiran;kk;kia"; "" for the empty set.
func (s Services) String() string {
	var b strings.Builder
	for v := range s.All() {
		if b.Len() > 0 {
			b.WriteByte(';')
		}
		b.WriteString(v.String())
	}
	return b.String()
}

// Keys returns the keys of the services in s, in order.
func (s Services) Keys() []string {
	out := make([]string, 0, s.Len())
	for v := range s.All() {
		out = append(out, v.String())
	}
	return out
}

// ParseServices parses service keys separated by ";" (or ","), ignoring
// spaces and empty items. A key given twice is accepted once. Errors unwrap
// to [ErrSyntax]; an empty list gives the empty set without error.
func ParseServices(s string) (Services, error) {
	var out Services
	for item := range strings.FieldsFuncSeq(s, func(r rune) bool { return r == ';' || r == ',' }) {
		if strings.TrimSpace(item) == "" {
			continue
		}
		v, err := ParseService(item)
		if err != nil {
			return 0, err
		}
		out = out.With(v)
	}
	return out, nil
}

// MarshalText implements [encoding.TextMarshaler] as [Services.String].
func (s Services) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText implements [encoding.TextUnmarshaler] as [ParseServices].
func (s *Services) UnmarshalText(b []byte) error {
	v, err := ParseServices(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}
