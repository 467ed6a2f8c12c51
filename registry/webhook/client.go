package webhook

import (
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"syscall"
	"time"

	"github.com/adminduk-id/adminduk/registry"
)

// NewClient returns the HTTP client deliveries use: the request timeout
// covers the whole exchange, redirects are not followed (a 3xx is a failed
// attempt), no proxy is used, and, unless allowPrivate, the dialer refuses
// any address [registry.CheckWebhookAddr] refuses. The check runs on the
// address actually dialled, after DNS resolution, so a host that resolved to
// a public address at registration and to a private one now (DNS rebinding)
// is still refused.
func NewClient(allowPrivate bool, timeout time.Duration) *http.Client {
	if timeout <= 0 {
		timeout = 10 * time.Second
	}
	d := &net.Dialer{Timeout: min(timeout, 5*time.Second), KeepAlive: 30 * time.Second}
	if !allowPrivate {
		d.Control = dialControl
	}
	tr := &http.Transport{
		Proxy:                 nil,
		DialContext:           d.DialContext,
		ForceAttemptHTTP2:     true,
		TLSHandshakeTimeout:   min(timeout, 5*time.Second),
		ResponseHeaderTimeout: timeout,
		MaxIdleConns:          64,
		MaxIdleConnsPerHost:   4,
		IdleConnTimeout:       90 * time.Second,
	}
	return &http.Client{
		Transport:     tr,
		Timeout:       timeout,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

// dialControl refuses to connect to a non-public address.
func dialControl(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("webhook: dial %s %q: %w", network, address, registry.ErrDestination)
	}
	return registry.CheckWebhookAddr(ap.Addr())
}
