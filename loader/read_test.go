package loader_test

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/loader"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata")

// TestReadBroken reads each broken dataset under testdata/broken and
// compares the full report with its golden file.
func TestReadBroken(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join("testdata", "broken", "*"))
	require.NoError(t, err)
	var cases []string
	for _, d := range dirs {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			cases = append(cases, d)
		}
	}
	require.NotEmpty(t, cases)
	for _, dir := range cases {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			ds, err := loader.ReadDir(dir)
			require.Error(t, err, "a broken dataset must not validate")
			assert.Nil(t, ds)
			assert.ErrorIs(t, err, graph.ErrInvalid)
			var list graph.ErrorList
			require.True(t, errors.As(err, &list), "want a graph.ErrorList, got %T", err)
			got := filepath.ToSlash(err.Error()) + "\n"
			checkGolden(t, dir+".golden", got)
		})
	}
}

func checkGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "missing golden file; run go test ./loader -update")
	assert.Equal(t, string(want), got)
}

func TestReadEmbedded(t *testing.T) {
	ds, err := loader.ReadEmbedded()
	require.NoError(t, err)
	assert.NotEmpty(t, ds.Sources)
}

func TestReadDirErrors(t *testing.T) {
	tests := []struct {
		name string
		dir  string
		want string
	}{
		{"missing folder", filepath.Join(t.TempDir(), "nope"), "dataset folder"},
		{"no yaml files", t.TempDir(), "no dataset files"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := loader.ReadDir(tt.dir)
			require.Error(t, err)
			assert.True(t, strings.Contains(err.Error(), tt.want), err.Error())
		})
	}
}
