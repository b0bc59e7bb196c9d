package queries_test

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dyad-kg/dyad/internal/testenv"
	"github.com/dyad-kg/dyad/loader"
	"github.com/dyad-kg/dyad/queries"
)

// TestCatalogUsesIndexes checks with EXPLAIN that no catalog query scans
// every node: each starts from a uniqueness-constraint seek (or, for the
// claim-wide questions, a scan of one relationship type).
func TestCatalogUsesIndexes(t *testing.T) {
	db := testenv.Neo4j(t)
	ctx := context.Background()
	ds, err := loader.ReadEmbedded()
	require.NoError(t, err)
	_, err = loader.Load(ctx, db, ds, loader.Options{})
	require.NoError(t, err)
	for _, q := range queries.Catalog {
		t.Run(string(q.Name), func(t *testing.T) {
			p := q.Example
			require.NoError(t, q.Check(&p))
			for _, cypher := range []string{q.Cypher, q.GistCypher} {
				if cypher == "" {
					continue
				}
				ops, err := db.Explain(ctx, cypher, q.CypherParams(p))
				require.NoError(t, err)
				plan := strings.Join(ops, " ")
				assert.NotContains(t, plan, "AllNodesScan", "plan: %s", plan)
				assert.NotContains(t, plan, "NodeByLabelScan", "plan: %s", plan)
			}
		})
	}
}
