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

// TestReadDirTolerates checks what a dataset folder may hold besides
// dataset files: a byte-order mark, CRLF line ends, other tools' hidden
// folders.
func TestReadDirTolerates(t *testing.T) {
	dir := t.TempDir()
	src := "\xef\xbb\xbfstates:\r\n  - {id: RUS, name: Russia}\r\n"
	require.NoError(t, os.WriteFile(filepath.Join(dir, "states.yaml"), []byte(src), 0o644))
	require.NoError(t, os.MkdirAll(filepath.Join(dir, ".github", "workflows"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, ".github", "workflows", "ci.yaml"), []byte("on: push\n"), 0o644))
	ds, err := loader.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, ds.States, 1)
}

// TestReadDirUnreadable reports a file that cannot be read at its position,
// with the other problems.
func TestReadDirUnreadable(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.Symlink("b.yaml", filepath.Join(dir, "a.yaml")))
	require.NoError(t, os.Symlink("a.yaml", filepath.Join(dir, "b.yaml")))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "c.yaml"), []byte("states: [{id: rus, name: R}]\n"), 0o644))
	_, err := loader.ReadDir(dir)
	var list graph.ErrorList
	require.True(t, errors.As(err, &list), "got %v", err)
	require.Len(t, list, 3)
	assert.Equal(t, filepath.Join(dir, "a.yaml")+":1:1: cannot read the file: too many levels of symbolic links", list[0].Error())
	assert.Contains(t, list[2].Error(), "c.yaml:1:15: id: invalid value")
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
