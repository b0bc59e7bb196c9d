package queries_test

import (
	"context"
	"fmt"
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

// TestGistCypher holds the gist Cypher that Browser users run to the gist
// dyad ask prints: the same causes, groups, weights and order, on the
// shipped data.
func TestGistCypher(t *testing.T) {
	db := testenv.Neo4j(t)
	ds, err := loader.ReadEmbedded()
	require.NoError(t, err)
	_, err = loader.Load(context.Background(), db, ds, loader.Options{})
	require.NoError(t, err)
	mem := queries.NewMemory(ds)
	for _, tt := range []struct {
		q queries.Name
		p queries.Params
	}{
		{queries.Weakened, queries.Params{A: "RUS", B: "JPN"}},
		{queries.Strengthened, queries.Params{A: "RUS", B: "CHN"}},
		{queries.Weakened, queries.Params{A: "JPN", B: "RUS", From: 2014, To: 2014}},
	} {
		t.Run(string(tt.q)+"/"+tt.p.A+"-"+tt.p.B, func(t *testing.T) {
			ans, err := queries.Run(context.Background(), mem, tt.q, tt.p)
			require.NoError(t, err)
			var want []string
			for _, s := range ans.Gist.Sections {
				for _, g := range s.Groups {
					for _, c := range g.Causes {
						want = append(want, fmt.Sprintf("%s|%s|%g|%d|%d|%d|%v|%s", g.Name, c.Subject.ID, c.Score, c.Sources, c.Argued, c.Contesting, c.Direct, c.Role))
					}
				}
			}
			q, err := queries.Lookup(tt.q)
			require.NoError(t, err)
			p := tt.p
			require.NoError(t, q.Check(&p))
			recs, err := db.Read(context.Background(), q.GistCypher, q.CypherParams(p))
			require.NoError(t, err)
			var got []string
			for _, r := range recs {
				got = append(got, fmt.Sprintf("%s|%s|%g|%d|%d|%d|%v|%s", r["group"], r["id"], toFloat(r["weight"]), r["sources"], r["argued"], r["contesting"], r["direct"], r["role"]))
			}
			require.NotEmpty(t, want)
			require.Equal(t, want, got)
		})
	}
}

func toFloat(v any) float64 {
	switch x := v.(type) {
	case float64:
		return x
	case int64:
		return float64(x)
	}
	return -1
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
