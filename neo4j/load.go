package neo4j

import (
	"context"
	"errors"
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
	// Writers, above 1, is the number of concurrent transactions in which
	// a load split by CommitEvery creates the nodes and edges the database
	// lacks (Neo4j's CALL { } IN CONCURRENT TRANSACTIONS, 5.21 or later),
	// for servers with cores to spare. Zero or 1: the load's own
	// transactions write everything, one statement at a time.
	Writers int
	// PruneBatch is the number of nodes or edges a prune deletes per
	// transaction when CommitEvery splits the load; zero means
	// DefaultPruneBatch. Without CommitEvery, the prune is part of the
	// load's one transaction.
	PruneBatch int
	// LockWait is how long to wait for another load into the same database
	// to finish (loads run one at a time) before giving up with an
	// ECONFLICT error; zero means DefaultLockWait.
	LockWait time.Duration
}

// Summary counts what a Load changed (or, for a dry run, would change).
// Each node and edge of the dataset counts once: created, updated (a
// property, its ends or its type changed) or unchanged. Removed counts what
// pruning removed, the citations (SUPPORTS, CONTESTS) of the dataset's
// nodes that it no longer makes, and the duplicates of a dataset edge's id
// the load removed (left by loads before they were locked).
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

// Schema creates the uniqueness constraints on the ids of every node label
// and relationship type, the load lock's constraint and the indexes the
// catalog queries use. It is idempotent.
//
// A database written by an older Dyad has a plain index on each
// relationship type's id instead of a constraint: Schema drops the index
// and creates the constraint, unless the type holds duplicate ids (left by
// concurrent loads before loads were locked). Then it keeps the index, and
// the next load that rewrites those ids removes the duplicates and creates
// the constraint.
func (db *DB) Schema(ctx context.Context) error {
	_, err := db.schema(ctx)
	return err
}

// schema is Schema; it returns the relationship types left without their
// uniqueness constraint because they hold duplicate ids.
func (db *DB) schema(ctx context.Context) ([]graph.RelType, error) {
	have, err := db.schemaNames(ctx)
	if err != nil {
		return nil, err
	}
	for _, stmt := range nodeSchemaStatements() {
		// "CREATE CONSTRAINT name ..." or "CREATE INDEX name ...".
		if f := strings.Fields(stmt); len(f) > 2 && have[f[2]] {
			continue
		}
		if err := db.Exec(ctx, stmt, nil); err != nil {
			return nil, fmt.Errorf("creating schema: %w", err)
		}
	}
	var waiting []graph.RelType
	n, err := db.relCounts(ctx, have)
	if err != nil {
		return nil, fmt.Errorf("creating schema: %w", err)
	}
	for _, t := range graph.RelTypes {
		ok, err := db.relConstraint(ctx, t, have, n["type:"+string(t)] == 0)
		if err != nil {
			return nil, fmt.Errorf("creating schema: %w", err)
		}
		if !ok {
			waiting = append(waiting, t)
		}
	}
	return waiting, db.Exec(ctx, "CALL db.awaitIndexes(300)", nil)
}

// relCounts counts the edges of every type (counts) when a type's
// constraint is missing from have; otherwise it reads nothing.
func (db *DB) relCounts(ctx context.Context, have map[string]bool) (map[string]int, error) {
	for _, t := range graph.RelTypes {
		if !have[relConstraintName(t)] {
			return counts(ctx, db.Read)
		}
	}
	return nil, nil
}

// allRelationships and allNodes count every relationship and every node in
// the database, from the count store.
const (
	allRelationships = "MATCH ()-[r]->() RETURN count(r) AS n"
	allNodes         = "MATCH (n) RETURN count(n) AS n"
)

// relConstraint creates the uniqueness constraint on the ids of edges of
// type t, replacing the plain index older versions created. It reports
// false, keeping or creating the plain index, when t holds duplicate ids;
// none is true when t has no edges at all (no look for duplicates then).
func (db *DB) relConstraint(ctx context.Context, t graph.RelType, have map[string]bool, none bool) (bool, error) {
	name, legacy := relConstraintName(t), legacyRelIndexName(t)
	if have[name] {
		return true, nil
	}
	dups := 0
	if !none {
		var err error
		dups, err = count(ctx, db.Read, fmt.Sprintf(
			"MATCH ()-[r:%s]->() WHERE r.id IS NOT NULL WITH r.id AS id, count(*) AS n WHERE n > 1 RETURN count(*) AS n", t), nil)
		if err != nil {
			return false, err
		}
	}
	if dups > 0 {
		if have[legacy] {
			return false, nil
		}
		return false, db.Exec(ctx, legacyRelIndexStatement(t), nil)
	}
	if have[legacy] {
		if err := db.Exec(ctx, fmt.Sprintf("DROP INDEX %s IF EXISTS", legacy), nil); err != nil {
			return false, err
		}
	}
	return true, db.Exec(ctx, relConstraintStatement(t), nil)
}

