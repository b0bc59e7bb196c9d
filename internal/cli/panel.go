package cli

import (
	"bytes"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dyad-kg/dyad/dynamics"
	"github.com/dyad-kg/dyad/graph"
)

// PanelOptions are the inputs of dyad export panel.
type PanelOptions struct {
	IO      *IO
	Dataset func() (*graph.Dataset, error)
	// Output is the file to write; empty or "-" means standard output.
	Output string
	Format string
	dynamics.PanelOptions
}

func newExportPanelCmd(e *env, runF func(*PanelOptions) error) *cobra.Command {
	opts := &PanelOptions{IO: e.io}
	cmd := &cobra.Command{
		Use:   "panel",
		Short: "Export a dyad-year panel (CSV) for R, Stata and pandas",
		Long: `Panel writes one row per dyad-year, laid out as peacesciencer lays out its
panels: ccode1 and ccode2 (Correlates of War state codes), iso1 and iso2
(ISO 3166 alpha-3), year, then for the year the counts of active
strengthening and weakening claims, their evidence-weighted balance, the
events, the disputes active and the stances in force. docs/panel.md is the
codebook and shows how to merge the panel with others in R.

A dyad is in the panel if the dataset has a Relation for it, for the years
both states existed within --from and --to (default: the first and last
year the data names). Rows are undirected (ccode1 < ccode2) unless
--directed, which gives each dyad-year in both orders. The Soviet Union and
Russia share COW code 365: their relations with a state form one series.`,
		Example: `  dyad export panel -o panel.csv
  dyad export panel --directed --from 1992 --to 2022 -o directed.csv
  dyad export panel | head`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := checkFormat(opts.Format, "csv"); err != nil {
				return err
			}
			if err := checkSpan(opts.Span); err != nil {
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
			return panelRun(opts)
		},
	}
	addDataFlag(cmd)
	addSpanFlags(cmd, &opts.Span)
	addFormatFlag(cmd, &opts.Format, "csv")
	f := cmd.Flags()
	f.StringVarP(&opts.Output, "output", "o", "", "file to write (default: standard output)")
	f.BoolVar(&opts.Directed, "directed", false, "give each dyad-year in both orders (default: once, ccode1 < ccode2)")
	return cmd
}

func panelRun(opts *PanelOptions) error {
	ds, err := opts.Dataset()
	if err != nil {
		return err
	}
	rows := dynamics.Panel(ds, opts.PanelOptions)
	var buf bytes.Buffer
	if err := dynamics.WritePanelCSV(&buf, rows); err != nil {
		return err
	}
	if opts.Output == "" || opts.Output == "-" {
		_, err := opts.IO.Out.Write(buf.Bytes())
		return err
	}
	if err := writeOutput(opts.Output, writeBytes(buf.Bytes())); err != nil {
		return err
	}
	fmt.Fprintf(opts.IO.ErrOut, "exported %d dyad-years to %s\n", len(rows), opts.Output)
	return nil
}
