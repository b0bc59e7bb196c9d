package neo4j

import "fmt"

// A load split by LoadOptions.CommitEvery with LoadOptions.Writers above 1
// creates its new nodes and edges with Neo4j's CALL { } IN CONCURRENT
// TRANSACTIONS: one auto-commit statement per CommitEvery rows, which the
// server runs as inner transactions of BatchSize rows, Writers at a time,
// so that a server with spare cores writes with more than one. Everything
// else (what is stored, changed, deleted, and the load's state) goes
// through the load's own transactions as before.
//
// An inner transaction that fails (a deadlock between two of them, say)
// does not stop the others (ON ERROR CONTINUE): its rows come back marked
// not committed, and the load writes them again in its own transaction,
// where a real error (an end node gone) is reported as it is without
// concurrency.

// createNodesConcurrent is createNodes in concurrent inner transactions:
// per outcome (committed or not), the [id, elementId] pairs of the nodes
// created, the indexes of the rows not written, and the inner transactions.
const createNodesConcurrent = `UNWIND range(0, size($rows) - 1) AS i
WITH i, $rows[i] AS row
CALL (row) {
  CREATE (n:$(row.label))
  SET n = row.props
  RETURN elementId(n) AS eid
} IN $writers CONCURRENT TRANSACTIONS OF $batch ROWS
  ON ERROR CONTINUE REPORT STATUS AS s
RETURN s.committed AS committed,
  collect(CASE WHEN s.committed THEN [row.id, eid] END) AS eids,
  collect(CASE WHEN NOT s.committed THEN i END) AS failed,
  count(*) AS rows, count(eid) AS written,
  collect(DISTINCT s.transactionId) AS txs, collect(s.errorMessage)[0] AS error`

// createEdgesConcurrent is createEdges in concurrent inner transactions;
// written counts the edges created in committed transactions (a row whose
// end node is gone creates none).
const createEdgesConcurrent = `UNWIND range(0, size($rows) - 1) AS i
WITH i, $rows[i] AS row
CALL (row) {
  MATCH (a) WHERE elementId(a) = row.a
  MATCH (b) WHERE elementId(b) = row.b
  CREATE (a)-[r:$(row.type)]->(b)
  SET r = row.props
  RETURN count(r) AS made
} IN $writers CONCURRENT TRANSACTIONS OF $batch ROWS
  ON ERROR CONTINUE REPORT STATUS AS s
RETURN s.committed AS committed,
  collect(CASE WHEN NOT s.committed THEN i END) AS failed,
  count(*) AS rows, sum(CASE WHEN s.committed THEN made ELSE 0 END) AS written,
  collect(DISTINCT s.transactionId) AS txs, collect(s.errorMessage)[0] AS error`

// CreateNodesConcurrentStatement and CreateEdgesConcurrentStatement are the
// concurrent first-load statements, for tests of their plans.
func CreateNodesConcurrentStatement() string { return createNodesConcurrent }

// CreateEdgesConcurrentStatement: see CreateNodesConcurrentStatement.
func CreateEdgesConcurrentStatement() string { return createEdgesConcurrent }

// concurrentOf maps each create statement to its concurrent form.
var concurrentOf = map[string]string{createNodes: createNodesConcurrent, createEdges: createEdgesConcurrent}

// concurrent tells whether p writes its rows in concurrent transactions,
// and then gathers CommitEvery rows per statement instead of BatchSize.
func (p *pending) concurrent() bool {
	o := p.b.opts
	return o.Writers > 1 && o.CommitEvery > 0 && concurrentOf[p.cypher] != ""
}

// size is the number of rows p gathers before it writes them.
func (p *pending) size() int {
	if p.concurrent() {
		return max(p.b.opts.CommitEvery, p.b.opts.BatchSize)
	}
	return p.b.opts.BatchSize
}

// flushConcurrent writes rows with p's concurrent statement, after a
// commit that makes everything before them visible to its transactions;
// the rows of inner transactions that failed are written again in the
// load's own transaction. Then it records the load's progress, committed.
func (p *pending) flushConcurrent(rows []map[string]any) error {
	b := p.b
	if err := b.commit(); err != nil {
		return err
	}
	b.racing = len(rows)
	recs, err := b.db.autoCommit(b.ctx, concurrentOf[p.cypher], map[string]any{
		"rows": rows, "writers": int64(b.opts.Writers), "batch": int64(b.opts.BatchSize)})
	if err != nil {
		return fmt.Errorf("writing %s: %w", p.what, err)
	}
	b.keepElementIDs(recs)
	var failed []map[string]any
	written, committedRows := 0, 0
	for _, r := range recs {
		b.inner += len(asList(r["txs"]))
		b.uncounted += len(asList(r["txs"]))
		written += toInt(r["written"])
		if ok, _ := r["committed"].(bool); ok {
			committedRows += toInt(r["rows"])
		}
		for _, i := range asList(r["failed"]) {
			failed = append(failed, rows[toInt(i)])
		}
	}
	if written != committedRows {
		return p.short(len(rows), committedRows-written)
	}
	if len(failed) > 0 {
		if err := p.write(failed); err != nil {
			return err
		}
	}
	b.done += len(rows)
	b.sinceCommit += len(rows)
	if err := b.commit(); err != nil {
		return err
	}
	b.racing = 0
	b.progress()
	return b.ctx.Err()
}

// asList is v as a list, or nil.
func asList(v any) []any {
	l, _ := v.([]any)
	return l
}