// SchemaStatements returns the constraint and index statements Schema runs
// on an empty database.
func SchemaStatements() []string {
	out := nodeSchemaStatements()
	for _, t := range graph.RelTypes {
		out = append(out, relConstraintStatement(t))
	}
	return out
}

// nodeSchemaStatements are the node constraints and the indexes.
func nodeSchemaStatements() []string {
	var out []string
	for _, l := range graph.Labels {
		out = append(out, fmt.Sprintf("CREATE CONSTRAINT dyad_%s_id IF NOT EXISTS FOR (n:%s) REQUIRE n.id IS UNIQUE", strings.ToLower(string(l)), l))
	}
	return append(out,
		lockConstraint,
		"CREATE INDEX dyad_event_year IF NOT EXISTS FOR (n:Event) ON (n.year)",
		"CREATE INDEX dyad_relation_states IF NOT EXISTS FOR (n:Relation) ON (n.states)",
	)
}

func relConstraintName(t graph.RelType) string {
	return fmt.Sprintf("dyad_%s_id_unique", strings.ToLower(string(t)))
}

// legacyRelIndexName names the plain index on a relationship type's id
// that Dyad created before it had the constraint.
func legacyRelIndexName(t graph.RelType) string {
	return fmt.Sprintf("dyad_%s_id", strings.ToLower(string(t)))
}

func relConstraintStatement(t graph.RelType) string {
	mustKnown(slices.Contains(graph.RelTypes, t), string(t))
	return fmt.Sprintf("CREATE CONSTRAINT %s IF NOT EXISTS FOR ()-[r:%s]-() REQUIRE r.id IS UNIQUE", relConstraintName(t), t)
}

func legacyRelIndexStatement(t graph.RelType) string {
	mustKnown(slices.Contains(graph.RelTypes, t), string(t))
	return fmt.Sprintf("CREATE INDEX %s IF NOT EXISTS FOR ()-[r:%s]-() ON (r.id)", legacyRelIndexName(t), t)
}

// Load writes el to the database in one transaction: nodes, then edges, in
// parameterised UNWIND batches grouped by label and type. Either everything
// is written or, on any error or cancellation, nothing is (unless
// opts.CommitEvery splits it). Loading the same elements twice gives the
// same graph: nodes and edges are merged on their ids and their properties
// replaced; an edge whose ends or type (a claim's effect) changed is moved.
// A claim's id is unique across the claim types.
//
// Loads into one database run one at a time: Load first takes the
// database's load lock (see lockLoads), waiting up to opts.LockWait for a
// load in progress. Then it creates the constraints and indexes (Schema).
func (db *DB) Load(ctx context.Context, el *graph.Elements, opts LoadOptions) (Summary, error) {
	start := time.Now()
	unlock, err := db.lockLoads(ctx, opts.LockWait)
	if err != nil {
		return Summary{}, err
	}
	defer unlock()
	waiting, err := db.schema(ctx)
	if err != nil {
		return Summary{}, err
	}
	if opts.DryRun {
		opts.CommitEvery = 0
	}
	b := &batcher{ctx: ctx, db: db, opts: opts, total: el.Len(), eid: make(map[string]string, len(el.Nodes))}
	err = db.writeLoad(ctx, !opts.DryRun, func(tx *Tx) error {
		b.tx = tx
		return b.write(el)
	})
	if err != nil {
		return Summary{}, b.failed(err)
	}
	sum := b.sum
	sum.DryRun = opts.DryRun
	if !opts.DryRun {
		sum.Transactions = b.tx.Commits() + b.inner
	}
	if opts.Prune && opts.CommitEvery > 0 {
		removed, txs, err := db.pruneBatched(ctx, el, opts.PruneBatch)
		sum.Removed += removed
		sum.Transactions += txs
		if err != nil {
			return sum, fmt.Errorf("load committed (%d elements), but pruning failed after removing %d; run it again to complete it: %w", el.Len(), removed, err)
		}
		if err := db.Write(ctx, true, func(tx *Tx) error { return endLoadState(ctx, tx) }); err != nil {
			return sum, fmt.Errorf("load and prune committed, but recording that the graph is complete failed; run it again: %w", err)
		}
	}
	if len(waiting) > 0 && !opts.DryRun {
		// The load removed the duplicate ids it rewrote; any left are of
		// edges the dataset lacks (--prune removes them).
		if _, err := db.schema(ctx); err != nil {
			return sum, fmt.Errorf("load committed, but creating the constraints failed: %w", err)
		}
	}
	sum.Elapsed = time.Since(start)
	return sum, nil
}

