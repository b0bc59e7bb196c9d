package queries_test

import (
	"cmp"
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

// withLoops is the small fixture plus two loops (querytest.LoopsDataset,
// which the conformance cases in querytest/testdata/loops also ask).
func withLoops(t *testing.T) *graph.Dataset { return querytest.LoopsDataset(t) }

func loopSummary(t *testing.T, b queries.Backend, p queries.Params) []string {
	t.Helper()
	ans, err := queries.Run(context.Background(), b, queries.Loops, p)
	require.NoError(t, err)
	var out []string
	for _, f := range ans.Findings {
		line := f.Kind + ": " + f.Summary + " [" + f.Period + "]"
		if len(f.Via) > 0 {
			line += fmt.Sprintf(" %s %s through", f.Effect, f.Object.ID)
			for _, s := range f.Via {
				line += " " + s.Claim
			}
		}
		out = append(out, line)
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
	// A loop bears on a relation through a chain from one of its nodes,
	// and says which (the first: fewest claims...): the China card's loop
	// with nationalism reaches Russia–China through the Far East's neglect.
	{"bearing on Russia–China", queries.Params{A: "RUS", B: "CHN"}, []string{
		`balancing loop: Playing the "China card" —weakens→ Neglect of the Russian Far East —drives→ Playing the "China card" [1995–2001] strengthens RUS-CHN through c-rfe-neglect-strengthens-rus-chn`,
		`reinforcing loop: Playing the "China card" —drives→ Territorial nationalism —drives→ Playing the "China card" [] weakens RUS-CHN through c-loop-card-weakens-neglect c-rfe-neglect-strengthens-rus-chn`,
	}},
	// The link's claims hold in the period asked: the one that ends in
	// 2001 does not link the undated loop in 2003.
	{"bearing on Russia–China in 2003", queries.Params{A: "RUS", B: "CHN", From: 2003, To: 2003}, nil},
	{"bearing on any relation of Russia, loops and links of 2 claims at most", queries.Params{A: "RUS", Depth: 2}, []string{
		`balancing loop: Playing the "China card" —weakens→ Neglect of the Russian Far East —drives→ Playing the "China card" [1995–2001] weakens RUS-JPN through c-china-card-weakens-rus-jpn`,
		`reinforcing loop: Playing the "China card" —drives→ Territorial nationalism —drives→ Playing the "China card" [] weakens RUS-JPN through c-china-card-weakens-rus-jpn`,
	}},
	{"through nationalism, bearing on Russia–China", queries.Params{Node: "territorial-nationalism", A: "RUS", B: "CHN"}, []string{
		`reinforcing loop: Playing the "China card" —drives→ Territorial nationalism —drives→ Playing the "China card" [] weakens RUS-CHN through c-loop-card-weakens-neglect c-rfe-neglect-strengthens-rus-chn`,
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
				out[queries.ClaimIDs(loop)] = loop
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

// firstLoops is what the loop question should answer: the first
// queries.LoopLimit of the loops that pass keep, and whether there are
// more. The loops rank in the order of their claims' ids; about a relation
// (dist, each node's fewest claims to it, not nil), first those nearest it
// (the fewest claims from one of their nodes), then by the id of their
// first node that near.
func firstLoops(all map[loopKey][]*graph.Claim, keep func([]*graph.Claim) bool, dist map[string]int) ([]string, bool) {
	var loops [][]*graph.Claim
	for _, l := range all {
		if keep(l) {
			loops = append(loops, l)
		}
	}
	anchor := func(l []*graph.Claim) (int, string) {
		d, id := 0, ""
		for _, c := range l {
			if n, ok := dist[c.Subject]; ok && (d == 0 || n < d || n == d && c.Subject < id) {
				d, id = n, c.Subject
			}
		}
		return d, id
	}
	slices.SortFunc(loops, func(a, b []*graph.Claim) int {
		da, ia := anchor(a)
		db, ib := anchor(b)
		return cmp.Or(cmp.Compare(da, db), strings.Compare(ia, ib),
			slices.CompareFunc(a, b, func(x, y *graph.Claim) int { return strings.Compare(x.ID, y.ID) }))
	})
	var out []string
	for _, l := range loops[:min(len(loops), queries.LoopLimit)] {
		out = append(out, queries.ClaimIDs(l))
	}
	slices.Sort(out)
	return out, len(loops) > queries.LoopLimit
}

// answerLoops checks that every loop in ans is a loop of ds's claims of up to
// depth claims through distinct nodes, read from its smallest claim, found
// once, of the kind its weakening claims make it, and, for a question
// about a relation, that it says how it reaches it (checkLink); it returns
// the loops' claim ids, sorted.
func answerLoops(t *testing.T, ds *graph.Dataset, ans *queries.Answer) []string {
	t.Helper()
	depth := ans.Params.Depth
	var links map[string][][]*graph.Claim
	if ans.Params.A != "" {
		links = linkChains(ds, ans.Params)
	}
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
		checkLink(t, &f, cs, links)
		out = append(out, queries.ClaimIDs(cs))
	}
	require.Len(t, slices.Compact(slices.Sorted(slices.Values(out))), len(out), "a loop found twice")
	slices.Sort(out)
	return out
}

// checkLink checks that a loop's finding says how it reaches the relation
// asked about (Finding.Via): the first of the chains in links (by their
// start) from a node of the loop, in the path rank (fewest claims, most
// sources cited by the first, claim ids); none if links is nil (no
// relation asked about).
func checkLink(t *testing.T, f *queries.Finding, loop []*graph.Claim, links map[string][][]*graph.Claim) {
	t.Helper()
	if links == nil {
		require.Empty(t, f.Via, "%s: a link, but no relation asked about", f.Summary)
		return
	}
	var from [][]*graph.Claim
	for _, c := range loop {
		from = append(from, links[c.Subject]...)
	}
	require.NotEmpty(t, from, "%s: reaches no relation asked about", f.Summary)
	first := slices.MinFunc(from, func(a, b []*graph.Claim) int {
		return cmp.Or(cmp.Compare(len(a), len(b)), cmp.Compare(len(b[0].Evidence), len(a[0].Evidence)),
			slices.CompareFunc(a, b, func(x, y *graph.Claim) int { return strings.Compare(x.ID, y.ID) }))
	})
	var via []string
	for _, s := range f.Via {
		via = append(via, s.Claim)
	}
	require.Equal(t, queries.ClaimIDs(first), strings.Join(via, ">"), "%s: the link", f.Summary)
	require.Equal(t, first[len(first)-1].Object, f.Object.ID)
}

// linkChains returns, by their first subject, the chains of 1 to
// min(p.Depth, queries.MaxLink) claims through distinct nodes, every claim
// in p's period, from a node to a relation of p.A (and of p.B, if given),
// found the slow way: every path forward from every claim's subject.
func linkChains(ds *graph.Dataset, p queries.Params) map[string][][]*graph.Claim {
	rels := map[string]bool{}
	for _, r := range ds.Relations {
		if slices.Contains(r.States[:], p.A) && (p.B == "" || slices.Contains(r.States[:], p.B)) {
			rels[r.ID] = true
		}
	}
	from := map[string][]*graph.Claim{}
	for _, c := range ds.Claims {
		if p.Years().Overlaps(c.Period) {
			from[c.Subject] = append(from[c.Subject], c)
		}
	}
	out := map[string][][]*graph.Claim{}
	var path []*graph.Claim
	var walk func(at string, seen map[string]bool)
	walk = func(at string, seen map[string]bool) {
		for _, c := range from[at] {
			if seen[c.Object] {
				continue
			}
			path = append(path, c)
			if rels[c.Object] {
				out[path[0].Subject] = append(out[path[0].Subject], slices.Clone(path))
			} else if len(path) < min(p.Depth, queries.MaxLink) {
				seen[c.Object] = true
				walk(c.Object, seen)
				delete(seen, c.Object)
			}
			path = path[:len(path)-1]
		}
	}
	for n := range from {
		walk(n, map[string]bool{n: true})
	}
	return out
}

// denseLoopCases are questions about a generated dataset, whose stances and
// factors form many loops: every loop, the loops through its first stance,
// the shorter loops, those in one decade and those bearing on the first
// relation that has loops (found the slow way, so the case is never empty
// whatever the generator makes): at every depth, in a decade, of every
// relation of one of its states, and through a stance as well.
func denseLoopCases(ds *graph.Dataset) []queries.Params {
	rel := ds.Relations[0]
	all := allLoops(ds, queries.MaxLoop)
	for _, r := range ds.Relations {
		p := queries.Params{A: r.States[0], B: r.States[1], Depth: queries.MaxLoop}
		near := bearingOn(ds, p)
		if want, _ := firstLoops(all, loopKeep(p, near), near); len(want) > 0 {
			rel = r
			break
		}
	}
	return []queries.Params{
		{},
		{Node: "stance-0"},
		{Node: "stance-0", Depth: 3},
		{Node: "factor-1", From: 1990, To: 1999},
		{Depth: 3},
		{Depth: 2, From: 2000, To: 2009},
		{A: rel.States[0], B: rel.States[1]},
		{A: rel.States[0], B: rel.States[1], Depth: 3},
		{A: rel.States[0], B: rel.States[1], Depth: 2, From: 2000, To: 2009},
		{A: rel.States[0]},
		{Node: "stance-0", A: rel.States[0], B: rel.States[1]},
	}
}

// loopKeep reports whether a loop is one p asks about: of at most p.Depth
// claims, every claim in p's period, through p.Node if given, and through
// one of bearing if p.A is given.
func loopKeep(p queries.Params, bearing map[string]int) func([]*graph.Claim) bool {
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
			_, near := bearing[c.Subject]
			bears = bears || near
		}
		return through && bears
	}
}

// bearingOn returns the nodes with a chain of claims to the relation p asks
// about (linkChains), each with the fewest claims of such a chain; nil if
// p asks about no relation.
func bearingOn(ds *graph.Dataset, p queries.Params) map[string]int {
	if p.A == "" {
		return nil
	}
	out := map[string]int{}
	for n, cs := range linkChains(ds, p) {
		out[n] = len(slices.MinFunc(cs, func(a, b []*graph.Claim) int { return cmp.Compare(len(a), len(b)) }))
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
			near := bearingOn(ds, q)
			want, more := firstLoops(all, loopKeep(q, near), near)
			require.NotEmpty(t, want, "the case should find loops")
			require.Equal(t, want, answerLoops(t, ds, ans))
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
			got := answerLoops(t, ds, ans)
			require.NotEmpty(t, got)
			require.LessOrEqual(t, len(got), queries.LoopLimit)
			if neo == nil {
				t.Skip("no test Neo4j to compare with: run scripts/test, which starts one and sets " + testenv.Neo4jEnv)
			}
			nans, err := queries.Run(ctx, neo, queries.Loops, p)
			require.NoError(t, err)
			require.Equal(t, got, answerLoops(t, ds, nans))
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
