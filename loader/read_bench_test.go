package loader_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dyad-kg/dyad/internal/gen"
	"github.com/dyad-kg/dyad/loader"
)

// Run the reading benchmarks (no Neo4j needed) with, for example:
//
//	go test -run '^$' -bench 'Read' -benchtime 1x -count 6 ./loader
//
// DYAD_BENCH_SIZES=10000,100000,1000000 sets the sizes (10,000 and 100,000
// by default). See docs/performance.md.

// readSizes returns the dataset sizes the reading benchmarks run at.
func readSizes(b *testing.B) []int {
	env := os.Getenv("DYAD_BENCH_SIZES")
	if env == "" {
		return []int{10000, 100000}
	}
	var out []int
	for _, f := range strings.Split(env, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n <= 0 {
			b.Fatalf("DYAD_BENCH_SIZES=%q: want sizes such as 10000,100000", env)
		}
		out = append(out, n)
	}
	return out
}

// genDir writes a generated dataset of about n elements (as dyad gen
// --elements n does) into a folder under parent, and returns the folder
// and the exact number of elements.
func genDir(b *testing.B, parent string, n int) (string, int) {
	b.Helper()
	dir := filepath.Join(parent, strconv.Itoa(n))
	ds := gen.Dataset(gen.ForElements(n, 1))
	if err := gen.WriteYAML(dir, ds); err != nil {
		b.Fatal(err)
	}
	return dir, ds.Elements().Len()
}

// BenchmarkRead measures loader.ReadDir, reading and validating a
// generated dataset folder, end to end (files read from the page cache).
// It reports elements/s and MB/s of YAML.
func BenchmarkRead(b *testing.B) {
	parent := b.TempDir()
	for _, n := range readSizes(b) {
		dir, elements := genDir(b, parent, n)
		size := dirSize(b, dir)
		b.Run(fmt.Sprintf("elements=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(size)
			cpu := cpuTime(b)
			for b.Loop() {
				ds, err := loader.ReadDir(dir)
				if err != nil {
					b.Fatal(err)
				}
				if ds == nil || len(ds.Claims) == 0 {
					b.Fatal("no claims read")
				}
			}
			reportRates(b, elements, cpuTime(b)-cpu)
		})
	}
}

// BenchmarkReadAnchor is the anchor BenchmarkRead is measured against, in
// the same run: plain encoding/json decoding, on one goroutine, of every
// record of the same files (each one line holding a JSON flow mapping) into
// a []map[string]any, with no schema, no positions and no checks. The files
// are read inside the timer, as BenchmarkRead reads them.
func BenchmarkReadAnchor(b *testing.B) {
	parent := b.TempDir()
	for _, n := range readSizes(b) {
		dir, elements := genDir(b, parent, n)
		size := dirSize(b, dir)
		names, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("elements=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(size)
			cpu := cpuTime(b)
			for b.Loop() {
				var recs []map[string]any
				for _, name := range names {
					recs = decodeLines(b, name, recs)
				}
				if len(recs) == 0 {
					b.Fatal("no records")
				}
			}
			reportRates(b, elements, cpuTime(b)-cpu)
		})
	}
}

// decodeLines decodes each "  - {...}" line of the file name with
// encoding/json and appends the records to recs.
func decodeLines(b *testing.B, name string, recs []map[string]any) []map[string]any {
	src, err := os.ReadFile(name)
	if err != nil {
		b.Fatal(err)
	}
	sc := bufio.NewScanner(bytes.NewReader(src))
	sc.Buffer(nil, len(src)+1)
	for sc.Scan() {
		line, ok := bytes.CutPrefix(sc.Bytes(), []byte("  - "))
		if !ok {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal(line, &m); err != nil {
			b.Fatal(err)
		}
		recs = append(recs, m)
	}
	return recs
}

func dirSize(b *testing.B, dir string) int64 {
	b.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		b.Fatal(err)
	}
	var size int64
	for _, e := range entries {
		info, err := e.Info()
		if err != nil {
			b.Fatal(err)
		}
		size += info.Size()
	}
	return size
}

// reportRates reports elements/s of wall time, and elements per second of
// the CPU time (user + system, of every thread) the process spent in the
// loop: on a machine shared with other jobs the wall time varies with the
// load, the CPU time much less. On 2 cores, the read takes at best half its
// CPU time.
func reportRates(b *testing.B, elements int, cpu time.Duration) {
	b.ReportMetric(float64(elements)*float64(b.N)/b.Elapsed().Seconds(), "elements/s")
	if cpu > 0 {
		b.ReportMetric(float64(elements)*float64(b.N)/cpu.Seconds(), "elements/cpu-s")
	}
}
