package neo4j

import (
	"context"
	"errors"
	"fmt"
	"time"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/dyad-kg/dyad/graph"
)

// DefaultLockWait is how long a load waits for another load into the same
// database to finish before it gives up with an ECONFLICT error.
const DefaultLockWait = 2 * time.Minute

// lockConstraint makes MERGE of the lock node wait for a concurrent MERGE
// of the same node to end: without it, two loads could each create one.
const lockConstraint = "CREATE CONSTRAINT dyad_lock_id IF NOT EXISTS FOR (n:DyadLock) REQUIRE n.id IS UNIQUE"

// lockStatement takes the load lock: it merges the lock node, which holds
// the write lock on it (and on its constraint's index entry) until the
// transaction ends. The transaction never commits, so the node is never
// seen by anyone else, and a killed load's lock goes with its connection.
const lockStatement = "MERGE (l:DyadLock {id: 'load'}) SET l.since = datetime() RETURN l.id AS id"

// lockLoads takes the database's load lock, so that loads into one database
// run one at a time, even when --commit-every splits one into several
// transactions. It waits up to wait for a load in progress to finish, then
// gives up with an ECONFLICT error. unlock releases the lock.
func (db *DB) lockLoads(ctx context.Context, wait time.Duration) (unlock func(), err error) {
	if wait <= 0 {
		wait = DefaultLockWait
	}
	if err := db.ensureConstraint(ctx, "dyad_lock_id", lockConstraint); err != nil {
		return nil, fmt.Errorf("creating the load lock's constraint: %w", err)
	}
	s := db.session(ctx, driver.AccessModeWrite)
	bg := context.WithoutCancel(ctx)
	tx, err := s.BeginTransaction(ctx, driver.WithTxTimeout(0))
	if err != nil {
		_ = s.Close(bg)
		return nil, classify(err, Config{Database: db.database})
	}
	wctx, cancel := context.WithTimeout(ctx, wait)
	defer cancel()
	res, err := tx.Run(wctx, lockStatement, nil)
	if err == nil {
		_, err = res.Consume(wctx)
	}
	if err != nil {
		_ = tx.Rollback(bg)
		_ = s.Close(bg)
		switch {
		case errors.Is(ctx.Err(), context.Canceled):
			return nil, fmt.Errorf("waiting for the load lock, nothing written: %w", interrupted{ctx.Err()})
		case ctx.Err() != nil:
			return nil, fmt.Errorf("waiting for the load lock, nothing written: %w", ctx.Err())
		case errors.Is(wctx.Err(), context.DeadlineExceeded):
			return nil, graph.Errorf(graph.ECONFLICT,
				"another load into this database is still running after %s of waiting for it; nothing was written: run this load again when that one has finished", wait)
		}
		return nil, classify(err, Config{Database: db.database})
	}
	return func() {
		_ = tx.Rollback(bg)
		_ = s.Close(bg)
	}, nil
}

// ensureConstraint runs create unless a constraint or index called name
// exists.
func (db *DB) ensureConstraint(ctx context.Context, name, create string) error {
	have, err := db.schemaNames(ctx)
	if err != nil || have[name] {
		return err
	}
	return db.Exec(ctx, create, nil)
}

// schemaNames returns the names of the database's indexes (a constraint's
// backing index has the constraint's name).
func (db *DB) schemaNames(ctx context.Context) (map[string]bool, error) {
	recs, err := db.Read(ctx, "SHOW INDEXES YIELD name RETURN collect(name) AS names", nil)
	if err != nil {
		return nil, fmt.Errorf("reading schema: %w", err)
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
	return have, nil
}
