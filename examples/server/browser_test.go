package main

import (
	"bytes"
	"context"
	"fmt"
	"image/png"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/internal/testtool"
)

// pdfQR rasterises the pages of a PDF with pdftoppm and returns the first
// QR code it decodes.
func pdfQR(t *testing.T, pdf []byte) string {
	t.Helper()
	tool := testtool.Require(t, "pdftoppm")
	dir := t.TempDir()
	in := filepath.Join(dir, "doc.pdf")
	require.NoError(t, os.WriteFile(in, pdf, 0o600))
	out, err := exec.Command(tool, "-png", "-r", "300", in, filepath.Join(dir, "page")).CombinedOutput()
	require.NoError(t, err, string(out))
	pages, err := filepath.Glob(filepath.Join(dir, "page*.png"))
	require.NoError(t, err)
	require.NotEmpty(t, pages)
	for _, p := range pages {
		f, err := os.Open(p)
		require.NoError(t, err)
		img, err := png.Decode(f)
		_ = f.Close()
		require.NoError(t, err)
		if payload, err := testtool.DecodeQR(img); err == nil {
			return payload
		}
	}
	t.Fatalf("no QR code in the %d pages of the PDF", len(pages))
	return ""
}

// artifacts returns the directory screenshots go to: $ADMINDUK_ARTIFACTS
// or a temporary directory of the test.
func artifacts(t *testing.T) string {
	if d := os.Getenv("ADMINDUK_ARTIFACTS"); d != "" {
		require.NoError(t, os.MkdirAll(d, 0o755))
		return d
	}
	return t.TempDir()
}

// browser starts headless chromium (skipping, or failing under
// ADMINDUK_TEST_TOOLS=1, when it is missing) and returns its context.
func browser(t *testing.T) context.Context {
	path := testtool.Require(t, "chromium")
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path), chromedp.NoSandbox, chromedp.WindowSize(1280, 900),
		chromedp.Flag("disable-dev-shm-usage", true))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel2 := chromedp.NewContext(actx)
	t.Cleanup(cancel2)
	ctx, cancel3 := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(cancel3)
	require.NoError(t, chromedp.Do(ctx)) // start the browser
	return ctx
}

// shot saves a full-page screenshot as dir/name.png.
func shot(t *testing.T, ctx context.Context, dir, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	require.NoError(t, err)
	p := filepath.Join(dir, name+".png")
	require.NoError(t, os.WriteFile(p, png, 0o644))
	t.Logf("screenshot %s", p)
}

// login fills in the login form and waits for the element expect of the
// page that follows.
func login(ctx context.Context, url, user, pw string, expect chromedp.CSS) error {
	return chromedp.Do(ctx,
		chromedp.Navigate(url+"/login"),
		chromedp.WaitVisible(chromedp.ID("username")),
		chromedp.SendKeys(chromedp.ID("username"), user),
		chromedp.SendKeys(chromedp.ID("password"), pw),
		chromedp.Click(chromedp.ID("login")),
		chromedp.WaitVisible(expect),
	)
}

func text(ctx context.Context, sel string) (string, error) {
	return chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
}

func attr(ctx context.Context, sel chromedp.CSS, name string) (string, error) {
	a, err := chromedp.Run(ctx, chromedp.AttributeValue(sel, name))
	if err == nil && !a.Exists {
		err = fmt.Errorf("%s has no attribute %s", sel, name)
	}
	return a.Value, err
}

