package neo4j

import (
	"strings"

	"github.com/dyad-kg/dyad/graph"
)

// ErrTransactionMemory means the server refused a transaction more memory:
// one transaction's cap (db.memory.transaction.max) or the cap of all
// transactions together (dbms.memory.transaction.total.max, 70% of the
// heap by default) was reached.
var ErrTransactionMemory = graph.Sentinel(graph.EUNAVAILABLE, "neo4j ran out of transaction memory")

// transactionMemoryHint is what to do about ErrTransactionMemory, in one
// line.
const transactionMemoryHint = "split the load with --commit-every N (e.g. 50000, or a smaller N; a prune then deletes in batches too), " +
	"or give transactions more memory: raise db.memory.transaction.max and dbms.memory.transaction.total.max, " +
	"or the heap (server.memory.heap.max_size; NEO4J_HEAP for scripts/neo4j)"

// isTransactionMemory reports whether a Neo4j status code is one of the
// transaction memory errors: Neo.TransientError.General.MemoryPoolOutOfMemoryError,
// ...TransactionMemoryLimit, ...TransactionOutOfMemoryError (the names have
// changed between versions).
func isTransactionMemory(code string) bool {
	for _, s := range []string{"MemoryPoolOutOfMemoryError", "TransactionMemoryLimit", "TransactionOutOfMemoryError"} {
		if strings.Contains(code, s) {
			return true
		}
	}
	return false
}
