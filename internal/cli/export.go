package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/graph/graphml"
	"github.com/dyad-kg/dyad/graph/neo4jdb"
)

// ExportOptions are the inputs of dyad export graphml.
type ExportOptions struct {
	IO      *IO
	Dataset func() (*graph.Dataset, error)
	Connect func(context.Context) (*neo4jdb.DB, error)
	// Source is "dataset" (the dataset, built in or --data) or "neo4j".
	Source string
	// Output is the file to write; empty or "-" means standard output.
	Output string
	// Relation, if set, exports only the nodes at most Depth edges from
	// this Relation node, and the edges between them.
	Relation string
	Depth    int
	// Period keeps only the dated nodes and edges (events, stances,
	// claims) that overlap it.
	Period graphml.Period
}

func newExportCmd(e *env, runF func(*ExportOptions) error) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "export <format>",
		Short: "Export the graph, or a part of it, for other tools",
		Args:  cobra.NoArgs,
	}
	cmd.AddCommand(newExportGraphMLCmd(e, runF))
	return cmd
}

func newExportGraphMLCmd(e *env, runF func(*ExportOptions) error) *cobra.Command {
	opts := &ExportOptions{IO: e.io}
	cmd := &cobra.Command{
		Use:   "graphml",
		Short: "Export the graph as GraphML for Gephi, Cytoscape, networkx, igraph or APOC",
		Long: `Export writes the graph as GraphML: typed keys, labels and types as APOC
writes them (apoc.import.graphml with readLabels and storeNodeIds rebuilds
the same graph), lists as JSON arrays, node names as captions for Gephi and
Cytoscape. The same graph always gives the same bytes, whether it is read
from the dataset (the default: the one built into dyad, or --data) or from
Neo4j (--source neo4j, streamed: memory stays flat however large the graph).

Export a part of the graph with --relation (a relation's neighbourhood, to
--depth edges either way) and --from/--to (only the events, stances and
claims whose years overlap the period; undated ones are kept). Without -o
the document goes to standard output, to be piped.`,
		Example: `  dyad export graphml -o dyad.graphml
  dyad export graphml --relation RUS-JPN --depth 2 -o rus-jpn.graphml
  dyad export graphml --from 1992 --to 2001 | gzip > 1990s.graphml.gz
  dyad export graphml --source neo4j -o dyad.graphml`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := checkExportOptions(cmd, opts); err != nil {
				return err
			}
			cfg, err := e.config(cmd)
			if err != nil {
				return err
			}
			opts.Dataset = func() (*graph.Dataset, error) { return readDataset(cfg) }
			opts.Connect = func(ctx context.Context) (*neo4jdb.DB, error) { return connect(ctx, cfg) }
			if runF != nil {
				return runF(opts)
			}
			return exportRun(cmd.Context(), opts)
		},
	}
	addDataFlag(cmd)
	addNeo4jFlags(cmd)
	f := cmd.Flags()
	f.StringVar(&opts.Source, "source", "dataset", "where to read the graph: dataset or neo4j")
	_ = cmd.RegisterFlagCompletionFunc("source", cobra.FixedCompletions([]string{"dataset", "neo4j"}, cobra.ShellCompDirectiveNoFileComp))
	f.StringVarP(&opts.Output, "output", "o", "", "file to write (default: standard output)")
	f.StringVar(&opts.Relation, "relation", "", "export only this relation's neighbourhood (a Relation id, such as RUS-JPN)")
	f.IntVar(&opts.Depth, "depth", 1, "with --relation: how many edges away from the relation to go")
	f.IntVar(&opts.Period.From, "from", 0, "keep only events, stances and claims that overlap the period starting this year")
	f.IntVar(&opts.Period.To, "to", 0, "keep only events, stances and claims that overlap the period ending this year")
	return cmd
}

func checkExportOptions(cmd *cobra.Command, opts *ExportOptions) error {
	if opts.Source != "dataset" && opts.Source != "neo4j" {
		return usageError{fmt.Errorf("invalid --source %q: want dataset or neo4j", opts.Source)}
	}
	if cmd.Flags().Changed("depth") && opts.Relation == "" {
		return usageError{fmt.Errorf("--depth needs --relation")}
	}
	if opts.Depth < 0 {
		return usageError{fmt.Errorf("invalid --depth %d: want 0 or more", opts.Depth)}
	}
	if p := opts.Period; p.From != 0 && p.To != 0 && p.From > p.To {
		return usageError{fmt.Errorf("--from %d is after --to %d", p.From, p.To)}
	}
	return nil
}

func exportRun(ctx context.Context, opts *ExportOptions) (err error) {
	if ctx == nil {
		ctx = context.Background()
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt)
	defer stop()

	// Read and select before creating the output, so that a bad dataset or
	// an unknown relation leaves no file behind.
	var write func(io.Writer) (nodes, edges int, err error)
	sel := graphml.Selection{Period: opts.Period}
	if opts.Source == "neo4j" {
		db, err := opts.Connect(ctx)
		if err != nil {
			return err
		}
		defer db.Close(context.WithoutCancel(ctx))
		if opts.Relation != "" {
			if sel.Nodes, err = graphml.NeighbourhoodNeo4j(ctx, db, opts.Relation, graph.LabelRelation, opts.Depth, opts.Period); err != nil {
				return err
			}
		}
		write = func(w io.Writer) (int, int, error) { return graphml.ExportNeo4j(ctx, db, w, sel) }
	} else {
		ds, err := opts.Dataset()
		if err != nil {
			return err
		}
		el := ds.Elements()
		if opts.Relation != "" {
			if sel.Nodes, err = graphml.Neighbourhood(el, opts.Relation, graph.LabelRelation, opts.Depth, opts.Period); err != nil {
				return err
			}
		}
		el = graphml.Select(el, sel)
		write = func(w io.Writer) (int, int, error) {
			return len(el.Nodes), len(el.Edges), graphml.WriteElements(w, el)
		}
	}

	if opts.Output == "" || opts.Output == "-" {
		_, _, err := write(opts.IO.Out)
		return err
	}
	// Write a temporary file beside the output and rename it at the end:
	// an interrupted export leaves the old file, not half a new one.
	tmp, err := os.CreateTemp(filepath.Dir(opts.Output), "."+filepath.Base(opts.Output)+".*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	nodes, edges, err := write(tmp)
	if err != nil {
		return err
	}
	if err = tmp.Chmod(0o644); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp.Name(), opts.Output); err != nil {
		return err
	}
	fmt.Fprintf(opts.IO.ErrOut, "exported %d nodes and %d edges to %s\n", nodes, edges, opts.Output)
	return nil
}
