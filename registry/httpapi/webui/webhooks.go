package webui

import (
	"net/http"
	"strconv"

	"github.com/adminduk-id/adminduk/registry"
)

// keyRow is an API key as the partners page lists it: never the secret.
type keyRow struct {
	Partner, ID, Label, Created, LastUsed, Revoked string
}

// deliveryRow is one delivery of a webhook event.
type deliveryRow struct {
	EventID, EventType, State, Last string
	Attempts                        int
}

// hookRow is a webhook endpoint with its latest deliveries.
type hookRow struct {
	Partner, ID, URL, State, Created string
	Deliveries                       []deliveryRow
}

// maxDeliveries is how many deliveries an endpoint lists, newest first.
const maxDeliveries = 10

// partnerIntegrations lists the API keys and webhook endpoints (with their
// delivery logs) of the partners of rows, read-only.
func (u *UI) partnerIntegrations(r *http.Request, rows []agreementRow, lang string) ([]keyRow, []hookRow, error) {
	o := officerOf(r)
	ctx := r.Context()
	seen := map[string]bool{}
	var keys []keyRow
	var hooks []hookRow
	for _, a := range rows {
		if seen[a.PartnerID] {
			continue
		}
		seen[a.PartnerID] = true
		ks, err := u.cfg.Service.APIKeys(ctx, o.Office, a.PartnerID)
		if err != nil {
			return nil, nil, err
		}
		for _, k := range ks {
			keys = append(keys, keyRow{Partner: a.Partner, ID: k.ID, Label: k.Label, Created: whenText(k.CreatedAt),
				LastUsed: whenText(k.LastUsed), Revoked: whenText(k.RevokedAt)})
		}
		es, err := u.cfg.Service.WebhookEndpoints(ctx, o.Office, a.PartnerID)
		if err != nil {
			return nil, nil, err
		}
		for _, e := range es {
			h := hookRow{Partner: a.Partner, ID: e.ID, URL: e.URL, Created: whenText(e.Created), State: messages[lang]["active_state"]}
			if !e.Active() {
				h.State = messages[lang]["disabled"] + " " + whenText(e.Disabled) + " " + e.DisabledReason
			}
			ds, err := u.cfg.Service.WebhookDeliveries(ctx, o.Office, e.ID)
			if err != nil {
				return nil, nil, err
			}
			for i := len(ds) - 1; i >= 0 && len(h.Deliveries) < maxDeliveries; i-- {
				h.Deliveries = append(h.Deliveries, deliveryOf(ds[i]))
			}
			hooks = append(hooks, h)
		}
	}
	return keys, hooks, nil
}

func deliveryOf(d registry.WebhookDelivery) deliveryRow {
	row := deliveryRow{EventID: d.EventID, EventType: string(d.EventType), State: d.State.String(), Attempts: len(d.Attempts)}
	if n := len(d.Attempts); n > 0 {
		a := d.Attempts[n-1]
		row.Last = whenText(a.At)
		if a.StatusCode != 0 {
			row.Last += " · HTTP " + strconv.Itoa(a.StatusCode)
		}
		if a.Error != "" {
			row.Last += " · " + a.Error
		}
	}
	return row
}
