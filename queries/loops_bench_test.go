package queries_test

import (
	"context"
	"os"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/internal/gen"
	"github.com/dyad-kg/dyad/internal/testenv"
	"github.com/dyad-kg/dyad/loader"
	"github.com/dyad-kg/dyad/neo4j"
	"github.com/dyad-kg/dyad/queries"
)

// loopBenchSizes are the generated dataset sizes BenchmarkLoopsLarge times,
// in elements; DYAD_BENCH_LOOPS_NEO4J_MAX caps the sizes it loads into
// Neo4j (default 100,000: a million-element load takes long on a small
// machine).
var loopBenchSizes = []int{10_000, 100_000, 1_000_000}

// BenchmarkLoopsLarge times the loop search (queries.Loops, depth
// queries.MaxLoop) on generated datasets of 10k, 100k and 1M elements, in
// memory and (when a test Neo4j is configured) on Neo4j: every loop (the
// first queries.LoopLimit), and the loops through one stance. It reports the
// loops each found. See docs/performance.md:
//
//	go test -run '^$' -bench LoopsLarge -count 5 -timeout 2h ./queries
func BenchmarkLoopsLarge(b *testing.B) {
	neoMax := 100_000
	if s := os.Getenv("DYAD_BENCH_LOOPS_NEO4J_MAX"); s != "" {
		n, err := strconv.Atoi(s)
		require.NoError(b, err)
		neoMax = n
	}
	for _, n := range loopBenchSizes {
		b.Run("elements="+strconv.Itoa(n), func(b *testing.B) {
			ds := gen.Dataset(gen.ForElements(n, 1))
			b.Run("backend=memory", func(b *testing.B) { benchLoops(b, queries.NewMemory(ds)) })
			b.Run("backend=neo4j", func(b *testing.B) {
				if os.Getenv(testenv.Neo4jEnv) == "" {
					b.Skip("no test Neo4j; run under scripts/test or set " + testenv.Neo4jEnv)
				}
				if n > neoMax {
					b.Skipf("%d elements: above DYAD_BENCH_LOOPS_NEO4J_MAX=%d", n, neoMax)
				}
				benchLoops(b, queries.NewNeo4j(loopBenchDB(b, n, ds)))
			})
		})
	}
}

// The test Neo4j and the size of the dataset loaded in it, kept across the
// runs of -count so that each size is loaded once.
var (
	benchDB     *neo4j.DB
	benchLoaded int
)

// loopBenchDB returns the test Neo4j holding ds (of n elements), loading it
// unless the previous run did.
func loopBenchDB(b *testing.B, n int, ds *graph.Dataset) *neo4j.DB {
	ctx := context.Background()
	if benchDB == nil {
		db, err := neo4j.Open(ctx, testenv.Neo4jConfig(b))
		require.NoError(b, err)
		benchDB = db
	}
	if benchLoaded != n {
		testenv.Wipe(b, benchDB)
		benchLoaded = 0
		_, err := loader.Load(ctx, benchDB, ds, loader.Options{CommitEvery: 50_000})
		require.NoError(b, err)
		benchLoaded = n
	}
	return benchDB
}

// benchLoops times every loop and the loops through stance-0 (a generated
// dataset's first stance: a hub of the causal map) on be.
func benchLoops(b *testing.B, be queries.Backend) {
	ctx := context.Background()
	for _, c := range []struct {
		name string
		p    queries.Params
	}{{"all", queries.Params{}}, {"through=stance-0", queries.Params{Node: "stance-0"}}} {
		b.Run("loops="+c.name, func(b *testing.B) {
			ans, err := queries.Run(ctx, be, queries.Loops, c.p)
			require.NoError(b, err)
			for b.Loop() {
				if ans, err = queries.Run(ctx, be, queries.Loops, c.p); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(ans.Findings)), "loops")
		})
	}
}
