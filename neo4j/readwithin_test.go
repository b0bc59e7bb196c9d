package neo4j_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/internal/testenv"
	"github.com/dyad-kg/dyad/neo4j"
)

// TestReadWithin checks that a read past its time limit is stopped by the
// server and comes back as ErrTimedOut (code EUNAVAILABLE), and that a read
// within it answers.
func TestReadWithin(t *testing.T) {
	db := testenv.Neo4j(t)
	ctx := context.Background()
	recs, err := db.ReadWithin(ctx, 10*time.Second, "RETURN $n AS n", map[string]any{"n": 1})
	require.NoError(t, err)
	require.Equal(t, []neo4j.Record{{"n": int64(1)}}, recs)
	// A billion rows take far longer than 200 ms on any machine.
	_, err = db.ReadWithin(ctx, 200*time.Millisecond, "UNWIND range(1, 1000000000) AS x RETURN count(x) AS n", nil)
	require.ErrorIs(t, err, neo4j.ErrTimedOut)
	require.Equal(t, graph.EUNAVAILABLE, graph.ErrorCode(err))
	require.Contains(t, err.Error(), "Neo.ClientError.Transaction.TransactionTimedOut")
}
