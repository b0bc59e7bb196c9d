package queries_test

import (
	"context"
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/internal/testenv"
	"github.com/dyad-kg/dyad/loader"
	"github.com/dyad-kg/dyad/queries"
)

// BenchmarkQueries times every catalog question with its example parameters
// on the shipped dataset, in memory and (when a test Neo4j is configured) on
// Neo4j: go test -run '^$' -bench Queries ./queries
func BenchmarkQueries(b *testing.B) {
	ds, err := loader.ReadEmbedded()
	require.NoError(b, err)
	benchBackends(b, ds)
}

func benchBackends(b *testing.B, ds *graph.Dataset) {
	ctx := context.Background()
	backends := map[string]func(*testing.B) queries.Backend{
		"memory": func(*testing.B) queries.Backend { return queries.NewMemory(ds) },
		"neo4j": func(b *testing.B) queries.Backend {
			if os.Getenv(testenv.Neo4jEnv) == "" {
				b.Skip("no test Neo4j; run under scripts/test or set " + testenv.Neo4jEnv)
			}
			db := testenv.Neo4j(b)
			_, err := loader.Load(ctx, db, ds, loader.Options{})
			require.NoError(b, err)
			return queries.NewNeo4j(db)
		},
	}
	for _, name := range []string{"memory", "neo4j"} {
		b.Run("backend="+name, func(b *testing.B) {
			be := backends[name](b)
			for _, q := range queries.Catalog {
				b.Run("query="+string(q.Name), func(b *testing.B) {
					b.ReportAllocs()
					for b.Loop() {
						if _, err := queries.Run(ctx, be, q.Name, q.Example); err != nil {
							b.Fatal(err)
						}
					}
				})
			}
		})
	}
}
