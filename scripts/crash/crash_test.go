package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestCrashShort is a short run of run.sh: the worker is killed with
// SIGKILL twice, the store reopened and checked after each kill.
func TestCrashShort(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping the crash run")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go command is not on PATH: cannot build the worker")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "crash")
	out, err := exec.Command(goBin, "build", "-o", bin, ".").CombinedOutput()
	require.NoError(t, err, "%s", out)
	db := filepath.Join(dir, "registry.db")
	var acks []string
	for run := 1; run <= 2; run++ {
		ack := filepath.Join(dir, "acks."+strconv.Itoa(run))
		f, err := os.Create(ack)
		require.NoError(t, err)
		cmd := exec.Command(bin, "work", "--db", db, "--run", strconv.Itoa(run))
		cmd.Stdout = f
		var stderr strings.Builder
		cmd.Stderr = &stderr
		require.NoError(t, cmd.Start())
		// Kill once some actions are acknowledged (or after 20 s).
		for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
			if fi, err := os.Stat(ack); err == nil && fi.Size() > 2000 {
				break
			}
		}
		require.NoError(t, cmd.Process.Kill()) // SIGKILL
		_ = cmd.Wait()
		require.NoError(t, f.Close())
		require.Empty(t, stderr.String(), "the worker failed before the kill")
		acks = append(acks, ack)
		out, err := exec.Command(bin, append([]string{"check", "--db", db}, acks...)...).CombinedOutput()
		require.NoError(t, err, "%s", out)
		require.Contains(t, string(out), "check: OK")
		t.Logf("run %d: %s", run, strings.TrimSpace(string(out)))
	}
}
