package cli

import (
	"encoding/json"
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/dyad-kg/dyad/graph"
)

// StatsOptions are the inputs of dyad stats.
type StatsOptions struct {
	IO      *IO
	Format  string
	Dataset func() (*graph.Dataset, error)
}

// Stats is what dyad stats reports: node counts by label, edge counts by
// type, and the number of claims by effect.
type Stats struct {
	Nodes     map[graph.Label]int   `json:"nodes"`
	Edges     map[graph.RelType]int `json:"edges"`
	NodeTotal int                   `json:"node_total"`
	EdgeTotal int                   `json:"edge_total"`
	Claims    int                   `json:"claims"`
	Contested int                   `json:"contested_claims"`
}

// ComputeStats counts ds.
func ComputeStats(ds *graph.Dataset) Stats {
	el := ds.Elements()
	s := Stats{Nodes: el.CountLabels(), Edges: el.CountTypes(), NodeTotal: len(el.Nodes), EdgeTotal: len(el.Edges), Claims: len(ds.Claims)}
	for _, l := range graph.Labels {
		s.Nodes[l] += 0
	}
	for _, t := range graph.RelTypes {
		s.Edges[t] += 0
	}
	for _, c := range ds.Claims {
		if c.Contested() {
			s.Contested++
		}
	}
	return s
}

func newStatsCmd(e *env, runF func(*StatsOptions) error) *cobra.Command {
	opts := &StatsOptions{IO: e.io}
	cmd := &cobra.Command{
		Use:   "stats",
		Short: "Count a dataset's nodes by label and edges by type",
		Example: `  dyad stats
  dyad stats --format json | jq .nodes.State`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := checkFormat(opts.Format, "text", "json"); err != nil {
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
			return statsRun(opts)
		},
	}
	addDataFlag(cmd)
	addFormatFlag(cmd, &opts.Format, "text", "json")
	return cmd
}

func statsRun(opts *StatsOptions) error {
	ds, err := opts.Dataset()
	if err != nil {
		return err
	}
	s := ComputeStats(ds)
	if opts.Format == "json" {
		enc := json.NewEncoder(opts.IO.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(s)
	}
	w := tabwriter.NewWriter(opts.IO.Out, 0, 4, 2, ' ', 0)
	fmt.Fprintf(w, "NODES\t%d\n", s.NodeTotal)
	for _, l := range graph.Labels {
		fmt.Fprintf(w, "  %s\t%d\n", l, s.Nodes[l])
	}
	fmt.Fprintf(w, "EDGES\t%d\n", s.EdgeTotal)
	for _, t := range graph.RelTypes {
		fmt.Fprintf(w, "  %s\t%d\n", t, s.Edges[t])
	}
	fmt.Fprintf(w, "CLAIMS\t%d\n", s.Claims)
	fmt.Fprintf(w, "  contested\t%d\n", s.Contested)
	return w.Flush()
}
