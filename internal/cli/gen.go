package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dyad-kg/dyad/internal/gen"
)

// GenOptions are the inputs of dyad gen.
type GenOptions struct {
	IO     *IO
	Out    string
	Config gen.Config
	// Elements, if above 0, sizes the dataset instead of --states,
	// --events and --claims: about this many nodes and edges.
	Elements int
	// Shape, with Elements, is "edges" (82% edges, gen.ForElements) or
	// "nodes" (80% nodes, gen.NodeHeavy).
	Shape string
}

// maxGenerated bounds --events and --claims: a dataset of 10 million claims
// needs several GB of memory to build.
const maxGenerated = 10_000_000

func newGenCmd(e *env, runF func(*GenOptions) error) *cobra.Command {
	opts := &GenOptions{IO: e.io}
	cmd := &cobra.Command{
		Use:   "gen -o DIR",
		Short: "Write a synthetic, valid dataset of any size, for benchmarks",
		Long: `Gen writes a synthetic dataset in the real format: states with three-letter
ids (AAA, AAB, ...), relations between random pairs of them, regions,
disputes, stances, factors, sources, dated events and sourced claims. The same
flags (--seed included) always give the same dataset, and it passes
dyad validate. DIR is created if need be and must hold no *.yaml files.`,
		Example: `  dyad gen -o /tmp/big --states 200 --events 100000 --claims 1000000 --seed 1
  dyad gen -o /tmp/200k --elements 200000
  dyad gen -o /tmp/200k-nodes --elements 200000 --shape nodes
  dyad validate --data /tmp/big`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := checkGenOptions(cmd, opts); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return genRun(opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.Out, "output", "o", "", "folder to write the dataset files into")
	addDeprecatedAlias(cmd, "out", "output", &opts.Out)
	f.IntVar(&opts.Elements, "elements", 0, "about this many nodes and edges in all (instead of --states, --events and --claims)")
	f.StringVar(&opts.Shape, "shape", "edges", "with --elements: edges (82% edges, like a real graph) or nodes (80% nodes, most of them uncited sources)")
	f.IntVar(&opts.Config.States, "states", 200, "number of states")
	f.IntVar(&opts.Config.Events, "events", 1000, "number of events")
	f.IntVar(&opts.Config.Claims, "claims", 10000, "number of claims")
	f.Int64Var(&opts.Config.Seed, "seed", 1, "random seed")
	return cmd
}

// checkGenOptions checks the flags and, with --elements, sizes the dataset.
func checkGenOptions(cmd *cobra.Command, opts *GenOptions) error {
	if opts.Out == "" {
		return usageError{fmt.Errorf("-o DIR is required")}
	}
	if cmd.Flags().Changed("elements") {
		for _, name := range []string{"states", "events", "claims"} {
			if cmd.Flags().Changed(name) {
				return usageError{fmt.Errorf("--elements and --%s both size the dataset: give --elements, or --states, --events and --claims", name)}
			}
		}
		if opts.Elements < 1 || opts.Elements > maxGenerated {
			return usageError{fmt.Errorf("invalid --elements %d: want 1 to %d (the dataset is built in memory first)", opts.Elements, maxGenerated)}
		}
		switch opts.Shape {
		case "edges":
			opts.Config = gen.ForElements(opts.Elements, opts.Config.Seed)
		case "nodes":
			opts.Config = gen.NodeHeavy(opts.Elements, opts.Config.Seed)
		default:
			return usageError{fmt.Errorf("invalid --shape %q: want edges or nodes", opts.Shape)}
		}
	} else if cmd.Flags().Changed("shape") {
		return usageError{fmt.Errorf("--shape goes with --elements")}
	}
	c := opts.Config
	if c.States < 2 || c.States > gen.MaxStates {
		return usageError{fmt.Errorf("invalid --states %d: want 2 to %d", c.States, gen.MaxStates)}
	}
	if c.Events < 0 || c.Claims < 0 {
		return usageError{fmt.Errorf("--events and --claims must not be negative")}
	}
	if c.Events > maxGenerated || c.Claims > maxGenerated {
		return usageError{fmt.Errorf("--events and --claims go up to %d (the dataset is built in memory first)", maxGenerated)}
	}
	return nil
}

func genRun(opts *GenOptions) error {
	ds := gen.Dataset(opts.Config)
	if err := gen.WriteYAML(opts.Out, ds); err != nil {
		return err
	}
	el := ds.Elements()
	fmt.Fprintf(opts.IO.Out, "wrote %d elements: %d nodes and %d edges (%d claims) to %s\n",
		len(el.Nodes)+len(el.Edges), len(el.Nodes), len(el.Edges), len(ds.Claims), opts.Out)
	return nil
}
