package graphml

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/internal/testenv"
	"github.com/dyad-kg/dyad/loader"
	"github.com/dyad-kg/dyad/neo4j"
)

// generate returns about n elements shaped like Dyad's graph (a third
// nodes, two thirds edges, with the same kinds of properties), the same
// every time, sorted as graph.Dataset.Elements sorts them.
func generate(n int) *graph.Elements {
	el := &graph.Elements{}
	nodes := max(n/3, len(graph.Labels))
	seed := uint64(42)
	rnd := func(k int) int { // a fixed linear congruential sequence
		seed = seed*6364136223846793005 + 1442695040888963407
		return int(seed>>33) % k
	}
	var ids []string
	per := nodes / len(graph.Labels)
	for li, l := range graph.Labels {
		for i := range per {
			id := fmt.Sprintf("%s-%07d", strings.ToLower(string(l)), i)
			p := map[string]any{"id": id, "name": fmt.Sprintf("%s number %d", l, i)}
			if i%3 == 0 {
				p["aliases"] = []string{fmt.Sprintf("Alias %d", i), fmt.Sprintf("Other name %d", i)}
			}
			if i%2 == 0 {
				p["description"] = fmt.Sprintf("A generated %s, number %d, with a description of ordinary length & an ampersand.", l, i)
			}
			switch l {
			case graph.LabelEvent:
				p["year"] = int64(1900 + i%125)
				p["date"] = fmt.Sprint(1900 + i%125)
				p["kind"] = "treaty"
			case graph.LabelStance:
				p["from_year"], p["to_year"] = int64(1950+i%50), int64(2000+i%25)
			case graph.LabelSource:
				p["url"] = fmt.Sprintf("https://example.org/source/%d", i)
			}
			if li > 0 && i%2 == 1 {
				p["sources"] = []string{"source-0000000"}
				p["locators"] = []string{"p. 1"}
				p["modes"] = []string{"argued"}
			}
			el.Nodes = append(el.Nodes, graph.Node{Label: l, ID: id, Props: p})
			ids = append(ids, id)
		}
	}
	edges := max(n-len(el.Nodes), 0)
	perType := edges / len(graph.RelTypes)
	for _, t := range graph.RelTypes {
		for i := range perType {
			from, to := ids[rnd(len(ids))], ids[rnd(len(ids))]
			id := graph.EdgeID(t, from, to) + fmt.Sprintf(":%d", i)
			p := map[string]any{"id": id}
			switch t {
			case graph.RelWeakens, graph.RelStrengthens, graph.RelDrives:
				id = fmt.Sprintf("c-%s-%07d", strings.ToLower(string(t)), i)
				p = map[string]any{"id": id, "summary": fmt.Sprintf("Claim %d: the one weakened or strengthened the other.", i),
					"sources": []string{"source-0000000"}, "locators": []string{fmt.Sprintf("para %d", i%9)}, "modes": []string{"argued"},
					"contested": i%7 == 0, "from_year": int64(1990 + i%30)}
			case graph.RelPartyTo:
				p["position"] = "A position held for a long time."
			}
			el.Edges = append(el.Edges, graph.Edge{Type: t, ID: id, From: from, To: to, Props: p})
		}
	}
	return el
}

// peakHeap samples the heap until stop is called and returns the peaks of
// the heap's objects (live and not yet collected) and of the live heap (as
// the last garbage collection found it), in bytes.
func peakHeap() (stop func() (heap, live uint64)) {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/gc/heap/live:bytes"}}
	var peak, peakLive uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(sample)
			peak = max(peak, sample[0].Value.Uint64())
			peakLive = max(peakLive, sample[1].Value.Uint64())
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	return func() (uint64, uint64) {
		close(done)
		wg.Wait()
		return peak, peakLive
	}
}

// BenchmarkExport measures the writer alone on generated elements:
//
//	go test ./graphml -run '^$' -bench Export -benchmem
func BenchmarkExport(b *testing.B) {
	for _, size := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("elements=%d", size), func(b *testing.B) {
			el := generate(size)
			b.ReportAllocs()
			for b.Loop() {
				if err := WriteElements(io.Discard, el); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(el.Len())*float64(b.N)/b.Elapsed().Seconds(), "elements/s")
		})
	}
}

// BenchmarkNeo4jExport compares Dyad's streaming export from Neo4j with
// APOC's, on generated graphs loaded into the test Neo4j:
//
//	DYAD_TEST_NEO4J_URI=bolt://127.0.0.1:7690 go test ./graphml -run '^$' -bench Neo4jExport -benchtime 3x
//
// DYAD_BENCH_SIZES (e.g. "10000,100000,1000000") overrides the sizes.
// DYAD_BENCH_PRELOADED=1 exports the graph already in the test Neo4j
// instead (e.g. `dyad gen` data imported with neo4j-admin: relationship-
// heavy, where the generated graphs here are a third nodes), without
// wiping it. Besides the heap, each run reports the process's peak
// resident memory (peak-rss-MiB, Linux: VmHWM, reset before the run).
func BenchmarkNeo4jExport(b *testing.B) {
	ctx := context.Background()
	if os.Getenv("DYAD_BENCH_PRELOADED") != "" {
		cfg := testenv.Neo4jConfig(b)
		db, err := neo4j.Open(ctx, cfg)
		require.NoError(b, err)
		b.Cleanup(func() { _ = db.Close(context.Background()) })
		require.NoError(b, loader.Schema(ctx, db)) // what dyad load leaves: the id constraints
		require.NoError(b, db.Exec(ctx, "CALL db.awaitIndexes(600)", nil))
		rows, err := db.Read(ctx, "MATCH (n) WITH count(n) AS nodes MATCH ()-[r]->() WITH nodes, count(r) AS rels RETURN nodes + rels AS n", nil)
		require.NoError(b, err)
		n, _ := rows[0]["n"].(int64)
		benchExports(b, db, fmt.Sprintf("elements=%d,preloaded", n), int(n))
		return
	}
	db := testenv.Neo4j(b)
	sizes := []int{10_000, 100_000}
	if s := testenvSizes(); s != nil {
		sizes = s
	}
	for _, size := range sizes {
		testenv.Wipe(b, db)
		el := generate(size)
		_, err := loader.LoadElements(ctx, db, el, loader.Options{CommitEvery: 50_000})
		require.NoError(b, err)
		require.NoError(b, db.Exec(ctx, "CALL db.awaitIndexes(600)", nil))
		benchExports(b, db, fmt.Sprintf("elements=%d", size), size)
	}
}

