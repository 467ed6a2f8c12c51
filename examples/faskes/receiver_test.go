package main

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const testSecret = "whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="

// deliver posts a webhook signed with secret to the receiver at addr.
func deliver(t *testing.T, addr, secret, id string, body []byte) int {
	t.Helper()
	key, err := base64.StdEncoding.DecodeString(secret[len("whsec_"):])
	require.NoError(t, err)
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	m := hmac.New(sha256.New, key)
	m.Write([]byte(id + "." + ts + "."))
	m.Write(body)
	req, err := http.NewRequest(http.MethodPost, "http://"+addr+"/", bytes.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("webhook-id", id)
	req.Header.Set("webhook-timestamp", ts)
	req.Header.Set("webhook-signature", "v1,"+base64.StdEncoding.EncodeToString(m.Sum(nil)))
	res, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	_ = res.Body.Close()
	return res.StatusCode
}

// TestReceiver: verified webhooks are counted once per message id, with
// their latency; a webhook signed with another secret is refused.
func TestReceiver(t *testing.T) {
	r, err := listen(context.Background(), "127.0.0.1:0", testSecret)
	require.NoError(t, err)
	defer r.close()
	at := time.Now().Add(-1500 * time.Millisecond).UTC().Format(time.RFC3339Nano)
	status := []byte(`{"type":"report.status_changed","timestamp":"` + at + `","data":{"id":"r1","external_ref":"x","status":"registered"}}`)
	doc := []byte(`{"type":"document.issued","timestamp":"` + at + `","data":{"id":"r1","external_ref":"x","type":"KIA","number":"6208014112260001","version":1,"status":"active"}}`)
	assert.Equal(t, 204, deliver(t, r.addr, testSecret, "msg_1", status))
	assert.Equal(t, 204, deliver(t, r.addr, testSecret, "msg_1", status), "a retry is acknowledged")
	assert.Equal(t, 204, deliver(t, r.addr, testSecret, "msg_2", doc))
	assert.Equal(t, 401, deliver(t, r.addr, "whsec_ZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXp7fH1+f4CBgoM=", "msg_3", doc))
	s := r.snapshot()
	assert.Equal(t, 2, s.received)
	assert.Equal(t, 1, s.duplicates)
	assert.Equal(t, 1, s.invalid)
	assert.Equal(t, 1, s.documents)
	require.Len(t, s.latencies, 2)
	for _, l := range s.latencies {
		assert.GreaterOrEqual(t, l, time.Second)
	}
}

func TestParse(t *testing.T) {
	var out bytes.Buffer
	for _, args := range [][]string{
		{},
		{"--server", "http://x"},
		{"--server", "http://x", "--key", "k", "--births", "0"},
		{"--server", "http://x", "--key", "k", "--listen", "127.0.0.1:0"},
	} {
		t.Setenv("ADMINDUK_API_KEY", "")
		t.Setenv("ADMINDUK_WEBHOOK_SECRET", "")
		_, err := parse(args, &out)
		assert.Error(t, err, args)
	}
	o, err := parse([]string{"--server", "http://x", "--key", "k", "--births", "4"}, &out)
	require.NoError(t, err)
	assert.Equal(t, 4, o.births)
}
