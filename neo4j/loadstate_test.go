package neo4j_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/dyad-kg/dyad/neo4j"
)

// TestLoadStateString checks the warning's one line: the counts in
// agreeing words (one transaction, one element), both times in UTC.
func TestLoadStateString(t *testing.T) {
	started := time.Date(2026, 11, 29, 6, 15, 44, 0, time.FixedZone("CET", 3600))
	tests := []struct {
		total, committed, commits int
		want                      string
	}{
		{82, 5, 1, "committed 5 of its 82 elements in 1 transaction by 05:15:45 UTC;"},
		{82, 44, 7, "committed 44 of its 82 elements in 7 transactions by 05:15:45 UTC;"},
		{1, 1, 1, "committed 1 of its 1 element in 1 transaction by 05:15:45 UTC;"},
	}
	for _, tt := range tests {
		s := &neo4j.LoadState{Started: started, Updated: started.Add(time.Second), Total: tt.total, Committed: tt.committed, Commits: tt.commits}
		got := s.String()
		assert.Contains(t, got, tt.want)
		assert.Contains(t, got, "started 2026-11-29 05:15:44 UTC and had")
		assert.NotContains(t, got, "\n")
	}
	s := &neo4j.LoadState{Started: started, Updated: started.Add(time.Second), Total: 82, Committed: 82, Commits: 9, Pruning: true}
	assert.Contains(t, s.String(), "the graph may still hold what the dataset no longer has: a load split into transactions (--commit-every) started 2026-11-29 05:15:44 UTC committed all its 82 elements in 9 transactions by 05:15:45 UTC and is removing the rest (--prune);")
	assert.NotContains(t, s.String(), "may miss")
}
