// Package queries answers Dyad's catalog of questions about bilateral
// relations, with evidence, from either of two backends that give the same
// answers: the in-memory graph built from a dataset (NewMemory) and Neo4j
// (NewNeo4j).
//
// Each question in Catalog is named, documented and has Cypher of its own
// (an embedded .cypher file) that a user can paste into Neo4j Browser with
// the parameters Query.CypherParams returns (ParamCommand writes them as a
// Browser :param command). Run answers a question as an Answer:
// a list of Findings, each carrying its evidence (source, locator, argued or
// reported), its period and, for indirect causes, the chain of claims that
// links it to the relation.
//
// Parse turns a plain-English question ("What factors weakened
// Russia–Japan ties?") into a Request, resolving names, aliases, capitals
// and adjectives, without any language model.
package queries
