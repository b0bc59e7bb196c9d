package neo4j

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/dyad-kg/dyad/graph"
)

// DefaultBatchSize is the number of rows sent in one UNWIND statement.
const DefaultBatchSize = 5000

// LoadOptions control a Load.
type LoadOptions struct {
	// Prune removes the nodes and edges an earlier load wrote that the
	// dataset no longer has. Nodes and edges Dyad did not write are never
	// touched.
	Prune bool
	// DryRun computes the same Summary but rolls the transaction back.
	DryRun bool
	// BatchSize is the number of rows per UNWIND; zero means DefaultBatchSize.
	BatchSize int
	// Progress, if set, is called after each batch with the elements written
	// so far and the total.
	Progress func(done, total int)
	// CommitEvery, if positive, commits after about every CommitEvery
	// elements instead of once at the end, for loads larger than the server's
	// transaction memory (dbms.memory.transaction.total.max). Such a load is
	// no longer all or nothing: a failure leaves the elements committed so
	// far, and running the load again completes it (it is idempotent).
	// DryRun ignores it.
	CommitEvery int
}

// Summary counts what a Load changed (or, for a dry run, would change).
// Each node and edge counts once: created, updated (a property changed) or
// unchanged.
type Summary struct {
	Created   int
	Updated   int
	Unchanged int
	Removed   int
	DryRun    bool
	// Transactions is the number of transactions committed (1 unless
	// Options.CommitEvery split the load).
	Transactions int
	Elapsed      time.Duration
}

// String is the one-line summary dyad load prints.
func (s Summary) String() string {
	verb := "loaded"
	if s.DryRun {
		verb = "dry run, nothing written: would load"
	}
	txs := ""
	if s.Transactions > 1 {
		txs = fmt.Sprintf(" (in %d transactions)", s.Transactions)
	}
	return fmt.Sprintf("%s %d elements: %d created, %d updated, %d unchanged, %d removed in %.1fs%s",
		verb, s.Created+s.Updated+s.Unchanged, s.Created, s.Updated, s.Unchanged, s.Removed, s.Elapsed.Seconds(), txs)
}

// Marker is the property Dyad sets (to true) on every node and edge it
// writes, so that pruning never touches anything else in the database.
const Marker = "dyad"

// Schema creates the uniqueness constraints on every node label's id and
// the indexes the catalog queries use. It is idempotent (IF NOT EXISTS).
func (db *DB) Schema(ctx context.Context) error {
	recs, err := db.Read(ctx, "SHOW INDEXES YIELD name RETURN collect(name) AS names", nil)
	if err != nil {
		return fmt.Errorf("reading schema: %w", err)
	}
	have := map[string]bool{}
	if len(recs) > 0 {
		names, _ := recs[0]["names"].([]any)
		for _, n := range names {
			if s, ok := n.(string); ok {
				have[s] = true
			}
		}
	}
	for _, stmt := range SchemaStatements() {
		// "CREATE CONSTRAINT name ..." or "CREATE INDEX name ...": a
		// constraint's backing index has the constraint's name.
		if f := strings.Fields(stmt); len(f) > 2 && have[f[2]] {
			continue
		}
		if err := db.Exec(ctx, stmt, nil); err != nil {
			return fmt.Errorf("creating schema: %w", err)
		}
	}
	return db.Exec(ctx, "CALL db.awaitIndexes(300)", nil)
}

// SchemaStatements returns the constraint and index statements Schema runs.
func SchemaStatements() []string {
	var out []string
	for _, l := range graph.Labels {
		out = append(out, fmt.Sprintf("CREATE CONSTRAINT dyad_%s_id IF NOT EXISTS FOR (n:%s) REQUIRE n.id IS UNIQUE", strings.ToLower(string(l)), l))
	}
	for _, t := range graph.RelTypes {
		out = append(out, fmt.Sprintf("CREATE INDEX dyad_%s_id IF NOT EXISTS FOR ()-[r:%s]-() ON (r.id)", strings.ToLower(string(t)), t))
	}
	out = append(out,
		"CREATE INDEX dyad_event_year IF NOT EXISTS FOR (n:Event) ON (n.year)",
		"CREATE INDEX dyad_relation_states IF NOT EXISTS FOR (n:Relation) ON (n.states)",
	)
	return out
}

