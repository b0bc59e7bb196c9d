package queries_test

import (
	"context"
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/internal/gen"
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

// BenchmarkQueriesLarge does the same on a generated dataset of about
// 100,000 elements, asking about its first relation, claim subject and
// source: go test -run '^$' -bench QueriesLarge ./queries
func BenchmarkQueriesLarge(b *testing.B) {
	ds := gen.Dataset(gen.ForElements(100_000, 1))
	r, c := ds.Relations[0], ds.Claims[0]
	params := queries.Params{A: r.States[0], B: r.States[1], Node: c.Subject, Source: c.Evidence[0].Source, Pivot: 2000}
	benchBackends(b, ds, params)
}

func benchBackends(b *testing.B, ds *graph.Dataset, params ...queries.Params) {
	ctx := context.Background()
	backends := map[string]func(*testing.B) queries.Backend{
		"memory": func(*testing.B) queries.Backend { return queries.NewMemory(ds) },
		"neo4j": func(b *testing.B) queries.Backend {
			if os.Getenv(testenv.Neo4jEnv) == "" {
				b.Skip("no test Neo4j; run under scripts/test or set " + testenv.Neo4jEnv)
			}
			db := testenv.Neo4j(b)
			_, err := loader.Load(ctx, db, ds, loader.Options{CommitEvery: 50_000})
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
					p := q.Example
					if len(params) > 0 {
						p = params[0]
						if q.Name == queries.Parties && len(ds.Disputes) > 0 {
							p.Node = ds.Disputes[0].ID // parties asks about a dispute
						}
						p.Others = []string{params[0].B}
					}
					if _, err := queries.Run(ctx, be, q.Name, p); err != nil {
						// A generated dataset lacks what some questions
						// need (a stance to ask the causes of, a third
						// state to contrast): say so, time the rest.
						b.Skipf("%s on this dataset: %v", q.Name, err)
					}
					for b.Loop() {
						if _, err := queries.Run(ctx, be, q.Name, p); err != nil {
							b.Fatal(err)
						}
					}
				})
			}
		})
	}
}
