package neo4j

import (
	"embed"
	"fmt"
	"strings"
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

// Gist returns the Cypher of a causal question's gist, what dyad ask shows
// first: gist.cypher's comment, then statement (which binds p, a path from
// a cause to the object, before its final RETURN) with that RETURN replaced
// by gist.cypher's body, which groups and ranks the causes as package
// queries does. So the gist reads exactly the paths the question finds. It
// panics if statement has no RETURN.
func Gist(statement string) string {
	i := strings.LastIndex(statement, "\nRETURN ")
	if i < 0 {
		panic("neo4j: a gist needs a statement that ends in RETURN")
	}
	tail := Statement("gist")
	j := strings.Index(tail, "\nWITH ")
	return tail[:j+1] + statement[:i+1] + tail[j+1:]
}
