package client_test

import (
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/adminduk-id/adminduk/registry/client"
)

// A faskes checks a webhook before acting on it.
func ExampleVerifyWebhook() {
	h := http.Header{}
	h.Set("webhook-id", "msg_2Ykq9bY1Qx")
	h.Set("webhook-timestamp", "1796264100")
	h.Set("webhook-signature", "v1,12EEpZlp1c5NAHlqeH1orkPy7iHPOo+CA7YYeVwxNjQ=")
	body := []byte(`{"type":"report.status_changed","timestamp":"2026-12-03T02:15:00Z","data":{"id":"r-0001","external_ref":"RSUD-SKM-2026-000123","status":"registered"}}`)
	secret := "whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="

	now := time.Unix(1796264100, 0).Add(42 * time.Second) // the receiver's clock
	e, err := client.VerifyWebhookAt(now, secret, h, body)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(e.ID, e.Type, e.Data.ExternalRef, e.Data.Status)

	_, err = client.VerifyWebhookAt(now.Add(time.Hour), secret, h, body)
	fmt.Println(errors.Is(err, client.ErrWebhookTimestamp))
	// Output:
	// msg_2Ykq9bY1Qx report.status_changed RSUD-SKM-2026-000123 registered
	// true
}
