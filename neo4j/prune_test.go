package neo4j_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/internal/gen"
	"github.com/dyad-kg/dyad/internal/testenv"
	"github.com/dyad-kg/dyad/neo4j"
)

// shrink returns el less every second Event node (and the edges at it) and
// every third claim edge: what a prune of el down to it removes.
func shrink(el *graph.Elements) *graph.Elements {
	out := &graph.Elements{}
	gone := map[string]bool{}
	events := 0
	for _, n := range el.Nodes {
		if n.Label == graph.LabelEvent {
			events++
			if events%2 == 0 {
				gone[n.ID] = true
				continue
			}
		}
		out.Nodes = append(out.Nodes, n)
	}
	claims := 0
	for _, e := range el.Edges {
		if e.Type == graph.RelWeakens || e.Type == graph.RelStrengthens || e.Type == graph.RelDrives {
			claims++
			if claims%3 == 0 {
				continue
			}
		}
		if !gone[e.From] && !gone[e.To] {
			out.Edges = append(out.Edges, e)
		}
	}
	return out
}

// dyadCount counts the nodes and edges with the Marker.
func dyadCount(t *testing.T, db *neo4j.DB) int {
	t.Helper()
	recs, err := db.Read(context.Background(),
		"CALL () { MATCH (n) WHERE n.dyad = true RETURN count(n) AS c UNION ALL MATCH ()-[r]->() WHERE r.dyad = true RETURN count(r) AS c } RETURN sum(c) AS n", nil)
	require.NoError(t, err)
	return int(recs[0]["n"].(int64))
}

// TestPruneInBatches prunes, in a load split by CommitEvery, many more
// stale elements than one batch holds: everything stale goes, in several
// transactions, and nothing Dyad did not write is touched.
func TestPruneInBatches(t *testing.T) {
	db := testenv.Neo4j(t)
	ctx := context.Background()
	big := gen.Dataset(gen.ForElements(3000, 1)).Elements()
	_, err := db.Load(ctx, big, neo4j.LoadOptions{CommitEvery: 1000})
	require.NoError(t, err)
	require.NoError(t, db.Exec(ctx, "MATCH (s:State) WITH s LIMIT 1 CREATE (:Note {id: 'mine'})-[:ABOUT]->(s)", nil))

	small := shrink(big)
	stale := big.Len() - small.Len()
	const batch = 50
	require.Greater(t, stale, 5*batch, "the prune must need several batches")
	sum, err := db.Load(ctx, small, neo4j.LoadOptions{Prune: true, CommitEvery: 1000, PruneBatch: batch})
	require.NoError(t, err)
	assert.Equal(t, stale, sum.Removed)
	assert.Equal(t, small.Len(), sum.Unchanged)
	assert.GreaterOrEqual(t, sum.Transactions, stale/batch)
	assert.Equal(t, small.Len(), dyadCount(t, db))

	again, err := db.Load(ctx, small, neo4j.LoadOptions{Prune: true, CommitEvery: 1000, PruneBatch: batch})
	require.NoError(t, err)
	assert.Zero(t, again.Removed)
	recs, err := db.Read(ctx, "MATCH (:Note {id: 'mine'})-[:ABOUT]->(:State) RETURN count(*) AS n", nil)
	require.NoError(t, err)
	assert.EqualValues(t, 1, recs[0]["n"], "prune must not touch what Dyad did not load")
}

// TestTransactionMemory runs loads against a Neo4j whose transactions may
// use 2 MiB (db.memory.transaction.max): a load in one transaction fails
// with ErrTransactionMemory and a one-line message naming --commit-every
// and the settings; split by CommitEvery it loads; a prune in small
// batches succeeds under the same limit (one in one transaction per type,
// if it fails, says the load committed and what to do).
func TestTransactionMemory(t *testing.T) {
	testenv.Neo4jConfig(t) // runs where the Neo4j tests run
	db := ownNeo4j(t, "db.memory.transaction.max=2m", nil)
	ctx := context.Background()
	big := gen.Dataset(gen.ForElements(6000, 1)).Elements()

	_, err := db.Load(ctx, big, neo4j.LoadOptions{})
	require.Error(t, err)
	assert.True(t, errors.Is(err, neo4j.ErrTransactionMemory), "%v", err)
	for _, want := range []string{"load rolled back, nothing written", "--commit-every", "db.memory.transaction.max", "server.memory.heap.max_size"} {
		assert.Contains(t, err.Error(), want)
	}
	assert.NotContains(t, err.Error(), "\n")
	assert.Equal(t, graph.EUNAVAILABLE, graph.ErrorCode(err))

	_, err = db.Load(ctx, big, neo4j.LoadOptions{CommitEvery: 200, BatchSize: 200})
	require.NoError(t, err)
	small := shrink(big)
	// One transaction per type: whether its deletions pass 2 MiB depends on
	// the server's accounting, so the outcome is checked, not required; when
	// it fails, it says that the load committed and what to do.
	if _, err = db.Load(ctx, small, neo4j.LoadOptions{Prune: true, CommitEvery: 200, BatchSize: 200, PruneBatch: 100000}); err != nil {
		assert.True(t, errors.Is(err, neo4j.ErrTransactionMemory), "%v", err)
		assert.True(t, strings.HasPrefix(err.Error(), "load committed"), "%v", err)
		t.Logf("a prune in one transaction per type: %v", err)
	} else {
		t.Logf("a prune in one transaction per type fit in 2 MiB at this size")
		_, err = db.Load(ctx, big, neo4j.LoadOptions{CommitEvery: 200, BatchSize: 200})
		require.NoError(t, err)
	}

	sum, err := db.Load(ctx, small, neo4j.LoadOptions{Prune: true, CommitEvery: 200, BatchSize: 200, PruneBatch: 100})
	require.NoError(t, err)
	assert.Equal(t, small.Len(), dyadCount(t, db))
	assert.Positive(t, sum.Removed)
}
