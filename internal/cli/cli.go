// Package cli implements the dyad command. Each command has an options
// struct holding its flags and dependencies, a constructor that parses and
// checks flags, and a run function that does the work, as in the GitHub CLI.
package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"

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

// Main runs dyad with args and returns the exit code (see exitCode).
func Main(args []string, ios *IO) int {
	root := NewRootCmd(ios)
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return 0
	}
	var list graph.ErrorList
	switch {
	case errors.As(err, &list):
		fmt.Fprintln(ios.ErrOut, list.Error())
		fmt.Fprintf(ios.ErrOut, "dyad: %d problem(s) in the dataset\n", len(list))
	case isUsage(err):
		fmt.Fprintf(ios.ErrOut, "dyad: %v\nRun 'dyad help' for usage.\n", err)
	default:
		fmt.Fprintf(ios.ErrOut, "dyad: %v\n", err)
	}
	return exitCode(err)
}

// exitCode is the one place that maps errors to exit statuses, by their
// code (graph.ErrorCode):
//
//	0  success
//	1  the dataset is invalid (its problems are listed) or dyad lint found a
//	   problem of severity error (graph.ErrInvalid), Neo4j is unavailable
//	   or refuses the credentials (EUNAVAILABLE), a conflict (ECONFLICT), or
//	   anything unexpected (EINTERNAL)
//	2  the command was misused or the input not understood: an unknown
//	   command, flag, format, question, name, state, relation or source,
//	   an -o that is a folder or a symbolic link, Neo4j's system database
//	   as the database (EINVALID, ENOTFOUND)
func exitCode(err error) int {
	if err == nil {
		return 0
	}
	if errors.Is(err, graph.ErrInvalid) {
		return 1
	}
	switch graph.ErrorCode(err) {
	case graph.EINVALID, graph.ENOTFOUND:
		return 2
	}
	return 1
}

// noArgs rejects positional arguments as a usage error (exit 2).
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usageError{fmt.Errorf("%s takes no arguments, got %q", cmd.CommandPath(), args[0])}
	}
	return nil
}

// usageError is a command used wrongly: a bad flag, argument or value.
type usageError struct{ error }

func (u usageError) Unwrap() error { return u.error }

// ErrorCode reports misuse as invalid input.
func (u usageError) ErrorCode() graph.Code { return graph.EINVALID }

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
		// An unknown command is a usage error (exit 2), decided here rather
		// than by matching cobra's message.
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usageError{fmt.Errorf("unknown command %q for %q", args[0], cmd.CommandPath())}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	root.SetOut(ios.Out)
	root.SetErr(ios.ErrOut)
	root.PersistentFlags().StringVar(&configFile, "config", "", "config file (default ./dyad.yaml, then the user config dir's dyad/dyad.yaml; env DYAD_CONFIG)")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	setVersion(root)
	env := &env{io: ios, configFile: &configFile}
	root.AddCommand(
		newValidateCmd(env, nil),
		newStatsCmd(env, nil),
		newLoadCmd(env, nil),
		newGenCmd(env, nil),
		newAskCmd(env, nil),
		newQueriesCmd(env, nil),
		newExportCmd(env, nil),
		newConfigCmd(env, nil),
		newPlotCmd(env, nil),
		newLintCmd(env, nil),
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

// readDataset reads the dataset named by cfg.Data, or the built-in one (in
// its compact, pre-validated form: milliseconds).
func readDataset(cfg *Config) (*graph.Dataset, error) {
	if cfg.Data == "" {
		smallHeap()
		return loader.ReadEmbedded()
	}
	return loader.ReadDir(cfg.Data)
}

// readElements returns the graph of the dataset that cfg names: for the
// built-in dataset, the graph go generate built (loader.ReadEmbeddedElements),
// so that an ask neither decodes the records nor builds their graph.
func readElements(cfg *Config) (*graph.Elements, error) {
	if cfg.Data == "" {
		smallHeap()
		return loader.ReadEmbeddedElements()
	}
	ds, err := loader.ReadDir(cfg.Data)
	if err != nil {
		return nil, err
	}
	return ds.Elements(), nil
}

// smallHeapGC is the GOGC of a command on the built-in dataset.
const smallHeapGC = 800

// smallHeap lets a command on the built-in dataset run without collecting
// garbage: it allocates a few MB in all (about 3 for an ask), which Go's
// default (a collection every 4 MB at first) would collect twice, about 3 ms
// of a 20 ms ask. With GOGC at 800 the first collection waits for 32 MB. A
// GOGC set in the environment is left alone.
func smallHeap() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(smallHeapGC)
	}
}

// readDatasetWithPositions is readDataset for commands that report
// positions (validate, lint): the built-in dataset is read from its YAML,
// so that every record knows its file, line and column.
func readDatasetWithPositions(cfg *Config) (*graph.Dataset, error) {
	if cfg.Data == "" {
		return loader.ReadEmbeddedYAML()
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
