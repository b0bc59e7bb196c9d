package cli

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dyad-kg/dyad/dynamics"
	"github.com/dyad-kg/dyad/graph"
)

// PlotOptions are the inputs of dyad plot trajectory.
type PlotOptions struct {
	IO      *IO
	Dataset func() (*graph.Dataset, error)
	// Relations are the relations to draw, as given: relation ids or state
	// pairs in either order.
	Relations []string
	// Output is the file to write; its extension (.svg or .png) is the format.
	Output string
	// Span is the years to draw; zero ends are the default span.
	Span dynamics.Span
}

func newPlotCmd(e *env, runF func(*PlotOptions) error) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "plot <chart>",
		Short: "Draw charts of the graph",
		Args:  cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageError{fmt.Errorf("dyad plot needs a chart: trajectory")}
			}
			return usageError{fmt.Errorf("unknown chart %q: want trajectory", args[0])}
		},
	}
	cmd.AddCommand(newPlotTrajectoryCmd(e, runF))
	return cmd
}

func newPlotTrajectoryCmd(e *env, runF func(*PlotOptions) error) *cobra.Command {
	opts := &PlotOptions{IO: e.io}
	cmd := &cobra.Command{
		Use:   "trajectory <relation>... -o <file.svg|file.png>",
		Short: "Draw how relations moved over the years: the sourced influences active each year",
		Long: `Trajectory draws, for each year, the sourced claims that were strengthening
and weakening a relation in that year (each weighted by its evidence: see
docs/panel.md), and their balance, with the dated events as numbered
markers listed under the chart. Give several relations to compare their
balances on one chart.

A relation is a relation id (RUS-JPN) or two states in either order, by id
or name (JPN-RUS, Japan-Russia). Only claims with a period count in a year;
the chart's span defaults to the first year a claim or event of the
relations names, to the last year the dataset names, and is cut to the
years both states existed. The format is the extension of -o: .svg or .png.`,
		Example: `  dyad plot trajectory RUS-JPN -o rus-jpn.svg
  dyad plot trajectory RUS-JPN RUS-CHN -o russia-japan-china.png
  dyad plot trajectory Japan-Russia --from 2010 --to 2022 -o recent.svg`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageError{fmt.Errorf("dyad plot trajectory needs a relation, such as RUS-JPN")}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Relations = args
			if err := checkPlotOptions(opts); err != nil {
				return err
			}
			cfg, err := e.config(cmd)
			if err != nil {
				return err
			}
			opts.Dataset = func() (*graph.Dataset, error) { return readDataset(cfg) }
			if runF != nil {
				return runF(opts)
			}
			return plotRun(opts)
		},
	}
	addDataFlag(cmd)
	addSpanFlags(cmd, &opts.Span)
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "file to write: .svg or .png (required)")
	return cmd
}

// addSpanFlags adds --from and --to, in years.
func addSpanFlags(cmd *cobra.Command, s *dynamics.Span) {
	cmd.Flags().IntVar(&s.From, "from", 0, "first year (default: the first year the data names)")
	cmd.Flags().IntVar(&s.To, "to", 0, "last year (default: the last year the data names)")
}

func checkSpan(s dynamics.Span) error {
	for _, y := range []int{s.From, s.To} {
		if y < 0 || y > 9999 {
			return usageError{fmt.Errorf("invalid year %d: want 1 to 9999", y)}
		}
	}
	if s.From != 0 && s.To != 0 && s.From > s.To {
		return usageError{fmt.Errorf("--from %d is after --to %d", s.From, s.To)}
	}
	return nil
}

// chartFormat returns the format an output file's extension names.
func chartFormat(output string) (string, error) {
	ext := strings.TrimPrefix(strings.ToLower(filepath.Ext(output)), ".")
	for _, f := range dynamics.ChartFormats {
		if ext == f {
			return f, nil
		}
	}
	return "", usageError{fmt.Errorf("-o %s: want a file ending in .svg or .png", output)}
}

func checkPlotOptions(opts *PlotOptions) error {
	if opts.Output == "" {
		return usageError{fmt.Errorf("dyad plot trajectory needs -o, a file ending in .svg or .png")}
	}
	if _, err := chartFormat(opts.Output); err != nil {
		return err
	}
	return checkSpan(opts.Span)
}

func plotRun(opts *PlotOptions) error {
	ds, err := opts.Dataset()
	if err != nil {
		return err
	}
	var rels []*graph.Relation
	for _, arg := range opts.Relations {
		r, err := dynamics.Resolve(ds, arg)
		if err != nil {
			return err
		}
		rels = append(rels, r)
	}
	// One default span for all, so that the relations share the x axis.
	span := opts.Span
	def := dynamics.DefaultSpan(ds, rels...)
	if span.From == 0 {
		span.From = def.From
	}
	if span.To == 0 {
		span.To = def.To
	}
	var series []*dynamics.Series
	for _, r := range rels {
		s, err := dynamics.Trajectory(ds, r, span)
		if err != nil {
			return err
		}
		series = append(series, s)
	}
	format, _ := chartFormat(opts.Output)
	var buf bytes.Buffer
	if err := dynamics.WriteChart(&buf, format, series); err != nil {
		return err
	}
	if err := writeOutput(opts.Output, writeBytes(buf.Bytes())); err != nil {
		return err
	}
	for _, s := range series {
		undated := ""
		if n := len(s.Undated); n > 0 {
			undated = fmt.Sprintf("; %d undated claim(s) not in any year", n)
		}
		fmt.Fprintf(opts.IO.ErrOut, "%s %d–%d: %d event(s)%s\n", s.Relation, s.From, s.To, len(s.Events), undated)
	}
	fmt.Fprintf(opts.IO.ErrOut, "wrote %s\n", opts.Output)
	return nil
}
