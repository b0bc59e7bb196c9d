package queries

import (
	"strings"

	"github.com/dyad-kg/dyad/graph"
)

// ClaimIDs is the ids of a chain's or a loop's claims (graph edges or
// dataset claims), in order, joined by ">" as chainIDs joins a finding's:
// the one form in which the tests, inside the package and out, compare
// sequences of claims.
func ClaimIDs[T *graph.Edge | *graph.Claim](cs []T) string {
	ids := make([]string, len(cs))
	for i, c := range cs {
		switch c := any(c).(type) {
		case *graph.Edge:
			ids[i] = c.ID
		case *graph.Claim:
			ids[i] = c.ID
		}
	}
	return strings.Join(ids, ">")
}
