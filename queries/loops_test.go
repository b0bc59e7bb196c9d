package queries_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/internal/gen"
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

func TestLoopsDepthCap(t *testing.T) {
	b := queries.NewMemory(withLoops(t))
	for _, depth := range []int{queries.MaxLoop + 1, 10, -1} {
		_, err := queries.Run(context.Background(), b, queries.Loops, queries.Params{Depth: depth})
		require.ErrorIs(t, err, queries.ErrInvalidParam, "depth %d", depth)
		require.EqualError(t, err, fmt.Sprintf("invalid parameter: depth %d: Dyad looks for feedback loops of at most 4 claims (the loop search's cap)", depth))
	}
	// Other questions keep the catalog's cap of 3.
	_, err := queries.Run(context.Background(), b, queries.Paths, queries.Params{Node: "china-card", Depth: 4})
	require.EqualError(t, err, "invalid parameter: depth 4: Dyad follows chains of 1 to 3 claims")
	// Depth 1 asks for loops of one claim: there are none.
	require.Empty(t, loopSummary(t, b, queries.Params{Depth: 1}))
	require.Len(t, loopSummary(t, b, queries.Params{Depth: 2}), 2)
}

// loopKey is a loop's claims, from its smallest.
type loopKey = string

// allLoops finds every loop of up to depth claims in ds the slow way, by
// walking every path of up to depth claims from every node back to it (no
// smallest-claim rule), each loop turned to start at its smallest claim.
func allLoops(ds *graph.Dataset, depth int) map[loopKey][]*graph.Claim {
	out := map[string][]*graph.Claim{}
	from := map[string][]*graph.Claim{}
	for _, c := range ds.Claims {
		from[c.Subject] = append(from[c.Subject], c)
	}
	var path []*graph.Claim
	var walk func(start, at string, seen map[string]bool)
	walk = func(start, at string, seen map[string]bool) {
		for _, c := range from[at] {
			if c.Object == start {
				loop := append(slices.Clone(path), c)
				k := 0
				for i := range loop {
					if loop[i].ID < loop[k].ID {
						k = i
					}
				}
				loop = append(loop[k:], loop[:k]...)
				out[claimIDs(loop)] = loop
				continue
			}
			if seen[c.Object] || len(path)+2 > depth {
				continue
			}
			seen[c.Object] = true
			path = append(path, c)
			walk(start, c.Object, seen)
			path = path[:len(path)-1]
			delete(seen, c.Object)
		}
	}
	for n := range from {
		walk(n, n, map[string]bool{n: true})
	}
	return out
}

func claimIDs(cs []*graph.Claim) string {
	ids := make([]string, len(cs))
	for i, c := range cs {
		ids[i] = c.ID
	}
	return strings.Join(ids, " ")
}

// firstLoops is what the loop question should answer: the first
// queries.LoopLimit of the loops that pass keep, in the order of their
// claims' ids, and whether there are more.
func firstLoops(all map[loopKey][]*graph.Claim, keep func([]*graph.Claim) bool) ([]string, bool) {
	var loops [][]*graph.Claim
	for _, l := range all {
		if keep(l) {
			loops = append(loops, l)
		}
	}
	slices.SortFunc(loops, func(a, b []*graph.Claim) int {
		return slices.CompareFunc(a, b, func(x, y *graph.Claim) int { return strings.Compare(x.ID, y.ID) })
	})
	var out []string
	for _, l := range loops[:min(len(loops), queries.LoopLimit)] {
		out = append(out, claimIDs(l))
	}
	slices.Sort(out)
	return out, len(loops) > queries.LoopLimit
}

// answerLoops checks that every loop in ans is a loop of ds's claims of up to
// depth claims through distinct nodes, read from its smallest claim, found
// once, of the kind its weakening claims make it, and returns their claim
// ids, sorted.
func answerLoops(t *testing.T, ds *graph.Dataset, ans *queries.Answer, depth int) []string {
	t.Helper()
	claims := map[string]*graph.Claim{}
	for _, c := range ds.Claims {
		claims[c.ID] = c
	}
	var out []string
	for _, f := range ans.Findings {
		require.NotEmpty(t, f.Chain)
		require.LessOrEqual(t, len(f.Chain), depth)
		nodes := map[string]bool{}
		weak := 0
		var cs []*graph.Claim
		for i, s := range f.Chain {
			c := claims[s.Claim]
			require.NotNil(t, c, "claim %s", s.Claim)
			require.Equal(t, []string{c.Subject, string(c.Effect), c.Object}, []string{s.From.ID, string(s.Effect), s.To.ID})
			require.Equal(t, f.Chain[(i+1)%len(f.Chain)].From.ID, s.To.ID, "%s: not a cycle", f.Summary)
			require.False(t, nodes[s.From.ID], "%s passes %s twice", f.Summary, s.From.ID)
			nodes[s.From.ID] = true
			require.GreaterOrEqual(t, s.Claim, f.Chain[0].Claim, "%s: not read from its smallest claim", f.Summary)
			if s.Effect == graph.Weakens {
				weak++
			}
			cs = append(cs, c)
		}
		require.Equal(t, map[bool]string{true: queries.Reinforcing, false: queries.Balancing}[weak%2 == 0], f.Kind)
		out = append(out, claimIDs(cs))
	}
	require.Len(t, slices.Compact(slices.Sorted(slices.Values(out))), len(out), "a loop found twice")
	slices.Sort(out)
	return out
}

