package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/adminduk/credential"
	"github.com/adminduk-id/adminduk/partnership"
	"github.com/adminduk-id/adminduk/registry/storetest"
)

// useRegistryClock sets the registry commands' clock to the fixture day.
func useRegistryClock(t *testing.T) {
	clk := storetest.NewClock(storetest.Today)
	old := registryNow
	registryNow = clk.Now
	t.Cleanup(func() { registryNow = old })
}

func writeJSON(t *testing.T, path string, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(path, b, 0o600))
	return path
}

// TestRegistryWorkflow drives the back office from the command line: init
// (key generated 0600), an agreement, a birth notified, listed, verified,
// registered, and its documents listed by the child's NIK.
func TestRegistryWorkflow(t *testing.T) {
	useRegistryClock(t)
	dir := t.TempDir()
	data, key := filepath.Join(dir, "data"), filepath.Join(dir, "key.pem")
	code, out, errOut := runCLI(t, "", "registry", "init", "--data", data, "--office", "62.08", "--key", key,
		"--head", "H. Ahmad Suhaemi, M.Si.", "--head-nip", "197005121995031002")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "key: generated")
	for _, p := range []string{key, filepath.Join(data, "office.json"), filepath.Join(data, "registry.db")} {
		fi, err := os.Stat(p)
		require.NoError(t, err)
		assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm(), p)
	}
	pem, err := os.ReadFile(key)
	require.NoError(t, err)
	_, err = credential.ParsePrivateKeyPEM(pem)
	require.NoError(t, err)

	// A second init refuses to overwrite; the key is kept.
	code, _, errOut = runCLI(t, "", "registry", "init", "--data", data, "--office", "62.08", "--key", key)
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "already initialised")
	again, err := os.ReadFile(key)
	require.NoError(t, err)
	assert.Equal(t, pem, again)

	ag := storetest.Agreement("pks-1", "pkm-1", partnership.Active, storetest.Today.AddYears(-1), storetest.Today.AddYears(1))
	code, out, errOut = runCLI(t, "", "registry", "agreement", writeJSON(t, filepath.Join(dir, "pks.json"), &ag), "--data", data, "--actor", "admin")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "agreement pks-1 of partner pkm-1")
	// A file far larger than any agreement is refused before it is read whole.
	huge := filepath.Join(dir, "huge.json")
	require.NoError(t, os.WriteFile(huge, make([]byte, 2<<20), 0o600))
	code, _, errOut = runCLI(t, "", "registry", "agreement", huge, "--data", data, "--actor", "admin")
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "more than")

	birth := writeJSON(t, filepath.Join(dir, "birth.json"), storetest.Birth("ref-1", storetest.Today.AddDays(-2), "P"))
	code, out, errOut = runCLI(t, "", "registry", "notify", birth, "--partner", "pkm-1", "--data", data, "--idempotency-key", "k1")
	require.Equal(t, 0, code, errOut)
	fields := strings.Split(strings.TrimSpace(out), "\t")
	require.Len(t, fields, 4, out)
	id := fields[0]
	assert.Equal(t, []string{"notified", "-", "created"}, fields[1:], "no flags: the fixture reports everything")
	code, out, _ = runCLI(t, "", "registry", "notify", birth, "--partner", "pkm-1", "--data", data, "--idempotency-key", "k1")
	require.Equal(t, 0, code)
	assert.Equal(t, id+"\tnotified\t-\treplayed\n", out)

	code, out, _ = runCLI(t, "", "registry", "births", "list", "--status", "notified", "--data", data)
	require.Equal(t, 0, code)
	assert.Contains(t, out, id)
	code, out, _ = runCLI(t, "", "registry", "births", "list", "--status", "registered", "--data", data)
	require.Equal(t, 0, code)
	assert.NotContains(t, out, id)

	// Registering before verifying is an illegal step.
	code, _, errOut = runCLI(t, "", "registry", "register", id, "--actor", "officer.dewi", "--data", data)
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "cannot register from status notified")
	code, out, errOut = runCLI(t, "", "registry", "verify", id, "--actor", "officer.dewi", "--data", data)
	require.Equal(t, 0, code, errOut)
	assert.Equal(t, id+"\tverified\n", out)
	code, out, errOut = runCLI(t, "", "registry", "register", id, "--actor", "officer.dewi", "--data", data)
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "nik\t6208014112260001\n")
	assert.Contains(t, out, "akta\t6208-LU-03122026-0001\n")
	assert.Contains(t, out, "document\tKIA 6208014112260001 version 1 active\n")

	code, out, errOut = runCLI(t, "", "registry", "documents", "6208014112260001", "--data", data)
	require.Equal(t, 0, code, errOut)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 3, out)
	assert.Regexp(t, `^AKTA-KELAHIRAN\s+6208-LU-03122026-0001\s+1\s+active\s+2026-12-03 10:00\s+`+id+`$`, lines[1])
	assert.Regexp(t, `^KIA\s+6208014112260001\s+1\s+active\s`, lines[2])

	code, out, _ = runCLI(t, "", "registry", "births", "list", "--status", "registered", "--json", "--data", data)
	require.Equal(t, 0, code)
	var row map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &row))
	assert.Equal(t, id, row["ID"])
	assert.Equal(t, "registered", row["Status"])
}

