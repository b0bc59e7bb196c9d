package cli_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestExportNeo4jImport writes the small dataset's import files and checks
// that import.sh is valid sh naming every CSV file written, and the
// command's errors.
func TestExportNeo4jImport(t *testing.T) {
	t.Setenv("DYAD_DATA", "")
	dir := filepath.Join(t.TempDir(), "out")
	code, _, stderr := run(t, "export", "neo4j-import", "--data", "../../testdata/small", "-o", dir)
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stderr, "neo4j-admin database import full neo4j --overwrite-destination=true")
	script, err := os.ReadFile(filepath.Join(dir, "import.sh"))
	require.NoError(t, err)
	csvs, err := filepath.Glob(filepath.Join(dir, "*.csv"))
	require.NoError(t, err)
	require.NotEmpty(t, csvs)
	for _, f := range csvs {
		assert.Contains(t, string(script), `=$here/`+filepath.Base(f)+`"`)
	}
	assert.Contains(t, string(script), `"$db"`)
	out, err := exec.Command("sh", "-n", filepath.Join(dir, "import.sh")).CombinedOutput()
	assert.NoError(t, err, "%s", out)
	readme, err := os.ReadFile(filepath.Join(dir, "README.md"))
	require.NoError(t, err)
	assert.Contains(t, string(readme), "| nodes-State.csv | State |")

	code, _, stderr = run(t, "export", "neo4j-import", "--data", "../../testdata/small")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "needs -o DIR")
	file := filepath.Join(t.TempDir(), "f")
	require.NoError(t, os.WriteFile(file, nil, 0o644))
	code, _, stderr = run(t, "export", "neo4j-import", "--data", "../../testdata/small", "-o", file)
	assert.Equal(t, 1, code)
	assert.True(t, strings.Contains(stderr, "is a file: give a folder"), stderr)
}