// denseLoopCases are questions about a generated dataset, whose stances and
// factors form many loops: every loop, the loops through its first stance,
// the shorter loops, those in one decade and those bearing on the first
// relation that has loops (found the slow way, so the case is never empty
// whatever the generator makes).
func denseLoopCases(ds *graph.Dataset) []queries.Params {
	rel := ds.Relations[0]
	all := allLoops(ds, queries.MaxLoop)
	for _, r := range ds.Relations {
		p := queries.Params{A: r.States[0], B: r.States[1], Depth: queries.MaxLoop}
		if want, _ := firstLoops(all, loopKeep(p, bearingOn(ds, p.A, p.B))); len(want) > 0 {
			rel = r
			break
		}
	}
	return []queries.Params{
		{},
		{Node: "stance-0"},
		{Node: "factor-1", From: 1990, To: 1999},
		{Depth: 3},
		{Depth: 2, From: 2000, To: 2009},
		{A: rel.States[0], B: rel.States[1]},
	}
}

// loopKeep reports whether a loop is one p asks about: of at most p.Depth
// claims, every claim in p's period, through p.Node if given, and through
// one of bearing if p.A is given.
func loopKeep(p queries.Params, bearing map[string]bool) func([]*graph.Claim) bool {
	return func(loop []*graph.Claim) bool {
		if len(loop) > p.Depth {
			return false
		}
		through, bears := p.Node == "", p.A == ""
		for _, c := range loop {
			if !p.Years().Overlaps(c.Period) {
				return false
			}
			through = through || c.Subject == p.Node
			bears = bears || bearing[c.Subject]
		}
		return through && bears
	}
}

// bearingOn returns the nodes with a weakening or strengthening claim on
// the relation between a and b.
func bearingOn(ds *graph.Dataset, a, b string) map[string]bool {
	out := map[string]bool{}
	for _, r := range ds.Relations {
		if !slices.Contains(r.States[:], a) || !slices.Contains(r.States[:], b) {
			continue
		}
		for _, c := range ds.Claims {
			if c.Object == r.ID && c.Effect != graph.Drives {
				out[c.Subject] = true
			}
		}
	}
	return out
}

// TestLoopsGenerated holds the loop search in memory to the slow way on a
// small generated dataset: the same first queries.LoopLimit loops, and More
// when there are more.
func TestLoopsGenerated(t *testing.T) {
	ds := gen.Dataset(gen.ForElements(2_000, 1))
	all := allLoops(ds, queries.MaxLoop)
	require.Greater(t, len(all), queries.LoopLimit, "the dataset should be dense with loops")
	b := queries.NewMemory(ds)
	for _, p := range denseLoopCases(ds) {
		t.Run(caseName(p), func(t *testing.T) {
			ans, err := queries.Run(context.Background(), b, queries.Loops, p)
			require.NoError(t, err)
			q := ans.Params
			want, more := firstLoops(all, loopKeep(q, bearingOn(ds, q.A, q.B)))
			require.NotEmpty(t, want, "the case should find loops")
			require.Equal(t, want, answerLoops(t, ds, ans, q.Depth))
			require.Equal(t, more, ans.More)
			t.Logf("%d loops, more %v", len(want), more)
		})
	}
}

// TestLoopsDense asks both backends about a dense generated dataset of
// 10,000 elements: every answer holds real loops, each once from its
// smallest claim, at most queries.LoopLimit of them, and the backends agree.
func TestLoopsDense(t *testing.T) {
	ds := gen.Dataset(gen.ForElements(10_000, 1))
	ctx := context.Background()
	mem := queries.NewMemory(ds)
	var neo queries.Backend
	if os.Getenv(testenv.Neo4jEnv) != "" || testenv.InCI() {
		db := testenv.Neo4j(t)
		_, err := loader.Load(ctx, db, ds, loader.Options{})
		require.NoError(t, err)
		neo = queries.NewNeo4j(db)
	}
	for _, p := range denseLoopCases(ds) {
		t.Run(caseName(p), func(t *testing.T) {
			ans, err := queries.Run(ctx, mem, queries.Loops, p)
			require.NoError(t, err)
			got := answerLoops(t, ds, ans, ans.Params.Depth)
			require.NotEmpty(t, got)
			require.LessOrEqual(t, len(got), queries.LoopLimit)
			if neo == nil {
				t.Skip("no test Neo4j to compare with: run scripts/test, which starts one and sets " + testenv.Neo4jEnv)
			}
			nans, err := queries.Run(ctx, neo, queries.Loops, p)
			require.NoError(t, err)
			require.Equal(t, got, answerLoops(t, ds, nans, ans.Params.Depth))
			require.Equal(t, ans.More, nans.More)
			require.Equal(t, ans.Findings, nans.Findings)
		})
	}
}

// caseName names a case by its parameters: {"node":"stance-0"}.
func caseName(p queries.Params) string {
	js, _ := json.Marshal(p)
	return string(js)
}