// Load writes el to the database in one transaction: nodes, then edges, in
// parameterised UNWIND batches grouped by label and type. Either everything
// is written or, on any error or cancellation, nothing is (unless
// opts.CommitEvery splits it). Loading the same elements twice gives the
// same graph: nodes and edges are merged on their ids and their properties
// replaced. It creates the constraints and indexes first (Schema).
func (db *DB) Load(ctx context.Context, el *graph.Elements, opts LoadOptions) (Summary, error) {
	start := time.Now()
	if err := db.Schema(ctx); err != nil {
		return Summary{}, err
	}
	if opts.DryRun {
		opts.CommitEvery = 0
	}
	var sum Summary
	err := db.Write(ctx, !opts.DryRun, func(tx *Tx) error {
		var err error
		sum, err = write(ctx, tx, el, opts)
		sum.Transactions = tx.Commits() + 1
		return err
	})
	sum.DryRun = opts.DryRun
	sum.Elapsed = time.Since(start)
	if err != nil {
		if sum.Transactions > 1 {
			return Summary{}, fmt.Errorf("load failed after committing %d of its transactions (run it again to complete it): %w", sum.Transactions-1, err)
		}
		return Summary{}, fmt.Errorf("load rolled back, nothing written: %w", err)
	}
	if opts.DryRun {
		sum.Transactions = 0
	}
	return sum, nil
}

// batcher runs a load's batches, counting what they did, reporting
// progress and committing every opts.CommitEvery elements.
type batcher struct {
	ctx                      context.Context
	tx                       *Tx
	opts                     LoadOptions
	sum                      Summary
	total, done, sinceCommit int
}

func (b *batcher) run(cypher string, rows []map[string]any) error {
	recs, err := b.tx.Run(b.ctx, cypher, map[string]any{"rows": rows})
	if err != nil {
		return err
	}
	for _, m := range recs {
		b.sum.Created += toInt(m["created"])
		b.sum.Updated += toInt(m["updated"])
		b.sum.Unchanged += toInt(m["unchanged"])
	}
	b.done += len(rows)
	b.sinceCommit += len(rows)
	if b.opts.Progress != nil {
		b.opts.Progress(b.done, b.total)
	}
	if b.opts.CommitEvery > 0 && b.sinceCommit >= b.opts.CommitEvery {
		b.sinceCommit = 0
		return b.tx.Checkpoint(b.ctx)
	}
	return b.ctx.Err()
}

func write(ctx context.Context, tx *Tx, el *graph.Elements, opts LoadOptions) (Summary, error) {
	if opts.BatchSize <= 0 {
		opts.BatchSize = DefaultBatchSize
	}
	b := &batcher{ctx: ctx, tx: tx, opts: opts, total: el.Len()}
	// A label or type with no nodes or edges at all yet (an empty database,
	// the usual first load) is written with CREATE, which skips MERGE's
	// look-up and lock; the counts come from Neo4j's count store.
	emptyLabels, emptyTypes, err := empty(ctx, tx)
	if err != nil {
		return b.sum, err
	}
	if err := writeNodes(b, el, emptyLabels); err != nil {
		return b.sum, err
	}
	if err := writeEdges(b, el, emptyTypes); err != nil {
		return b.sum, err
	}
	if opts.Prune {
		removed, err := prune(ctx, tx, el)
		b.sum.Removed = removed
		if err != nil {
			return b.sum, err
		}
	}
	return b.sum, nil
}

// writeNodes writes the nodes a label at a time (el.Nodes is sorted by
// label), in batches.
func writeNodes(b *batcher, el *graph.Elements, emptyLabels map[graph.Label]bool) error {
	for lo := 0; lo < len(el.Nodes); {
		l := el.Nodes[lo].Label
		hi := lo
		for hi < len(el.Nodes) && el.Nodes[hi].Label == l && hi-lo < b.opts.BatchSize {
			hi++
		}
		rows := make([]map[string]any, 0, hi-lo)
		for _, n := range el.Nodes[lo:hi] {
			rows = append(rows, map[string]any{"id": n.ID, "props": withMarker(n.Props)})
		}
		if err := b.run(nodeStatement(l, emptyLabels[l]), rows); err != nil {
			return fmt.Errorf("writing %s nodes: %w", l, err)
		}
		lo = hi
	}
	return nil
}

// edgeGroup is the type of an edge and the labels of its ends: edges of one
// group are written by one statement, whose MATCHes use the uniqueness
// constraints of both labels.
type edgeGroup struct {
	t        graph.RelType
	from, to graph.Label
}

