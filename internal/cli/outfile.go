package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"

	"github.com/dyad-kg/dyad/graph"
)

// writeOutput writes the file name, given with -o, by calling write: the
// one way every command writes its output file (export graphml, export
// panel, plot trajectory).
//
//   - A symbolic link is refused, with a message naming it and its target:
//     dyad never writes through a link, which could replace a file outside
//     the folder the user looked at. The one exception is a link to a device
//     or a pipe (/dev/stdout, /dev/fd/N from a shell's >(...)), which is
//     written to as the device itself would be: it replaces nothing.
//   - A folder is refused.
//   - A device or a pipe (/dev/null, a FIFO) is written to directly.
//   - Otherwise the output goes to a new file in the same folder, renamed
//     over name once complete: a failed or interrupted write leaves the old
//     file as it was, and never half a new one.
//
// A new file is created as any program creates one, with mode 0666 less
// the umask (0644 with the usual umask 022, 0600 with 077); a regular file
// being replaced keeps its mode, as a shell's > redirection keeps it.
func writeOutput(name string, write func(io.Writer) error) error {
	out, err := checkOutput(name)
	if err != nil {
		return err
	}
	if out.device {
		return writeDevice(name, write)
	}
	return replaceFile(name, out, write)
}

// output is what writing an -o file would write to.
type output struct {
	device bool        // a device or a pipe, possibly through a link
	exists bool        // a regular file that is to be replaced
	perm   fs.FileMode // the permissions of that file
}

// checkOutput checks what name is now. It refuses folders and links to
// anything but a device or a pipe.
func checkOutput(name string) (output, error) {
	st, err := os.Lstat(name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return output{}, nil
	case err != nil:
		return output{}, fmt.Errorf("-o %s: %w", name, unwrapPath(err))
	case st.Mode()&fs.ModeSymlink != 0:
		if t, err := os.Stat(name); err == nil && isDevice(t.Mode()) {
			return output{device: true}, nil
		}
		target, _ := os.Readlink(name)
		return output{}, graph.Errorf(graph.EINVALID,
			"-o %s is a symbolic link to %s: dyad does not write through links; give the file's own path or remove the link",
			name, target)
	case st.IsDir():
		return output{}, graph.Errorf(graph.EINVALID, "-o %s is a folder: give a file name", name)
	case !st.Mode().IsRegular():
		return output{device: true}, nil
	}
	return output{exists: true, perm: st.Mode().Perm()}, nil
}

// isDevice reports whether m is a device, a pipe or a socket.
func isDevice(m fs.FileMode) bool {
	return m&(fs.ModeDevice|fs.ModeCharDevice|fs.ModeNamedPipe|fs.ModeSocket) != 0
}

// writeDevice writes to a device or a pipe that exists, without creating
// or truncating anything.
func writeDevice(name string, write func(io.Writer) error) error {
	f, err := os.OpenFile(name, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("-o %s: %w", name, unwrapPath(err))
	}
	if err := write(f); err != nil {
		return errors.Join(err, f.Close())
	}
	return f.Close()
}

// replaceFile writes a new file beside name and renames it over name,
// giving it the permissions of the file it replaces, if there is one.
func replaceFile(name string, out output, write func(io.Writer) error) (err error) {
	tmp, err := createBeside(name)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			// The write's error is what matters; a temporary file that
			// cannot be removed is worth knowing about too.
			err = errors.Join(err, ignoreClosed(tmp.Close()), os.Remove(tmp.Name()))
		}
	}()
	if err = write(tmp); err != nil {
		return err
	}
	if out.exists {
		if err = tmp.Chmod(out.perm); err != nil {
			return err
		}
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	// Rename replaces whatever name is by then, a link included, and never
	// writes through it.
	if err = os.Rename(tmp.Name(), name); err != nil {
		return fmt.Errorf("-o %s: %w", name, unwrapPath(err))
	}
	return nil
}

// createBeside creates a new, empty, hidden file in name's folder. Unlike
// os.CreateTemp, which gives mode 0600, it asks for 0666 and lets the
// umask take its part, as creating name itself would.
func createBeside(name string) (*os.File, error) {
	dir, base := filepath.Split(name)
	for range 100 {
		tmp := filepath.Join(dir, "."+base+"."+strconv.FormatUint(rand.Uint64(), 36)+".tmp")
		f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("-o %s: cannot create a file in %s: %w", name, filepath.Clean(dir), unwrapPath(err))
		}
		return f, nil
	}
	return nil, fmt.Errorf("-o %s: cannot create a temporary file in %s", name, filepath.Clean(dir))
}

// unwrapPath drops the path an *fs.PathError or *os.LinkError repeats, so
// that a message names the file once, as the user gave it.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// ignoreClosed drops the error of closing a file that was already closed.
func ignoreClosed(err error) error {
	if errors.Is(err, os.ErrClosed) {
		return nil
	}
	return err
}

// writeBytes is a write function for writeOutput that writes data.
func writeBytes(data []byte) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	}
}
