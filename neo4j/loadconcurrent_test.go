package neo4j_test

import (
	"context"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dyad-kg/dyad/internal/testenv"
	"github.com/dyad-kg/dyad/neo4j"
)

// TestConcurrentCreateReportsFailedRows runs the concurrent statements a
// split load with Writers uses on rows of which one cannot be written (a
// map as a property value): the other inner transactions commit and
// report their element ids and counts, and the failed one's rows come
// back by index, for the load to write again itself.
func TestConcurrentCreateReportsFailedRows(t *testing.T) {
	db := testenv.Neo4j(t)
	testenv.Wipe(t, db)
	ctx := context.Background()
	node := func(id string, props map[string]any) map[string]any {
		props["dyad"] = true
		return map[string]any{"id": id, "label": "Factor", "props": props}
	}
	rows := []any{
		node("zz-f0", map[string]any{"id": "zz-f0"}), node("zz-f1", map[string]any{"id": "zz-f1"}),
		node("zz-f2", map[string]any{"id": "zz-f2", "bad": map[string]any{"a": int64(1)}}), node("zz-f3", map[string]any{"id": "zz-f3"}),
		node("zz-f4", map[string]any{"id": "zz-f4"}),
	}
	params := map[string]any{"rows": rows, "writers": int64(2), "batch": int64(2)}
	recs, err := db.AutoCommit(ctx, neo4j.CreateNodesConcurrentStatement(), params)
	require.NoError(t, err)
	eids := map[string]string{}
	var failed []int
	for _, r := range recs {
		for _, p := range r["eids"].([]any) {
			kv := p.([]any)
			eids[kv[0].(string)] = kv[1].(string)
		}
		for _, i := range r["failed"].([]any) {
			failed = append(failed, int(i.(int64)))
		}
		if r["committed"].(bool) {
			assert.Equal(t, r["rows"], r["written"], "%v", r)
			assert.Len(t, r["txs"], 2, "rows 0-1 and 4 in two inner transactions")
		} else {
			assert.Contains(t, r["error"], "Property values can only be of primitive types")
		}
	}
	sort.Ints(failed)
	assert.Equal(t, []int{2, 3}, failed, "the failed batch's rows")
	require.Len(t, eids, 3)
	assert.NotContains(t, eids, "zz-f2")

	edge := func(a, b, id string) map[string]any {
		return map[string]any{"a": a, "b": b, "type": "ARISES_IN", "props": map[string]any{"id": id, "dyad": true}}
	}
	gone := "4:00000000-0000-0000-0000-000000000000:999999"
	params = map[string]any{"rows": []any{
		edge(eids["zz-f0"], eids["zz-f1"], "zz-e0"), edge(eids["zz-f1"], gone, "zz-e1"), edge(eids["zz-f4"], eids["zz-f0"], "zz-e2"),
	}, "writers": int64(2), "batch": int64(1)}
	recs, err = db.AutoCommit(ctx, neo4j.CreateEdgesConcurrentStatement(), params)
	require.NoError(t, err)
	require.Len(t, recs, 1)
	assert.Equal(t, true, recs[0]["committed"])
	assert.Equal(t, int64(3), recs[0]["rows"])
	assert.Equal(t, int64(2), recs[0]["written"], "the row whose end is gone creates nothing, and is counted short")
	assert.Empty(t, recs[0]["failed"])
	n, err := db.Read(ctx, "MATCH (:Factor)-[r:ARISES_IN]->(:Factor) RETURN count(r) AS n", nil)
	require.NoError(t, err)
	assert.Equal(t, int64(2), n[0]["n"])
}
