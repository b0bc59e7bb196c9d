package cli

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/loader"
	"github.com/dyad-kg/dyad/neo4j"
)

// LoadOptions are the inputs of dyad load.
type LoadOptions struct {
	IO          *IO
	Dataset     func() (*graph.Dataset, error)
	Connect     func(context.Context) (*neo4j.DB, error)
	Prune       bool
	DryRun      bool
	BatchSize   int
	CommitEvery int
	Writers     int
	// Where names the dataset in what load says it is doing.
	Where string
}

func newLoadCmd(e *env, runF func(*LoadOptions) error) *cobra.Command {
	opts := &LoadOptions{IO: e.io}
	cmd := &cobra.Command{
		Use:   "load",
		Short: "Validate the dataset and load it into Neo4j, all or nothing",
		Long: `Load validates the dataset (an invalid one writes nothing), creates the
constraints and indexes it needs, and writes every node and edge in one
transaction of batched, parameterised UNWIND statements: all or nothing.
Loading twice gives the same graph. --prune also removes what an earlier load
wrote that the dataset no longer has, never touching anything Dyad did not
write; --dry-run reports what would change and writes nothing.

Connection settings come from flags, then NEO4J_URI, NEO4J_USERNAME,
NEO4J_PASSWORD and NEO4J_DATABASE, then dyad.yaml, then defaults.`,
		Example: `  scripts/neo4j start   # or: docker compose up -d
  NEO4J_PASSWORD=dyad-dev-password dyad load
  dyad load --data ./my-dataset --prune --dry-run
  dyad load --data ./huge --commit-every 100000   # past the server's transaction memory
  dyad load --data ./huge --commit-every 50000 --writers 4   # new elements in 4 concurrent transactions`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if opts.CommitEvery < 0 || opts.BatchSize < 1 {
				return usageError{fmt.Errorf("--commit-every must be 0 or more and --batch-size 1 or more")}
			}
			if opts.Writers < 1 || (opts.Writers > 1 && opts.CommitEvery == 0) {
				return usageError{fmt.Errorf("--writers must be 1 or more, and above 1 only with --commit-every (one transaction has one writer)")}
			}
			cfg, err := e.config(cmd)
			if err != nil {
				return err
			}
			opts.Dataset = func() (*graph.Dataset, error) { return readDataset(cfg) }
			opts.Connect = func(ctx context.Context) (*neo4j.DB, error) { return connect(ctx, cfg) }
			opts.Where = datasetName(cfg)
			if runF != nil {
				return runF(opts)
			}
			return loadRun(cmd.Context(), opts)
		},
	}
	addDataFlag(cmd)
	addNeo4jFlags(cmd)
	cmd.Flags().BoolVar(&opts.Prune, "prune", false, "remove what an earlier load wrote that the dataset no longer has")
	cmd.Flags().BoolVar(&opts.DryRun, "dry-run", false, "report what would change, write nothing")
	cmd.Flags().IntVar(&opts.BatchSize, "batch-size", loader.DefaultBatchSize, "rows per UNWIND statement")
	cmd.Flags().IntVar(&opts.CommitEvery, "commit-every", 0, "commit after every N elements, for loads too large for one transaction (no longer all or nothing; rerun to complete)")
	cmd.Flags().IntVar(&opts.Writers, "writers", 1, "with --commit-every: create new nodes and edges in N concurrent transactions (Neo4j 5.21+; for servers with cores to spare)")
	return cmd
}

// datasetName names the dataset cfg selects, for messages.
func datasetName(cfg *Config) string {
	if cfg.Data == "" {
		return "the built-in dataset"
	}
	return "the dataset in " + cfg.Data
}

// readNoisily reads a dataset, first saying so on standard error when a
// terminal is watching (a large one takes a while before any progress bar
// can start), and afterwards what it read and how long that took.
func readNoisily(ios *IO, where string, read func() (*graph.Dataset, error)) (*graph.Dataset, error) {
	if !ios.IsTerminal {
		return read()
	}
	fmt.Fprintf(ios.ErrOut, "reading and validating %s...\n", where)
	t0 := time.Now()
	ds, err := read()
	if err == nil {
		fmt.Fprintf(ios.ErrOut, "read %d nodes and %d claims in %.1f s\n", sum(ds.Counts()), len(ds.Claims), time.Since(t0).Seconds())
	}
	return ds, err
}

func connect(ctx context.Context, cfg *Config) (*neo4j.DB, error) {
	return neo4j.Open(ctx, neo4j.Config{
		URI: cfg.Neo4j.URI, Username: cfg.Neo4j.Username, Password: cfg.Neo4j.Password, Database: cfg.Neo4j.Database,
		BookmarkFile: neo4j.BookmarkPath(cfg.Neo4j.URI, cfg.Neo4j.Database), // a load's writes, seen by the next ask on a cluster
	})
}

func loadRun(ctx context.Context, opts *LoadOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt)
	defer stop()
	ds, err := readNoisily(opts.IO, opts.Where, opts.Dataset)
	if err != nil {
		return err // validation problems: nothing has been written
	}
	db, err := opts.Connect(ctx)
	if err != nil {
		return err
	}
	// The load has committed or rolled back when this runs; closing the pool
	// cannot lose data.
	defer func() { _ = db.Close(context.WithoutCancel(ctx)) }()
	lo := loader.Options{Prune: opts.Prune, DryRun: opts.DryRun, BatchSize: opts.BatchSize, CommitEvery: opts.CommitEvery,
		Writers: opts.Writers}
	var bar *progressbar.ProgressBar
	if opts.IO.IsTerminal {
		lo.Progress = func(done, total int) {
			if bar == nil {
				bar = progressbar.NewOptions(total, progressbar.OptionSetWriter(opts.IO.ErrOut),
					progressbar.OptionSetDescription("loading"), progressbar.OptionShowCount(),
					progressbar.OptionClearOnFinish(), progressbar.OptionThrottle(100_000_000))
			}
			_ = bar.Set(done)
		}
	}
	sum, err := loader.Load(ctx, db, ds, lo)
	if bar != nil {
		_ = bar.Finish()
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(opts.IO.Out, sum)
	return nil
}