// edgeOrder returns the edges' indexes sorted by group, so that each group
// streams in batches and only one batch of rows is ever held.
func edgeOrder(el *graph.Elements, groupOf func(*graph.Edge) edgeGroup) ([]int32, error) {
	rank := func(g edgeGroup) [3]int {
		return [3]int{slices.Index(graph.RelTypes, g.t), slices.Index(graph.Labels, g.from), slices.Index(graph.Labels, g.to)}
	}
	order := make([]int32, len(el.Edges))
	ranks := make([][3]int, len(el.Edges))
	for i := range el.Edges {
		g := groupOf(&el.Edges[i])
		if g.from == "" || g.to == "" {
			return nil, fmt.Errorf("edge %s points at a node the dataset does not have", el.Edges[i].ID)
		}
		order[i], ranks[i] = int32(i), rank(g)
	}
	slices.SortStableFunc(order, func(x, y int32) int {
		a, b := ranks[x], ranks[y]
		for k := range a {
			if a[k] != b[k] {
				return a[k] - b[k]
			}
		}
		return 0
	})
	return order, nil
}

// writeEdges writes the edges group by group, in batches.
func writeEdges(b *batcher, el *graph.Elements, emptyTypes map[graph.RelType]bool) error {
	labelOf := make(map[string]graph.Label, len(el.Nodes))
	for _, n := range el.Nodes {
		labelOf[n.ID] = n.Label
	}
	groupOf := func(e *graph.Edge) edgeGroup { return edgeGroup{e.Type, labelOf[e.From], labelOf[e.To]} }
	order, err := edgeOrder(el, groupOf)
	if err != nil {
		return err
	}
	for lo := 0; lo < len(order); {
		g := groupOf(&el.Edges[order[lo]])
		rows := make([]map[string]any, 0, min(b.opts.BatchSize, len(order)-lo))
		hi := lo
		for ; hi < len(order) && len(rows) < b.opts.BatchSize; hi++ {
			e := &el.Edges[order[hi]]
			if groupOf(e) != g {
				break
			}
			rows = append(rows, map[string]any{"id": e.ID, "from": e.From, "to": e.To, "props": withMarker(e.Props)})
		}
		if err := b.run(edgeStatement(g.t, g.from, g.to, emptyTypes[g.t]), rows); err != nil {
			return fmt.Errorf("writing %s edges: %w", g.t, err)
		}
		lo = hi
	}
	return nil
}

// prune removes the nodes and edges Dyad wrote earlier that el lacks.
func prune(ctx context.Context, tx *Tx, el *graph.Elements) (int, error) {
	removed := 0
	for _, t := range graph.RelTypes {
		n, err := count(ctx, tx, fmt.Sprintf(
			"MATCH ()-[r:%s]->() WHERE r.%s = true AND NOT r.id IN $ids DELETE r RETURN count(*) AS n", t, Marker),
			map[string]any{"ids": edgeIDs(el, t)})
		if err != nil {
			return removed, fmt.Errorf("pruning %s edges: %w", t, err)
		}
		removed += n
	}
	for _, l := range graph.Labels {
		n, err := count(ctx, tx, fmt.Sprintf(
			"MATCH (n:%s) WHERE n.%s = true AND NOT n.id IN $ids DETACH DELETE n RETURN count(*) AS n", l, Marker),
			map[string]any{"ids": nodeIDs(el, l)})
		if err != nil {
			return removed, fmt.Errorf("pruning %s nodes: %w", l, err)
		}
		removed += n
	}
	return removed, nil
}

// empty reports the labels and relationship types that have no nodes or
// edges in the database.
func empty(ctx context.Context, tx *Tx) (map[graph.Label]bool, map[graph.RelType]bool, error) {
	labels, types := map[graph.Label]bool{}, map[graph.RelType]bool{}
	for _, l := range graph.Labels {
		n, err := count(ctx, tx, fmt.Sprintf("MATCH (n:%s) RETURN count(n) AS n", l), nil)
		if err != nil {
			return nil, nil, err
		}
		labels[l] = n == 0
	}
	for _, t := range graph.RelTypes {
		n, err := count(ctx, tx, fmt.Sprintf("MATCH ()-[r:%s]->() RETURN count(r) AS n", t), nil)
		if err != nil {
			return nil, nil, err
		}
		types[t] = n == 0
	}
	return labels, types, nil
}

// nodeIDs lists the ids of el's nodes with label l, for pruning.
func nodeIDs(el *graph.Elements, l graph.Label) []string {
	ids := []string{}
	for _, n := range el.Nodes {
		if n.Label == l {
			ids = append(ids, n.ID)
		}
	}
	return ids
}