// TestBrowserWorkflow drives the officer's day in chromium: a wrong
// password is refused; log in; open a notified birth; verify and register
// it; open its KIA (the PDF is served, and its QR code holds the credential
// the page shows); the public page says "valid" for the pasted payload and
// for an uploaded PNG of the card (registry/render.WritePNG); log out.
func TestBrowserWorkflow(t *testing.T) {
	ctx := browser(t)
	dir := artifacts(t)
	data := t.TempDir()
	s := start(t, "--data", data)
	defer s.stop(t)
	creds := readCreds(t, data)

	require.NoError(t, login(ctx, s.URL, creds.Officer.Username, "salah-sekali", ".errors"))
	msg, err := text(ctx, ".errors")
	require.NoError(t, err)
	assert.Contains(t, msg, "salah")
	shot(t, ctx, dir, "01-login-refused")

	require.NoError(t, login(ctx, s.URL, creds.Officer.Username, creds.Officer.Password, "#logout"))
	loc, err := chromedp.Run(ctx, chromedp.Location())
	require.NoError(t, err)
	assert.Equal(t, s.URL+"/", loc)
	// The demo's population was imported: the coverage chart (a PNG the UI
	// serves) has loaded, with the accessible table beside it.
	var chartW int
	for range 100 { // until the image has loaded
		chartW, err = chromedp.Run(ctx, chromedp.Evaluate[int](`document.getElementById("coverage-chart").naturalWidth`))
		require.NoError(t, err)
		if chartW > 0 {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	assert.Greater(t, chartW, 300, "the coverage chart loaded")
	cov, err := text(ctx, "#coverage-0")
	require.NoError(t, err)
	assert.Contains(t, cov, "Kabupaten Sukamara")
	assert.Contains(t, cov, "98,00 %", "the akta target")
	shot(t, ctx, dir, "02-dashboard")

	// Open the first notified birth of the queue without a flag (the
	// newest is the midwife's report of a baby the hospital reported too).
	require.NoError(t, chromedp.Do(ctx,
		chromedp.Navigate(s.URL+"/queue/births?status=notified"),
		chromedp.WaitVisible(chromedp.ID("queue"))))
	shot(t, ctx, dir, "03-queue")
	href, err := chromedp.Run(ctx, chromedp.Evaluate[string](`[...document.querySelectorAll("#queue tbody tr")].find(r => r.cells[3].textContent.trim() === "").querySelector("a").getAttribute("href")`))
	require.NoError(t, err)
	require.NoError(t, chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#queue a[href="`+href+`"]`)),
		chromedp.WaitVisible(chromedp.ID("step-verify"))))
	st, err := text(ctx, "#report-status")
	require.NoError(t, err)
	assert.Equal(t, "Dilaporkan", st)
	shot(t, ctx, dir, "04-report-notified")

	require.NoError(t, chromedp.Do(ctx, chromedp.Click(chromedp.ID("step-verify")),
		chromedp.WaitVisible(chromedp.ID("step-register"))))
	st, err = text(ctx, "#report-status")
	require.NoError(t, err)
	assert.Equal(t, "Diverifikasi", st)
	require.NoError(t, chromedp.Do(ctx, chromedp.Click(chromedp.ID("step-register")),
		chromedp.WaitVisible(chromedp.ID("reg-nik"))))
	nik, err := text(ctx, "#reg-nik")
	require.NoError(t, err)
	assert.Regexp(t, `^6208\d{12}$`, nik)
	shot(t, ctx, dir, "05-report-registered")

	// The KIA: its page with the PDF inline, its QR code.
	require.NoError(t, chromedp.Do(ctx, chromedp.Click(chromedp.ID("doc-KIA")),
		chromedp.WaitVisible(chromedp.ID("qr"))))
	payload, err := chromedp.Run(ctx, chromedp.Value(chromedp.ID("payload")))
	require.NoError(t, err)
	require.NotEmpty(t, payload)
	shot(t, ctx, dir, "06-kia")
	pdfURL, err := attr(ctx, "#pdf-view", "data")
	require.NoError(t, err)
	pngURL, err := attr(ctx, "#png", "href")
	require.NoError(t, err)
	cookies, err := chromedp.Call(ctx, network.GetCookies, network.GetCookiesParams{})
	require.NoError(t, err)
	get := func(path string) (*http.Response, []byte) {
		t.Helper()
		req, _ := http.NewRequest(http.MethodGet, s.URL+path, nil)
		for _, c := range cookies.Cookies {
			req.AddCookie(&http.Cookie{Name: c.Name, Value: c.Value})
		}
		res, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		b, err := io.ReadAll(res.Body)
		_ = res.Body.Close()
		require.NoError(t, err)
		return res, b
	}
	res, pdf := get(pdfURL)
	require.Equal(t, http.StatusOK, res.StatusCode)
	require.Equal(t, "application/pdf", res.Header.Get("Content-Type"))
	require.True(t, bytes.HasPrefix(pdf, []byte("%PDF-")))
	assert.Equal(t, payload, pdfQR(t, pdf), "the PDF's QR code holds the stored credential")
	// Without the session the PDF is not served.
	anon, err := http.Get(s.URL + pdfURL)
	require.NoError(t, err)
	_ = anon.Body.Close()
	assert.Equal(t, s.URL+"/login", anon.Request.URL.String(), "the PDF needs a login")

	// The card as an image (registry/render.WritePNG), for the upload.
	res, card := get(pngURL)
	require.Equal(t, http.StatusOK, res.StatusCode)
	require.Equal(t, "image/png", res.Header.Get("Content-Type"))
	pngPath := filepath.Join(dir, "kia-card.png")
	require.NoError(t, os.WriteFile(pngPath, card, 0o644))

	// The public verification page, pasted and uploaded.
	require.NoError(t, chromedp.Do(ctx,
		chromedp.Navigate(s.URL+"/verify"),
		chromedp.WaitVisible(chromedp.ID("payload")),
		chromedp.SetValue(chromedp.ID("payload"), payload),
		chromedp.Click(chromedp.ID("check")),
		chromedp.WaitVisible(chromedp.ID("result"))))
	status, err := attr(ctx, "#result", "data-status")
	require.NoError(t, err)
	assert.Equal(t, "valid", status)
	verdict, err := text(ctx, "#verdict")
	require.NoError(t, err)
	assert.Contains(t, verdict, "SAH")
	online, err := text(ctx, "#online")
	require.NoError(t, err)
	assert.Contains(t, online, "BERLAKU")
	shot(t, ctx, dir, "07-verify-pasted")

	require.NoError(t, chromedp.Do(ctx,
		chromedp.Navigate(s.URL+"/verify"),
		chromedp.WaitVisible(chromedp.ID("image")),
		chromedp.SetUploadFiles(chromedp.ID("image"), []string{pngPath}),
		chromedp.Click(chromedp.ID("check")),
		chromedp.WaitVisible(chromedp.ID("result"))))
	status, err = attr(ctx, "#result", "data-status")
	require.NoError(t, err)
	assert.Equal(t, "valid", status, "the uploaded image of the KIA card")
	shot(t, ctx, dir, "08-verify-uploaded")

	// Log out: the dashboard sends back to the login page.
	require.NoError(t, chromedp.Do(ctx,
		chromedp.Navigate(s.URL+"/"),
		chromedp.WaitVisible(chromedp.ID("logout")),
		chromedp.Click(chromedp.ID("logout")),
		chromedp.WaitVisible(chromedp.ID("username")),
		chromedp.Navigate(s.URL+"/"),
		chromedp.WaitVisible(chromedp.ID("username"))))
	loc, err = chromedp.Run(ctx, chromedp.Location())
	require.NoError(t, err)
	assert.Equal(t, s.URL+"/login", loc)
}

// TestBrowserCrossOriginPost: a form on another origin that posts to the
// registry is refused, and nothing changes.
func TestBrowserCrossOriginPost(t *testing.T) {
	ctx := browser(t)
	dir := artifacts(t)
	data := t.TempDir()
	s := start(t, "--data", data)
	defer s.stop(t)
	creds := readCreds(t, data)
	require.NoError(t, login(ctx, s.URL, creds.Officer.Username, creds.Officer.Password, "#logout"))
	require.NoError(t, chromedp.Do(ctx,
		chromedp.Navigate(s.URL+"/queue/births?status=notified"),
		chromedp.WaitVisible(chromedp.ID("queue"))))
	href, err := attr(ctx, "#queue tbody tr:first-child a", "href")
	require.NoError(t, err)

	// The evil page is served from another origin (127.0.0.2, not 127.0.0.1).
	ln, err := net.Listen("tcp", "127.0.0.2:0")
	if err != nil {
		t.Skipf("skipping: cannot listen on a second loopback address: %v", err)
	}
	evil := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprintf(w, `<!doctype html><form method="post" action="%s%s/act"><input type="hidden" name="action" value="verify"><button id="go">Hadiah!</button></form>`, s.URL, href)
	}))
	evil.Listener = ln
	evil.Start()
	defer evil.Close()
	evilURL := evil.URL
	require.NoError(t, chromedp.Do(ctx,
		chromedp.Navigate(evilURL),
		chromedp.WaitVisible(chromedp.ID("go"))))
	shot(t, ctx, dir, "09-cross-origin-form")
	require.NoError(t, chromedp.Do(ctx, chromedp.Click(chromedp.ID("go")), chromedp.Sleep(2*time.Second)))
	shot(t, ctx, dir, "09-cross-origin-after")
	require.NoError(t, chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS("main h1"))))
	body, err := text(ctx, "main")
	require.NoError(t, err)
	assert.Contains(t, body, "tidak berwenang")
	shot(t, ctx, dir, "09-cross-origin-refused")
	require.NoError(t, chromedp.Do(ctx,
		chromedp.Navigate(s.URL+href),
		chromedp.WaitVisible(chromedp.ID("report-status"))))
	st, err := text(ctx, "#report-status")
	require.NoError(t, err)
	assert.Equal(t, "Dilaporkan", st, "the report was not verified")
}

