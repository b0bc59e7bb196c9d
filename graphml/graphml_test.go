package graphml

import (
	"bytes"
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/loader"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func readSmall(t testing.TB) *graph.Elements {
	t.Helper()
	ds, err := loader.ReadDir("../testdata/small")
	require.NoError(t, err)
	return ds.Elements()
}

func export(t testing.TB, el *graph.Elements) []byte {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, WriteElements(&buf, el))
	return buf.Bytes()
}

func TestGolden(t *testing.T) {
	got := export(t, readSmall(t))
	path := filepath.Join("testdata", "small.graphml")
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./graphml -update to create it")
	assert.Equal(t, string(want), string(got), "the export changed; if on purpose, run go test ./graphml -update")
}

func TestDeterministic(t *testing.T) {
	el := readSmall(t)
	first := export(t, el)
	for range 5 { // map iteration order differs from run to run
		require.Equal(t, string(first), string(export(t, el)))
	}
	// Writing keys in another order changes nothing.
	keys := KeysFor(el)
	slices.Reverse(keys)
	var buf bytes.Buffer
	w := NewWriter(&buf, keys...)
	for _, n := range el.Nodes {
		require.NoError(t, w.WriteNode(n))
	}
	for _, e := range el.Edges {
		require.NoError(t, w.WriteEdge(e))
	}
	require.NoError(t, w.Close())
	assert.Equal(t, string(first), buf.String())
}

// TestKeysCoverDatasets checks that DyadKeys declares every property the
// datasets have, with the right type: exports from Neo4j depend on it.
func TestKeysCoverDatasets(t *testing.T) {
	embedded, err := loader.ReadEmbedded()
	require.NoError(t, err)
	for name, el := range map[string]*graph.Elements{"small": readSmall(t), "embedded": embedded.Elements()} {
		t.Run(name, func(t *testing.T) {
			assert.ElementsMatch(t, DyadKeys(), KeysFor(el), "a property is missing from dyadKeys")
			for _, n := range el.Nodes {
				assert.Equal(t, n.ID, n.Props["id"])
			}
		})
	}
}

// tricky is a small graph whose strings test escaping: XML's special
// characters, whitespace parsers normalise, and characters XML forbids.
func tricky() *graph.Elements {
	s := "a & b < c > d \" e ' f ]]> g\r\nh\ri\tj \x00\x01\x1f\x7f \uFFFE\uFFFF \xff\xfe 日本 🗾 \u2028"
	return &graph.Elements{
		Nodes: []graph.Node{
			{Label: graph.LabelState, ID: "A&<\"'>", Props: map[string]any{"id": "A&<\"'>", "name": s, "aliases": []string{s, "", "[\"x\"]"}, "year": int64(-44)}},
			{Label: graph.LabelEvent, ID: "b\x01c", Props: map[string]any{"id": "b\x01c", "name": " leading and trailing ", "description": "line1\nline2\n", "year": int64(1 << 40)}},
		},
		Edges: []graph.Edge{{Type: graph.RelWeakens, ID: "c\t1", From: "A&<\"'>", To: "b\x01c",
			Props: map[string]any{"id": "c\t1", "summary": s, "contested": true, "sources": []string{"s1", "s\n2"}, "weight": 0.25}}},
	}
}

// parsed is what a strict XML parser reads back from an export.
type parsed struct {
	keys  map[string][2]string // id -> for, attr.name
	nodes map[string]map[string]string
	edges map[string]map[string]string
	attrs map[string]map[string]string // element id -> XML attributes
}

func parse(t *testing.T, doc []byte) parsed {
	t.Helper()
	p := parsed{keys: map[string][2]string{}, nodes: map[string]map[string]string{}, edges: map[string]map[string]string{}, attrs: map[string]map[string]string{}}
	dec := xml.NewDecoder(bytes.NewReader(doc))
	dec.Strict = true
	var cur map[string]string
	var key string
	var text strings.Builder
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		require.NoError(t, err, "the export is not well-formed XML")
		switch tk := tok.(type) {
		case xml.StartElement:
			a := map[string]string{}
			for _, at := range tk.Attr {
				a[at.Name.Local] = at.Value
			}
			switch tk.Name.Local {
			case "key":
				p.keys[a["id"]] = [2]string{a["for"], a["attr.name"]}
			case "node":
				cur = map[string]string{}
				p.nodes[a["id"]], p.attrs[a["id"]] = cur, a
			case "edge":
				cur = map[string]string{}
				p.edges[a["id"]], p.attrs[a["id"]] = cur, a
			case "data":
				key = a["key"]
				text.Reset()
			}
		case xml.CharData:
			text.Write(tk)
		case xml.EndElement:
			if tk.Name.Local == "data" {
				cur[p.keys[key][1]] = text.String()
			}
		}
	}
	return p
}

