package neo4j_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/internal/gen"
	"github.com/dyad-kg/dyad/internal/testenv"
	"github.com/dyad-kg/dyad/neo4j"
)

// exported collects what db.Export gives for f, in the order given.
func exported(t *testing.T, db *neo4j.DB, f neo4j.Filter) *graph.Elements {
	t.Helper()
	out := &graph.Elements{}
	err := db.Export(context.Background(), f,
		func(n graph.Node) error { out.Nodes = append(out.Nodes, n); return nil },
		func(e graph.Edge) error { out.Edges = append(out.Edges, e); return nil })
	require.NoError(t, err)
	return out
}

// TestExportPagesMatchStream checks that the paged, concurrent read of the
// whole graph gives exactly the elements, in exactly the order, of the one
// statement per label and type that a selection of ids uses (here every
// id, so the same graph): at page sizes that put page boundaries inside
// every label and type, on a page's last element, and past the end, with
// labels and types cut into pieces (smaller and larger than a page), and
// with one reader or several, each one or more pages ahead. The writer turns the same elements in the
// same order into the same bytes.
func TestExportPagesMatchStream(t *testing.T) {
	db := testenv.Neo4j(t)
	ctx := context.Background()
	el := gen.Dataset(gen.ForElements(600, 1)).Elements()
	_, err := db.Load(ctx, el, neo4j.LoadOptions{})
	require.NoError(t, err)
	var ids []string
	for _, n := range el.Nodes {
		ids = append(ids, n.ID)
	}
	before := neo4j.PagesRead()
	stream := exported(t, db, neo4j.Filter{IDs: ids})
	require.Equal(t, before, neo4j.PagesRead(), "a selection of ids is read as one stream")
	require.Len(t, stream.Nodes, len(el.Nodes))
	require.Len(t, stream.Edges, len(el.Edges))

	for _, tt := range []struct{ page, readers, ahead, split int }{
		{1, 1, 1, 1000000}, {2, 3, 1, 7}, {3, 2, 8, 5}, {7, 1, 2, 3}, {10, 3, 2, 4}, {64, 4, 8, 50}, {100000, 3, 8, 10000},
	} {
		t.Run(fmt.Sprintf("page=%d,readers=%d,ahead=%d,split=%d", tt.page, tt.readers, tt.ahead, tt.split), func(t *testing.T) {
			defer neo4j.SetExportPaging(tt.page, tt.readers, tt.ahead, tt.split)()
			before := neo4j.PagesRead()
			got := exported(t, db, neo4j.Filter{})
			pages := neo4j.PagesRead() - before
			// Every label and type is read in pages: at least one each,
			// and one per page size of elements.
			assert.GreaterOrEqual(t, pages, int64(len(el.Nodes)+len(el.Edges))/int64(tt.page))
			assert.GreaterOrEqual(t, pages, int64(len(graph.Labels)+len(graph.RelTypes)))
			assert.Equal(t, stream, got)
		})
	}

	// Past exportEndsMax nodes the edges' ends are read from the nodes on
	// the server instead of named by the nodes' element ids: the same
	// elements in the same order, the whole graph and a period of it.
	t.Run("ends read from the nodes", func(t *testing.T) {
		defer neo4j.SetExportPaging(3, 2, 2, 5)()
		defer neo4j.SetExportEndsMax(0)()
		assert.Equal(t, stream, exported(t, db, neo4j.Filter{}))
		f := neo4j.Filter{Years: graph.Years{From: 1990, To: 2000}}
		got := exported(t, db, f)
		f.IDs = ids
		assert.Equal(t, exported(t, db, f), got)
	})

	t.Run("period", func(t *testing.T) {
		defer neo4j.SetExportPaging(2, 2, 1, 5)()
		f := neo4j.Filter{Years: graph.Years{From: 1990, To: 2000}}
		got := exported(t, db, f)
		f.IDs = ids
		assert.Equal(t, exported(t, db, f), got)
		assert.Less(t, len(got.Edges), len(el.Edges), "the period keeps part of the graph")
	})
}

// TestExportStopsOnError checks that an error from the caller's function
// ends Export at once with that error, readers still going or not.
func TestExportStopsOnError(t *testing.T) {
	db := testenv.Neo4j(t)
	ctx := context.Background()
	el := gen.Dataset(gen.ForElements(600, 1)).Elements()
	_, err := db.Load(ctx, el, neo4j.LoadOptions{})
	require.NoError(t, err)
	defer neo4j.SetExportPaging(2, 3, 1, 5)()
	stop := errors.New("disk full")
	for _, after := range []int{0, 5, len(el.Nodes) + 5} {
		seen := 0
		count := func() error {
			seen++
			if seen > after {
				return stop
			}
			return nil
		}
		err := db.Export(ctx, neo4j.Filter{},
			func(graph.Node) error { return count() },
			func(graph.Edge) error { return count() })
		require.ErrorIs(t, err, stop, "stopping after %d elements", after)
		assert.Equal(t, after+1, seen, "no element after the error")
	}
}
