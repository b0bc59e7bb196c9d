package neo4j

import "context"

// SetExportPaging sets the page size, the number of concurrent readers,
// how many pages each may read ahead, and the size of the pieces of
// Export (and the page size of EachNode and EachEdge) for a test, and returns the function
// that restores them.
func SetExportPaging(page, readers, ahead, split int) (restore func()) {
	oldPage, oldReaders, oldAhead, oldSplit := exportPage, exportReaders, exportAhead, exportSplit
	exportPage, exportReaders, exportAhead, exportSplit = page, readers, ahead, split
	return func() { exportPage, exportReaders, exportAhead, exportSplit = oldPage, oldReaders, oldAhead, oldSplit }
}

// PagesRead returns how many pages the paged reads have read so far.
func PagesRead() int64 { return pagesRead.Load() }

// SetExportEndsMax sets the most nodes for which an Export keeps their
// element ids, for tests of both ways of reading the edges' ends; restore
// puts it back.
func SetExportEndsMax(n int) (restore func()) {
	old := exportEndsMax
	exportEndsMax = n
	return func() { exportEndsMax = old }
}

// AutoCommit runs one statement in an auto-commit transaction, as a split
// load's concurrent writes do, for tests of those statements.
func (db *DB) AutoCommit(ctx context.Context, cypher string, params map[string]any) ([]Record, error) {
	return db.autoCommit(ctx, cypher, params)
}