// benchExports times Dyad's export and APOC's of what db holds (size
// elements), interleaved: each iteration runs both, Dyad first in even
// iterations and APOC first in odd ones, so that both see the same load.
// It reports each one's median seconds and elements/s, their ratio
// (speedup: APOC's median time over Dyad's), and each one's peak heap and
// peak resident memory, measured in the warm-up runs: Dyad's first, before
// APOC's driver holds any memory.
func benchExports(b *testing.B, db *neo4j.DB, sub string, size int) {
	ctx := context.Background()
	// APOC's rows go through a driver of their own, opened after Dyad's
	// memory is measured: a connection keeps the buffer of the largest
	// message it read (APOC's are tens of MB, and the driver grows a
	// buffer from nothing by copying it again at every 64 KB chunk, so a
	// cold connection would slow APOC down).
	var apocDB *neo4j.DB
	apoc := func() (int64, error) { return apocExport(ctx, apocDB) }
	exports := []struct {
		name string
		run  func() (int64, error)
	}{
		{"dyad", func() (int64, error) {
			cw := &countingWriter{}
			_, _, err := ExportNeo4j(ctx, db, cw, Selection{}, Standard)
			return cw.n, err
		}},
		{"apoc", apoc},
	}
	b.Run("dyad-vs-apoc/"+sub, func(b *testing.B) {
		b.ReportAllocs()
		var heap, rss, out [2]uint64
		for j, e := range exports { // warm Neo4j's caches and query plans
			if j == 1 {
				var err error
				apocDB, err = neo4j.Open(ctx, testenv.Neo4jConfig(b))
				require.NoError(b, err)
				b.Cleanup(func() { _ = apocDB.Close(context.Background()) })
			}
			debug.FreeOSMemory()
			resetPeakRSS()
			stop := peakHeap()
			if _, err := e.run(); err != nil {
				b.Fatal(err)
			}
			h, _ := stop()
			heap[j], rss[j] = h, peakRSS()
		}
		secs := [2][]float64{}
		i := 0
		for b.Loop() {
			for k := range 2 {
				j := (i + k) % 2 // alternate which one goes first
				runtime.GC()     // the other's garbage is not this one's work
				t0 := time.Now()
				n, err := exports[j].run()
				secs[j] = append(secs[j], time.Since(t0).Seconds())
				out[j] = uint64(n)
				if err != nil {
					b.Fatalf("%s: %v", exports[j].name, err)
				}
			}
			i++
		}
		for j, e := range exports {
			m := median(secs[j])
			b.ReportMetric(m, e.name+"-s")
			b.ReportMetric(float64(size)/m, e.name+"-elements/s")
			b.ReportMetric(float64(heap[j])/(1<<20), e.name+"-peak-heap-MiB")
			b.ReportMetric(float64(rss[j])/(1<<20), e.name+"-peak-rss-MiB")
			b.ReportMetric(float64(out[j])/(1<<20), e.name+"-output-MiB")
		}
		b.ReportMetric(median(secs[1])/median(secs[0]), "speedup")
		b.Logf("dyad s: %.3f; apoc s: %.3f", secs[0], secs[1])
	})
}

// median returns the median of xs (the mean of the middle two for an even
// count).
func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// resetPeakRSS resets the process's peak resident memory (Linux; elsewhere
// it does nothing and peakRSS reports the peak since the start).
func resetPeakRSS() { _ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) }

// peakRSS returns the process's peak resident memory in bytes (VmHWM), or
// 0 where /proc is missing.
func peakRSS() uint64 {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(status), "\n") {
		if f := strings.Fields(line); len(f) == 3 && f[0] == "VmHWM:" {
			kb, _ := strconv.ParseUint(f[1], 10, 64)
			return kb << 10
		}
	}
	return 0
}

// apocExport streams APOC's GraphML export of the whole database and
// returns its size; the rows are dropped as they arrive, as an export to a
// pipe would.
func apocExport(ctx context.Context, db *neo4j.DB) (int64, error) {
	var n int64
	err := db.Stream(ctx, "CALL apoc.export.graphml.all(null, {stream: true, useTypes: true, readLabels: true}) YIELD data RETURN data", nil,
		func(r []any) error {
			s, _ := r[0].(string)
			n += int64(len(s))
			return nil
		})
	return n, err
}

// testenvSizes reads DYAD_BENCH_SIZES, a comma-separated list of sizes.
func testenvSizes() []int {
	var out []int
	for _, f := range strings.Split(os.Getenv("DYAD_BENCH_SIZES"), ",") {
		if n, err := strconv.Atoi(strings.TrimSpace(f)); err == nil && n > 0 {
			out = append(out, n)
		}
	}
	return out
}

type countingWriter struct{ n int64 }

func (c *countingWriter) Write(p []byte) (int, error) {
	c.n += int64(len(p))
	return len(p), nil
}
