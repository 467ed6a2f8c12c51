package webui_test

import (
	"bytes"
	"context"
	"html"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/partnership"
	"github.com/adminduk-id/adminduk/registry"
	"github.com/adminduk-id/adminduk/registry/storetest"
)

func TestLoginRequired(t *testing.T) {
	e := newEnv(t)
	c := e.client(t)
	for _, p := range []string{"/", "/queue/births", "/reports/x", "/partners"} {
		res := e.get(t, c, p)
		assert.Equal(t, http.StatusSeeOther, res.StatusCode, p)
		assert.Equal(t, "/login", res.Header.Get("Location"), p)
	}
	res := e.post(t, c, "/reports/x/act", url.Values{"action": {"verify"}})
	assert.Equal(t, http.StatusUnauthorized, res.StatusCode)
	res = e.get(t, c, "/verify")
	assert.Equal(t, http.StatusOK, res.StatusCode, "the verification page is public")
}

func TestSecurityHeaders(t *testing.T) {
	e := newEnv(t)
	res := e.get(t, e.client(t), "/login")
	csp := res.Header.Get("Content-Security-Policy")
	assert.Contains(t, csp, "default-src 'self'")
	assert.Contains(t, csp, "script-src 'none'")
	assert.NotContains(t, csp, "unsafe-inline")
	assert.Equal(t, "nosniff", res.Header.Get("X-Content-Type-Options"))
	b := body(t, res)
	assert.NotContains(t, b, "<script")
	assert.NotContains(t, b, "style=")
}

func TestLogin(t *testing.T) {
	e := newEnv(t)
	c := e.client(t)
	res := e.post(t, c, "/login", url.Values{"username": {"dewi"}, "password": {"salah"}})
	assert.Equal(t, http.StatusUnauthorized, res.StatusCode)
	assert.Contains(t, body(t, res), "Nama pengguna atau kata sandi salah")
	res = e.post(t, c, "/login", url.Values{"username": {"nobody"}, "password": {"salah"}})
	assert.Equal(t, http.StatusUnauthorized, res.StatusCode, "an unknown user fails like a wrong password")

	res = e.post(t, c, "/login", url.Values{"username": {"dewi"}, "password": {officerPW}})
	require.Equal(t, http.StatusSeeOther, res.StatusCode)
	var sc *http.Cookie
	for _, ck := range res.Cookies() {
		if ck.Name == "adminduk_session" {
			sc = ck
		}
	}
	require.NotNil(t, sc)
	assert.True(t, sc.HttpOnly)
	assert.Equal(t, http.SameSiteLaxMode, sc.SameSite)
	assert.False(t, sc.Secure, "plain HTTP in the test")
	// A lifetime relative to the browser's clock: the test's clock is in
	// the past, and the cookie must not have expired for the client.
	assert.Equal(t, int(registry.SessionTTL.Seconds()), sc.MaxAge)
	res = e.get(t, c, "/")
	assert.Equal(t, http.StatusOK, res.StatusCode)
	assert.Contains(t, body(t, res), "Dewi Lestari")

	res = e.post(t, c, "/logout", nil)
	assert.Equal(t, http.StatusSeeOther, res.StatusCode)
	// The old cookie no longer works even if replayed.
	req, _ := http.NewRequest(http.MethodGet, e.Srv.URL+"/", nil)
	req.AddCookie(&http.Cookie{Name: "adminduk_session", Value: sc.Value})
	res, err := e.client(t).Do(req)
	require.NoError(t, err)
	assert.Equal(t, http.StatusSeeOther, res.StatusCode, "a revoked session is refused")
}

func TestLoginRateLimit(t *testing.T) {
	e := newEnv(t)
	c := e.client(t)
	for range 5 {
		res := e.post(t, c, "/login", url.Values{"username": {"dewi"}, "password": {"salah"}})
		require.Equal(t, http.StatusUnauthorized, res.StatusCode)
	}
	res := e.post(t, c, "/login", url.Values{"username": {"dewi"}, "password": {officerPW}})
	assert.Equal(t, http.StatusTooManyRequests, res.StatusCode, "even the right password waits out the lock")
	e.login(t, c, "kepala", supervisorPW) // another username from the same address is not locked
}

