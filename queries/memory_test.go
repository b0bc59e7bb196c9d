package queries_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/queries"
	"github.com/dyad-kg/dyad/queries/querytest"
)

func TestMemoryConformance(t *testing.T) {
	querytest.TestAll(t, func(t *testing.T, ds *graph.Dataset) queries.Backend {
		return queries.NewMemory(ds)
	}, querytest.Reference)
}

func TestRunNotFound(t *testing.T) {
	b := queries.NewMemory(querytest.SmallDataset(t))
	tests := []struct {
		name   string
		query  queries.Name
		params queries.Params
		want   string
	}{
		{"unknown state", queries.Weakened, queries.Params{A: "RUS", B: "XXX"}, `no state "XXX" in the graph`},
		{"not a state", queries.Disputes, queries.Params{A: "rfe"}, `no state "rfe" in the graph`},
		{"no relation", queries.Weakened, queries.Params{A: "RUS", B: "KAZ"}, "the graph has no relation between Russia and Kazakhstan"},
		{"unknown node", queries.Paths, queries.Params{Node: "nope"}, `no region, dispute, event, stance, factor or organization "nope"`},
		{"unknown source", queries.SourceClaims, queries.Params{Source: "RUS"}, `no source "RUS"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := queries.Run(context.Background(), b, tt.query, tt.params)
			require.Error(t, err)
			assert.ErrorIs(t, err, queries.ErrNotFound)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}
