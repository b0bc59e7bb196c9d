package graphml_test

import (
	"bytes"
	"fmt"
	"os"
	"strings"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/graphml"
)

// Example streams two nodes and an edge, declaring the keys first.
func Example() {
	w := graphml.NewWriter(os.Stdout,
		graphml.Key{For: graphml.ForNode, Name: "name", Type: graphml.String},
		graphml.Key{For: graphml.ForNode, Name: "aliases", Type: graphml.String, List: true},
		graphml.Key{For: graphml.ForEdge, Name: "contested", Type: graphml.Boolean},
	)
	_ = w.WriteNode(graph.Node{Label: graph.LabelState, ID: "RUS", Props: map[string]any{
		"id": "RUS", "name": "Russia", "aliases": []string{"Russian Federation"}}})
	_ = w.WriteNode(graph.Node{Label: graph.LabelRelation, ID: "RUS-JPN", Props: map[string]any{
		"id": "RUS-JPN", "name": "Russia–Japan relations"}})
	_ = w.WriteEdge(graph.Edge{Type: graph.RelHasRelation, ID: "r1", From: "RUS", To: "RUS-JPN", Props: map[string]any{
		"contested": false}})
	if err := w.Close(); err != nil {
		fmt.Println(err)
	}
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
	//   <!-- Written by Dyad (flavor standard: valid GraphML 1.0). Node ids are Dyad ids; key nodelabel holds each node's name (Gephi's caption); key labels its label; key label an edge's type; lists are JSON arrays. -->
	//   <key id="labels" for="node" attr.name="labels" attr.type="string"/>
	//   <key id="nodelabel" for="node" attr.name="name" attr.type="string"/>
	//   <key id="n_aliases" for="node" attr.name="aliases" attr.type="string"/>
	//   <key id="label" for="edge" attr.name="label" attr.type="string"/>
	//   <key id="e_contested" for="edge" attr.name="contested" attr.type="boolean"/>
	//   <graph id="G" edgedefault="directed">
	//     <node id="RUS">
	//       <data key="labels">:State</data>
	//       <data key="nodelabel">Russia</data>
	//       <data key="n_aliases">["Russian Federation"]</data>
	//     </node>
	//     <node id="RUS-JPN">
	//       <data key="labels">:Relation</data>
	//       <data key="nodelabel">Russia–Japan relations</data>
	//     </node>
	//     <edge id="r1" source="RUS" target="RUS-JPN">
	//       <data key="label">HAS_RELATION</data>
	//       <data key="e_contested">false</data>
	//     </edge>
	//   </graph>
	// </graphml>
}

// ExampleWriteElements exports a part of a graph: the subgraph induced by a
// set of node ids, as a catalog query would pick them.
func ExampleWriteElements() {
	el := &graph.Elements{
		Nodes: []graph.Node{
			{Label: graph.LabelState, ID: "JPN", Props: map[string]any{"id": "JPN", "name": "Japan"}},
			{Label: graph.LabelState, ID: "RUS", Props: map[string]any{"id": "RUS", "name": "Russia"}},
			{Label: graph.LabelState, ID: "SUN", Props: map[string]any{"id": "SUN", "name": "Soviet Union"}},
		},
		Edges: []graph.Edge{{Type: graph.RelSucceeds, ID: "SUCCEEDS:RUS:SUN", From: "RUS", To: "SUN",
			Props: map[string]any{"id": "SUCCEEDS:RUS:SUN"}}},
	}
	sub := graphml.Subgraph(el, map[string]bool{"RUS": true, "SUN": true})
	var buf bytes.Buffer
	if err := graphml.WriteElements(&buf, sub); err != nil {
		fmt.Println(err)
	}
	doc := buf.String()
	fmt.Println(strings.Count(doc, "<node "), "nodes,", strings.Count(doc, "<edge "), "edge")
	// Output: 2 nodes, 1 edge
}
