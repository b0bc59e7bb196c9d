//go:build unix

package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// outputCommands are the commands that write a file named by -o, each with
// the name of a file it may write.
var outputCommands = []struct {
	name string
	file string
	args func(path string) []string
}{
	{"export graphml", "out.graphml", func(p string) []string {
		return []string{"export", "graphml", "--data", "../../testdata/small", "-o", p}
	}},
	{"export panel", "out.csv", func(p string) []string {
		return []string{"export", "panel", "--from", "2022", "--to", "2022", "-o", p}
	}},
	{"plot trajectory", "out.svg", func(p string) []string {
		return []string{"plot", "trajectory", "RUS-JPN", "-o", p}
	}},
}

// TestOutputSymlinkRefused checks that no command writes through a
// symbolic link given as -o: it exits 2 with one line naming the link and
// its target, and the target, outside the folder, is left as it was.
func TestOutputSymlinkRefused(t *testing.T) {
	t.Setenv("NEO4J_URI", "")
	t.Setenv("DYAD_DATA", "")
	for _, c := range outputCommands {
		t.Run(c.name, func(t *testing.T) {
			outside := filepath.Join(t.TempDir(), "precious.txt")
			require.NoError(t, os.WriteFile(outside, []byte("keep me\n"), 0o640))
			dir := t.TempDir()
			link := filepath.Join(dir, c.file)
			require.NoError(t, os.Symlink(outside, link))

			code, out, errOut := run(t, c.args(link)...)
			assert.Equal(t, 2, code, "stderr: %s", errOut)
			assert.Empty(t, out)
			assert.Equal(t, "dyad: -o "+link+" is a symbolic link to "+outside+
				": dyad does not write through links; give the file's own path or remove the link\n", errOut)
			got, err := os.ReadFile(outside)
			require.NoError(t, err)
			assert.True(t, string(got) == "keep me\n", "the link's target is untouched")
			st, err := os.Lstat(link)
			require.NoError(t, err)
			assert.Equal(t, os.ModeSymlink, st.Mode()&os.ModeSymlink, "the link is still a link")
			entries, err := os.ReadDir(dir)
			require.NoError(t, err)
			assert.Len(t, entries, 1, "no temporary file is left")
		})
	}
	// A dangling link is refused too: writing through it would create its
	// target wherever it points.
	dir := t.TempDir()
	link := filepath.Join(dir, "out.graphml")
	nowhere := filepath.Join(t.TempDir(), "new.graphml")
	require.NoError(t, os.Symlink(nowhere, link))
	code, _, errOut := run(t, outputCommands[0].args(link)...)
	assert.Equal(t, 2, code, "stderr: %s", errOut)
	assert.Contains(t, errOut, "is a symbolic link to "+nowhere)
	_, err := os.Lstat(nowhere)
	assert.ErrorIs(t, err, os.ErrNotExist, "nothing is created at the link's target")
}

// TestOutputModeFollowsUmask checks that a new -o file gets 0666 less the
// umask, as any created file does, and that a file being replaced keeps
// its mode.
func TestOutputModeFollowsUmask(t *testing.T) {
	t.Setenv("NEO4J_URI", "")
	t.Setenv("DYAD_DATA", "")
	for _, tt := range []struct {
		umask int
		want  os.FileMode
	}{{0o077, 0o600}, {0o022, 0o644}, {0o027, 0o640}} {
		for _, c := range outputCommands {
			t.Run(c.name+" umask "+strings.TrimLeft(os.FileMode(tt.umask).String(), "-"), func(t *testing.T) {
				old := syscall.Umask(tt.umask)
				defer syscall.Umask(old)
				path := filepath.Join(t.TempDir(), c.file)
				code, _, errOut := run(t, c.args(path)...)
				require.Equal(t, 0, code, "stderr: %s", errOut)
				st, err := os.Stat(path)
				require.NoError(t, err)
				assert.Equal(t, tt.want, st.Mode().Perm(), "umask %03o", tt.umask)
			})
		}
	}
	for _, c := range outputCommands {
		t.Run(c.name+" replaces a file, keeping its mode", func(t *testing.T) {
			old := syscall.Umask(0o022)
			defer syscall.Umask(old)
			path := filepath.Join(t.TempDir(), c.file)
			require.NoError(t, os.WriteFile(path, []byte("old"), 0o600))
			require.NoError(t, os.Chmod(path, 0o604))
			code, _, errOut := run(t, c.args(path)...)
			require.Equal(t, 0, code, "stderr: %s", errOut)
			st, err := os.Stat(path)
			require.NoError(t, err)
			assert.Equal(t, os.FileMode(0o604), st.Mode().Perm())
			got, err := os.ReadFile(path)
			require.NoError(t, err)
			assert.NotEqual(t, "old", string(got), "the file was replaced")
		})
	}
}

// TestOutputDeviceLink checks that -o may name a link to a device, such as
// /dev/stdout, and writes to the device: that replaces no file.
func TestOutputDeviceLink(t *testing.T) {
	t.Setenv("NEO4J_URI", "")
	t.Setenv("DYAD_DATA", "")
	link := filepath.Join(t.TempDir(), "null.graphml")
	require.NoError(t, os.Symlink(os.DevNull, link))
	code, _, errOut := run(t, outputCommands[0].args(link)...)
	assert.Equal(t, 0, code, errOut)
	st, err := os.Lstat(link)
	require.NoError(t, err)
	assert.NotZero(t, st.Mode()&os.ModeSymlink, "the link is still a link")
	st, err = os.Stat(os.DevNull)
	require.NoError(t, err)
	assert.NotZero(t, st.Mode()&os.ModeCharDevice, "/dev/null is still a device")
}
