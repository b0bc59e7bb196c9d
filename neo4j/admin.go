package neo4j

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
)

// Wipe deletes every node and edge in the database, Dyad's or not: for test
// databases. Edges go first, then nodes, in bounded transactions, so a node
// with a million edges still fits in the transaction memory.
func (db *DB) Wipe(ctx context.Context) error {
	for _, stmt := range []string{
		"MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS",
		"MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS",
	} {
		if err := db.Exec(ctx, stmt, nil); err != nil {
			return err
		}
	}
	return nil
}

// Snapshot returns every node and edge in the database as sorted lines,
// properties included (less any named in drop): two snapshots are equal
// only for identical graphs.
func (db *DB) Snapshot(ctx context.Context, drop ...string) ([]string, error) {
	var lines []string
	for _, q := range []struct{ kind, cypher string }{
		{"node", "MATCH (n) RETURN labels(n) AS what, properties(n) AS props"},
		{"edge", "MATCH (a)-[r]->(b) RETURN [type(r), a.id, b.id] AS what, properties(r) AS props"},
	} {
		recs, err := db.Read(ctx, q.cypher, nil)
		if err != nil {
			return nil, err
		}
		for _, m := range recs {
			props, _ := m["props"].(map[string]any)
			for _, k := range drop {
				delete(props, k)
			}
			b, err := json.Marshal(props)
			if err != nil {
				return nil, err
			}
			lines = append(lines, fmt.Sprintf("%s %v %s", q.kind, m["what"], b))
		}
	}
	sort.Strings(lines)
	return lines, nil
}