// TestBrowserPhoneWidth: the pages at 390 px width scroll only vertically.
func TestBrowserPhoneWidth(t *testing.T) {
	ctx := browser(t)
	dir := artifacts(t)
	data := t.TempDir()
	s := start(t, "--data", data)
	defer s.stop(t)
	creds := readCreds(t, data)
	require.NoError(t, chromedp.Do(ctx, chromedp.EmulateViewport(390, 844)))
	require.NoError(t, login(ctx, s.URL, creds.Officer.Username, creds.Officer.Password, "#logout"))
	for _, p := range []string{"/", "/queue/births", "/queue/deaths", "/partners", "/verify"} {
		require.NoError(t, chromedp.Do(ctx,
			chromedp.Navigate(s.URL+p),
			chromedp.WaitVisible(chromedp.CSS("main"))))
		width, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
		require.NoError(t, err)
		assert.LessOrEqual(t, width, 390, "horizontal scroll on %s", p)
		shot(t, ctx, dir, "10-phone"+strings.ReplaceAll(strings.TrimSuffix(p, "/"), "/", "-"))
	}
}

// TestBrowserEscapesPartnerName: a partner named like a script is created
// through the form and shows as text on the partners page; no script runs
// or enters the page.
func TestBrowserEscapesPartnerName(t *testing.T) {
	ctx := browser(t)
	dir := artifacts(t)
	data := t.TempDir()
	s := start(t, "--data", data)
	defer s.stop(t)
	creds := readCreds(t, data)
	require.NoError(t, login(ctx, s.URL, creds.Officer.Username, creds.Officer.Password, "#logout"))
	const evil = "<script>alert(1)</script>"
	require.NoError(t, chromedp.Do(ctx,
		chromedp.Navigate(s.URL+"/partners"),
		chromedp.WaitVisible(chromedp.ID("p-name")),
		chromedp.SetValue(chromedp.ID("p-name"), evil),
		chromedp.SetValue(chromedp.ID("p-district"), "62.08.01"),
		chromedp.SetValue(chromedp.ID("p-number"), "470/099/PKS-DUKCAPIL/2026"),
		chromedp.Click(chromedp.CSS(`input[name="services"]`)),
		chromedp.Click(chromedp.ID("create-partner"))))
	// The form posts and the partners page comes back: wait for the new
	// row rather than for a table the page had before the post.
	var table string
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		var err error
		if table, err = text(ctx, "#agreements"); err == nil && strings.Contains(table, evil) {
			break
		}
	}
	assert.Contains(t, table, evil, "the name shows as text")
	scripts, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("script").length`))
	require.NoError(t, err)
	assert.Equal(t, 0, scripts, "no script element entered the page")
	shot(t, ctx, dir, "11-partner-escaped")
}