// edgeIDs lists the ids of el's edges of type t, for pruning.
func edgeIDs(el *graph.Elements, t graph.RelType) []string {
	ids := []string{}
	for _, e := range el.Edges {
		if e.Type == t {
			ids = append(ids, e.ID)
		}
	}
	return ids
}

func count(ctx context.Context, tx *Tx, cypher string, params map[string]any) (int, error) {
	recs, err := tx.Run(ctx, cypher, params)
	if err != nil {
		return 0, err
	}
	if len(recs) == 0 {
		return 0, nil
	}
	return toInt(recs[0]["n"]), nil
}

func toInt(v any) int {
	switch n := v.(type) {
	case int64:
		return int(n)
	case int:
		return n
	}
	return 0
}

func withMarker(p map[string]any) map[string]any {
	out := maps.Clone(p)
	out[Marker] = true
	return out
}

// nodeStatement writes one batch of nodes of label l: MERGE on the id, or
// CREATE when the label has no nodes yet. The label comes from the fixed
// list graph.Labels; every value is a parameter.
func nodeStatement(l graph.Label, create bool) string {
	mustKnown(slices.Contains(graph.Labels, l), string(l))
	if create {
		return fmt.Sprintf("UNWIND $rows AS row\nCREATE (n:%s)\nSET n = row.props\n%s", l, createdTally)
	}
	return fmt.Sprintf("UNWIND $rows AS row\nMERGE (n:%s {id: row.id})\nWITH n AS x, row, properties(n) AS old\nSET x = row.props\n%s", l, mergeTally)
}

// edgeStatement writes one batch of edges of type t from label from to
// label to, all from the fixed lists: MERGE on the id, or CREATE when the
// type has no edges yet.
func edgeStatement(t graph.RelType, from, to graph.Label, create bool) string {
	mustKnown(slices.Contains(graph.RelTypes, t), string(t))
	mustKnown(slices.Contains(graph.Labels, from), string(from))
	mustKnown(slices.Contains(graph.Labels, to), string(to))
	match := fmt.Sprintf("UNWIND $rows AS row\nMATCH (a:%s {id: row.from})\nMATCH (b:%s {id: row.to})\n", from, to)
	if create {
		return fmt.Sprintf("%sCREATE (a)-[r:%s]->(b)\nSET r = row.props\n%s", match, t, createdTally)
	}
	// Not MERGE (a)-[r:T {id}]->(b): between nodes with many edges (a state
	// in thousands of events) it walks their edges for every row. The edge is
	// found by its id, through the type's id index; one found between other
	// nodes (a claim whose subject changed) is replaced.
	return fmt.Sprintf(`%[1]sOPTIONAL MATCH ()-[e:%[2]s {id: row.id}]->()
WITH a, b, row, e, e IS NOT NULL AS existed, e IS NOT NULL AND startNode(e) = a AND endNode(e) = b AS same
CALL (a, b, row, e, existed, same) {
  WITH a, b, row, e, existed WHERE NOT same
  FOREACH (x IN CASE WHEN existed THEN [e] ELSE [] END | DELETE x)
  CREATE (a)-[r:%[2]s]->(b)
  SET r = row.props
  RETURN CASE WHEN existed THEN 0 ELSE 1 END AS created, CASE WHEN existed THEN 1 ELSE 0 END AS updated, 0 AS unchanged
  UNION ALL
  WITH row, e WHERE same
  WITH row, e, properties(e) AS old
  SET e = row.props
  RETURN 0 AS created, CASE WHEN old <> row.props THEN 1 ELSE 0 END AS updated, CASE WHEN old = row.props THEN 1 ELSE 0 END AS unchanged
}
RETURN sum(created) AS created, sum(updated) AS updated, sum(unchanged) AS unchanged`, match, t)
}

// The RETURN clauses that count what a batch did: a node or edge without
// the Marker was new; one whose properties differ was updated.
var (
	createdTally = "RETURN count(*) AS created, 0 AS updated, 0 AS unchanged"
	mergeTally   = fmt.Sprintf(`RETURN sum(CASE WHEN old.%[1]s IS NULL THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN old.%[1]s IS NOT NULL AND old <> row.props THEN 1 ELSE 0 END) AS updated,
       sum(CASE WHEN old = row.props THEN 1 ELSE 0 END) AS unchanged`, Marker)
)

func mustKnown(ok bool, name string) {
	if !ok {
		panic("dyad: label or type not in the fixed list: " + name)
	}
}