func TestCrossOriginPostRefused(t *testing.T) {
	e := newEnv(t)
	c := e.client(t)
	e.login(t, c, "dewi", officerPW)
	r, _, err := e.Service.NotifyBirth(context.Background(), registry.Submission{PartnerID: "pkm-1"},
		storetest.Birth("x-1", storetest.Today.AddDays(-1), "L"))
	require.NoError(t, err)
	req, _ := http.NewRequest(http.MethodPost, e.Srv.URL+"/reports/"+r.ID+"/act", strings.NewReader("action=verify"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", "https://evil.example")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	res, err := c.Do(req)
	require.NoError(t, err)
	assert.Equal(t, http.StatusForbidden, res.StatusCode)
	got, err := e.Service.Report(context.Background(), storetest.Regency, r.ID)
	require.NoError(t, err)
	assert.Equal(t, registry.StatusNotified, got.Status, "nothing was written")
}

func TestWorkflowPages(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	r, _, err := e.Service.NotifyBirth(ctx, registry.Submission{PartnerID: "pkm-1"}, storetest.Birth("w-1", storetest.Today.AddDays(-1), "P"))
	require.NoError(t, err)

	viewer := e.client(t)
	e.login(t, viewer, "tamu", viewerPW)
	page := body(t, e.get(t, viewer, "/reports/"+r.ID))
	assert.NotContains(t, page, `id="step-verify"`, "a viewer gets no buttons")
	res := e.post(t, viewer, "/reports/"+r.ID+"/act", url.Values{"action": {"verify"}})
	assert.Equal(t, http.StatusForbidden, res.StatusCode)

	c := e.client(t)
	e.login(t, c, "dewi", officerPW)
	q := body(t, e.get(t, c, "/queue/births?status=notified"))
	assert.Contains(t, q, r.ID)
	q = body(t, e.get(t, c, "/queue/births?status=registered"))
	assert.NotContains(t, q, r.ID)
	assert.Equal(t, http.StatusBadRequest, e.get(t, c, "/queue/births?status=nonsense").StatusCode)

	page = body(t, e.get(t, c, "/reports/"+r.ID))
	assert.Contains(t, page, `id="step-verify"`)
	assert.Contains(t, page, `id="step-return"`)
	assert.NotContains(t, page, `id="step-register"`, "only the legal next steps")
	assert.NotContains(t, page, `id="step-archive"`, "archiving needs a supervisor")
	assert.Contains(t, page, "/child/birth_date")
	assert.Contains(t, page, "Siti Aminah")

	res = e.post(t, c, "/reports/"+r.ID+"/act", url.Values{"action": {"register"}})
	assert.Equal(t, http.StatusConflict, res.StatusCode, "register before verify")
	res = e.post(t, c, "/reports/"+r.ID+"/act", url.Values{"action": {"verify"}})
	require.Equal(t, http.StatusSeeOther, res.StatusCode, body(t, res))
	res = e.post(t, c, "/reports/"+r.ID+"/act", url.Values{"action": {"register"}})
	require.Equal(t, http.StatusSeeOther, res.StatusCode, body(t, res))

	reg, err := e.Service.Registration(ctx, storetest.Regency, r.ID)
	require.NoError(t, err)
	page = body(t, e.get(t, c, "/reports/"+r.ID))
	assert.Contains(t, page, reg.NIK.String())
	assert.Contains(t, page, reg.Akta.String())
	assert.Contains(t, page, `id="doc-KIA"`)

	res = e.get(t, c, "/reports/"+r.ID+"/documents/KIA/"+reg.NIK.String())
	require.Equal(t, http.StatusOK, res.StatusCode)
	docPage := body(t, res)
	res = e.get(t, c, "/reports/"+r.ID+"/documents/KIA/"+reg.NIK.String()+"/qr.png")
	require.Equal(t, http.StatusOK, res.StatusCode)
	assert.Equal(t, "image/png", res.Header.Get("Content-Type"))
	png := []byte(body(t, res))

	// The public page verifies the payload pasted and the QR uploaded.
	docs, err := e.Service.Documents(ctx, storetest.Regency, r.ID)
	require.NoError(t, err)
	var kia registry.Document
	for _, d := range docs {
		if d.Type == registry.DocKIA {
			kia = d
		}
	}
	assert.Contains(t, html.UnescapeString(docPage), kia.Payload)
	anon := e.client(t)
	res = e.post(t, anon, "/verify", url.Values{"payload": {kia.Payload}})
	out := body(t, res)
	assert.Contains(t, out, `data-status="valid"`)
	assert.Contains(t, out, "Dokumen ini BERLAKU")

	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, err := mw.CreateFormFile("image", "kia.png")
	require.NoError(t, err)
	_, _ = fw.Write(png)
	require.NoError(t, mw.Close())
	req, _ := http.NewRequest(http.MethodPost, e.Srv.URL+"/verify", &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	res, err = anon.Do(req)
	require.NoError(t, err)
	assert.Contains(t, body(t, res), `data-status="valid"`)

	// Issue, then hand over with the receiver named.
	res = e.post(t, c, "/reports/"+r.ID+"/act", url.Values{"action": {"issue"}})
	require.Equal(t, http.StatusSeeOther, res.StatusCode, body(t, res))
	res = e.post(t, c, "/reports/"+r.ID+"/act", url.Values{"action": {"hand_over"}})
	assert.Equal(t, http.StatusUnprocessableEntity, res.StatusCode, "a hand-over names its receiver")
	res = e.post(t, c, "/reports/"+r.ID+"/act", url.Values{"action": {"hand_over"}, "receiver": {"Ahmad Fauzi"}, "relation": {"ayah"}})
	require.Equal(t, http.StatusSeeOther, res.StatusCode, body(t, res))
	got, err := e.Service.Report(ctx, storetest.Regency, r.ID)
	require.NoError(t, err)
	assert.Equal(t, registry.StatusHandedOver, got.Status)
	hs, err := e.Service.HandOvers(ctx, storetest.Regency, r.ID)
	require.NoError(t, err)
	require.Len(t, hs, 1)
	assert.Equal(t, "dewi", hs[0].Actor)

	tampered := []byte(kia.Payload)
	tampered[len(tampered)/2] ^= 1
	out = body(t, e.post(t, anon, "/verify?lang=en", url.Values{"payload": {string(tampered)}}))
	assert.NotContains(t, out, `data-status="valid"`)
	assert.Contains(t, out, `class="card result bad"`)
}

func TestEscapesUserData(t *testing.T) {
	e := newEnv(t)
	ag := storetest.Agreement("pks-x", "evil", partnership.Active, storetest.Today.AddYears(-1), storetest.Today.AddDays(10))
	ag.Partner.Name = "<script>alert(1)</script>"
	require.NoError(t, e.Service.ImportAgreement(context.Background(), &ag, "setup"))
	c := e.client(t)
	e.login(t, c, "kepala", supervisorPW)
	for _, p := range []string{"/", "/partners"} {
		page := body(t, e.get(t, c, p))
		assert.NotContains(t, page, "<script>alert(1)</script>", p)
		assert.Contains(t, page, "&lt;script&gt;alert(1)&lt;/script&gt;", p)
	}
}

func TestPartners(t *testing.T) {
	e := newEnv(t)
	officer := e.client(t)
	e.login(t, officer, "dewi", officerPW)
	form := url.Values{"name": {"Klinik Pratama Sehat"}, "category": {"klinik"}, "district": {"62.08.01"},
		"number": {"470/099/PKS-DUKCAPIL/2026"}, "start": {storetest.Today.String()}, "term": {"24"},
		"services": {"akta_kelahiran", "kia"}}
	res := e.post(t, officer, "/partners", form)
	assert.Equal(t, http.StatusForbidden, res.StatusCode, "an officer does not manage partners")

	c := e.client(t)
	e.login(t, c, "kepala", supervisorPW)
	res = e.post(t, c, "/partners", form)
	require.Equal(t, http.StatusSeeOther, res.StatusCode, body(t, res))
	as, err := e.Service.Agreements(context.Background(), storetest.Regency)
	require.NoError(t, err)
	var got *partnership.Agreement
	for i := range as {
		if as[i].Partner.Name == "Klinik Pratama Sehat" {
			got = &as[i]
		}
	}
	require.NotNil(t, got)
	assert.Equal(t, partnership.Active, got.State)
	assert.Equal(t, storetest.Today.AddYears(2).AddDays(-1), got.End)

	res = e.post(t, c, "/agreements/"+got.ID+"/event", url.Values{"event": {"suspend"}, "reason": {"audit"}})
	require.Equal(t, http.StatusSeeOther, res.StatusCode, body(t, res))
	as, err = e.Service.Agreements(context.Background(), storetest.Regency)
	require.NoError(t, err)
	for _, a := range as {
		if a.ID == got.ID {
			assert.Equal(t, partnership.Suspended, a.State)
		}
	}
	bad := url.Values{"name": {"X"}, "category": {"nope"}, "district": {"31.71.01"}, "start": {"kemarin"}, "term": {"0"}}
	res = e.post(t, c, "/partners", bad)
	assert.Equal(t, http.StatusUnprocessableEntity, res.StatusCode)
}

func TestLanguages(t *testing.T) {
	e := newEnv(t)
	c := e.client(t)
	assert.Contains(t, body(t, e.get(t, c, "/login")), "Masuk petugas")
	assert.Contains(t, body(t, e.get(t, c, "/login?lang=en")), "Officer login")
	assert.Contains(t, body(t, e.get(t, c, "/login")), "Officer login", "the choice is remembered")
}

func TestImportAgreement(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	ag := storetest.Agreement("pks-old", "pkm-old", partnership.Active, storetest.Today.AddYears(-2), storetest.Today.AddDays(-1))
	require.NoError(t, e.Service.ImportAgreement(ctx, &ag, "import"))
	bad := ag
	bad.ID, bad.Partner.Name = "pks-bad", ""
	assert.Error(t, e.Service.ImportAgreement(ctx, &bad, "import"))
	assert.Error(t, e.Service.ImportAgreement(ctx, &ag, ""))
	as, err := e.Service.Agreements(ctx, storetest.Regency)
	require.NoError(t, err)
	require.Len(t, as, 2, "the fixture's and the imported one; invalid ones write nothing")
	assert.Equal(t, partnership.Expired, as[1].StatusOn(storetest.Today))
}

func TestAPIKeyShownOnce(t *testing.T) {
	e := newEnv(t)
	c := e.client(t)
	e.login(t, c, "kepala", supervisorPW)
	res := e.post(t, c, "/partners/pkm-1/keys", url.Values{"label": {"SIMRS"}})
	require.Equal(t, http.StatusCreated, res.StatusCode)
	page := body(t, res)
	i := strings.Index(page, `value="adk_`)
	require.Positive(t, i, "the key is shown")
	key := page[i+len(`value="`) : i+len(`value="`)+len("adk_")+43]
	p, err := e.Service.Authenticate(context.Background(), key)
	require.NoError(t, err)
	assert.Equal(t, "pkm-1", p.PartnerID)
	assert.NotContains(t, body(t, e.get(t, c, "/partners")), key, "never shown again")

	officer := e.client(t)
	e.login(t, officer, "dewi", officerPW)
	assert.Equal(t, http.StatusForbidden, e.post(t, officer, "/partners/pkm-1/keys", nil).StatusCode)
	assert.Equal(t, http.StatusNotFound, e.post(t, c, "/partners/nobody/keys", nil).StatusCode)
}

func TestSecureCookieOverTLS(t *testing.T) {
	e := newEnv(t)
	srv := httptest.NewTLSServer(e.UI)
	defer srv.Close()
	c := srv.Client()
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	req, _ := http.NewRequest(http.MethodPost, srv.URL+"/login",
		strings.NewReader(url.Values{"username": {"dewi"}, "password": {officerPW}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	res, err := c.Do(req)
	require.NoError(t, err)
	require.Equal(t, http.StatusSeeOther, res.StatusCode)
	var found bool
	for _, ck := range res.Cookies() {
		if ck.Name == "adminduk_session" {
			found = true
			assert.True(t, ck.Secure)
			assert.True(t, ck.HttpOnly)
		}
	}
	assert.True(t, found)
}
