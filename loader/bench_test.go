package loader_test

import (
	"context"
	"fmt"
	"maps"
	"os"
	"runtime"
	"runtime/metrics"
	"sync"
	"testing"
	"time"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/internal/gen"
	"github.com/dyad-kg/dyad/internal/testenv"
	"github.com/dyad-kg/dyad/loader"
	"github.com/dyad-kg/dyad/neo4j"
)

// Run with a Neo4j of your own (the benchmarks wipe it), for example:
//
//	DYAD_TEST_NEO4J_URI=bolt://127.0.0.1:7691 go test -run '^$' -bench Load -benchtime 3x -count 5 ./loader
//
// DYAD_BENCH_LARGE=1 adds a run of a million elements. See docs/performance.md.

var benchData sync.Map // elements count -> *graph.Elements

func benchElements(b *testing.B, n int) *graph.Elements {
	b.Helper()
	if el, ok := benchData.Load(n); ok {
		return el.(*graph.Elements)
	}
	ds := gen.Dataset(gen.ForElements(n, 1))
	if errs := ds.Validate(); len(errs) > 0 {
		b.Fatalf("generated dataset is invalid: %v", errs[0])
	}
	el := ds.Elements()
	benchData.Store(n, el)
	return el
}

// heapSampler records the peak HeapInuse of the process while it runs.
type heapSampler struct {
	stop chan struct{}
	done chan struct{}
	peak uint64
	// live is the peak of the live heap as the last GC measured it
	// (runtime/metrics /gc/heap/live:bytes): what the program held, without
	// the collector's headroom.
	live uint64
}

func sampleHeap() *heapSampler {
	s := &heapSampler{stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(s.done)
		var m runtime.MemStats
		live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		for {
			runtime.ReadMemStats(&m)
			s.peak = max(s.peak, m.HeapInuse)
			metrics.Read(live)
			s.live = max(s.live, live[0].Value.Uint64())
			select {
			case <-s.stop:
				return
			case <-t.C:
			}
		}
	}()
	return s
}

func (s *heapSampler) Stop() uint64 {
	close(s.stop)
	<-s.done
	return s.peak
}

func heapInuse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse
}

// liveHeap is the live heap after a GC.
func liveHeap() uint64 {
	runtime.GC()
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(live)
	return live[0].Value.Uint64()
}

// BenchmarkLoad measures loader.LoadElements (one transaction of batched
// UNWIND MERGE statements) on generated datasets, into an empty database.
// Besides -benchmem's B/op it reports elements/s, the peak HeapInuse during
// the load (peak-heap-MB), that peak less the heap held before the load
// began, the generated elements included (load-heap-MB), and the growth of
// the live heap measured by the garbage collector during the load
// (load-live-MB): what the load itself held, without the collector's
// headroom.
func BenchmarkLoad(b *testing.B) {
	sizes := []int{10000, 100000}
	if os.Getenv("DYAD_BENCH_LARGE") == "1" {
		sizes = append(sizes, 1000000)
	}
	for _, n := range sizes {
		b.Run(fmt.Sprintf("elements=%d", n), func(b *testing.B) {
			db := testenv.Neo4j(b)
			ctx := context.Background()
			el := benchElements(b, n)
			setupSchema(b, db)
			var peak, delta, liveDelta uint64
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				testenv.Wipe(b, db)
				base := heapInuse()
				baseLive := liveHeap()
				s := sampleHeap()
				b.StartTimer()
				sum, err := loader.LoadElements(ctx, db, el, loadOptions(n))
				b.StopTimer()
				p := s.Stop()
				if err != nil {
					b.Fatal(err)
				}
				if sum.Created != el.Len() {
					b.Fatalf("created %d elements, want %d", sum.Created, el.Len())
				}
				peak = max(peak, p)
				if p > base {
					delta = max(delta, p-base)
				}
				if s.live > baseLive {
					liveDelta = max(liveDelta, s.live-baseLive)
				}
				b.StartTimer()
			}
			b.StopTimer()
			b.ReportMetric(float64(el.Len())*float64(b.N)/b.Elapsed().Seconds(), "elements/s")
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
			b.ReportMetric(float64(liveDelta)/(1<<20), "load-live-MB")
			b.ReportMetric(float64(delta)/(1<<20), "load-heap-MB")
		})
	}
}

