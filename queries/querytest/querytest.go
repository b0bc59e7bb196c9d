// Package querytest is the conformance suite every queries backend runs:
// the same questions, with the same parameters, must give the same answers,
// pinned by golden files. Each backend's test calls TestAll with a function
// that builds the backend holding a dataset.
package querytest

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/loader"
	"github.com/dyad-kg/dyad/queries"
)

var update = flag.Bool("update", false, "rewrite the conformance golden files (from the in-memory backend)")

// OpenFunc returns a backend that holds ds.
type OpenFunc func(t *testing.T, ds *graph.Dataset) queries.Backend

// Case is one question with its parameters.
type Case struct {
	Name   string
	Query  queries.Name
	Params queries.Params
}

// Cases returns the questions asked of the small fixture dataset: one per
// golden file in querytest/testdata, named after it, whose query and params
// (the answer records both) say what to ask. Adding a case is adding a
// golden file: write {"query": ..., "params": {...}} and run the tests with
// -update, then read what they wrote. The cases in testdata/loops are asked
// of LoopsDataset instead (LoopCases).
func Cases(t *testing.T) []Case {
	t.Helper()
	return casesIn(t, filepath.Join(dir(), "testdata"))
}

// LoopCases returns the questions asked of LoopsDataset: one per golden
// file in querytest/testdata/loops, as Cases.
func LoopCases(t *testing.T) []Case {
	t.Helper()
	return casesIn(t, filepath.Join(dir(), "testdata", "loops"))
}

func casesIn(t *testing.T, folder string) []Case {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(folder, "*.json"))
	require.NoError(t, err)
	var out []Case
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		var c struct {
			Query  queries.Name   `json:"query"`
			Params queries.Params `json:"params"`
		}
		require.NoError(t, json.Unmarshal(b, &c), f)
		require.NotEmpty(t, c.Query, "%s: no query", f)
		out = append(out, Case{Name: strings.TrimSuffix(filepath.Base(f), ".json"), Query: c.Query, Params: c.Params})
	}
	return out
}

// Option changes what TestAll checks.
type Option int

const (
	// Reference marks the backend the others are compared with on the
	// shipped dataset (the in-memory one): it is held to the golden files
	// only, never compared with itself.
	Reference Option = iota + 1
)

func dir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Dir(file)
}

// SmallDataset reads the repository's small fixture dataset.
func SmallDataset(t *testing.T) *graph.Dataset {
	t.Helper()
	ds, err := loader.ReadDir(filepath.Join(dir(), "..", "..", "testdata", "small"))
	require.NoError(t, err)
	return ds
}

// LoopsDataset is the small fixture plus three claims that make two
// feedback loops: nationalism and the China card driving each other
// (reinforcing; neither claim on Russia–China relations, which the loop
// reaches only by a chain through the Far East's neglect), and the Far
// East's neglect driving the China card, which weakens it back (balancing,
// 1995-2001 only).
func LoopsDataset(t *testing.T) *graph.Dataset {
	t.Helper()
	ds := SmallDataset(t)
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

// TestAll runs every Case against the backend open returns for the small
// fixture and compares each answer with its golden file; it fails when a
// catalog question has no golden case. Then, unless opts has Reference, it
// asks every catalog question with its example parameters (and variants)
// of the shipped dataset and compares the answers with the in-memory
// backend's.
func TestAll(t *testing.T, open OpenFunc, opts ...Option) {
	ctx := context.Background()
	t.Run("small", func(t *testing.T) {
		b := open(t, SmallDataset(t))
		asked := map[queries.Name]bool{}
		for _, c := range Cases(t) {
			asked[c.Query] = true
			t.Run(c.Name, func(t *testing.T) { askGolden(t, b, c, "testdata") })
		}
		for _, q := range queries.Catalog {
			assert.True(t, asked[q.Name], "catalog question %s has no golden case in querytest/testdata", q.Name)
		}
	})
	t.Run("loops", func(t *testing.T) {
		b := open(t, LoopsDataset(t))
		cases := LoopCases(t)
		require.NotEmpty(t, cases, "no golden case in querytest/testdata/loops")
		for _, c := range cases {
			t.Run(c.Name, func(t *testing.T) { askGolden(t, b, c, filepath.Join("testdata", "loops")) })
		}
	})
	if slices.Contains(opts, Reference) {
		return
	}
	t.Run("shipped", func(t *testing.T) {
		ds, err := loader.ReadEmbedded()
		require.NoError(t, err)
		b := open(t, ds)
		mem := queries.NewMemory(ds)
		for _, q := range queries.Catalog {
			for i, p := range variants(q.Example) {
				t.Run(fmt.Sprintf("%s/%d", q.Name, i), func(t *testing.T) {
					want, err := queries.Run(ctx, mem, q.Name, p)
					require.NoError(t, err)
					got, err := queries.Run(ctx, b, q.Name, p)
					require.NoError(t, err)
					assert.Equal(t, want, got)
				})
			}
		}
	})
}

// askGolden asks c of b and compares the answer with its golden file in
// folder (under querytest).
func askGolden(t *testing.T, b queries.Backend, c Case, folder string) {
	t.Helper()
	ans, err := queries.Run(context.Background(), b, c.Query, c.Params)
	require.NoError(t, err)
	got, err := json.MarshalIndent(ans, "", "  ")
	require.NoError(t, err)
	golden(t, filepath.Join(dir(), folder, c.Name+".json"), string(got)+"\n")
}

// variants returns p, p as of 2000, and p at depth 1.
func variants(p queries.Params) []queries.Params {
	asOf, shallow := p, p
	asOf.From, asOf.To = 2000, 2000
	shallow.Depth = 1
	return []queries.Params{p, asOf, shallow}
}

func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, string(want), got, "the answer changed; if on purpose, run go test ./queries -update and read the diff")
}