// batcher runs a load's batches, counting what they did, reporting
// progress and committing every opts.CommitEvery elements. committed is
// the number of elements in the transactions committed so far.
type batcher struct {
	ctx                                 context.Context
	db                                  *DB
	tx                                  *Tx
	opts                                LoadOptions
	sum                                 Summary
	total, done, sinceCommit, committed int
	// eid maps the id of every node written to its element id, for the
	// edges written with createEdges.
	eid map[string]string
	// inner counts the concurrent transactions committed (Writers),
	// uncounted those the load's state does not count yet; racing is the
	// number of elements after done being written by concurrent
	// transactions, some of which may have committed.
	inner, uncounted, racing int
}

// run runs one batch (what names it in errors) and keeps the element ids
// of the nodes it created.
func (b *batcher) run(what, cypher string, rows []map[string]any) ([]Record, error) {
	recs, err := b.tx.Run(b.ctx, cypher, map[string]any{"rows": rows})
	if err != nil {
		return nil, fmt.Errorf("writing %s: %w", what, err)
	}
	b.keepElementIDs(recs)
	return recs, nil
}

// advance counts a batch written (elements of the dataset's, in rows
// written), reports progress and commits when opts.CommitEvery rows have
// been written since the last commit.
func (b *batcher) advance(elements, rows int) error {
	b.done += elements
	b.sinceCommit += rows
	b.progress()
	if b.opts.CommitEvery > 0 && b.sinceCommit >= b.opts.CommitEvery {
		if err := b.commit(); err != nil {
			return err
		}
	}
	return b.ctx.Err()
}

// progress reports the elements written so far, if asked to.
func (b *batcher) progress() {
	if b.opts.Progress != nil {
		b.opts.Progress(b.done, b.total)
	}
}

// commit records the load's progress and commits what was written since
// the last commit, if anything was.
func (b *batcher) commit() error {
	if b.sinceCommit == 0 && b.tx.Commits() > 0 {
		return nil
	}
	if err := commitLoadState(b.ctx, b.tx, b.done, b.uncounted, false); err != nil {
		return fmt.Errorf("recording the load's progress: %w", err)
	}
	if err := b.tx.Checkpoint(b.ctx); err != nil {
		return err
	}
	b.sinceCommit, b.committed, b.uncounted = 0, b.done, 0
	return nil
}

// failed turns the error that ended a load into one saying what it left:
// nothing; the elements of the transactions it committed; or, when a
// commit got no reply, that the last transaction's outcome is unknown.
func (b *batcher) failed(err error) error {
	if errors.Is(err, context.Canceled) {
		err = interrupted{err}
	}
	if b.tx == nil {
		return fmt.Errorf("load rolled back, nothing written: %w", err)
	}
	n := b.tx.Commits()
	switch {
	case b.tx.InDoubt() && n == 0:
		return fmt.Errorf("load failed: whether its transaction (elements 1 to %d of %d) committed is unknown, as its commit got no reply; "+
			"run the load again, which completes it either way: %w", b.done, b.total, err)
	case b.tx.InDoubt():
		return fmt.Errorf("load failed after committing %d of its transactions (elements 1 to %d of %d); "+
			"whether the %s (elements %d to %d) committed is unknown, as its commit got no reply; "+
			"run the load again, which completes it either way: %w", n, b.committed, b.total, ordinal(n+1), b.committed+1, b.done, err)
	case b.racing > 0 && b.committed == 0:
		return fmt.Errorf("load failed after committing some of the concurrent transactions writing elements 1 to %d of %d; "+
			"run it again to complete it: %w", b.racing, b.total, err)
	case b.racing > 0:
		return fmt.Errorf("load failed after committing %d of its transactions (elements 1 to %d of %d) and some of the concurrent ones "+
			"writing elements %d to %d; run it again to complete it: %w", n, b.committed, b.total, b.committed+1, b.committed+b.racing, err)
	case n > 0:
		return fmt.Errorf("load failed after committing %d of its transactions (elements 1 to %d of %d); run it again to complete it: %w",
			n, b.committed, b.total, err)
	}
	return fmt.Errorf("load rolled back, nothing written: %w", err)
}

// interrupted is the cause of a load whose context was cancelled (Ctrl-C),
// worded for people instead of the context's "context canceled"; it
// unwraps to the error it stands for.
type interrupted struct{ err error }

func (e interrupted) Error() string { return "interrupted" }
func (e interrupted) Unwrap() error { return e.err }

// ordinal spells n as "1st", "2nd", "3rd", "4th"...
func ordinal(n int) string {
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return fmt.Sprintf("%d%s", n, suffix)
}

