package cli_test

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dyad-kg/dyad/internal/testenv"
	"github.com/dyad-kg/dyad/neo4j"
)

// TestNeo4jWarnsOfPartLoad checks, on a real Neo4j, that ask and export
// say in one line on stderr when the graph holds part of a load split by
// --commit-every (the state such a load leaves while it runs, or when it
// stops part-way), still answer on stdout, and stop saying it once a load
// has completed the graph.
func TestNeo4jWarnsOfPartLoad(t *testing.T) {
	db := testenv.Neo4j(t)
	testenv.Wipe(t, db)
	cfg := testenv.Neo4jConfig(t)
	isolate(t)
	t.Setenv("NEO4J_URI", cfg.URI)
	t.Setenv("NEO4J_USERNAME", cfg.Username)
	t.Setenv("NEO4J_PASSWORD", cfg.Password)
	load := []string{"load", "--data", "../../testdata/small"}
	code, _, errOut := run(t, load...)
	require.Equal(t, 0, code, errOut)
	commands := map[string][]string{
		"ask":    {"ask", "--backend", "neo4j", "What weakened Russia–Japan ties?"},
		"export": {"export", "graphml", "--from", "neo4j"},
	}
	check := func(t *testing.T, warned bool) {
		for name, args := range commands {
			code, out, errOut := run(t, args...)
			assert.Equal(t, 0, code, "%s: %s", name, errOut)
			assert.NotEmpty(t, out, name)
			if !warned {
				assert.Empty(t, errOut, name)
				continue
			}
			lines := strings.Split(strings.TrimSuffix(errOut, "\n"), "\n")
			require.Len(t, lines, 1, "%s: one line: %q", name, errOut)
			assert.Regexp(t, `^dyad: warning: the graph may be incomplete: a load split into transactions \(--commit-every\) started \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC and had committed 40 of its 82 elements in 5 transactions by \d\d:\d\d:\d\d UTC; .*run it again to complete it`, lines[0], name)
		}
	}
	check(t, false)
	// What a split load writes with its 5th commit (neo4j/loadstate.go).
	err := db.Write(context.Background(), true, func(tx *neo4j.Tx) error {
		_, err := tx.Run(context.Background(), "CREATE (:DyadLoadState {id: 'load', started: datetime(), updated: datetime(), total: 82, committed: 40, transactions: 5})", nil)
		return err
	})
	require.NoError(t, err)
	check(t, true)
	code, _, errOut = run(t, load...)
	require.Equal(t, 0, code, errOut)
	check(t, false)
}
