package neo4j

import (
	"context"
	"fmt"
	"time"
)

// A load split by LoadOptions.CommitEvery makes its elements visible a
// transaction at a time: a question asked meanwhile, or after such a load
// failed part-way, sees part of the dataset. So that nobody reads such a
// graph without being told, the load keeps one (:DyadLoadState {id:
// 'load'}) node while it runs: its first transaction creates it, each
// commit records how far it got (in the same transaction as the elements,
// so the node never says more or less than what is visible), and the load
// deletes it once everything, prune included, is committed. A load that
// stops part-way leaves it, and the next load that completes deletes it.
// The node has no dyad property and no registered label, so questions,
// exports, prune and stats never see it; LoadState reads it.

// loadStateBegin records a split load's start, in its first transaction.
const loadStateBegin = "MERGE (s:DyadLoadState {id: 'load'}) " +
	"SET s.started = datetime(), s.updated = datetime(), s.total = $total, s.committed = 0, s.transactions = 0"

// loadStateCommit records, in the transaction about to commit, how many
// elements the load will have committed with it, and whether they are all
// of them with the load's batched prune to follow ($pruning).
const loadStateCommit = "MATCH (s:DyadLoadState {id: 'load'}) " +
	"SET s.updated = datetime(), s.committed = $committed, s.transactions = s.transactions + 1 + $concurrent, s.pruning = $pruning"

// loadStateEnd deletes the record: the graph holds the whole dataset.
const loadStateEnd = "MATCH (s:DyadLoadState {id: 'load'}) DELETE s"

// loadStateRead reads the record, if any.
const loadStateRead = "MATCH (s:DyadLoadState {id: 'load'}) " +
	"RETURN s.started AS started, s.updated AS updated, s.total AS total, s.committed AS committed, s.transactions AS transactions, " +
	"s.pruning AS pruning"

// LoadState describes a load split by CommitEvery that is running, or that
// stopped before committing everything: the graph holds Committed of its
// Total elements (with whatever the database held before).
type LoadState struct {
	Started, Updated          time.Time
	Total, Committed, Commits int
	// Pruning is set once every element is committed and the load's
	// batched prune (--prune) is removing what the dataset no longer has.
	Pruning bool
}

// String says what the graph holds and what to do, in one line.
func (s *LoadState) String() string {
	if s.Pruning {
		return fmt.Sprintf("the graph may still hold what the dataset no longer has: a load split into transactions (--commit-every) started %s "+
			"committed all its %d %s in %d %s by %s and is removing the rest (--prune); it is still running, or it stopped part-way "+
			"(then run it again to complete it), so answers may include what it has not removed yet",
			s.Started.UTC().Format("2006-01-02 15:04:05 UTC"), s.Total, plural(s.Total, "element"),
			s.Commits, plural(s.Commits, "transaction"), s.Updated.UTC().Format("15:04:05 UTC"))
	}
	return fmt.Sprintf("the graph may be incomplete: a load split into transactions (--commit-every) started %s "+
		"and had committed %d of its %d %s in %d %s by %s; it is still running, or it stopped part-way "+
		"(then run it again to complete it), so answers may miss what it has not written",
		s.Started.UTC().Format("2006-01-02 15:04:05 UTC"), s.Committed, s.Total, plural(s.Total, "element"),
		s.Commits, plural(s.Commits, "transaction"), s.Updated.UTC().Format("15:04:05 UTC"))
}

// plural is noun, with an s unless n is 1.
func plural(n int, noun string) string {
	if n == 1 {
		return noun
	}
	return noun + "s"
}

// LoadState returns the state a split load left in the database, or nil
// when the last load completed (or none was ever split).
func (db *DB) LoadState(ctx context.Context) (*LoadState, error) {
	recs, err := db.Read(ctx, loadStateRead, nil)
	if err != nil || len(recs) == 0 {
		return nil, err
	}
	r := recs[0]
	s := &LoadState{Total: toInt(r["total"]), Committed: toInt(r["committed"]), Commits: toInt(r["transactions"])}
	s.Pruning, _ = r["pruning"].(bool)
	s.Started, _ = r["started"].(time.Time)
	s.Updated, _ = r["updated"].(time.Time)
	return s, nil
}

// beginLoadState records the start of a split load in tx.
func beginLoadState(ctx context.Context, tx *Tx, total int) error {
	_, err := tx.Run(ctx, loadStateBegin, map[string]any{"total": int64(total)})
	return err
}

// commitLoadState records in tx that committing it brings the load to
// committed elements, in concurrent more transactions committed since the
// last record (Writers); pruning, that they are all of them and the load's
// batched prune comes next.
func commitLoadState(ctx context.Context, tx *Tx, committed, concurrent int, pruning bool) error {
	_, err := tx.Run(ctx, loadStateCommit, map[string]any{"committed": int64(committed), "concurrent": int64(concurrent), "pruning": pruning})
	return err
}

// endLoadState deletes the record in tx.
func endLoadState(ctx context.Context, tx *Tx) error {
	_, err := tx.Run(ctx, loadStateEnd, nil)
	return err
}
