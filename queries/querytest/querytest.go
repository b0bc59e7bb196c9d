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

// Cases are the questions asked of the small fixture dataset: every catalog
// question, with and without periods and depths.
var Cases = []Case{
	{"weakened-rus-jpn", queries.Weakened, queries.Params{A: "RUS", B: "JPN"}},
	{"weakened-jpn-rus-depth1", queries.Weakened, queries.Params{A: "JPN", B: "RUS", Depth: 1}},
	{"weakened-rus-jpn-1995", queries.Weakened, queries.Params{A: "RUS", B: "JPN", From: 1995, To: 1995}},
	{"weakened-rus-jpn-2010s", queries.Weakened, queries.Params{A: "RUS", B: "JPN", From: 2010, To: 2019}},
	{"strengthened-rus-chn", queries.Strengthened, queries.Params{A: "RUS", B: "CHN"}},
	{"strengthened-none", queries.Strengthened, queries.Params{A: "JPN", B: "RUS"}},
	{"timeline-rus-jpn", queries.Timeline, queries.Params{A: "RUS", B: "JPN"}},
	{"timeline-rus-jpn-2000s", queries.Timeline, queries.Params{A: "RUS", B: "JPN", From: 2000}},
	{"disputes-jpn", queries.Disputes, queries.Params{A: "JPN"}},
	{"stances-rus", queries.Stances, queries.Params{A: "RUS"}},
	{"stances-rus-2010", queries.Stances, queries.Params{A: "RUS", From: 2010, To: 2010}},
	{"regions-rus-jpn", queries.Regions, queries.Params{A: "RUS", B: "JPN"}},
	{"regions-rus-chn", queries.Regions, queries.Params{A: "RUS", B: "CHN"}},
	{"regions-rus-jpn-kurils", queries.Regions, queries.Params{A: "RUS", B: "JPN", Node: "south-kurils"}},
	{"compare-rus", queries.Compare, queries.Params{A: "RUS"}},
	{"compare-rus-chn-only", queries.Compare, queries.Params{A: "RUS", Others: []string{"CHN"}}},
	{"paths-nationalism", queries.Paths, queries.Params{Node: "territorial-nationalism"}},
	{"paths-nationalism-depth1", queries.Paths, queries.Params{Node: "territorial-nationalism", Depth: 1}},
	{"paths-invasion-rus-chn", queries.Paths, queries.Params{Node: "invasion-2022", A: "RUS", B: "CHN"}},
	{"source-article", queries.SourceClaims, queries.Params{Source: "article"}},
	{"source-mofa", queries.SourceClaims, queries.Params{Source: "mofa"}},
	{"contested-all", queries.Contested, queries.Params{}},
	{"contested-rus-jpn", queries.Contested, queries.Params{A: "RUS", B: "JPN"}},
}

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

// TestAll runs every Case against the backend open returns for the small
// fixture and compares each answer with its golden file, then asks every
// catalog question with its example parameters of the shipped dataset and
// compares the answers with the in-memory backend's.
func TestAll(t *testing.T, open OpenFunc) {
	ctx := context.Background()
	t.Run("small", func(t *testing.T) {
		b := open(t, SmallDataset(t))
		for _, c := range Cases {
			t.Run(c.Name, func(t *testing.T) {
				ans, err := queries.Run(ctx, b, c.Query, c.Params)
				require.NoError(t, err)
				got, err := json.MarshalIndent(ans, "", "  ")
				require.NoError(t, err)
				golden(t, filepath.Join(dir(), "testdata", c.Name+".json"), string(got)+"\n")
			})
		}
	})
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
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "missing golden file: run go test ./queries -update")
	assert.Equal(t, string(want), got)
}
