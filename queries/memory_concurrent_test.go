package queries_test

import (
	"context"
	"encoding/json"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dyad-kg/dyad/internal/gen"
	"github.com/dyad-kg/dyad/queries"
)

// TestMemoryConcurrentFirstUse asks every catalog question from several
// goroutines at once of a Memory that has answered nothing yet, so that
// they build its lazily built parts together (the entities, the chain
// index, the claims' steps, the sources described), and checks that each
// answer is the one a Memory asked alone gives. Under -race it also shows
// that building them together does not race.
func TestMemoryConcurrentFirstUse(t *testing.T) {
	ctx := context.Background()
	ds := gen.Dataset(gen.ForElements(10_000, 1))
	params := largeParams(ds)
	alone := queries.NewMemory(ds)
	want := map[queries.Name]string{}
	for _, q := range queries.Catalog {
		ans, err := queries.Run(ctx, alone, q.Name, params(q))
		if err != nil {
			continue // a question this dataset cannot answer (as in the benchmark)
		}
		want[q.Name] = jsonOf(t, ans)
	}
	require.Contains(t, want, queries.Causes)
	require.Contains(t, want, queries.Regions)

	together := queries.NewMemory(ds)
	var wg sync.WaitGroup
	got := make([]map[queries.Name]string, 4)
	for i := range got {
		got[i] = map[queries.Name]string{}
		wg.Go(func() {
			// each goroutine in its own order, so that different
			// questions build the shared parts first
			for j := range queries.Catalog {
				q := queries.Catalog[(j+i*5)%len(queries.Catalog)]
				if _, ok := want[q.Name]; !ok {
					continue
				}
				ans, err := queries.Run(ctx, together, q.Name, params(q))
				if err != nil {
					t.Error(err)
					return
				}
				b, err := json.MarshalIndent(ans, "", " ") // as jsonOf, which may not fail the test from here
				if err != nil {
					t.Error(err)
					return
				}
				got[i][q.Name] = string(b)
			}
		})
	}
	wg.Wait()
	for i := range got {
		require.Equal(t, want, got[i], "goroutine %d", i)
	}
}
