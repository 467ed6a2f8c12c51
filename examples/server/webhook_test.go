package main

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/registry"
	"github.com/adminduk-id/adminduk/registry/client"
	"github.com/adminduk-id/adminduk/registry/storetest"
)

// TestWebhookWorker: the example server runs a webhook worker in process. A
// demo partner registers a receiver on this machine (demo mode), an officer
// verifies one of its reports, and the receiver gets the signed message.
func TestWebhookWorker(t *testing.T) {
	dir := t.TempDir()
	s := start(t, "--data", dir)
	defer s.stop(t)
	creds := readCreds(t, dir)

	var mu sync.Mutex
	var got []client.Event
	var verifyErr error
	var secret string
	recv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		mu.Lock()
		defer mu.Unlock()
		ev, err := client.VerifyWebhook(secret, r.Header, body)
		if err != nil {
			verifyErr = err
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		got = append(got, ev)
		w.WriteHeader(http.StatusNoContent)
	}))
	defer recv.Close()

	ctx := context.Background()
	var partner *client.Client
	var reportID string
	officer, err := client.New(client.Config{BaseURL: s.URL, Token: creds.Officer.Token})
	require.NoError(t, err)
	for _, p := range creds.Partners {
		if p.AgreementStatus != "active" {
			continue
		}
		c, err := client.New(client.Config{BaseURL: s.URL, Token: p.APIKey})
		require.NoError(t, err)
		if _, err := c.Reports(ctx, registry.KindBirth, client.ListOptions{Limit: 1}); err != nil {
			continue // a partner whose PKS does not cover births
		}
		partner = c
		break
	}
	require.NotNil(t, partner, "a demo partner that reports births")
	b := storetest.Birth("webhook-demo-1", adminduk.DateOf(time.Now().In(adminduk.WIB)).AddDays(-1), "P")
	storetest.OtherMother(b)
	created, err := partner.CreateBirthReport(ctx, b)
	require.NoError(t, err)
	reportID = created.ID

	ep, err := partner.AddWebhookEndpoint(ctx, recv.URL+"/hooks")
	require.NoError(t, err, "a loopback receiver is accepted in demo mode")
	mu.Lock()
	secret = ep.Secret
	mu.Unlock()
	_, err = officer.Verify(ctx, registry.KindBirth, reportID)
	require.NoError(t, err)

	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		mu.Lock()
		done := verified(got, reportID)
		mu.Unlock()
		if done {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	mu.Lock()
	require.NoError(t, verifyErr)
	require.True(t, verified(got, reportID), "the worker delivered the change: %+v", got)
	mu.Unlock()
	// The worker counts the delivery once the receiver has answered and the
	// outcome is stored, which may come just after the receiver saw it.
	delivered := regexp.MustCompile(`adminduk_webhook_deliveries_total\{outcome="delivered"\} [1-9]`)
	assert.Eventually(t, func() bool {
		m, err := officer.Metrics(ctx)
		return err == nil && delivered.MatchString(m)
	}, 10*time.Second, 50*time.Millisecond, "the delivery counted in /metrics")
}

// verified reports whether evs has the verification of report id.
func verified(evs []client.Event, id string) bool {
	for _, e := range evs {
		if e.Data.ID == id && e.Data.Status == "verified" {
			return true
		}
	}
	return false
}
