package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/adminduk-id/adminduk/registry/httpapi"
)

// check is "load check": every acknowledged report is stored exactly once,
// no external_ref is stored twice, and (with --webhooks) every report of the
// partner with the webhook endpoint had its message delivered.
func check(ctx context.Context, args []string) error {
	var credsPath, target, hooks string
	var wait time.Duration
	fl := flag.NewFlagSet("check", flag.ContinueOnError)
	fl.StringVar(&credsPath, "creds", "", "load-credentials.json")
	fl.StringVar(&target, "url", "", "base `URL` (loopback only; default: the url of --creds)")
	fl.StringVar(&hooks, "webhooks", "", "the receiver's `file` of delivered messages")
	fl.DurationVar(&wait, "wait", 60*time.Second, "how long to wait for the webhooks")
	if err := fl.Parse(args); err != nil {
		return err
	}
	creds, err := readCreds(credsPath)
	if err != nil {
		return err
	}
	if target == "" {
		target = creds.URL
	}
	if err := loopbackURL(target); err != nil {
		return err
	}
	acks := map[string]string{} // external_ref -> id
	for _, path := range fl.Args() {
		if err := readAcks(path, acks); err != nil {
			return err
		}
	}
	cl := &http.Client{Timeout: 30 * time.Second}
	// Every report of every partner, page by page.
	stored := map[string][]string{} // external_ref -> ids
	keyOf := map[string]string{}    // external_ref -> API key
	total := 0
	var first []string // reports of the first partner (the webhook's)
	for i, p := range creds.Partners {
		cursor := ""
		for {
			q := url.Values{"limit": {"500"}}
			if cursor != "" {
				q.Set("cursor", cursor)
			}
			var page httpapi.ReportList
			if err := getJSON(ctx, cl, target+"/api/v1/birth-reports?"+q.Encode(), p.APIKey, &page); err != nil {
				return fmt.Errorf("list of %s: %w", p.ID, err)
			}
			for _, it := range page.Items {
				stored[it.ExternalRef] = append(stored[it.ExternalRef], it.ID)
				keyOf[it.ExternalRef] = p.APIKey
				total++
				if i == 0 {
					first = append(first, it.ID)
				}
			}
			if page.NextCursor == "" {
				break
			}
			cursor = page.NextCursor
		}
	}
	var problems []string
	for ref, ids := range stored {
		if len(ids) > 1 {
			problems = append(problems, fmt.Sprintf("external_ref %s stored %d times: %v", ref, len(ids), ids))
		}
	}
	ids := map[string]bool{}
	for _, v := range stored {
		for _, id := range v {
			if ids[id] {
				problems = append(problems, fmt.Sprintf("report %s listed twice", id))
			}
			ids[id] = true
		}
	}
	for ref, id := range acks {
		got := stored[ref]
		if len(got) != 1 || got[0] != id {
			problems = append(problems, fmt.Sprintf("acknowledged %s %s: stored as %v", id, ref, got))
			continue
		}
		// And found by its reference, as a partner asks for it.
		var page httpapi.ReportList
		if err := getJSON(ctx, cl, target+"/api/v1/birth-reports?external_ref="+url.QueryEscape(ref), keyOf[ref], &page); err != nil {
			return err
		}
		if len(page.Items) != 1 || page.Items[0].ID != id {
			problems = append(problems, fmt.Sprintf("GET ?external_ref=%s: %d items", ref, len(page.Items)))
		}
	}
	fmt.Printf("check: %d acknowledged, %d stored (%d more: committed, answer lost in the kill), %d problems\n",
		len(acks), total, total-len(acks), len(problems))
	if hooks != "" && len(problems) == 0 {
		if err := checkHooks(ctx, hooks, first, wait); err != nil {
			problems = append(problems, err.Error())
		}
	}
	if len(problems) > 0 {
		for i, p := range problems {
			if i == 20 {
				fmt.Printf("... and %d more\n", len(problems)-20)
				break
			}
			fmt.Println("  ", p)
		}
		return errors.New("check failed")
	}
	return nil
}

// checkHooks waits until the receiver's file names every report in want
// (a notified message each), counting messages received more than once.
func checkHooks(ctx context.Context, path string, want []string, wait time.Duration) error {
	deadline := time.Now().Add(wait)
	for {
		got, msgs, dups, err := readHooks(path)
		if err != nil {
			return err
		}
		var missing []string
		for _, id := range want {
			if !got[id] {
				missing = append(missing, id)
			}
		}
		if len(missing) == 0 {
			fmt.Printf("webhooks: all %d reports of the endpoint's partner delivered (%d distinct messages, %d redelivered)\n",
				len(want), msgs, dups)
			return nil
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			return fmt.Errorf("webhooks: %d of %d reports without a delivered message after %s, e.g. %s", len(missing), len(want), wait, missing[0])
		}
		time.Sleep(500 * time.Millisecond)
	}
}

// readHooks reads the receiver's lines "msg MSG_ID REPORT_ID TYPE STATUS".
func readHooks(path string) (reports map[string]bool, msgs, dups int, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, 0, err
	}
	defer f.Close()
	reports = map[string]bool{}
	seen := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) < 3 || fs[0] != "msg" {
			continue
		}
		if seen[fs[1]] {
			dups++
		} else {
			seen[fs[1]] = true
			msgs++
		}
		reports[fs[2]] = true
	}
	return reports, msgs, dups, sc.Err()
}

func readAcks(path string, acks map[string]string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		fs := strings.Fields(sc.Text())
		if len(fs) != 3 || fs[0] != "ack" {
			// A line cut by the kill of the load generator itself is not an ack.
			continue
		}
		if prev, ok := acks[fs[2]]; ok && prev != fs[1] {
			return fmt.Errorf("%s:%d: %s acknowledged as %s and %s", path, n, fs[2], prev, fs[1])
		}
		acks[fs[2]] = fs[1]
	}
	return sc.Err()
}

func getJSON(ctx context.Context, cl *http.Client, u, key string, v any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+key)
	resp, err := cl.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %d %s", u, resp.StatusCode, b)
	}
	return json.Unmarshal(b, v)
}
