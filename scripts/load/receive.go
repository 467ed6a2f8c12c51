package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"sync"
	"time"

	"github.com/adminduk-id/adminduk/registry/client"
)

// receive is "load receive": a webhook receiver on loopback that verifies
// each message's signature with the secret in --creds (read when the first
// message arrives: the server writes it) and appends
// "msg MSG_ID REPORT_ID TYPE STATUS" to --out.
func receive(ctx context.Context, args []string) error {
	var addr, out, credsPath string
	fl := flag.NewFlagSet("receive", flag.ContinueOnError)
	fl.StringVar(&addr, "addr", "127.0.0.1:0", "loopback `host:port`")
	fl.StringVar(&out, "out", "", "`file` of received messages")
	fl.StringVar(&credsPath, "creds", "", "load-credentials.json holding the endpoint's secret")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if out == "" || credsPath == "" {
		return errors.New("receive: --out and --creds are required")
	}
	if err := loopbackAddr(addr); err != nil {
		return err
	}
	f, err := os.OpenFile(out, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return err
	}
	defer f.Close()
	var mu sync.Mutex
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		creds, err := readCreds(credsPath)
		if err != nil || creds.Webhook == nil {
			http.Error(w, "no secret yet", http.StatusServiceUnavailable)
			return
		}
		ev, err := client.VerifyWebhook(creds.Webhook.Secret, r.Header, body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusUnauthorized)
			return
		}
		mu.Lock()
		_, err = fmt.Fprintf(f, "msg %s %s %s %s\n", ev.ID, ev.Data.ID, ev.Type, ev.Data.Status)
		mu.Unlock()
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	})
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	fmt.Printf("receiving http://%s/hook\n", ln.Addr())
	go func() { <-ctx.Done(); _ = srv.Close() }()
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
