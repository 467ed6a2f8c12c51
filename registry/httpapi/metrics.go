package httpapi

import (
	"context"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/adminduk-id/adminduk/registry"
)

// metrics are the Prometheus metrics of a server, in a registry of its own.
type metrics struct {
	reg      *prometheus.Registry
	requests *prometheus.CounterVec
	latency  *prometheus.HistogramVec
	webhooks *prometheus.CounterVec
}

func newMetrics(svc *registry.Service) (*metrics, error) {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "adminduk_http_requests_total",
			Help: "HTTP requests by method, route pattern and status.",
		}, []string{"method", "route", "status"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "adminduk_http_request_duration_seconds",
			Help:    "HTTP request latency by method and route pattern.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5},
		}, []string{"method", "route"}),
		webhooks: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "adminduk_webhook_deliveries_total",
			Help: "Webhook delivery attempts by outcome: delivered, retry (pending again), failed (no more retries, or 410 Gone), unrecorded (the store failed).",
		}, []string{"outcome"}),
	}
	for _, o := range []string{"delivered", "retry", "failed", "unrecorded"} {
		m.webhooks.WithLabelValues(o) // every outcome is exported from the start
	}
	for _, c := range []prometheus.Collector{m.requests, m.latency, m.webhooks, &reportCollector{svc: svc}} {
		if err := m.reg.Register(c); err != nil {
			return nil, err
		}
	}
	return m, nil
}

func (m *metrics) observe(method, route string, status int, d time.Duration) {
	m.requests.WithLabelValues(method, route, strconv.Itoa(status)).Inc()
	m.latency.WithLabelValues(method, route).Observe(d.Seconds())
}

// reportCollector counts the reports of every office by kind and status
// when scraped (one GROUP BY per office).
type reportCollector struct{ svc *registry.Service }

var reportsDesc = prometheus.NewDesc("adminduk_reports", "Reports by office, kind and derived status.",
	[]string{"office", "kind", "status"}, nil)

var scrapeErrorsDesc = prometheus.NewDesc("adminduk_reports_scrape_errors", "1 when the last count of an office's reports failed.",
	[]string{"office"}, nil)

func (c *reportCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- reportsDesc
	ch <- scrapeErrorsDesc
}

func (c *reportCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	for _, office := range c.svc.Offices() {
		counts, err := c.svc.CountReports(ctx, office)
		failed := 0.0
		if err != nil {
			failed = 1
		}
		ch <- prometheus.MustNewConstMetric(scrapeErrorsDesc, prometheus.GaugeValue, failed, office.String())
		for _, n := range counts {
			ch <- prometheus.MustNewConstMetric(reportsDesc, prometheus.GaugeValue, float64(n.N), office.String(), n.Kind.String(), n.Status.String())
		}
	}
}

// WebhookAttempt counts one attempt of a webhook delivery by its outcome in
// adminduk_webhook_deliveries_total: pass it as webhook.Options.OnAttempt of
// the workers that run beside the server.
func (s *Server) WebhookAttempt(r registry.WebhookResult, recordErr error) {
	outcome := "failed"
	switch {
	case recordErr != nil:
		outcome = "unrecorded"
	case r.State == registry.DeliveryDelivered:
		outcome = "delivered"
	case r.State == registry.DeliveryPending:
		outcome = "retry"
	}
	s.metrics.webhooks.WithLabelValues(outcome).Inc()
}
