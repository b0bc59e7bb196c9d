// Package loader reads a Dyad dataset from YAML, validates it, and loads it
// into Neo4j.
//
// Read and ReadDir turn a folder of YAML files into a *graph.Dataset,
// checking every file against the dataset's JSON Schema and then the dataset
// as a whole (graph.Dataset.Validate). Every problem is reported at once, as
// a graph.ErrorList of file:line:col messages.
//
// Load writes a dataset to Neo4j in parameterised, batched UNWIND statements
// in one transaction: all or nothing, and idempotent. Options.CommitEvery
// splits a load too large for the server's transaction memory.
package loader
