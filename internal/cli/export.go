package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/graphml"
	"github.com/dyad-kg/dyad/neo4j"
	"github.com/dyad-kg/dyad/queries"
)

// ExportOptions are the inputs of dyad export graphml.
type ExportOptions struct {
	IO      *IO
	Dataset func() (*graph.Dataset, error)
	Connect func(context.Context) (*neo4j.DB, error)
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
	// Ask, if set, exports only the nodes the answer to this question names
	// (and the edges between them).
	Ask string
	// Flavor is the GraphML dialect: standard (valid GraphML, the
	// default), apoc or gephi.
	Flavor graphml.Flavor
	// period and flavor are the --period and --flavor flags as written.
	period, flavor string
}

func newExportCmd(e *env, runF func(*ExportOptions) error) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "export <format>",
		Short: "Export the graph, or a part of it, for other tools",
		Args:  cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageError{fmt.Errorf("dyad export needs a format: graphml, panel or neo4j-import")}
			}
			return usageError{fmt.Errorf("unknown export format %q: want graphml, panel or neo4j-import", args[0])}
		},
	}
	cmd.AddCommand(newExportGraphMLCmd(e, runF))
	cmd.AddCommand(newExportPanelCmd(e, nil))
	cmd.AddCommand(newExportNeo4jImportCmd(e, nil))
	return cmd
}