// write writes el's nodes and edges, then prunes if asked.
func (b *batcher) write(el *graph.Elements) error {
	if b.opts.BatchSize <= 0 {
		b.opts.BatchSize = DefaultBatchSize
	}
	// Loads are locked, so nothing else of Dyad's writes meanwhile. What is
	// stored is read before the load's state node is written, so that an
	// empty database reads as empty.
	s, err := readStored(b.ctx, b.tx)
	if err != nil {
		return err
	}
	if b.opts.CommitEvery > 0 {
		if err := beginLoadState(b.ctx, b.tx, b.total); err != nil {
			return fmt.Errorf("recording the load's start: %w", err)
		}
	}
	if err := writeNodes(b, el, s); err != nil {
		return err
	}
	if err := writeEdges(b, el, s); err != nil {
		return err
	}
	if err := b.advance(0, 0); err != nil { // the unchanged elements since the last batch
		return err
	}
	if b.opts.Prune && b.opts.CommitEvery == 0 {
		removed, err := prune(b.ctx, b.tx, el)
		b.sum.Removed += removed
		if err != nil {
			return err
		}
	}
	if b.opts.Prune && b.opts.CommitEvery > 0 {
		// Every element is in once this commits; the graph is the dataset's
		// once the batched prune is done too (Load).
		return commitLoadState(b.ctx, b.tx, b.done, b.uncounted, true)
	}
	// The last transaction holds the rest of the dataset: it also removes
	// the record of a split load, this one's or one that stopped part-way.
	return endLoadState(b.ctx, b.tx)
}

// smallGraph is the number of nodes up to which counts reads a database
// without relationships by scanning its nodes.
const smallGraph = 1000

// counts returns countsStatement's tally, read through run (a
// transaction's Run or DB.Read). A database with no relationships and at
// most smallGraph nodes (a first load's: the load's own lock and state
// nodes, perhaps a few more) is counted by three statements that are cheap
// to plan, instead of countsStatement's 26 branches, which took seconds to
// plan on a server just started.
func counts(ctx context.Context, run readFunc) (map[string]int, error) {
	n, err := count(ctx, run, allRelationships, nil)
	if err == nil && n == 0 {
		if n, err = count(ctx, run, allNodes, nil); err == nil && n <= smallGraph {
			recs, err := run(ctx, "MATCH (n) UNWIND labels(n) AS l RETURN 'label:' + l AS name, count(*) AS n", nil)
			return tally(recs), err
		}
	}
	if err != nil {
		return nil, err
	}
	recs, err := run(ctx, countsStatement(), nil)
	return tally(recs), err
}

// countsStatement counts the nodes of every label and the edges of every
// type in one statement (one round trip, one plan), each branch read from
// Neo4j's count store: rows of name ("label:State", "type:SUBJECT") and n.
// (The count must be taken before the name is projected: "RETURN 'x' AS
// name, count(n)" makes the name a grouping key and scans the label.)
func countsStatement() string {
	var parts []string
	for _, l := range graph.Labels {
		parts = append(parts, fmt.Sprintf("MATCH (n:%[1]s) WITH count(n) AS n RETURN 'label:%[1]s' AS name, n", l))
	}
	for _, t := range graph.RelTypes {
		parts = append(parts, fmt.Sprintf("MATCH ()-[r:%[1]s]->() WITH count(r) AS n RETURN 'type:%[1]s' AS name, n", t))
	}
	return strings.Join(parts, "\nUNION ALL\n")
}

// CountsStatement is countsStatement, for tests of its plan.
func CountsStatement() string { return countsStatement() }

// tally turns countsStatement's rows into a map from name to count.
func tally(recs []Record) map[string]int {
	n := make(map[string]int, len(recs))
	for _, r := range recs {
		name, _ := r["name"].(string)
		n[name] = toInt(r["n"])
	}
	return n
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

// readFunc runs a statement and returns its records: DB.Read, or a
// transaction's Tx.Run.
type readFunc func(ctx context.Context, cypher string, params map[string]any) ([]Record, error)

// count runs a statement that returns one row with n (through a
// transaction's Run or DB.Read) and returns n, 0 when there is no row.
func count(ctx context.Context, run readFunc, cypher string, params map[string]any) (int, error) {
	recs, err := run(ctx, cypher, params)
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

// retypable are the groups of edge types whose ids are unique across the
// group, so that reloading an edge of one type retypes the edge of another:
// the claim types (a claim's effect changed).
var retypable = [][]graph.RelType{
	{graph.RelWeakens, graph.RelStrengthens, graph.RelDrives},
}

// lookupTypes returns the types under which an edge of type t may already
// be stored: its group's (retypable), or t alone for an edge whose id names
// its type.
func lookupTypes(t graph.RelType) []graph.RelType {
	for _, group := range retypable {
		if slices.Contains(group, t) {
			return group
		}
	}
	return []graph.RelType{t}
}

func mustKnown(ok bool, name string) {
	if !ok {
		panic("dyad: label or type not in the fixed list: " + name)
	}
}
