package main_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dyad-kg/dyad/internal/gen"
	"github.com/dyad-kg/dyad/internal/testenv"
	"github.com/dyad-kg/dyad/loader"
)

// TestLoadKilledHalfway starts `dyad load` of a large dataset, kills the
// process (SIGKILL) while its transaction is writing, and checks that the
// graph loaded before is exactly as it was.
func TestLoadKilledHalfway(t *testing.T) {
	db := testenv.Neo4j(t)
	cfg := testenv.Neo4jConfig(t)
	ctx := context.Background()

	small, err := loader.ReadDir("../../testdata/small")
	require.NoError(t, err)
	_, err = loader.Load(ctx, db, small, loader.Options{})
	require.NoError(t, err)
	count := func() int64 {
		recs, err := db.Read(ctx, "MATCH (n) RETURN count(n) AS n", nil)
		require.NoError(t, err)
		return recs[0]["n"].(int64)
	}
	before := count()

	dir := t.TempDir()
	bin := filepath.Join(dir, "dyad")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Stderr = os.Stderr
	require.NoError(t, build.Run())
	data := filepath.Join(dir, "big")
	require.NoError(t, os.Mkdir(data, 0o755))
	require.NoError(t, gen.WriteYAML(data, gen.Dataset(gen.ForElements(150_000, 1))))

	cmd := exec.Command(bin, "load", "--data", data, "--batch-size", "1000")
	cmd.Env = append(os.Environ(), "NEO4J_URI="+cfg.URI, "NEO4J_USERNAME="+cfg.Username, "NEO4J_PASSWORD="+cfg.Password, "NEO4J_DATABASE="+cfg.Database)
	require.NoError(t, cmd.Start())
	t.Cleanup(func() { _ = cmd.Process.Kill(); _, _ = cmd.Process.Wait() })

	// Wait until the load's transaction is running and has written, then kill.
	deadline := time.Now().Add(2 * time.Minute)
	for {
		require.True(t, time.Now().Before(deadline), "the load never started writing")
		recs, err := db.Read(ctx, "SHOW TRANSACTIONS YIELD currentQuery, status WHERE currentQuery STARTS WITH 'UNWIND $rows' RETURN count(*) AS n", nil)
		require.NoError(t, err)
		if recs[0]["n"].(int64) > 0 {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	time.Sleep(300 * time.Millisecond)
	require.NoError(t, cmd.Process.Kill())
	state, _ := cmd.Process.Wait()
	require.False(t, state.Success(), "the load finished before it could be killed")

	// The server rolls the orphaned transaction back when the connection drops.
	require.Eventually(t, func() bool {
		recs, err := db.Read(ctx, "SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery STARTS WITH 'UNWIND $rows' RETURN count(*) AS n", nil)
		return err == nil && recs[0]["n"].(int64) == 0
	}, time.Minute, 100*time.Millisecond)
	assert.Equal(t, before, count(), "the previous graph must be intact")
	recs, err := db.Read(ctx, "MATCH (n:State) WHERE n.id STARTS WITH 'A' AND NOT n.id IN $ids RETURN count(n) AS n",
		map[string]any{"ids": []string{"SUN", "RUS", "JPN", "CHN", "KAZ"}})
	require.NoError(t, err)
	assert.Zero(t, recs[0]["n"], "no generated state may remain")
}
