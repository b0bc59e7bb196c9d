// Package graph is Dyad's domain model: the states, regions, disputes,
// events, stances, factors, bilateral relations and sources that analysts
// curate, and the sourced influence claims that link them.
//
// A Dataset holds the curated facts as typed records. Validate checks a
// Dataset for the mistakes a schema cannot see (references to ids that do not
// exist, edges between the wrong kinds of node, impossible periods) and
// reports every problem at once as an ErrorList of positioned errors.
// Elements turns a Dataset into the labelled property graph that Dyad loads
// into Neo4j and exports as GraphML: the same nodes, edges and properties
// whichever backend holds them.
//
// The package knows nothing of YAML, Neo4j or GraphML; see packages loader and
// queries for those.
package graph