// loadOptions commits every 50,000 elements past 50,000: one transaction of
// 100,000 elements needs more than the launcher's default heap allows for
// transaction state (dbms.memory.transaction.total.max, 70% of 512 MB).
func loadOptions(n int) loader.Options {
	if n > 50_000 {
		return loader.Options{CommitEvery: 50_000}
	}
	return loader.Options{}
}

// BenchmarkLoadNaive is the baseline BenchmarkLoad is measured against: one
// MERGE statement per element, each in its own auto-commit transaction, with
// the same constraints in place.
func BenchmarkLoadNaive(b *testing.B) {
	for _, n := range []int{2000} {
		b.Run(fmt.Sprintf("elements=%d", n), func(b *testing.B) {
			db := testenv.Neo4j(b)
			ctx := context.Background()
			el := benchElements(b, n)
			setupSchema(b, db)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				testenv.Wipe(b, db)
				b.StartTimer()
				if err := loadNaive(ctx, db, el); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			b.ReportMetric(float64(el.Len())*float64(b.N)/b.Elapsed().Seconds(), "elements/s")
		})
	}
}

// setupSchema creates the constraints and waits until their indexes are
// online, so that no timed load runs against an index still being built.
func setupSchema(b *testing.B, db *neo4j.DB) {
	b.Helper()
	ctx := context.Background()
	if err := loader.Schema(ctx, db); err != nil {
		b.Fatal(err)
	}
	if err := db.Exec(ctx, "CALL db.awaitIndexes(300)", nil); err != nil {
		b.Fatal(err)
	}
}

func loadNaive(ctx context.Context, db *neo4j.DB, el *graph.Elements) error {
	labelOf := make(map[string]graph.Label, len(el.Nodes))
	for _, n := range el.Nodes {
		labelOf[n.ID] = n.Label
	}
	props := func(p map[string]any) map[string]any {
		out := maps.Clone(p)
		out[loader.Marker] = true
		return out
	}
	for _, n := range el.Nodes {
		// Labels come from graph.Labels only (el was built by Elements).
		q := fmt.Sprintf("MERGE (n:%s {id: $id}) SET n = $props", n.Label)
		if err := db.Exec(ctx, q, map[string]any{"id": n.ID, "props": props(n.Props)}); err != nil {
			return err
		}
	}
	for _, e := range el.Edges {
		q := fmt.Sprintf("MATCH (a:%s {id: $from}) MATCH (b:%s {id: $to}) MERGE (a)-[r:%s {id: $id}]->(b) SET r = $props",
			labelOf[e.From], labelOf[e.To], e.Type)
		if err := db.Exec(ctx, q, map[string]any{"id": e.ID, "from": e.From, "to": e.To, "props": props(e.Props)}); err != nil {
			return err
		}
	}
	return nil
}

// BenchmarkReload reloads n elements that are all in the database already
// (every one unchanged): the load reads what is stored, compares, and
// writes nothing. The first load of the same elements into the emptied
// database, timed just before, is its anchor (first-load-s).
//
//	DYAD_TEST_NEO4J_URI=bolt://127.0.0.1:7691 go test -run '^$' -bench Reload -benchtime 3x ./loader
func BenchmarkReload(b *testing.B) {
	sizes := []int{10000, 100000}
	if os.Getenv("DYAD_BENCH_LARGE") == "1" {
		sizes = append(sizes, 1000000)
	}
	for _, n := range sizes {
		b.Run(fmt.Sprintf("elements=%d", n), func(b *testing.B) {
			db := testenv.Neo4j(b)
			ctx := context.Background()
			el := benchElements(b, n)
			testenv.Wipe(b, db)
			t0 := time.Now()
			if _, err := loader.LoadElements(ctx, db, el, loadOptions(n)); err != nil {
				b.Fatal(err)
			}
			first := time.Since(t0)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				sum, err := loader.LoadElements(ctx, db, el, loadOptions(n))
				if err != nil {
					b.Fatal(err)
				}
				if sum.Unchanged != el.Len() {
					b.Fatalf("%d unchanged, want %d", sum.Unchanged, el.Len())
				}
			}
			b.StopTimer()
			b.ReportMetric(float64(el.Len())*float64(b.N)/b.Elapsed().Seconds(), "elements/s")
			b.ReportMetric(first.Seconds(), "first-load-s")
		})
	}
}
