package loader

import (
	"context"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/neo4j"
)

// DefaultBatchSize is the number of rows sent in one UNWIND statement.
const DefaultBatchSize = neo4j.DefaultBatchSize

// Marker is the property Dyad sets (to true) on every node and edge it
// writes, so that pruning never touches anything else in the database.
const Marker = neo4j.Marker

// Options control a Load; see neo4j.LoadOptions.
type Options = neo4j.LoadOptions

// Summary counts what a Load changed; see neo4j.Summary.
type Summary = neo4j.Summary

// Load validates ds (an invalid dataset writes nothing and returns its
// graph.ErrorList) and writes it to db in one transaction: nodes, then
// edges, in parameterised UNWIND batches grouped by label and type. Either
// everything is written or, on any error or cancellation, nothing is.
// Loading the same dataset twice gives the same graph: nodes and edges are
// merged on their ids and their properties replaced by the dataset's.
func Load(ctx context.Context, db *neo4j.DB, ds *graph.Dataset, opts Options) (Summary, error) {
	if errs := ds.Validate(); len(errs) > 0 {
		return Summary{}, errs
	}
	return db.Load(ctx, ds.Elements(), opts)
}

// LoadElements is Load for elements built some other way (a generated
// dataset, say); the same guarantees hold.
func LoadElements(ctx context.Context, db *neo4j.DB, el *graph.Elements, opts Options) (Summary, error) {
	return db.Load(ctx, el, opts)
}

// Schema creates the uniqueness constraints on every node label's id and
// the indexes the catalog queries use. It is idempotent (IF NOT EXISTS).
func Schema(ctx context.Context, db *neo4j.DB) error { return db.Schema(ctx) }
