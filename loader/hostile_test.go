package loader_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/loader"
)

const goodStates = "states:\n  - {id: RUS, name: Russia}\n"

// readDirSoon runs loader.ReadDir and fails the test, rather than hang it,
// if the reader blocks (as it did on a named pipe).
func readDirSoon(t *testing.T, dir string) (*graph.Dataset, error) {
	t.Helper()
	type result struct {
		ds  *graph.Dataset
		err error
	}
	done := make(chan result, 1)
	go func() {
		ds, err := loader.ReadDir(dir)
		done <- result{ds, err}
	}()
	select {
	case r := <-done:
		return r.ds, r.err
	case <-time.After(time.Minute):
		t.Fatal("ReadDir blocked for a minute: it must not open what it cannot read")
		return nil, nil
	}
}

// problems returns err's problems as lines, with dir cut off their paths.
func problems(t *testing.T, dir string, err error) []string {
	t.Helper()
	var list graph.ErrorList
	require.True(t, errors.As(err, &list), "want a graph.ErrorList, got %v", err)
	var out []string
	for _, e := range list {
		out = append(out, strings.TrimPrefix(e.Error(), dir+string(filepath.Separator)))
	}
	return out
}

// TestReadDirSpecialFiles checks that only regular files inside the dataset
// folder are read: a named pipe blocked the reader forever, a symbolic link
// to /dev/zero exhausted its memory, and links out of the folder were
// followed. Each is now reported at file:1:1 with the other problems.
func TestReadDirSpecialFiles(t *testing.T) {
	outside := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(outside, "secret.yaml"), []byte(goodStates), 0o644))
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a.yaml"), []byte(goodStates), 0o644))
	require.NoError(t, syscall.Mkfifo(filepath.Join(dir, "f.yaml"), 0o644))
	require.NoError(t, os.Symlink("/dev/zero", filepath.Join(dir, "z.yaml")))
	require.NoError(t, os.Symlink(filepath.Join(outside, "secret.yaml"), filepath.Join(dir, "out.yaml")))
	require.NoError(t, os.Symlink("missing.yaml", filepath.Join(dir, "dangling.yaml")))
	require.NoError(t, os.Mkdir(filepath.Join(dir, "sub"), 0o755))
	require.NoError(t, os.Symlink("sub", filepath.Join(dir, "folder.yaml")))
	_, err := readDirSoon(t, dir)
	assert.Equal(t, []string{
		"dangling.yaml:1:1: cannot read the file: a symbolic link to a file that does not exist",
		"f.yaml:1:1: not a regular file (a named pipe): only regular files are read",
		"folder.yaml:1:1: not a regular file (a folder): only regular files are read",
		"out.yaml:1:1: a symbolic link out of the dataset folder, or by an absolute path: only files inside the folder are read, through relative links",
		"z.yaml:1:1: a symbolic link out of the dataset folder, or by an absolute path: only files inside the folder are read, through relative links",
	}, problems(t, dir, err))
}

// TestReadDirSymlinkInside checks that a symbolic link to a file inside
// the folder is read.
func TestReadDirSymlinkInside(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.Mkdir(filepath.Join(dir, "kept"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "kept", "states.txt"), []byte(goodStates), 0o644))
	require.NoError(t, os.Symlink(filepath.Join("kept", "states.txt"), filepath.Join(dir, "states.yaml")))
	ds, err := readDirSoon(t, dir)
	require.NoError(t, err)
	assert.Len(t, ds.States, 1)
}

// TestReadDirTooLarge checks that a file over MaxFileSize is refused
// before it is read, with its size and the limit, and the other files
// are still checked.
func TestReadDirTooLarge(t *testing.T) {
	dir := t.TempDir()
	big, err := os.Create(filepath.Join(dir, "big.yaml"))
	require.NoError(t, err)
	require.NoError(t, big.Truncate(200<<20)) // sparse: 200 MiB that take no disk
	require.NoError(t, big.Close())
	require.NoError(t, os.WriteFile(filepath.Join(dir, "c.yaml"), []byte("states: [{id: rus, name: R}]\n"), 0o644))
	_, err = readDirSoon(t, dir)
	got := problems(t, dir, err)
	require.Len(t, got, 2)
	assert.Equal(t, "big.yaml:1:1: file is too large: 200.0 MiB, over the 4 MiB a dataset file may be; split it into several files", got[0])
	assert.Contains(t, got[1], "c.yaml:1:15: id: invalid value")
}

// TestReadDirUpperCaseExtension checks that STATES.YAML is read: it used to
// be skipped without a word.
func TestReadDirUpperCaseExtension(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "STATES.YAML"), []byte(goodStates), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "more.Yml"), []byte("states: [{id: JPN, name: Japan}]\n"), 0o644))
	ds, err := readDirSoon(t, dir)
	require.NoError(t, err)
	assert.Len(t, ds.States, 2)
}

// TestReadDirLongKey checks that a 1 MB unknown key is not echoed into a
// 1 MB message.
func TestReadDirLongKey(t *testing.T) {
	dir := t.TempDir()
	src := "states:\n  - id: RUS\n    name: Russia\n    " + strings.Repeat("k", 1<<20) + ": 1\n"
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a.yaml"), []byte(src), 0o644))
	_, err := readDirSoon(t, dir)
	got := problems(t, dir, err)
	require.Len(t, got, 1)
	assert.Equal(t, `a.yaml:4:5: unknown field "`+strings.Repeat("k", 60)+`"... (1048576 characters) (want adjectives, aliases, capital, cow, description, existed, id, name, predecessors, sources)`, got[0])
}