func newExportGraphMLCmd(e *env, runF func(*ExportOptions) error) *cobra.Command {
	opts := &ExportOptions{IO: e.io}
	cmd := &cobra.Command{
		Use:   "graphml",
		Short: "Export the graph as GraphML for Gephi, Cytoscape, networkx, igraph or APOC",
		Long: `Export writes the graph as GraphML, valid against the GraphML 1.0 schema:
typed keys, a node's label and an edge's type as data APOC's importer reads
back (apoc.import.graphml with readLabels and storeNodeIds), lists as JSON
arrays, node names as captions for Gephi and Cytoscape. The same graph
always gives the same bytes, whether it is read from the dataset (the
default: the one built into dyad, or --data) or from Neo4j (--from neo4j,
streamed: memory stays flat however large the graph).

--flavor picks what no valid GraphML can say: apoc declares list keys with
attr.list, so that APOC rebuilds lists as lists (the same graph), and gephi
gives each edge a kind in a label attribute, so that Gephi keeps two claims
of one type between the same two nodes apart (it remembers every edge's
ends, so its memory grows with the graph). Neither is valid GraphML.

Export a part of the graph with --relation (a relation's neighbourhood, to
--depth edges either way; the relation by its id or its two states in
either order, by id or name), --ask (the nodes a catalog question's answer
names, and the edges between them) and --period (only the events, stances
and claims whose years overlap it; undated ones are kept). Without -o the
document goes to standard output, to be piped.`,
		Example: `  dyad export graphml -o dyad.graphml
  dyad export graphml --relation RUS-JPN --depth 2 -o rus-jpn.graphml
  dyad export graphml --relation Japan-Russia -o rus-jpn.graphml
  dyad export graphml --ask "What weakened Russia–Japan ties?" -o weakened.graphml
  dyad export graphml --period 1992-2001 | gzip > 1990s.graphml.gz
  dyad export graphml --from neo4j -o dyad.graphml
  dyad export graphml --flavor apoc -o for-apoc.graphml
  dyad export graphml --flavor gephi -o for-gephi.graphml`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := checkExportOptions(cmd, opts); err != nil {
				return err
			}
			cfg, err := e.config(cmd)
			if err != nil {
				return err
			}
			opts.Dataset = func() (*graph.Dataset, error) { return readDataset(cfg) }
			opts.Connect = func(ctx context.Context) (*neo4j.DB, error) { return connect(ctx, cfg) }
			if runF != nil {
				return runF(opts)
			}
			return exportRun(cmd.Context(), opts)
		},
	}
	addDataFlag(cmd)
	addNeo4jFlags(cmd)
	f := cmd.Flags()
	f.StringVar(&opts.Source, "from", "dataset", "where to read the graph: dataset (built in, or --data) or neo4j")
	_ = cmd.RegisterFlagCompletionFunc("from", cobra.FixedCompletions([]string{"dataset", "neo4j"}, cobra.ShellCompDirectiveNoFileComp))
	f.StringVarP(&opts.Output, "output", "o", "", "file to write (default: standard output)")
	f.StringVar(&opts.Relation, "relation", "", "export only this relation's neighbourhood: its id (RUS-JPN) or its two states in either order (JPN-RUS, Japan–Russia)")
	f.IntVar(&opts.Depth, "depth", 1, "with --relation: how many edges away from the relation to go")
	f.StringVar(&opts.period, "period", "", "keep only events, stances and claims overlapping these years: 1992-2001, 2012- or -1991")
	f.StringVar(&opts.Ask, "ask", "", "export only the nodes the answer to this question names")
	f.StringVar(&opts.flavor, "flavor", string(graphml.Standard), "GraphML dialect: standard (valid GraphML), apoc (lists restored by apoc.import.graphml) or gephi (no parallel claim merged)")
	_ = cmd.RegisterFlagCompletionFunc("flavor", cobra.FixedCompletions([]string{"standard", "apoc", "gephi"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func checkExportOptions(cmd *cobra.Command, opts *ExportOptions) error {
	if opts.Source != "dataset" && opts.Source != "neo4j" {
		return usageError{fmt.Errorf("invalid --from %q: want dataset or neo4j", opts.Source)}
	}
	flavor, err := graphml.ParseFlavor(opts.flavor)
	if err != nil {
		return usageError{fmt.Errorf("invalid --flavor %q: want standard, apoc or gephi", opts.flavor)}
	}
	opts.Flavor = flavor
	if opts.period != "" {
		p, err := parsePeriod(opts.period)
		if err != nil {
			return usageError{err}
		}
		opts.Period = p
	}
	if cmd.Flags().Changed("ask") && strings.TrimSpace(opts.Ask) == "" {
		return usageError{fmt.Errorf("--ask needs a question")}
	}
	if opts.Ask != "" && opts.Relation != "" {
		return usageError{fmt.Errorf("--ask and --relation each pick a part of the graph: give one")}
	}
	if cmd.Flags().Changed("depth") && opts.Relation == "" {
		return usageError{fmt.Errorf("--depth needs --relation")}
	}
	if opts.Depth < 0 {
		return usageError{fmt.Errorf("invalid --depth %d: want 0 or more", opts.Depth)}
	}
	return nil
}

// parsePeriod parses "1992-2001", "2012-", "-1991" or "2005".
func parsePeriod(s string) (graphml.Period, error) {
	bad := fmt.Errorf("invalid --period %q: want FROM-TO in years, such as 1992-2001, 2012- or -1991", s)
	from, to, found := strings.Cut(s, "-")
	if !found {
		to = from
	}
	var p graphml.Period
	for _, x := range []struct {
		s string
		v *int
	}{{from, &p.From}, {to, &p.To}} {
		if x.s == "" {
			continue
		}
		n, err := strconv.Atoi(x.s)
		if err != nil || n < 1 || n > 9999 {
			return p, bad
		}
		*x.v = n
	}
	if p.IsZero() || (p.From != 0 && p.To != 0 && p.From > p.To) {
		return p, bad
	}
	return p, nil
}

// askNodes returns the ids of the nodes the answer to question names.
func askNodes(ctx context.Context, b queries.Backend, question string) (map[string]bool, error) {
	req, err := parseQuestion(ctx, b, question)
	if err != nil {
		return nil, err
	}
	ans, err := answer(ctx, b, req)
	if err != nil {
		return nil, err
	}
	ids := map[string]bool{}
	for _, id := range ans.NodeIDs() {
		ids[id] = true
	}
	return ids, nil
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
		// Reads are done when the export ends; closing the pool cannot lose data.
		defer func() { _ = db.Close(context.WithoutCancel(ctx)) }()
		warnLoadState(ctx, opts.IO.ErrOut, db)
		if opts.Relation != "" {
			rel, err := graphml.ResolveRelationNeo4j(ctx, db, opts.Relation)
			if err != nil {
				return err
			}
			if sel.Nodes, err = graphml.NeighbourhoodNeo4j(ctx, db, rel.ID, graph.LabelRelation, opts.Depth, opts.Period); err != nil {
				return err
			}
		}
		if opts.Ask != "" {
			if sel.Nodes, err = askNodes(ctx, queries.NewNeo4j(db), opts.Ask); err != nil {
				return err
			}
		}
		write = func(w io.Writer) (int, int, error) { return graphml.ExportNeo4j(ctx, db, w, sel, opts.Flavor) }
	} else {
		ds, err := opts.Dataset()
		if err != nil {
			return err
		}
		el := ds.Elements()
		if opts.Relation != "" {
			rel, err := graph.ResolveRelation(ds, opts.Relation)
			if err != nil {
				return err
			}
			if sel.Nodes, err = graphml.Neighbourhood(el, rel.ID, graph.LabelRelation, opts.Depth, opts.Period); err != nil {
				return err
			}
		}
		if opts.Ask != "" {
			if sel.Nodes, err = askNodes(ctx, queries.NewMemoryElements(el), opts.Ask); err != nil {
				return err
			}
		}
		el = graphml.Select(el, sel)
		write = func(w io.Writer) (int, int, error) {
			return len(el.Nodes), len(el.Edges), graphml.WriteElementsFlavor(w, el, opts.Flavor)
		}
	}

	if opts.Output == "" || opts.Output == "-" {
		_, _, err := write(opts.IO.Out)
		return err
	}
	// writeOutput refuses a symbolic link and replaces the file only once
	// the export is complete: a failed export leaves the old file.
	var nodes, edges int
	err = writeOutput(opts.Output, func(w io.Writer) (err error) {
		nodes, edges, err = write(w)
		return err
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(opts.IO.ErrOut, "exported %d nodes and %d edges to %s\n", nodes, edges, opts.Output)
	return nil
}
