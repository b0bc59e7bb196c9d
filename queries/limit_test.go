package queries_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/internal/gen"
	"github.com/dyad-kg/dyad/internal/testenv"
	"github.com/dyad-kg/dyad/loader"
	"github.com/dyad-kg/dyad/queries"
)

// TestDefaultLimitsKeepShippedAnswers asks every question of the shipped
// dataset about every state pair with a relation (both ways round), every
// state, every node it takes and every source, with every finding listed,
// and checks that the largest answer fits in the question's default limit:
// the default cuts only a larger graph's answers, never the shipped one's.
// It also checks that the search covered something for every question.
func TestDefaultLimitsKeepShippedAnswers(t *testing.T) {
	ds, err := loader.ReadEmbedded()
	require.NoError(t, err)
	mem := queries.NewMemory(ds)
	ctx := context.Background()
	ents, err := mem.Entities(ctx)
	require.NoError(t, err)
	var states, sources []string
	var pairs [][2]string
	byLabel := map[graph.Label][]string{}
	for _, e := range ents {
		byLabel[e.Label] = append(byLabel[e.Label], e.ID)
		switch e.Label {
		case graph.LabelState:
			states = append(states, e.ID)
		case graph.LabelSource:
			sources = append(sources, e.ID)
		case graph.LabelRelation:
			if len(e.States) == 2 {
				pairs = append(pairs, [2]string{e.States[0], e.States[1]}, [2]string{e.States[1], e.States[0]})
			}
		}
	}
	for _, q := range queries.Catalog {
		t.Run(string(q.Name), func(t *testing.T) {
			largest, asked := 0, 0
			for _, p := range shippedParams(q, states, sources, pairs, byLabel) {
				p.Limit = queries.AllFindings
				ans, err := queries.Run(ctx, mem, q.Name, p)
				if err != nil {
					continue // parameters this question cannot take
				}
				asked++
				largest = max(largest, len(ans.Findings))
			}
			require.NotZero(t, asked, "no parameters answered")
			require.LessOrEqual(t, largest, q.Limit, "the shipped data's largest %s answer is cut by its default limit", q.Name)
			t.Logf("%s: largest of %d answers: %d findings (limit %d)", q.Name, asked, largest, q.Limit)
		})
	}
}

// shippedParams are the parameters to ask q with: its example, varied over
// every pair, state, node (of the labels q takes, with and without a pair)
// and source.
func shippedParams(q *queries.Query, states, sources []string, pairs [][2]string, byLabel map[graph.Label][]string) []queries.Params {
	out := []queries.Params{q.Example}
	vary := func(p queries.Params) { out = append(out, p) }
	for _, pr := range pairs {
		p := q.Example
		p.A, p.B = pr[0], pr[1]
		vary(p)
		if q.Name == queries.Contrast {
			for _, c := range states {
				p.Others = []string{c}
				vary(p)
			}
		}
	}
	for _, s := range states {
		p := q.Example
		p.A, p.B, p.Others = s, "", nil
		vary(p)
	}
	var nodes []string
	for _, l := range q.NodeLabels {
		nodes = append(nodes, byLabel[l]...)
	}
	slices.Sort(nodes)
	for _, n := range nodes {
		p := q.Example
		p.Node, p.Kind, p.Actor = n, "", ""
		p.A, p.B = "", ""
		vary(p)
		for _, pr := range pairs {
			p.A, p.B = pr[0], pr[1]
			vary(p)
		}
	}
	if slices.Contains(q.Needs, queries.ParamSource) {
		for _, s := range sources {
			p := q.Example
			p.Source = s
			vary(p)
		}
	}
	return out
}

// TestLimitsAgreeOnGeneratedData asks every question of a generated graph
// (10,000 elements, where the default limit cuts the causal answers) on
// both backends, with the default limit and with a limit of 5, and checks
// that they list the same findings and the same gist and agree on whether
// there are more: the rank and the cut are the same in Cypher and in Go,
// and the chain search by length on Neo4j drops nothing the rank keeps.
func TestLimitsAgreeOnGeneratedData(t *testing.T) {
	db := testenv.Neo4j(t)
	ctx := context.Background()
	ds := gen.Dataset(gen.ForElements(10_000, 1))
	_, err := loader.Load(ctx, db, ds, loader.Options{CommitEvery: 50_000})
	require.NoError(t, err)
	mem, neo := queries.NewMemory(ds), queries.NewNeo4j(db)
	params := largeParams(ds)
	cut := 0
	for _, q := range queries.Catalog {
		for _, limit := range []int{0, 5} {
			t.Run(fmt.Sprintf("%s/limit=%d", q.Name, limit), func(t *testing.T) {
				p := params(q)
				p.Limit = limit
				want, err := queries.Run(ctx, mem, q.Name, p)
				if err != nil {
					t.Skipf("%s on this dataset: %v", q.Name, err)
				}
				got, err := queries.Run(ctx, neo, q.Name, p)
				require.NoError(t, err)
				if want.More {
					cut++
				}
				require.Equal(t, want.More, got.More, "more")
				require.Equal(t, jsonOf(t, want), jsonOf(t, got))
			})
		}
	}
	require.NotZero(t, cut, "no limit cut an answer: the test shows nothing about the rank")
}

func jsonOf(t *testing.T, v any) string {
	b, err := json.MarshalIndent(v, "", " ")
	require.NoError(t, err)
	return string(b)
}

// TestHugeLimitFetchesEveryFinding checks that a --limit at or near the
// largest int gives Neo4j a positive $limit (every finding), not one that
// wrapped round to a negative number when one was added to it.
func TestHugeLimitFetchesEveryFinding(t *testing.T) {
	q, err := queries.Lookup(queries.Weakened)
	require.NoError(t, err)
	for _, limit := range []int{math.MaxInt, math.MaxInt - 1, 1 << 53, 1<<53 - 1} {
		got := q.CypherParams(queries.Params{A: "RUS", B: "JPN", Limit: limit})["limit"]
		require.Equal(t, int64(1<<53), got, "--limit %d", limit)
	}
	got := q.CypherParams(queries.Params{A: "RUS", B: "JPN", Limit: 1<<53 - 2})["limit"]
	require.Equal(t, int64(1<<53-1), got)
}
