package neo4j

import (
	"context"
	"fmt"
	"slices"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/dyad-kg/dyad/graph"
)

// DefaultPruneBatch is the number of nodes or edges a batched prune
// deletes per transaction.
const DefaultPruneBatch = 10000

// prune removes, inside the load's transaction, the nodes and edges Dyad
// wrote earlier that el lacks: the load and its prune commit together or
// not at all, so the deletions count against the transaction's memory.
func prune(ctx context.Context, tx *Tx, el *graph.Elements) (int, error) {
	removed := 0
	for _, t := range graph.RelTypes {
		n, err := count(ctx, tx.Run, pruneEdgesStatement(t, false), map[string]any{"ids": edgeIDs(el, t)})
		if err != nil {
			return removed, fmt.Errorf("pruning %s edges: %w", t, err)
		}
		removed += n
	}
	for _, l := range graph.Labels {
		n, err := count(ctx, tx.Run, pruneNodesStatement(l, false), map[string]any{"ids": nodeIDs(el, l)})
		if err != nil {
			return removed, fmt.Errorf("pruning %s nodes: %w", l, err)
		}
		removed += n
	}
	return removed, nil
}

// pruneBatched removes what prune removes, after the load has committed,
// in transactions of batch deletions each (CALL { ... } IN TRANSACTIONS,
// which needs an auto-commit transaction of its own): its memory does not
// grow with the number of stale elements. It returns the number removed
// and an estimate of the transactions committed. A failure leaves the
// batches before it deleted; pruning again completes the work.
func (db *DB) pruneBatched(ctx context.Context, el *graph.Elements, batch int) (removed, txs int, err error) {
	if batch <= 0 {
		batch = DefaultPruneBatch
	}
	run := func(what, cypher string, ids []string) error {
		recs, err := db.autoCommit(ctx, cypher, map[string]any{"ids": ids, "batch": batch})
		if err != nil {
			return fmt.Errorf("pruning %s: %w", what, err)
		}
		if len(recs) > 0 {
			n := toInt(recs[0]["n"])
			removed += n
			txs += (n + batch - 1) / batch
		}
		return nil
	}
	for _, t := range graph.RelTypes {
		if err := run(string(t)+" edges", pruneEdgesStatement(t, true), edgeIDs(el, t)); err != nil {
			return removed, txs, err
		}
	}
	for _, l := range graph.Labels {
		if err := run(string(l)+" nodes", pruneNodesStatement(l, true), nodeIDs(el, l)); err != nil {
			return removed, txs, err
		}
	}
	return removed, txs, nil
}

// pruneEdgesStatement deletes the edges of type t with the Marker whose
// id is not in $ids, in one statement or, batched, $batch per transaction.
func pruneEdgesStatement(t graph.RelType, batched bool) string {
	mustKnown(slices.Contains(graph.RelTypes, t), string(t))
	match := fmt.Sprintf("MATCH ()-[r:%s]->() WHERE r.%s = true AND NOT r.id IN $ids\n", t, Marker)
	if batched {
		return match + "CALL (r) { DELETE r } IN TRANSACTIONS OF $batch ROWS\nRETURN count(*) AS n"
	}
	return match + "DELETE r RETURN count(*) AS n"
}

// pruneNodesStatement deletes the nodes of label l with the Marker whose
// id is not in $ids, with their edges, like pruneEdgesStatement.
func pruneNodesStatement(l graph.Label, batched bool) string {
	mustKnown(slices.Contains(graph.Labels, l), string(l))
	match := fmt.Sprintf("MATCH (n:%s) WHERE n.%s = true AND NOT n.id IN $ids\n", l, Marker)
	if batched {
		return match + "CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF $batch ROWS\nRETURN count(*) AS n"
	}
	return match + "DETACH DELETE n RETURN count(*) AS n"
}

// autoCommit runs one statement in an auto-commit transaction (as CALL {
// ... } IN TRANSACTIONS needs) and returns its records.
func (db *DB) autoCommit(ctx context.Context, cypher string, params map[string]any) ([]Record, error) {
	s := db.session(ctx, driver.AccessModeWrite)
	defer func() { _ = s.Close(ctx) }()
	res, err := s.Run(ctx, cypher, params)
	if err != nil {
		return nil, classify(err, Config{Database: db.database})
	}
	rs, err := res.Collect(ctx)
	if err != nil {
		return nil, classify(err, Config{Database: db.database})
	}
	db.saveBookmarks(ctx)
	return records(rs), nil
}
