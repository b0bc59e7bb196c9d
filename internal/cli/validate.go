package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dyad-kg/dyad/graph"
)

// ValidateOptions are the inputs of dyad validate.
type ValidateOptions struct {
	IO      *IO
	Dataset func() (*graph.Dataset, error)
	// Where names the dataset in the success message.
	Where string
}

func newValidateCmd(e *env, runF func(*ValidateOptions) error) *cobra.Command {
	opts := &ValidateOptions{IO: e.io}
	cmd := &cobra.Command{
		Use:   "validate",
		Short: "Check a dataset and report every problem as file:line:col: message",
		Long: `Validate checks every file of a dataset against the schema (YAML syntax, unknown
or missing fields, types, enum values, dates) and then the dataset as a whole
(duplicate ids, references, kinds of node, periods, sources). It reports every
problem at once and writes nothing anywhere. Exit status 1 means problems.`,
		Example: `  dyad validate
  dyad validate --data ./my-dataset`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := e.config(cmd)
			if err != nil {
				return err
			}
			opts.Dataset = func() (*graph.Dataset, error) { return readDatasetWithPositions(cfg) }
			opts.Where = cfg.Data
			if opts.Where == "" {
				opts.Where = "the built-in dataset"
			}
			if runF != nil {
				return runF(opts)
			}
			return validateRun(opts)
		},
	}
	addDataFlag(cmd)
	return cmd
}

func validateRun(opts *ValidateOptions) error {
	ds, err := opts.Dataset()
	if err != nil {
		return err
	}
	c := ds.Counts()
	fmt.Fprintf(opts.IO.Out, "%s is valid: %d nodes, %d claims\n", opts.Where, sum(c), len(ds.Claims))
	return nil
}

func sum[K comparable](m map[K]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}