func TestWellFormedAndEscaped(t *testing.T) {
	el := tricky()
	doc := export(t, el)
	p := parse(t, doc)
	clean := "a & b < c > d \" e ' f ]]> g\r\nh\ri\tj \uFFFD\uFFFD\uFFFD\x7f \uFFFD\uFFFD \uFFFD\uFFFD 日本 🗾 \u2028"
	tests := []struct {
		name      string
		got, want string
	}{
		{"node id with markup", p.attrs["A&<\"'>"]["id"], "A&<\"'>"},
		{"forbidden character in an id", p.attrs["b\uFFFDc"]["id"], "b\uFFFDc"},
		{"string", p.nodes["A&<\"'>"]["name"], clean},
		{"no label attribute", p.attrs["A&<\"'>"]["labels"], ""},
		{"labels data", p.nodes["A&<\"'>"]["labels"], ":State"},
		{"list", p.nodes["A&<\"'>"]["aliases"], `["` + strings.NewReplacer("\\", `\\`, `"`, `\"`, "\r", `\r`, "\n", `\n`, "\t", `\t`).Replace(clean) + `","","[\"x\"]"]`},
		{"negative long", p.nodes["A&<\"'>"]["year"], "-44"},
		{"whitespace kept", p.nodes["b\uFFFDc"]["name"], " leading and trailing "},
		{"newlines kept", p.nodes["b\uFFFDc"]["description"], "line1\nline2\n"},
		{"edge id with a tab", p.attrs["c\t1"]["id"], "c\t1"},
		{"edge source", p.attrs["c\t1"]["source"], "A&<\"'>"},
		{"no edge type attribute", p.attrs["c\t1"]["label"], ""},
		{"edge type data", p.edges["c\t1"]["label"], "WEAKENS"},
		{"edge id data", p.edges["c\t1"]["id"], "c\t1"},
		{"boolean", p.edges["c\t1"]["contested"], "true"},
		{"double", p.edges["c\t1"]["weight"], "0.25"},
		{"list with a newline", p.edges["c\t1"]["sources"], `["s1","s\n2"]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.got)
		})
	}
	assert.Equal(t, clean, Sanitize(el.Nodes[0].Props["name"].(string)))
	assert.NotContains(t, p.nodes["A&<\"'>"], "id", "node ids are not repeated as data")
	assert.Equal(t, [2]string{"node", "name"}, p.keys[CaptionKey])
}

func TestWriterErrors(t *testing.T) {
	node := func(props map[string]any) graph.Node {
		return graph.Node{Label: graph.LabelState, ID: "x", Props: props}
	}
	tests := []struct {
		name string
		keys []Key
		node graph.Node
		want string
	}{
		{"undeclared property", nil, node(map[string]any{"color": "red"}), `property "color" has no declared key`},
		{"wrong type", []Key{{ForNode, "n", Long, false}}, node(map[string]any{"n": "ten"}), "is not a long"},
		{"wrong list element", []Key{{ForNode, "l", Long, true}}, node(map[string]any{"l": []any{int64(1), "2"}}), "is not a long"},
		{"not a list", []Key{{ForNode, "l", String, true}}, node(map[string]any{"l": "a"}), "is not a list"},
		{"conflicting keys", []Key{{ForNode, "n", Long, false}, {ForNode, "n", String, false}}, node(nil), "declared twice"},
		{"unknown type", []Key{{ForNode, "n", "float128", false}}, node(nil), "unknown type"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := NewWriter(io.Discard, tt.keys...)
			err := w.WriteNode(tt.node)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			assert.Equal(t, err, w.Close(), "errors are sticky")
		})
	}
}

func TestOmitted(t *testing.T) {
	el := &graph.Elements{
		Nodes: []graph.Node{{Label: graph.LabelState, ID: "x", Props: map[string]any{"id": "x", "dyad": true, "labels": "y"}}},
		Edges: []graph.Edge{{Type: graph.RelPartOf, ID: "e", From: "x", To: "x", Props: map[string]any{"id": "e", "dyad": true, "label": "z"}}},
	}
	p := parse(t, export(t, el))
	assert.Equal(t, map[string]string{"labels": ":State"}, p.nodes["x"])
	assert.Equal(t, map[string]string{"label": "PART_OF", "id": "e"}, p.edges["e"])
}

func TestSelect(t *testing.T) {
	el := readSmall(t)
	ids := func(el *graph.Elements) (nodes, edges []string) {
		for _, n := range el.Nodes {
			nodes = append(nodes, n.ID)
		}
		for _, e := range el.Edges {
			edges = append(edges, e.ID)
		}
		return nodes, edges
	}
	allNodes, allEdges := ids(el)
	tests := []struct {
		name           string
		relation       string
		depth          int
		period         Period
		wantNodes      []string // nil: all
		dropNodes      []string
		wantEdges      []string
		dropEdges      []string
		wantEdgesCount int
	}{
		{name: "whole graph", wantEdgesCount: len(allEdges)},
		{name: "period 1992-2001", period: Period{From: 1992, To: 2001},
			dropNodes: []string{"joint-declaration-1956", "invasion-2022", "c-invasion-weakens-rus-jpn", "japan-sanctions-2022", "c-japan-sanctions-weaken-rus-jpn"},
			dropEdges: []string{"c-invasion-weakens-rus-jpn", "c-japan-sanctions-weaken-rus-jpn"},
			wantEdges: []string{"c-nationalism-weakens-rus-jpn", "c-china-card-weakens-rus-jpn", "c-kurils-weakens-rus-jpn"}},
		{name: "period 2010-", period: Period{From: 2010},
			dropNodes: []string{"china-card", "joint-declaration-1956", "c-china-card-weakens-rus-jpn"},
			wantEdges: []string{"c-invasion-weakens-rus-jpn", "c-nationalism-weakens-rus-jpn"},
			dropEdges: []string{"c-china-card-weakens-rus-jpn"}},
		{name: "RUS-JPN depth 0", relation: "RUS-JPN", depth: 0, wantNodes: []string{"RUS-JPN"}, wantEdgesCount: 0},
		{name: "RUS-JPN depth 1", relation: "RUS-JPN", depth: 1,
			wantNodes: []string{"RUS-JPN", "RUS", "JPN", "territorial-nationalism", "kurils", "china-card", "invasion-2022", "japan-sanctions-2022",
				// The Claim nodes of the claims on the relation (OBJECT edges).
				"c-nationalism-weakens-rus-jpn", "c-china-card-weakens-rus-jpn", "c-kurils-weakens-rus-jpn", "c-invasion-weakens-rus-jpn",
				"c-japan-sanctions-weaken-rus-jpn"}},

		{name: "RUS-JPN depth 1 in 1992-2001", relation: "RUS-JPN", depth: 1, period: Period{From: 1992, To: 2001},
			wantNodes: []string{"RUS-JPN", "RUS", "JPN", "territorial-nationalism", "kurils", "china-card",
				"c-nationalism-weakens-rus-jpn", "c-china-card-weakens-rus-jpn", "c-kurils-weakens-rus-jpn"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sel := Selection{Period: tt.period}
			if tt.relation != "" {
				var err error
				sel.Nodes, err = Neighbourhood(el, tt.relation, graph.LabelRelation, tt.depth, tt.period)
				require.NoError(t, err)
			}
			nodes, edges := ids(Select(el, sel))
			if tt.wantNodes != nil {
				assert.ElementsMatch(t, tt.wantNodes, nodes)
			} else {
				assert.Len(t, nodes, len(allNodes)-len(tt.dropNodes))
			}
			for _, id := range tt.dropNodes {
				assert.NotContains(t, nodes, id)
			}
			for _, id := range tt.wantEdges {
				assert.Contains(t, edges, id)
			}
			for _, id := range tt.dropEdges {
				assert.NotContains(t, edges, id)
			}
			if tt.wantEdgesCount != 0 || len(tt.wantNodes) == 1 {
				assert.Len(t, edges, tt.wantEdgesCount)
			}
			sub := Select(el, sel)
			in := map[string]bool{}
			for _, n := range sub.Nodes {
				in[n.ID] = true
			}
			for _, e := range sub.Edges {
				assert.True(t, in[e.From] && in[e.To], "edge %s has an end outside the selection", e.ID)
			}
		})
	}
	_, err := Neighbourhood(el, "RUS", graph.LabelRelation, 1, Period{})
	assert.ErrorContains(t, err, `no Relation "RUS"`)
	assert.Equal(t, Select(el, Selection{Nodes: map[string]bool{"RUS": true, "JPN": true}}), Subgraph(el, map[string]bool{"RUS": true, "JPN": true}))
}

// TestNeighbourhoodStopsAtSources checks that a neighbourhood reaches a
// source but does not go on through it to the other things it supports.
func TestNeighbourhoodStopsAtSources(t *testing.T) {
	node := func(l graph.Label, id string) graph.Node {
		return graph.Node{Label: l, ID: id, Props: map[string]any{"id": id}}
	}
	edge := func(ty graph.RelType, from, to string) graph.Edge {
		return graph.Edge{Type: ty, ID: graph.EdgeID(ty, from, to), From: from, To: to, Props: map[string]any{}}
	}
	el := &graph.Elements{
		Nodes: []graph.Node{node(graph.LabelRelation, "r"), node(graph.LabelClaim, "c"), node(graph.LabelSource, "s"), node(graph.LabelEvent, "e"), node(graph.LabelFactor, "f")},
		Edges: []graph.Edge{edge(graph.RelObject, "c", "r"), edge(graph.RelSubject, "c", "f"), edge(graph.RelSupports, "s", "c"), edge(graph.RelSupports, "s", "e")},
	}
	for depth, want := range [][]string{{"r"}, {"r", "c"}, {"r", "c", "s", "f"}, {"r", "c", "s", "f"}} {
		got, err := Neighbourhood(el, "r", graph.LabelRelation, depth, Period{})
		require.NoError(t, err)
		assert.ElementsMatch(t, want, slices.Collect(maps.Keys(got)), "depth %d: the event is reached only through the source", depth)
	}
}

// TestFlavors checks what each flavor adds to the standard document: attr.list
// on list keys for APOC, and for Gephi a kind on each edge that differs
// between two edges of one type with the same ends.
func TestFlavors(t *testing.T) {
	el := &graph.Elements{
		Nodes: []graph.Node{
			{Label: graph.LabelState, ID: "a", Props: map[string]any{"id": "a", "name": "A", "aliases": []string{"x"}, "year": int64(1)}},
			{Label: graph.LabelRelation, ID: "r", Props: map[string]any{"id": "r", "name": "R"}},
		},
		Edges: []graph.Edge{
			{Type: graph.RelWeakens, ID: "c1", From: "a", To: "r", Props: map[string]any{"id": "c1"}},
			{Type: graph.RelWeakens, ID: "c2", From: "a", To: "r", Props: map[string]any{"id": "c2"}},
			{Type: graph.RelStrengthens, ID: "c3", From: "a", To: "r", Props: map[string]any{"id": "c3"}},
			{Type: graph.RelWeakens, ID: "c4", From: "r", To: "a", Props: map[string]any{"id": "c4"}},
		},
	}
	write := func(f Flavor) string {
		var buf bytes.Buffer
		require.NoError(t, WriteElementsFlavor(&buf, el, f))
		return buf.String()
	}
	standard := write(Standard)
	assert.Equal(t, standard, write(""), `"" is the standard flavor`)
	assert.NotContains(t, standard, "attr.list")
	assert.NotContains(t, standard, ` label="`)

	apoc := write(APOC)
	assert.Contains(t, apoc, `<key id="n_aliases" for="node" attr.name="aliases" attr.type="string" attr.list="string"/>`)
	assert.Contains(t, apoc, `<key id="n_year" for="node" attr.name="year" attr.type="long"/>`, "no attr.list on a key that is not a list")
	assert.Equal(t, strings.Count(standard, "<key "), strings.Count(apoc, "<key "))
	assert.NotContains(t, apoc, ` label="`)

	gephi := parse(t, []byte(write(Gephi)))
	kinds := map[string]string{}
	for id := range gephi.edges {
		kinds[id] = gephi.attrs[id]["label"]
	}
	assert.Equal(t, map[string]string{"c1": "WEAKENS", "c2": "WEAKENS c2", "c3": "STRENGTHENS", "c4": "WEAKENS"}, kinds)
	assert.NotContains(t, write(Gephi), "attr.list")

	w := NewFlavorWriter(io.Discard, "yed")
	assert.ErrorContains(t, w.WriteNode(el.Nodes[0]), `unknown GraphML flavor "yed"`)
	_, err := ParseFlavor("apoc")
	assert.NoError(t, err)
}
