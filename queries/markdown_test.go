package queries_test

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dyad-kg/dyad/queries"
	"github.com/dyad-kg/dyad/queries/querytest"
)

// TestWriteMarkdown pins the markdown report of two answers on the small
// fixture: one with a gist, one without (the timeline).
func TestWriteMarkdown(t *testing.T) {
	b := queries.NewMemory(querytest.SmallDataset(t))
	ents, err := b.Entities(context.Background())
	require.NoError(t, err)
	for _, tt := range []struct {
		name string
		q    queries.Name
		p    queries.Params
	}{
		{"weakened", queries.Weakened, queries.Params{A: "RUS", B: "JPN"}},
		{"timeline", queries.Timeline, queries.Params{A: "RUS", B: "JPN"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ans, err := queries.Run(context.Background(), b, tt.q, tt.p)
			require.NoError(t, err)
			var buf bytes.Buffer
			require.NoError(t, queries.WriteMarkdown(&buf, ans, queries.TextOptions{Entities: ents, Where: "from the fixture"}))
			path := filepath.Join("testdata", "markdown-"+tt.name+".md")
			if f := flag.Lookup("update"); f != nil && f.Value.String() == "true" {
				require.NoError(t, os.MkdirAll("testdata", 0o755))
				require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err, "run go test ./queries -run TestWriteMarkdown -update")
			require.Equal(t, string(want), buf.String())
		})
	}
}
