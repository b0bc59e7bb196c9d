package queries

import (
	"context"
	"sync"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/neo4j"
)

// Neo4j answers queries by running the catalog's Cypher on a Neo4j database
// that dyad load (or loader.Load) filled.
type Neo4j struct {
	db *neo4j.DB

	once     sync.Once
	entities []Entity
	err      error
}

// NewNeo4j returns a backend that queries db.
func NewNeo4j(db *neo4j.DB) *Neo4j { return &Neo4j{db: db} }

func (n *Neo4j) rows(ctx context.Context, q *Query, params map[string]any) ([]row, error) {
	recs, err := n.db.Read(ctx, q.Cypher, params)
	if err != nil {
		return nil, err
	}
	rows := make([]row, 0, len(recs))
	for _, rec := range recs {
		m := map[string]any(rec)
		r := row{
			Steps:     mapList(m["steps"]),
			Region:    mapOf(m["region"]),
			Relation:  mapOf(m["relation"]),
			Territory: mapOf(m["territory"]),
			Parties:   mapList(m["parties"]),
			Toward:    mapList(m["toward"]),
			Effects:   mapList(m["effects"]),
			Opposed:   strs(m, "opposed"),
		}
		for _, col := range []string{"event", "dispute", "stance"} {
			if node := mapOf(m[col]); node != nil {
				r.Node = node
			}
		}
		rows = append(rows, r)
	}
	return rows, nil
}

const sourcesCypher = `MATCH (s:Source) WHERE s.id IN $ids RETURN s.id AS id, s.name AS name, s.url AS url`

func (n *Neo4j) sources(ctx context.Context, ids []string) (map[string]sourceInfo, error) {
	recs, err := n.db.Read(ctx, sourcesCypher, map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	out := map[string]sourceInfo{}
	for _, rec := range recs {
		m := map[string]any(rec)
		out[str(m, "id")] = sourceInfo{Title: str(m, "name"), URL: str(m, "url")}
	}
	return out, nil
}

// EntitiesCypher lists every node Dyad loaded, with the names a question may
// use for it.
const EntitiesCypher = `MATCH (n) WHERE n.dyad = true
RETURN labels(n)[0] AS label, n {.id, .name, .aliases, .capital, .adjectives, .states} AS props`

// Entities lists every node Dyad loaded with the names a question may use;
// it is read once and cached.
func (n *Neo4j) Entities(ctx context.Context) ([]Entity, error) {
	n.once.Do(func() {
		recs, err := n.db.Read(ctx, EntitiesCypher, nil)
		if err != nil {
			n.err = err
			return
		}
		for _, rec := range recs {
			m := map[string]any(rec)
			label, _ := m["label"].(string)
			n.entities = append(n.entities, entity(mapOf(m["props"]), graph.Label(label)))
		}
		sortEntities(n.entities)
	})
	return n.entities, n.err
}
