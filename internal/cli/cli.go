// Package cli implements the dyad command. Each command has an options
// struct holding its flags and dependencies, a constructor that parses and
// checks flags, and a run function that does the work, as in the GitHub CLI.
package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/loader"
)

// IO is where a command reads and writes.
type IO struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
	// IsTerminal reports whether Out is a terminal (for progress bars and colour).
	IsTerminal bool
}

// StdIO returns the process's standard streams.
func StdIO() *IO {
	return &IO{In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr, IsTerminal: term.IsTerminal(int(os.Stdout.Fd()))}
}

// ExitError carries a process exit code; its message, if any, is printed.
type ExitError struct {
	Code int
	Err  error
}

func (e *ExitError) Error() string {
	if e.Err == nil {
		return fmt.Sprintf("exit %d", e.Code)
	}
	return e.Err.Error()
}

func (e *ExitError) Unwrap() error { return e.Err }

// Main runs dyad with args and returns the exit code: 0 on success, 2 for a
// question or usage dyad does not understand, 1 for anything else.
func Main(args []string, ios *IO) int {
	root := NewRootCmd(ios)
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return 0
	}
	code := 1
	var ee *ExitError
	if errors.As(err, &ee) {
		code = ee.Code
		err = ee.Err
	}
	var list graph.ErrorList
	switch {
	case err == nil:
	case errors.As(err, &list):
		fmt.Fprintln(ios.ErrOut, list.Error())
		fmt.Fprintf(ios.ErrOut, "dyad: %d problem(s) in the dataset\n", len(list))
	case isUsage(err) || strings.HasPrefix(err.Error(), "unknown command"):
		fmt.Fprintf(ios.ErrOut, "dyad: %v\nRun 'dyad help' for usage.\n", err)
		code = 2
	default:
		fmt.Fprintf(ios.ErrOut, "dyad: %v\n", err)
	}
	return code
}

// noArgs rejects positional arguments as a usage error (exit 2).
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usageError{fmt.Errorf("%s takes no arguments, got %q", cmd.CommandPath(), args[0])}
	}
	return nil
}

type usageError struct{ error }

func (u usageError) Unwrap() error { return u.error }

func isUsage(err error) bool {
	var u usageError
	return errors.As(err, &u)
}

// NewRootCmd builds the dyad command tree.
func NewRootCmd(ios *IO) *cobra.Command {
	var configFile string
	root := &cobra.Command{
		Use:   "dyad",
		Short: "A knowledge graph of bilateral relations",
		Long: `Dyad keeps curated, sourced facts about bilateral (state-to-state) relations:
states, regions, disputes, events, policy stances and the factors that
strengthened or weakened a relationship. It validates them, loads them into
Neo4j, answers questions with evidence, and exports GraphML.

With no Neo4j configured, dyad answers from the dataset built into it.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(ios.Out)
	root.SetErr(ios.ErrOut)
	root.PersistentFlags().StringVar(&configFile, "config", "", "config file (default ./dyad.yaml, then the user config dir's dyad/dyad.yaml; env DYAD_CONFIG)")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	env := &env{io: ios, configFile: &configFile}
	root.AddCommand(
		newValidateCmd(env, nil),
		newStatsCmd(env, nil),
		newLoadCmd(env, nil),
		newGenCmd(env, nil),
		newAskCmd(env, nil),
		newQueriesCmd(env, nil),
		newExportCmd(env, nil),
		newPlotCmd(env, nil),
	)
	return root
}

// env is what commands share: streams and configuration.
type env struct {
	io         *IO
	configFile *string
}

func (e *env) config(cmd *cobra.Command) (*Config, error) {
	return loadConfig(cmd, *e.configFile)
}

// dataset reads the dataset named by cfg.Data, or the built-in one.
func readDataset(cfg *Config) (*graph.Dataset, error) {
	if cfg.Data == "" {
		return loader.ReadEmbedded()
	}
	return loader.ReadDir(cfg.Data)
}

func addDataFlag(cmd *cobra.Command) {
	cmd.Flags().String("data", "", "dataset folder (env DYAD_DATA; default: the dataset built into dyad)")
}

func addFormatFlag(cmd *cobra.Command, p *string, allowed ...string) {
	cmd.Flags().StringVar(p, "format", allowed[0], "output format: "+joinOr(allowed))
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(allowed, cobra.ShellCompDirectiveNoFileComp))
}

func checkFormat(format string, allowed ...string) error {
	for _, a := range allowed {
		if format == a {
			return nil
		}
	}
	return usageError{fmt.Errorf("invalid --format %q: want %s", format, joinOr(allowed))}
}

func joinOr(xs []string) string {
	switch len(xs) {
	case 0:
		return ""
	case 1:
		return xs[0]
	}
	s := ""
	for i, x := range xs[:len(xs)-1] {
		if i > 0 {
			s += ", "
		}
		s += x
	}
	return s + " or " + xs[len(xs)-1]
}
