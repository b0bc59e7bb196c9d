package queries_test

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/internal/gen"
	"github.com/dyad-kg/dyad/internal/testenv"
	"github.com/dyad-kg/dyad/loader"
	"github.com/dyad-kg/dyad/neo4j"
	"github.com/dyad-kg/dyad/queries"
)

// BenchmarkQueries times every catalog question with its example parameters
// on the shipped dataset, in memory and (when a test Neo4j is configured) on
// Neo4j: go test -run '^$' -bench 'Queries$' ./queries
func BenchmarkQueries(b *testing.B) {
	ds, err := loader.ReadEmbedded()
	require.NoError(b, err)
	benchBackends(b, ds, func(q *queries.Query) queries.Params { return q.Example })
}

// BenchmarkQueriesLarge does the same on generated datasets
// (gen.ForElements(n, 1), what `dyad gen --elements n` writes) of 10,000
// and 100,000 elements, each question with parameters from the data
// (largeParams):
//
//	go test -run '^$' -bench QueriesLarge -benchtime 20x ./queries
//
// DYAD_BENCH_SIZES (e.g. "10000,100000,1000000") overrides the sizes.
// DYAD_BENCH_PRELOADED=1 uses the graph already in the test Neo4j (one
// size only; e.g. imported with `dyad export neo4j-import` and
// neo4j-admin), checking its node and relationship counts and creating the
// schema, instead of wiping the database and loading it.
// DYAD_BENCH_BUDGET (a duration, default 60s) bounds the time spent on one
// question: its runs stop there, and the "runs" metric says how many were
// made (a question whose first run takes longer is skipped, saying so,
// if the backend heeds the context's deadline). Each question reports the median and 95th percentile of its runs
// (p50-ms, p95-ms).
func BenchmarkQueriesLarge(b *testing.B) {
	sizes := benchSizes()
	if sizes == nil {
		sizes = []int{10_000, 100_000}
	}
	for _, n := range sizes {
		b.Run(fmt.Sprintf("elements=%d", n), func(b *testing.B) {
			ds := gen.Dataset(gen.ForElements(n, 1))
			benchBackends(b, ds, largeParams(ds))
		})
	}
}

// largeParams returns, for each question, parameters that ask about a
// generated dataset: its first relation's two states (and a third state
// for contrast), the first claim's first source, and as the node the
// first claim subject of the kind the question's example asks about (an
// event for about and paths, a stance for causes, a factor for backing, a
// dispute for parties); effects asks about the first event's kind.
func largeParams(ds *graph.Dataset) func(q *queries.Query) queries.Params {
	r, c := ds.Relations[0], ds.Claims[0]
	a, bb := r.States[0], r.States[1]
	third := ""
	for _, s := range ds.States {
		if s.ID != a && s.ID != bb {
			third = s.ID
			break
		}
	}
	label := map[string]graph.Label{}
	for _, e := range ds.Events {
		label[e.ID] = graph.LabelEvent
	}
	for _, s := range ds.Stances {
		label[s.ID] = graph.LabelStance
	}
	for _, f := range ds.Factors {
		label[f.ID] = graph.LabelFactor
	}
	subject := map[graph.Label]string{}
	for _, cl := range ds.Claims {
		if l, ok := label[cl.Subject]; ok && subject[l] == "" {
			subject[l] = cl.Subject
		}
	}
	node := map[queries.Name]string{
		queries.About: subject[graph.LabelEvent], queries.Paths: subject[graph.LabelEvent],
		queries.Causes: subject[graph.LabelStance], queries.Backing: subject[graph.LabelFactor],
	}
	if len(ds.Disputes) > 0 {
		node[queries.Parties] = ds.Disputes[0].ID
	}
	return func(q *queries.Query) queries.Params {
		p := queries.Params{A: a, B: bb, Others: []string{bb}, Source: c.Evidence[0].Source, Pivot: 2000, Sign: q.Example.Sign}
		p.Node = node[q.Name]
		switch q.Name {
		case queries.Contrast:
			p.Others = []string{third}
		case queries.Effects:
			p.Kind = string(ds.Events[0].Kind)
		}
		return p
	}
}

