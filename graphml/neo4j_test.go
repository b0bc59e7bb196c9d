package graphml

import (
	"bytes"
	"context"
	"encoding/json"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/internal/testenv"
	"github.com/dyad-kg/dyad/loader"
	"github.com/dyad-kg/dyad/neo4j"
)

// loadSmall loads the small dataset into the test Neo4j.
func loadSmall(t *testing.T) (*neo4j.DB, *graph.Elements) {
	t.Helper()
	db := testenv.Neo4j(t)
	ds, err := loader.ReadDir("../testdata/small")
	require.NoError(t, err)
	_, err = loader.Load(context.Background(), db, ds, loader.Options{})
	require.NoError(t, err)
	return db, ds.Elements()
}

// snapshot is the graph in db less the loader's marker: equal snapshots,
// equal graphs.
func snapshot(t *testing.T, db *neo4j.DB) []string {
	t.Helper()
	return testenv.Snapshot(t, db, Marker)
}

// TestNeo4jExportMatchesDataset checks that exporting from Neo4j gives the
// same bytes as exporting the dataset it was loaded from, for the whole
// graph and for selections.
func TestNeo4jExportMatchesDataset(t *testing.T) {
	db, el := loadSmall(t)
	ctx := context.Background()
	tests := []struct {
		name     string
		relation string
		depth    int
		period   Period
	}{
		{name: "whole graph"},
		{name: "period", period: Period{From: 1992, To: 2001}},
		{name: "period open at the start", period: Period{To: 1960}},
		{name: "relation depth 1", relation: "RUS-JPN", depth: 1},
		{name: "relation depth 2", relation: "RUS-JPN", depth: 2},
		{name: "relation depth 3, sources not crossed", relation: "RUS-JPN", depth: 3},
		{name: "relation and period", relation: "RUS-JPN", depth: 2, period: Period{From: 1992, To: 2001}},
		{name: "node set", relation: "-"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			embedded, fromDB := Selection{Period: tt.period}, Selection{Period: tt.period}
			switch tt.relation {
			case "":
			case "-":
				ids := map[string]bool{"RUS": true, "JPN": true, "RUS-JPN": true, "kurils": true}
				embedded.Nodes, fromDB.Nodes = ids, ids
			default:
				var err error
				embedded.Nodes, err = Neighbourhood(el, tt.relation, graph.LabelRelation, tt.depth, tt.period)
				require.NoError(t, err)
				fromDB.Nodes, err = NeighbourhoodNeo4j(ctx, db, tt.relation, graph.LabelRelation, tt.depth, tt.period)
				require.NoError(t, err)
				assert.Equal(t, embedded.Nodes, fromDB.Nodes)
			}
			want := export(t, Select(el, embedded))
			var got bytes.Buffer
			nodes, edges, err := ExportNeo4j(ctx, db, &got, fromDB, Standard)
			require.NoError(t, err)
			sub := Select(el, embedded)
			assert.Equal(t, len(sub.Nodes), nodes)
			assert.Equal(t, len(sub.Edges), edges)
			assert.Equal(t, string(want), got.String(), "export from Neo4j differs from export of the dataset")
		})
	}
	_, err := NeighbourhoodNeo4j(ctx, db, "RUS", graph.LabelRelation, 1, Period{})
	assert.ErrorContains(t, err, `no Relation "RUS"`)
}

// TestResolveRelationNeo4j checks that a relation typed in either order,
// or by its states' names, is found among the relations in Neo4j, and that
// a typo gets the relation it misspells.
func TestResolveRelationNeo4j(t *testing.T) {
	db, _ := loadSmall(t)
	ctx := context.Background()
	for _, arg := range []string{"RUS-JPN", "JPN-RUS", "jpn-rus", "Japan–Russia", "Russian Federation/Japan"} {
		r, err := ResolveRelationNeo4j(ctx, db, arg)
		require.NoError(t, err, arg)
		assert.Equal(t, "RUS-JPN", r.ID, arg)
		assert.Equal(t, [2]string{"RUS", "JPN"}, r.States, arg)
	}
	_, err := ResolveRelationNeo4j(ctx, db, "JPN-RSU")
	assert.ErrorContains(t, err, `no relation "JPN-RSU" (did you mean "RUS-JPN"?)`)
	assert.Equal(t, graph.ENOTFOUND, graph.ErrorCode(err))
	_, err = ResolveRelationNeo4j(ctx, db, "JPN-KAZ")
	assert.ErrorContains(t, err, "no relation between Japan and Kazakhstan")
}

