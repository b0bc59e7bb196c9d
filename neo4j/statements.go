package neo4j

import (
	"embed"
	"fmt"
)

// The catalog's statements: one parameterised .cypher file per question
// (shared where two questions differ only in a parameter), and the look-ups
// the question layer makes. Package queries registers each question with
// the statement it runs; a user can paste any of them into Neo4j Browser.
//
//go:embed cypher/*.cypher
var cypherFS embed.FS

// Statement returns the Cypher of the statement named name, from
// neo4j/cypher/<name>.cypher. It panics for a name with no file: the
// catalog is fixed at build time, and a test reads every statement.
func Statement(name string) string {
	b, err := cypherFS.ReadFile("cypher/" + name + ".cypher")
	if err != nil {
		panic(fmt.Sprintf("neo4j: no statement %q: %v", name, err))
	}
	return string(b)
}