func benchBackends(b *testing.B, ds *graph.Dataset, params func(*queries.Query) queries.Params) {
	ctx := context.Background()
	var db *neo4j.DB
	backends := map[string]func(*testing.B) queries.Backend{
		"memory": func(*testing.B) queries.Backend { return queries.NewMemory(ds) },
		"neo4j": func(b *testing.B) queries.Backend {
			if os.Getenv(testenv.Neo4jEnv) == "" {
				b.Skip("no test Neo4j; run under scripts/test or set " + testenv.Neo4jEnv)
			}
			db = benchNeo4j(b, ds)
			return queries.NewNeo4j(db)
		},
	}
	budget := 60 * time.Second
	if d, err := time.ParseDuration(os.Getenv("DYAD_BENCH_BUDGET")); err == nil {
		budget = d
	}
	for _, name := range []string{"memory", "neo4j"} {
		b.Run("backend="+name, func(b *testing.B) {
			be := backends[name](b)
			if name == "neo4j" {
				// The anchor: a round trip with nothing to compute, timed
				// the same way in the same run.
				b.Run("query=RETURN_1", func(b *testing.B) {
					benchRuns(b, budget, func() error {
						_, err := db.Read(ctx, "RETURN 1", nil)
						return err
					})
				})
			}
			for _, q := range queries.Catalog {
				b.Run("query="+string(q.Name), func(b *testing.B) {
					benchQuery(b, ctx, be, q, params(q), budget)
				})
			}
		})
	}
}

// benchQuery runs q b.N times (fewer once budget is spent) and reports
// the median and 95th percentile of the runs, and the answer's size.
func benchQuery(b *testing.B, ctx context.Context, be queries.Backend, q *queries.Query, p queries.Params, budget time.Duration) {
	b.ReportAllocs()
	wctx, cancel := context.WithTimeout(ctx, budget)
	defer cancel()
	ans, err := queries.Run(wctx, be, q.Name, p) // warm up; and the answer's size
	if wctx.Err() != nil {
		b.Skipf("%s: the first run took over %v (DYAD_BENCH_BUDGET)", q.Name, budget)
	}
	if err != nil {
		// A generated dataset lacks what some questions need (a stance to
		// ask the causes of, a third state to contrast): say so, time the
		// rest.
		b.Skipf("%s on this dataset: %v", q.Name, err)
	}
	benchRuns(b, budget, func() error {
		_, err := queries.Run(ctx, be, q.Name, p)
		return err
	})
	b.ReportMetric(float64(len(ans.Findings)), "findings")
}

// benchRuns calls run b.N times (fewer once budget is spent) and reports
// the median and 95th percentile of the calls.
func benchRuns(b *testing.B, budget time.Duration, run func() error) {
	var runs []time.Duration
	start := time.Now()
	b.ResetTimer()
	for range b.N {
		if time.Since(start) > budget {
			break
		}
		t := time.Now()
		if err := run(); err != nil {
			b.Fatal(err)
		}
		runs = append(runs, time.Since(t))
	}
	b.StopTimer()
	slices.Sort(runs)
	ms := func(f float64) float64 {
		return float64(runs[min(len(runs)-1, int(f*float64(len(runs))))].Microseconds()) / 1000
	}
	b.ReportMetric(ms(0.5), "p50-ms")
	b.ReportMetric(ms(0.95), "p95-ms")
	b.ReportMetric(float64(len(runs)), "runs")
}

// benchNeo4j returns the test Neo4j holding ds: loaded into the wiped
// database, or (DYAD_BENCH_PRELOADED=1) already there, when its counts
// match, with the schema created.
func benchNeo4j(b *testing.B, ds *graph.Dataset) *neo4j.DB {
	ctx := context.Background()
	el := ds.Elements()
	if os.Getenv("DYAD_BENCH_PRELOADED") == "" {
		db := testenv.Neo4j(b)
		_, err := loader.Load(ctx, db, ds, loader.Options{CommitEvery: 50_000})
		require.NoError(b, err)
		return db
	}
	db, err := neo4j.Open(ctx, testenv.Neo4jConfig(b))
	require.NoError(b, err)
	b.Cleanup(func() { _ = db.Close(context.Background()) })
	rows, err := db.Read(ctx, "MATCH (n) WITH count(n) AS nodes MATCH ()-[r]->() RETURN nodes, count(r) AS rels", nil)
	require.NoError(b, err)
	require.Len(b, rows, 1)
	got := fmt.Sprint(rows[0]["nodes"], " nodes, ", rows[0]["rels"], " relationships")
	want := fmt.Sprint(len(el.Nodes), " nodes, ", len(el.Edges), " relationships")
	require.Equal(b, want, got, "DYAD_BENCH_PRELOADED: the database does not hold this dataset")
	require.NoError(b, loader.Schema(ctx, db))
	return db
}

// benchSizes reads DYAD_BENCH_SIZES, a comma-separated list of sizes.
func benchSizes() []int {
	var out []int
	for _, f := range strings.Split(os.Getenv("DYAD_BENCH_SIZES"), ",") {
		if n, err := strconv.Atoi(strings.TrimSpace(f)); err == nil && n > 0 {
			out = append(out, n)
		}
	}
	return out
}
