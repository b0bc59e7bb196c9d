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
// dyad ask prints, for every question that opens with a gist: the same
// sections, causes, groups, weights and order, and the same causes found in
// several sections ("both at once"), on the shipped data.
func TestGistCypher(t *testing.T) {
	db := testenv.Neo4j(t)
	ds, err := loader.ReadEmbedded()
	require.NoError(t, err)
	_, err = loader.Load(context.Background(), db, ds, loader.Options{})
	require.NoError(t, err)
	mem := queries.NewMemory(ds)
	type tc struct {
		q queries.Name
		p queries.Params
	}
	cases := []tc{
		{queries.Weakened, queries.Params{A: "JPN", B: "RUS", From: 2014, To: 2014}},
		{queries.Contrast, queries.Params{A: "RUS", B: "JPN", Others: []string{"CHN"}}},
		{queries.Compare, queries.Params{A: "RUS"}},
		{queries.Paths, queries.Params{Node: "e-2022-invasion-of-ukraine", A: "RUS", B: "JPN"}},
		// A limit that cuts: the gist covers the listed findings only,
		// in Cypher as in Go.
		{queries.Weakened, queries.Params{A: "RUS", B: "JPN", Limit: 5}},
		{queries.Compare, queries.Params{A: "RUS", Limit: 7}},
		{queries.Contrast, queries.Params{A: "RUS", B: "CHN", Others: []string{"JPN"}, Limit: 3}},
	}
	for _, q := range queries.Catalog {
		if q.Synthesis {
			cases = append(cases, tc{q.Name, q.Example})
		}
	}
	for _, tt := range cases {
		t.Run(string(tt.q)+"/"+tt.p.A+"-"+tt.p.B+tt.p.Node, func(t *testing.T) {
			ans, err := queries.Run(context.Background(), mem, tt.q, tt.p)
			require.NoError(t, err)
			q, err := queries.Lookup(tt.q)
			require.NoError(t, err)
			require.NotEmpty(t, q.GistCypher, "a question with a gist has its Cypher")
			p := tt.p
			require.NoError(t, q.Check(&p))
			recs, err := db.Read(context.Background(), q.GistCypher, q.CypherParams(p))
			require.NoError(t, err)
			var got []string
			for _, r := range recs {
				got = append(got, fmt.Sprintf("%s %s|%s|%s|%g|%d|%d|%d|%v|%s|both=%v", r["effect"], r["object_id"], r["group"], r["id"],
					toFloat(r["weight"]), r["sources"], r["argued"], r["contesting"], r["direct"], r["role"], len(r["also"].([]any)) > 0))
			}
			require.NotEmpty(t, ans.Gist.Sections, "the case has a gist to compare")
			require.Equal(t, tt.p.Limit > 0, ans.More, "a case with a limit cuts its answer")
			require.Equal(t, gistRows(ans.Gist), got)
		})
	}
}

// gistRows is the gist as TestGistCypher compares it, one row per cause and
// section, in order.
func gistRows(g *queries.Gist) []string {
	both := map[string]bool{}
	for _, b := range g.Both {
		both[b.Subject.ID] = true
	}
	var rows []string
	for _, s := range g.Sections {
		for _, gr := range s.Groups {
			for _, c := range gr.Causes {
				rows = append(rows, fmt.Sprintf("%s %s|%s|%s|%g|%d|%d|%d|%v|%s|both=%v", s.Effect, s.Object.ID, gr.Name, c.Subject.ID,
					c.Score, c.Sources, c.Argued, c.Contesting, c.Direct, c.Role, both[c.Subject.ID]))
			}
		}
	}
	return rows
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
