package neo4j

import (
	"github.com/dyad-kg/dyad/graph"
)

// A load creates what the database lacks (every node and edge, in a first
// load) with CREATE alone, in two statements whatever the labels and types:
// nodes with a dynamic label, edges with a dynamic type between ends found
// by element id. Two statement shapes instead of one per label and one per
// (type, start label, end label) group save the planning of some fifty
// statements on a server just started (seconds), and finding an edge's ends
// by element id skips two index seeks and their index-entry locks per edge.
// The labels and types are parameters checked against graph.Labels and
// graph.RelTypes (mustKnown) before they are sent.

// createNodes writes one batch of nodes, each row's label from
// graph.Labels, and returns each node's element id beside its Dyad id.
const createNodes = `UNWIND $rows AS row
CREATE (n:$(row.label))
SET n = row.props
RETURN collect([row.id, elementId(n)]) AS eids`

// createEdges writes one batch of edges, each row's type from
// graph.RelTypes, between the nodes with the element ids a and b.
const createEdges = `UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.a
MATCH (b) WHERE elementId(b) = row.b
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.props
RETURN count(*) AS created`

// CreateNodesStatement and CreateEdgesStatement are the first load's
// statements, for tests of their plans.
func CreateNodesStatement() string { return createNodes }

// CreateEdgesStatement: see CreateNodesStatement.
func CreateEdgesStatement() string { return createEdges }

// keepElementIDs records the element ids a node statement returned
// (eids: [id, elementId] pairs), for the edges written with createEdges.
func (b *batcher) keepElementIDs(recs []Record) {
	for _, m := range recs {
		pairs, _ := m["eids"].([]any)
		for _, p := range pairs {
			kv, _ := p.([]any)
			if len(kv) != 2 {
				continue
			}
			id, _ := kv[0].(string)
			eid, _ := kv[1].(string)
			b.eid[id] = eid
		}
	}
}

// edgeCreating is the pending batch of createEdges rows, across types. Its
// check that every row was created catches an end node missing (deleted
// by another writer during the load), which drops the row from the MATCH:
// an error rather than an edge lost quietly.
func edgeCreating(b *batcher) *pending {
	return &pending{b: b, what: "edges", cypher: createEdges, elements: true, want: "created",
		gone: "were not created, as their end nodes were gone"}
}

// createRow is e's row of createEdges, its ends by the element ids b
// holds (writeEdges has checked e's type against graph.RelTypes and that b
// holds both ends).
func createRow(b *batcher, e *graph.Edge) map[string]any {
	return map[string]any{"a": b.eid[e.From], "b": b.eid[e.To], "type": string(e.Type), "props": withMarker(e.Props)}
}
