package neo4j

import (
	"fmt"
	"slices"

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

// edgeCreator gathers the edges of types that have none yet into batches of
// createEdges, across types.
type edgeCreator struct {
	b    *batcher
	rows []map[string]any
}

// add queues e and writes the batch once it is full.
func (c *edgeCreator) add(e *graph.Edge) error {
	mustKnown(slices.Contains(graph.RelTypes, e.Type), string(e.Type))
	a, b := c.b.eid[e.From], c.b.eid[e.To]
	if a == "" || b == "" {
		return fmt.Errorf("edge %s: its end nodes were not written by this load", e.ID)
	}
	c.rows = append(c.rows, map[string]any{"a": a, "b": b, "type": string(e.Type), "props": withMarker(e.Props)})
	if len(c.rows) >= c.b.opts.BatchSize {
		return c.flush()
	}
	return nil
}

// flush writes the queued edges and checks that every one was created: an
// end node missing (deleted by another writer during the load) drops its
// row from the MATCH, which is an error rather than an edge lost quietly.
func (c *edgeCreator) flush() error {
	if len(c.rows) == 0 {
		return nil
	}
	rows := c.rows
	c.rows = nil
	recs, err := c.b.run("edges", createEdges, rows)
	if err != nil {
		return err
	}
	got := 0
	for _, r := range recs {
		got += toInt(r["created"])
	}
	if got != len(rows) {
		return fmt.Errorf("writing edges: %d of %d were not created, as their end nodes were gone (deleted by another writer during the load?); run the load again", len(rows)-got, len(rows))
	}
	return c.b.advance(len(rows), len(rows))
}
