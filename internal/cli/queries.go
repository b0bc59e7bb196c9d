package cli

import (
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/dyad-kg/dyad/queries"
)

// QueriesOptions are the inputs of dyad queries.
type QueriesOptions struct {
	IO     *IO
	Format string
}

// CatalogEntry is one catalog question as dyad queries reports it.
type CatalogEntry struct {
	Name    queries.Name   `json:"name"`
	Title   string         `json:"title"`
	Doc     string         `json:"doc"`
	Needs   []string       `json:"needs"`
	Example string         `json:"example"`
	Params  queries.Params `json:"example_params"`
	Cypher  string         `json:"cypher"`
}

func newQueriesCmd(e *env, runF func(*QueriesOptions) error) *cobra.Command {
	opts := &QueriesOptions{IO: e.io}
	cmd := &cobra.Command{
		Use:   "queries",
		Short: "List the question catalog that dyad ask answers",
		Example: `  dyad queries
  dyad queries --format json | jq '.[].example'`,
		Args: noArgs,
		RunE: func(_ *cobra.Command, _ []string) error {
			if err := checkFormat(opts.Format, "text", "json"); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return queriesRun(opts)
		},
	}
	addFormatFlag(cmd, &opts.Format, "text", "json")
	return cmd
}

func queriesRun(opts *QueriesOptions) error {
	entries := make([]CatalogEntry, 0, len(queries.Catalog))
	for _, q := range queries.Catalog {
		needs := []string{}
		for _, n := range q.Needs {
			needs = append(needs, string(n))
		}
		entries = append(entries, CatalogEntry{Name: q.Name, Title: q.Title, Doc: q.Doc, Needs: needs,
			Example: q.Ask, Params: q.Example, Cypher: q.Cypher})
	}
	if opts.Format == "json" {
		enc := json.NewEncoder(opts.IO.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(entries)
	}
	w := tabwriter.NewWriter(opts.IO.Out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "NAME\tQUESTION\tNEEDS\tEXAMPLE")
	for _, e := range entries {
		needs := strings.Join(e.Needs, ", ")
		if needs == "" {
			needs = "-"
		}
		fmt.Fprintf(w, "%s\t%s\t%s\tdyad ask %q\n", e.Name, e.Title, needs, e.Example)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(opts.IO.Out, "\nPeriods: add \"in 2005\", \"between 1992 and 2001\", \"since 2012\" or \"before 2000\"; \"directly\" for direct causes only.")
	return nil
}
