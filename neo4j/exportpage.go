package neo4j

import (
	"context"
	"fmt"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// exportPage is how many elements one page of an export holds: one record
// carrying a list of that many rows. One record per element costs the
// driver a few reads, each with a timer and a goroutine of its own (the
// server's connection.recv_timeout_seconds hint), more than decoding the
// element; one record per page costs that once per page.
var exportPage = 5000

// pagedScan reads the elements of one label or type in id order, a page at
// a time, from the id index of a uniqueness constraint: each page is an
// index seek past the last id of the one before, so the server neither
// sorts nor holds more than a page.
type pagedScan struct {
	// match is the MATCH clause (with its index hint for relationships),
	// v the variable of the element whose id orders the pages.
	match, v string
	// where holds further conditions (" AND ...") and with the variables
	// the projection needs.
	where, with string
	// row is the list expression one element becomes.
	row    string
	params map[string]any
}

// query is the statement that reads one page: the first (after no id) or
// the one after $after.
func (s pagedScan) query(first bool) string {
	cond := fmt.Sprintf("%s.id > $after", s.v)
	if first {
		cond = fmt.Sprintf("%s.id IS NOT NULL", s.v)
	}
	return fmt.Sprintf("%s WHERE %s%s WITH %s ORDER BY %s.id LIMIT $page RETURN collect(%s) AS rows",
		s.match, cond, s.where, s.with, s.v, s.row)
}

// each calls fn with every row, in id order, the first value of a row being
// the element's id. Pages are read by a goroutine one page ahead of fn, in
// one read transaction (retried from the last page fn got, should the
// driver retry it), so that the server reads the next page while fn
// writes this one; memory holds at most three pages.
func (db *DB) eachPaged(ctx context.Context, s pagedScan, fn func(row []any) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	pages := make(chan []any, 1)
	done := make(chan error, 1)
	go func() {
		defer close(pages)
		done <- db.readPages(ctx, s, pages)
	}()
	var ferr error
	for rows := range pages {
		if ferr != nil {
			continue // drain, so that the reader stops
		}
		for _, r := range rows {
			row, _ := r.([]any)
			if ferr = fn(row); ferr != nil {
				cancel()
				break
			}
		}
	}
	if err := <-done; ferr == nil && err != nil {
		return err
	}
	return ferr
}

// readPages sends every page of s to pages, stopping at the first short one.
func (db *DB) readPages(ctx context.Context, s pagedScan, pages chan<- []any) error {
	params := map[string]any{"page": int64(exportPage)}
	for k, v := range s.params {
		params[k] = v
	}
	var after any // the last id sent, kept across the driver's retries
	sess := db.session(ctx, driver.AccessModeRead)
	defer func() { _ = sess.Close(ctx) }()
	_, err := sess.ExecuteRead(ctx, func(tx driver.ManagedTransaction) (any, error) {
		for {
			params["after"] = after
			res, err := tx.Run(ctx, s.query(after == nil), params)
			if err != nil {
				return nil, err
			}
			rec, err := res.Single(ctx)
			if err != nil {
				return nil, err
			}
			rows, _ := rec.Values[0].([]any)
			if len(rows) == 0 {
				return nil, nil
			}
			select {
			case pages <- rows:
			case <-ctx.Done():
				return nil, ctx.Err()
			}
			last, _ := rows[len(rows)-1].([]any)
			after = last[0]
			if len(rows) < exportPage {
				return nil, nil
			}
		}
	})
	return classify(err, Config{Database: db.database})
}

// uniqueIDs reports whether the label or relationship type name (entity
// "NODE" or "RELATIONSHIP") has an online uniqueness constraint on id, as
// Schema creates: the index eachPaged seeks in, and the guarantee that no
// two elements share an id (paging past the last id would skip the second).
func (db *DB) uniqueIDs(ctx context.Context, entity, name string) (bool, error) {
	q := "SHOW RANGE INDEXES YIELD entityType, labelsOrTypes, properties, state, owningConstraint" +
		" WHERE entityType = $entity AND labelsOrTypes = [$name] AND properties = ['id'] AND state = 'ONLINE' AND owningConstraint IS NOT NULL" +
		" RETURN count(*) AS n"
	found := false
	err := db.Stream(ctx, q, map[string]any{"entity": entity, "name": name}, func(r []any) error {
		n, _ := r[0].(int64)
		found = n > 0
		return nil
	})
	return found, err
}
