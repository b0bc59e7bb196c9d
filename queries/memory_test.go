package queries_test

import (
	"testing"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/queries"
	"github.com/dyad-kg/dyad/queries/querytest"
)

func TestMemoryConformance(t *testing.T) {
	querytest.TestAll(t, func(t *testing.T, ds *graph.Dataset) queries.Backend {
		return queries.NewMemory(ds)
	})
}