// TestNeo4jForeignProperties checks that properties Dyad does not know are
// exported as strings, and that nodes Dyad did not write are left out.
func TestNeo4jForeignProperties(t *testing.T) {
	db, _ := loadSmall(t)
	ctx := context.Background()
	require.NoError(t, db.Exec(ctx, "MATCH (n:State {id: 'JPN'}) SET n.note = 'added by hand', n.score = 2.5", nil))
	require.NoError(t, db.Exec(ctx, "CREATE (:State {id: 'XXX', name: 'Not Dyad', other: 1})", nil))
	var buf bytes.Buffer
	_, _, err := ExportNeo4j(ctx, db, &buf, Selection{}, Standard)
	require.NoError(t, err)
	p := parse(t, buf.Bytes())
	assert.Equal(t, "added by hand", p.nodes["JPN"]["note"])
	assert.Equal(t, "2.5", p.nodes["JPN"]["score"])
	assert.NotContains(t, p.nodes, "XXX")
	for id, k := range p.keys {
		assert.NotEqual(t, "other", k[1], "key %s declared for a property only a foreign node has", id)
	}
}

// TestAPOCRoundTrip loads the small dataset, exports it from Neo4j, wipes
// the database and imports the export with APOC (readLabels, storeNodeIds).
// From the apoc flavor APOC rebuilds the same graph: labels, types and
// properties. From the standard flavor it rebuilds the same graph except
// that each list property comes back as the string of its JSON array. The
// gephi flavor is not for APOC: its edge kinds would become types.
func TestAPOCRoundTrip(t *testing.T) {
	db, el := loadSmall(t)
	ctx := context.Background()
	before := snapshot(t, db)
	tests := []struct {
		flavor Flavor
		want   []string
	}{
		{APOC, before},
		{Standard, listsAsJSON(t, before)},
	}
	for _, tt := range tests {
		t.Run(string(tt.flavor), func(t *testing.T) {
			var buf bytes.Buffer
			_, _, err := ExportNeo4j(ctx, db, &buf, Selection{}, tt.flavor)
			require.NoError(t, err)
			testenv.Wipe(t, db)
			require.Empty(t, snapshot(t, db))
			err = db.Exec(ctx, "CALL apoc.import.graphml($data, {readLabels: true, storeNodeIds: true, compression: 'NONE'})",
				map[string]any{"data": buf.Bytes()})
			require.NoError(t, err, "APOC's importer refused the export")
			after := snapshot(t, db)
			assert.Equal(t, tt.want, after, "the graph APOC rebuilt differs")
			assert.Len(t, after, el.Len())
			// Put the graph back as loader wrote it, marker included, for
			// the next flavor's export.
			testenv.Wipe(t, db)
			ds, err := loader.ReadDir("../testdata/small")
			require.NoError(t, err)
			_, err = loader.Load(ctx, db, ds, loader.Options{})
			require.NoError(t, err)
		})
	}
	assert.NotEqual(t, tests[0].want, tests[1].want, "the small dataset has no list property: the standard case proves nothing")
}

// listsAsJSON is a snapshot with every list property replaced by the JSON
// array the standard flavor writes for it, as a string.
func listsAsJSON(t *testing.T, lines []string) []string {
	t.Helper()
	var out []string
	for _, line := range lines {
		i := strings.Index(line, " {")
		require.Positive(t, i, "snapshot line %q", line)
		var props map[string]any
		require.NoError(t, json.Unmarshal([]byte(line[i+1:]), &props))
		for k, v := range props {
			if list, ok := v.([]any); ok {
				var b bytes.Buffer
				enc := json.NewEncoder(&b)
				enc.SetEscapeHTML(false)
				require.NoError(t, enc.Encode(list))
				props[k] = strings.TrimSuffix(b.String(), "\n")
			}
		}
		b, err := json.Marshal(props)
		require.NoError(t, err)
		out = append(out, line[:i+1]+string(b))
	}
	sort.Strings(out)
	return out
}
