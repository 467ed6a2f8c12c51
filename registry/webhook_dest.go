package registry

import (
	"context"
	"fmt"
	"net"
	"net/netip"
	"net/url"
	"strings"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
)

// ErrDestination: a webhook URL whose host is, or resolves to, an address the
// registry does not deliver to (private, loopback, link-local, CGNAT,
// unspecified, multicast, reserved). It unwraps to [ErrForbidden].
var ErrDestination = adminduk.Sentinel("registry: webhook destination refused", ErrForbidden)

// DestinationError reports a refused webhook destination. It unwraps to
// [ErrDestination].
type DestinationError struct {
	Host   string     // the URL's host ("" when only an address was checked)
	Addr   netip.Addr // the refused address
	Reason string     // "loopback", "private", "link-local", "cgnat", ...
}

func (e *DestinationError) Error() string {
	if e.Host == "" || e.Host == e.Addr.String() {
		return fmt.Sprintf("registry: webhook destination %s refused: %s address", e.Addr, e.Reason)
	}
	return fmt.Sprintf("registry: webhook destination %q refused: it resolves to %s, a %s address", e.Host, e.Addr, e.Reason)
}

// Unwrap returns [ErrDestination].
func (e *DestinationError) Unwrap() error { return ErrDestination }

var (
	cgnat     = netip.MustParsePrefix("100.64.0.0/10")
	thisNet   = netip.MustParsePrefix("0.0.0.0/8")
	reserved4 = netip.MustParsePrefix("240.0.0.0/4")
	ietf4     = netip.MustParsePrefix("192.0.0.0/24")
	bench4    = netip.MustParsePrefix("198.18.0.0/15")
	nat64     = netip.MustParsePrefix("64:ff9b::/96")
	siteLocal = netip.MustParsePrefix("fec0::/10")
)

// CheckWebhookAddr returns a *[DestinationError] when a is not a public
// unicast address: loopback, private (RFC 1918, fc00::/7), link-local,
// CGNAT (100.64.0.0/10), unspecified, multicast, 0.0.0.0/8, 192.0.0.0/24,
// 198.18.0.0/15, 240.0.0.0/4 (with broadcast), fec0::/10, or an IPv4
// address of those inside ::ffff:0:0/96 or 64:ff9b::/96.
func CheckWebhookAddr(a netip.Addr) error {
	a = a.Unmap()
	if a.Is6() && nat64.Contains(a) {
		b := a.As16()
		if err := CheckWebhookAddr(netip.AddrFrom4([4]byte(b[12:]))); err != nil {
			return &DestinationError{Addr: a, Reason: err.(*DestinationError).Reason}
		}
	}
	reason := ""
	switch {
	case !a.IsValid():
		reason = "invalid"
	case a.IsUnspecified():
		reason = "unspecified"
	case a.IsLoopback():
		reason = "loopback"
	case a.IsPrivate():
		reason = "private"
	case a.IsLinkLocalUnicast(), a.IsLinkLocalMulticast():
		reason = "link-local"
	case a.IsMulticast(), a.IsInterfaceLocalMulticast():
		reason = "multicast"
	case cgnat.Contains(a):
		reason = "cgnat"
	case thisNet.Contains(a), reserved4.Contains(a), ietf4.Contains(a), bench4.Contains(a), siteLocal.Contains(a):
		reason = "reserved"
	}
	if reason == "" {
		return nil
	}
	return &DestinationError{Addr: a, Reason: reason}
}

// Resolver looks up the addresses of a host; *net.Resolver is one.
type Resolver interface {
	LookupNetIP(ctx context.Context, network, host string) ([]netip.Addr, error)
}

// WebhookConfig configures the webhooks of a [Service].
type WebhookConfig struct {
	// AllowPrivate accepts endpoints on private and loopback addresses and
	// plain http: demo and test mode only.
	AllowPrivate bool
	// Resolver resolves endpoint hosts at registration; nil means
	// net.DefaultResolver. (The delivery worker checks again at dial time,
	// against DNS rebinding.)
	Resolver Resolver
	// Overlap is how long the previous secret keeps signing after a
	// rotation; 0 means 24 h.
	Overlap time.Duration
}

// checkWebhookURL validates a webhook URL: absolute https (http only with
// allowPrivate), a host, no user info or fragment, at most 2048 bytes; and
// every address of its host public unless allowPrivate.
func checkWebhookURL(ctx context.Context, raw string, cfg *WebhookConfig) (*url.URL, error) {
	c := adminduk.Checker{What: "registry: invalid webhook endpoint"}
	p := adminduk.NewPointer("url")
	u, err := url.Parse(raw)
	switch {
	case strings.TrimSpace(raw) == "":
		c.Required(p)
	case len(raw) > 2048:
		c.AddCode(p, adminduk.CodeRange, "URL lebih dari 2048 karakter", "the URL is longer than 2048 characters")
	case err != nil || !u.IsAbs() || u.Host == "" || u.Hostname() == "":
		c.AddCode(p, adminduk.CodeInvalid, "URL tidak sah", "not an absolute URL")
	case u.Scheme != "https" && !(u.Scheme == "http" && cfg.AllowPrivate):
		c.AddCode(p, adminduk.CodeInvalid, "URL harus memakai https", "the URL must use https")
	case u.User != nil:
		c.AddCode(p, adminduk.CodeNotAllowed, "URL tidak boleh memuat nama pengguna atau sandi", "the URL must not carry a user name or password")
	case u.Fragment != "" || strings.Contains(raw, "#"):
		c.AddCode(p, adminduk.CodeNotAllowed, "URL tidak boleh memuat fragmen", "the URL must not carry a fragment")
	}
	if err := c.Err(); err != nil {
		return nil, err
	}
	if cfg.AllowPrivate {
		return u, nil
	}
	host := u.Hostname()
	var addrs []netip.Addr
	if a, err := netip.ParseAddr(host); err == nil {
		addrs = []netip.Addr{a}
	} else {
		r := cfg.Resolver
		if r == nil {
			r = net.DefaultResolver
		}
		addrs, err = r.LookupNetIP(ctx, "ip", host)
		if err != nil {
			c.AddCode(p, adminduk.CodeInvalid, "nama host tidak dapat di-resolve", "the host name does not resolve")
			return nil, fmt.Errorf("%w: %w", c.Err(), err)
		}
		if len(addrs) == 0 {
			c.AddCode(p, adminduk.CodeInvalid, "nama host tidak dapat di-resolve", "the host name does not resolve")
			return nil, c.Err()
		}
	}
	for _, a := range addrs {
		if err := CheckWebhookAddr(a); err != nil {
			de := err.(*DestinationError)
			de.Host = host
			return nil, de
		}
	}
	return u, nil
}
