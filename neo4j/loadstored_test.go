package neo4j_test

import (
	"context"
	"fmt"
	"maps"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/internal/gen"
	"github.com/dyad-kg/dyad/internal/testenv"
	"github.com/dyad-kg/dyad/neo4j"
)

// change returns a copy of el with the name of every 50th node changed,
// every 20th claim's effect turned (weakens to strengthens and back) and
// every 30th citation (SUPPORTS) dropped, and how many of each.
func change(el *graph.Elements) (out *graph.Elements, renamed, retyped, dropped int) {
	out = &graph.Elements{}
	for i, n := range el.Nodes {
		if i%50 == 0 {
			n.Props = maps.Clone(n.Props)
			n.Props["name"] = fmt.Sprint(n.Props["name"], " (renamed)")
			renamed++
		}
		out.Nodes = append(out.Nodes, n)
	}
	claims, cites := 0, 0
	for _, e := range el.Edges {
		switch e.Type {
		case graph.RelWeakens, graph.RelStrengthens:
			if claims++; claims%20 == 0 {
				e.Type = map[graph.RelType]graph.RelType{graph.RelWeakens: graph.RelStrengthens, graph.RelStrengthens: graph.RelWeakens}[e.Type]
				retyped++
			}
		case graph.RelSupports:
			if cites++; cites%30 == 0 {
				dropped++
				continue
			}
		}
		out.Edges = append(out.Edges, e)
	}
	return out, renamed, retyped, dropped
}

// TestReloadWritesTheDifference reloads a changed graph over the one
// loaded first: it counts the changes (names set, claims retyped,
// citations the dataset dropped removed, the rest unchanged) and leaves
// the graph a load into an empty database leaves; a second reload finds
// everything unchanged.
func TestReloadWritesTheDifference(t *testing.T) {
	db := testenv.Neo4j(t)
	ctx := context.Background()
	el := gen.Dataset(gen.ForElements(4000, 7)).Elements()
	changed, renamed, retyped, dropped := change(el)
	require.Positive(t, renamed*retyped*dropped, "the change must rename, retype and drop")

	testenv.Wipe(t, db)
	_, err := db.Load(ctx, changed, neo4j.LoadOptions{})
	require.NoError(t, err)
	want := exported(t, db, neo4j.Filter{})

	testenv.Wipe(t, db)
	_, err = db.Load(ctx, el, neo4j.LoadOptions{})
	require.NoError(t, err)
	sum, err := db.Load(ctx, changed, neo4j.LoadOptions{})
	require.NoError(t, err)
	assert.Equal(t, neo4j.Summary{Updated: renamed + retyped, Removed: dropped, Unchanged: changed.Len() - renamed - retyped, Transactions: 1},
		neo4j.Summary{Created: sum.Created, Updated: sum.Updated, Removed: sum.Removed, Unchanged: sum.Unchanged, Transactions: sum.Transactions})
	assert.Equal(t, want, exported(t, db, neo4j.Filter{}), "the reloaded graph differs from a fresh load of the changed dataset")
	again, err := db.Load(ctx, changed, neo4j.LoadOptions{})
	require.NoError(t, err)
	assert.Equal(t, changed.Len(), again.Unchanged, "%v", again)
}
