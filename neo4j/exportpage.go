package neo4j

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/dyad-kg/dyad/graph"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// exportPage is how many elements one page of an export holds: one record
// carrying a list of that many rows. One record per element costs the
// driver a few reads, each with a timer and a goroutine of its own (the
// server's connection.recv_timeout_seconds hint), more than decoding the
// element; one record per page costs that once per page.
var exportPage = 5000

// pagesRead counts the pages read, for the tests.
var pagesRead atomic.Int64

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
	// from and to, when not nil, bound the ids read: from <= id < to.
	from, to any
}

// query is the statement that reads one page: the first (after no id) or
// the one after $after.
func (s pagedScan) query(first bool) string {
	cond := s.v + ".id > $after"
	switch {
	case !first:
	case s.from != nil:
		cond = s.v + ".id >= $lo"
	default:
		cond = s.v + ".id IS NOT NULL"
	}
	if s.to != nil {
		cond += " AND " + s.v + ".id < $hi"
	}
	return fmt.Sprintf("%s WHERE %s%s WITH %s ORDER BY %s.id LIMIT $page RETURN collect(%s) AS rows",
		s.match, cond, s.where, s.with, s.v, s.row)
}

// split returns s as pieces that read from one bound to the next, in
// order: together they read what s reads.
func (s pagedScan) split(bounds []any) []pagedScan {
	out := make([]pagedScan, 0, len(bounds)+1)
	from := s.from
	for _, b := range bounds {
		if b == nil { // not an id (range() gives its start even past its end)
			continue
		}
		p := s
		p.from, p.to = from, b
		out = append(out, p)
		from = b
	}
	s.from = from
	return append(out, s)
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
	params := map[string]any{"page": int64(exportPage), "lo": s.from, "hi": s.to}
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
			pagesRead.Add(1)
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

// uniqueIDs returns the labels and relationship types ("NODE:State",
// "RELATIONSHIP:WEAKENS") whose id has an online uniqueness constraint, as
// Schema creates: the index eachPaged seeks in, and the guarantee that no
// two elements share an id (paging past the last id would skip the second).
// A user not allowed to list indexes gets none: the export streams.
func (db *DB) uniqueIDs(ctx context.Context) (map[string]bool, error) {
	q := "SHOW RANGE INDEXES YIELD entityType, labelsOrTypes, properties, state, owningConstraint" +
		" WHERE size(labelsOrTypes) = 1 AND properties = ['id'] AND state = 'ONLINE' AND owningConstraint IS NOT NULL" +
		" RETURN entityType + ':' + labelsOrTypes[0] AS name"
	sess := db.session(ctx, driver.AccessModeRead)
	defer func() { _ = sess.Close(ctx) }()
	names, err := sess.ExecuteRead(ctx, func(tx driver.ManagedTransaction) (any, error) {
		res, err := tx.Run(ctx, q, nil)
		if err != nil {
			return nil, err
		}
		recs, err := res.Collect(ctx)
		unique := map[string]bool{}
		for _, r := range recs {
			name, _ := r.Values[0].(string)
			unique[name] = true
		}
		return unique, err
	})
	var nerr *driver.Neo4jError
	if errors.As(err, &nerr) && strings.HasPrefix(nerr.Code, "Neo.ClientError.Security.Forbidden") {
		return map[string]bool{}, nil
	}
	if err != nil {
		return nil, classify(err, Config{Database: db.database})
	}
	return names.(map[string]bool), nil
}

// exportEndsMax is the most nodes for which an Export keeps their element
// ids (ends), about 100 bytes each: past it, the edges' ends are read from
// the nodes on the server, and the client's memory stays flat.
var exportEndsMax = 250_000

// exportEnds returns the ends an Export of f fills, or nil when the edges'
// ends are to be read from the nodes: for a selection of ids (sought from
// those nodes) and for a database of more than exportEndsMax nodes.
func (db *DB) exportEnds(ctx context.Context, f Filter) (*ends, error) {
	if f.IDs != nil {
		return nil, nil
	}
	n, err := count(ctx, db.Read, allNodes, nil)
	if err != nil || n > exportEndsMax {
		return nil, err
	}
	return newEnds(), nil
}

// exportReaders is how many scans an Export reads at once: the one being
// written and the next ones, each at most exportAhead pages ahead (so that
// the server reads the next labels and types on its other cores while the
// writer is still on a large one), which bounds memory at about
// exportReaders * (exportAhead+1) pages.
var exportReaders, exportAhead = 4, 2

// Export calls node with every Dyad node that f keeps, label by label in
// graph.Labels' order, each label's ordered by id, then edge with every
// Dyad edge that f keeps (both ends kept too), type by type in
// graph.RelTypes' order, each type's ordered by id: what EachNode and
// EachEdge give, label by label and type by type. Where the ids have their
// uniqueness constraints and f keeps every id, it reads up to
// exportReaders labels or types at once, each in pages on a connection of
// its own, and calls node and edge in the same order from this goroutine:
// memory holds a few pages per reader, however large the graph.
func (db *DB) Export(ctx context.Context, f Filter, node func(graph.Node) error, edge func(graph.Edge) error) error {
	e, err := db.exportEnds(ctx, f)
	if err != nil {
		return err
	}
	var scans []scan
	for _, l := range graph.Labels {
		scans = append(scans, nodeScan(l, f, e, node))
	}
	for _, t := range graph.RelTypes {
		scans = append(scans, edgeScan(t, f, e, edge))
	}
	unique := map[string]bool{}
	if f.IDs == nil {
		if unique, err = db.uniqueIDs(ctx); err != nil {
			return err
		}
	}
	pieces, err := db.exportPieces(ctx, scans, unique)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(ctx)
	readers := make([]*pageReader, len(pieces))
	for i, p := range pieces {
		if p.paged {
			readers[i] = &pageReader{pages: make(chan []any, exportAhead), done: make(chan error, 1)}
		}
	}
	var wg sync.WaitGroup
	defer func() { // stop the readers still going, and wait for them
		cancel()
		wg.Wait()
	}()
	wg.Add(1)
	go func() {
		defer wg.Done()
		db.startReaders(ctx, pieces, readers, &wg)
	}()
	for i, p := range pieces {
		sc := p.scan
		var err error
		if readers[i] == nil {
			err = db.runScan(ctx, sc, false)
		} else {
			err = readers[i].each(sc.emit)
		}
		if err != nil {
			kind := "nodes"
			if sc.entity == "RELATIONSHIP" {
				kind = "edges"
			}
			return fmt.Errorf("exporting %s %s: %w", sc.name, kind, err)
		}
	}
	return nil
}

// pageReader is one scan being read in pages by a goroutine of its own.
type pageReader struct {
	pages chan []any // closed after the last page
	done  chan error // then the reader's error, or nil
}

// startReaders starts the readers of the pieces in order, at most
// exportReaders at a time (a reader's slot is free once it has sent its
// last page), until ctx ends. Export takes the pieces' pages in the same
// order, so the oldest reader always moves on: none waits for ever.
func (db *DB) startReaders(ctx context.Context, pieces []piece, readers []*pageReader, wg *sync.WaitGroup) {
	slots := make(chan struct{}, exportReaders)
	for i, r := range readers {
		if r == nil {
			continue
		}
		select {
		case slots <- struct{}{}:
		case <-ctx.Done():
			for _, r := range readers[i:] {
				if r != nil {
					close(r.pages)
					r.done <- ctx.Err()
				}
			}
			return
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			err := db.readPages(ctx, pieces[i].scan.paged, r.pages)
			<-slots
			close(r.pages)
			r.done <- err
		}()
	}
}

// each calls emit with every row of every page r reads, then returns the
// reader's error; it returns emit's first error at once (Export then
// cancels the reader).
func (r *pageReader) each(emit func(row []any) error) error {
	for rows := range r.pages {
		for _, x := range rows {
			row, _ := x.([]any)
			if err := emit(row); err != nil {
				return err
			}
		}
	}
	return <-r.done
}

// exportSplit is how many elements (about) one piece of a label or type
// holds: Export reads the pieces of a large label or type at once as it
// reads different labels and types at once.
var exportSplit = 10000

// piece is a scan, or part of one (paged, between two ids), that one
// reader reads.
type piece struct {
	scan  scan
	paged bool
}

// exportPieces cuts each of the scans whose ids are unique into pieces
// of about exportSplit elements (by the ids that one statement finds every
// exportSplit places in each id index), and keeps the others whole; the
// pieces, in order, read what the scans read.
func (db *DB) exportPieces(ctx context.Context, scans []scan, unique map[string]bool) ([]piece, error) {
	var branches []string
	for _, sc := range scans {
		if !unique[sc.entity+":"+sc.name] {
			continue
		}
		match := fmt.Sprintf("MATCH (n:%s) WHERE n.id IS NOT NULL", sc.name)
		if sc.entity == "RELATIONSHIP" {
			match = fmt.Sprintf("MATCH ()-[n:%[1]s]->() USING INDEX n:%[1]s(id) WHERE n.id IS NOT NULL", sc.name)
		}
		branches = append(branches, match+" WITH n.id AS id ORDER BY id WITH collect(id) AS ids"+
			fmt.Sprintf(" RETURN '%s:%s' AS name, [i IN range($split, size(ids) - 1, $split) WHERE i < size(ids) | ids[i]] AS bounds", sc.entity, sc.name))
	}
	bounds := map[string][]any{}
	if len(branches) > 0 {
		err := db.Stream(ctx, "CALL { "+strings.Join(branches, " UNION ALL ")+" } RETURN name, bounds", map[string]any{"split": int64(exportSplit)},
			func(r []any) error {
				name, _ := r[0].(string)
				bounds[name], _ = r[1].([]any)
				return nil
			})
		if err != nil {
			return nil, err
		}
	}
	var out []piece
	for _, sc := range scans {
		if !unique[sc.entity+":"+sc.name] {
			out = append(out, piece{scan: sc})
			continue
		}
		for _, p := range sc.paged.split(bounds[sc.entity+":"+sc.name]) {
			part := sc
			part.paged = p
			out = append(out, piece{scan: part, paged: true})
		}
	}
	return out, nil
}
