package cli_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/dyad-kg/dyad/internal/testenv"
)

// TestNeo4jDatabaseRefused checks, against a real Neo4j, that every command
// that talks to Neo4j answers a database it cannot use (Neo4j's system
// database, one that does not exist) with one clear line and the exit code
// of its error, never Neo4j's raw error or the password.
func TestNeo4jDatabaseRefused(t *testing.T) {
	cfg := testenv.Neo4jConfig(t)
	commands := map[string][]string{
		"ask":     {"ask", "--backend", "neo4j", "What weakened Russia–Japan ties?"},
		"export":  {"export", "graphml", "--from", "neo4j"},
		"load":    {"load", "--data", "../../testdata/small"},
		"dry run": {"load", "--dry-run", "--data", "../../testdata/small"},
	}
	system := `dyad: neo4j database is the system database: "%s" is Neo4j's administration database and holds no graph ` +
		"(set NEO4J_DATABASE or --database to a user database such as neo4j)\n"
	tests := []struct {
		database string
		code     int
		line     string
	}{
		{"system", 2, strings.Replace(system, "%s", "system", 1)},
		{"SYSTEM", 2, strings.Replace(system, "%s", "SYSTEM", 1)},
		{"no-such-database", 1, `dyad: neo4j database not found: "no-such-database" (set NEO4J_DATABASE to an existing database)` + "\n"},
	}
	for _, tt := range tests {
		for name, args := range commands {
			t.Run(tt.database+"/"+name, func(t *testing.T) {
				isolate(t)
				t.Setenv("NEO4J_URI", cfg.URI)
				t.Setenv("NEO4J_USERNAME", cfg.Username)
				t.Setenv("NEO4J_PASSWORD", cfg.Password)
				t.Setenv("NEO4J_DATABASE", tt.database)
				code, out, errOut := run(t, args...)
				assert.Equal(t, tt.code, code, "stderr: %s", errOut)
				assert.Empty(t, out)
				assert.Equal(t, tt.line, errOut, "one line, nothing else")
				assert.NotContains(t, errOut, cfg.Password, "no password")
				assert.NotContains(t, errOut, "Neo.ClientError", "no raw Neo4j error")
			})
		}
	}
}
