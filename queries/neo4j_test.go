package queries_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/internal/testenv"
	"github.com/dyad-kg/dyad/loader"
	"github.com/dyad-kg/dyad/queries"
	"github.com/dyad-kg/dyad/queries/querytest"
)

// TestNeo4jConformance holds the Neo4j backend, running the catalog's
// Cypher on a real server, to the same answers as the in-memory one.
func TestNeo4jConformance(t *testing.T) {
	querytest.TestAll(t, func(t *testing.T, ds *graph.Dataset) queries.Backend {
		db := testenv.Neo4j(t)
		_, err := loader.Load(context.Background(), db, ds, loader.Options{})
		require.NoError(t, err)
		return queries.NewNeo4j(db)
	})
}

// TestNeo4jSources checks that Sources gives the same records from Neo4j
// as from memory for an answer citing many sources: what dyad ask --cite
// writes does not depend on the backend.
func TestNeo4jSources(t *testing.T) {
	ds, err := loader.ReadEmbedded()
	require.NoError(t, err)
	db := testenv.Neo4j(t)
	ctx := context.Background()
	_, err = loader.Load(ctx, db, ds, loader.Options{})
	require.NoError(t, err)
	mem, neo := queries.NewMemory(ds), queries.NewNeo4j(db)
	ans, err := queries.Ask(ctx, mem, "What weakened Russia–Japan relations?")
	require.NoError(t, err)
	want, err := queries.Sources(ctx, mem, ans)
	require.NoError(t, err)
	require.Greater(t, len(want), 5)
	got, err := queries.Sources(ctx, neo, ans)
	require.NoError(t, err)
	require.Equal(t, want, got)
}
