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
