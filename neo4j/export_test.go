package neo4j



// SetExportPaging sets the page size and the number of concurrent readers
// of Export, EachNode and EachEdge for a test, and returns the function
// that restores them.
func SetExportPaging(page, readers int) (restore func()) {
	oldPage, oldReaders := exportPage, exportReaders
	exportPage, exportReaders = page, readers
	return func() { exportPage, exportReaders = oldPage, oldReaders }
}

// PagesRead returns how many pages the paged reads have read so far.
func PagesRead() int64 { return pagesRead.Load() }

