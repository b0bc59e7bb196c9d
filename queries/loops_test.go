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

// withLoops is the small fixture plus two loops: nationalism and the China
// card driving each other (reinforcing), and the Far East's neglect driving
// the China card, which weakens it back (balancing, 1995-2001 only).
func withLoops(t *testing.T) *graph.Dataset {
	ds := querytest.SmallDataset(t)
	cite := []graph.Citation{{Source: "article", Locator: "para 3", Mode: graph.Argued}}
	ds.Claims = append(ds.Claims,
		&graph.Claim{ID: "c-loop-card-drives-nationalism", Subject: "china-card", Effect: graph.Drives, Object: "territorial-nationalism", Summary: "Test.", Evidence: cite},
		&graph.Claim{ID: "c-loop-neglect-drives-card", Subject: "rfe-neglect", Effect: graph.Drives, Object: "china-card", Summary: "Test.", Evidence: cite},
		&graph.Claim{ID: "c-loop-card-weakens-neglect", Subject: "china-card", Effect: graph.Weakens, Object: "rfe-neglect", Summary: "Test.", Evidence: cite,
			Period: graph.Period{From: graph.Date{Year: 1995}, To: graph.Date{Year: 2001}}},
	)
	require.Empty(t, ds.Validate())
	return ds
}

func loopSummary(t *testing.T, b queries.Backend, p queries.Params) []string {
	t.Helper()
	ans, err := queries.Run(context.Background(), b, queries.Loops, p)
	require.NoError(t, err)
	var out []string
	for _, f := range ans.Findings {
		out = append(out, f.Kind+": "+f.Summary+" ["+f.Period+"]")
	}
	return out
}

var loopCases = []struct {
	name string
	p    queries.Params
	want []string
}{
	{"all", queries.Params{}, []string{
		`balancing loop: Playing the "China card" —weakens→ Neglect of the Russian Far East —drives→ Playing the "China card" [1995–2001]`,
		`reinforcing loop: Playing the "China card" —drives→ Territorial nationalism —drives→ Playing the "China card" []`,
	}},
	{"through nationalism", queries.Params{Node: "territorial-nationalism"}, []string{
		`reinforcing loop: Playing the "China card" —drives→ Territorial nationalism —drives→ Playing the "China card" []`,
	}},
	// Undated claims hold in every year (graph.Years.Overlaps): the undated
	// loop stays, the one whose claim ends in 2001 goes.
	{"in 2003", queries.Params{From: 2003, To: 2003}, []string{
		`reinforcing loop: Playing the "China card" —drives→ Territorial nationalism —drives→ Playing the "China card" []`,
	}},
	{"bearing on Russia–China", queries.Params{A: "RUS", B: "CHN"}, []string{
		`balancing loop: Playing the "China card" —weakens→ Neglect of the Russian Far East —drives→ Playing the "China card" [1995–2001]`,
	}},
}

func TestLoopsMemory(t *testing.T) {
	b := queries.NewMemory(withLoops(t))
	for _, tt := range loopCases {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, loopSummary(t, b, tt.p))
		})
	}
}

func TestLoopsNeo4j(t *testing.T) {
	db := testenv.Neo4j(t)
	_, err := loader.Load(context.Background(), db, withLoops(t), loader.Options{})
	require.NoError(t, err)
	b := queries.NewNeo4j(db)
	for _, tt := range loopCases {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, loopSummary(t, b, tt.p))
		})
	}
}
