package cli

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestWriteOutputFailure checks that a write that fails half way leaves an
// existing file as it was, and no temporary file beside it.
func TestWriteOutputFailure(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.graphml")
	require.NoError(t, os.WriteFile(path, []byte("the old export\n"), 0o640))
	boom := errors.New("boom")
	err := writeOutput(path, func(w io.Writer) error {
		if _, err := io.WriteString(w, "<graphml>half of a new"); err != nil {
			return err
		}
		return boom
	})
	require.ErrorIs(t, err, boom)
	got, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, "the old export\n", string(got))
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 1, "no temporary file is left")

	// A folder that does not exist is named, not the temporary file.
	err = writeOutput(filepath.Join(dir, "no", "out.graphml"), writeBytes(nil))
	require.Error(t, err)
	assert.Equal(t, "-o "+filepath.Join(dir, "no", "out.graphml")+": cannot create a file in "+
		filepath.Join(dir, "no")+": no such file or directory", err.Error())
}