func TestRegistryErrors(t *testing.T) {
	useRegistryClock(t)
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	for _, c := range []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"no verb", []string{"registry"}, 2, "want one of"},
		{"init without flags", []string{"registry", "init"}, 2, "required"},
		{"init with a kecamatan", []string{"registry", "init", "--data", data, "--office", "62.08.01", "--key", filepath.Join(dir, "k")}, 2, "kab/kota"},
		{"bad NIP", []string{"registry", "init", "--data", data, "--office", "62.08", "--key", filepath.Join(dir, "k"), "--head-nip", "12"}, 2, "head-nip"},
		{"not initialised", []string{"registry", "births", "list", "--data", data}, 1, "registry init"},
		{"verify without actor", []string{"registry", "verify", "x", "--data", data}, 2, "--actor"},
		{"notify without partner", []string{"registry", "notify", "f.json", "--data", data}, 2, "--partner"},
		{"bad status", []string{"registry", "births", "list", "--status", "nope", "--data", data}, 2, "--status"},
	} {
		code, _, errOut := runCLI(t, "", c.args...)
		assert.Equal(t, c.code, code, c.name)
		assert.Contains(t, errOut, c.msg, c.name)
	}

	// A bad key file is refused, not overwritten.
	bad := filepath.Join(dir, "bad.pem")
	require.NoError(t, os.WriteFile(bad, []byte("not a key"), 0o600))
	code, _, _ := runCLI(t, "", "registry", "init", "--data", data, "--office", "62.08", "--key", bad)
	assert.Equal(t, 1, code)
	b, _ := os.ReadFile(bad)
	assert.Equal(t, "not a key", string(b))

	// An invalid report lists its fields and writes nothing; an unknown
	// partner is forbidden.
	code, _, errOut := runCLI(t, "", "registry", "init", "--data", data, "--office", "62.08", "--key", filepath.Join(dir, "k.pem"))
	require.Equal(t, 0, code, errOut)
	ag := storetest.Agreement("pks-1", "pkm-1", partnership.Active, storetest.Today.AddYears(-1), storetest.Today.AddYears(1))
	code, _, errOut = runCLI(t, "", "registry", "agreement", writeJSON(t, filepath.Join(dir, "pks.json"), &ag), "--data", data, "--actor", "admin")
	require.Equal(t, 0, code, errOut)
	b0 := storetest.Birth("ref-x", storetest.Today.AddDays(-2), "P")
	b0.Child.Sex = "X"
	code, _, errOut = runCLI(t, "", "registry", "notify", writeJSON(t, filepath.Join(dir, "bad.json"), b0), "--partner", "pkm-1", "--data", data)
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "child.sex")
	ok := writeJSON(t, filepath.Join(dir, "ok.json"), storetest.Birth("ref-y", storetest.Today.AddDays(-2), "P"))
	code, _, errOut = runCLI(t, "", "registry", "notify", ok, "--partner", "nobody", "--data", data)
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "no agreement")
	code, out, _ := runCLI(t, "", "registry", "births", "list", "--data", data)
	require.Equal(t, 0, code)
	assert.Equal(t, 1, strings.Count(out, "\n"), "only the header: %s", out)
}
