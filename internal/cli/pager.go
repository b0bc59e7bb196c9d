package cli

import (
	"io"
	"os"
	"os/exec"
	"strings"
)

// Color reports whether output may use colour: on a terminal, unless
// NO_COLOR is set (https://no-color.org) or TERM is dumb.
func (o *IO) Color() bool {
	return o.IsTerminal && os.Getenv("NO_COLOR") == "" && os.Getenv("TERM") != "dumb"
}

// pagerCommand is the pager dyad uses on a terminal, as git does:
// DYAD_PAGER, then PAGER, then "less -FRX" (which quits at once when the
// text fits on one screen, keeps colours and leaves the text on screen).
// An empty DYAD_PAGER or "cat" means none.
func pagerCommand() []string {
	cmd, set := os.LookupEnv("DYAD_PAGER")
	if !set {
		cmd, set = os.LookupEnv("PAGER")
	}
	if !set {
		cmd = "less -FRX"
	}
	f := strings.Fields(cmd)
	if len(f) == 0 || f[0] == "cat" {
		return nil
	}
	return f
}

// page runs write with its output going through the pager when out is a
// terminal and paging is on; otherwise straight to out. The pager gets
// LESS=FRX when LESS is unset, so that a user's PAGER=less behaves too.
func page(o *IO, noPager bool, write func(io.Writer) error) error {
	args := pagerCommand()
	if noPager || !o.IsTerminal || args == nil || os.Getenv("TERM") == "dumb" {
		return write(o.Out)
	}
	path, err := exec.LookPath(args[0])
	if err != nil {
		return write(o.Out)
	}
	cmd := exec.Command(path, args[1:]...)
	cmd.Stdout, cmd.Stderr = o.Out, o.ErrOut
	if os.Getenv("LESS") == "" {
		cmd.Env = append(os.Environ(), "LESS=FRX")
	}
	in, err := cmd.StdinPipe()
	if err != nil {
		return write(o.Out)
	}
	if err := cmd.Start(); err != nil {
		return write(o.Out)
	}
	werr := write(in)
	cerr := in.Close()
	if err := cmd.Wait(); err != nil && werr == nil {
		// The reader quit the pager early: not an error of the command.
		return nil
	}
	if werr != nil {
		return werr
	}
	return cerr
}
