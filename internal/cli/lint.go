package cli

import (
	"encoding/json"
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/lint"
)

// LintOptions are the inputs of dyad lint.
type LintOptions struct {
	IO      *IO
	Dataset func() (*graph.Dataset, error)
	// Config is the lint section of the config file, checked.
	Config lint.Config
	// Format is text or json.
	Format string
	// ListRules lists the rules instead of running them.
	ListRules bool
}

func newLintCmd(e *env, runF func(*LintOptions) error) *cobra.Command {
	opts := &LintOptions{IO: e.io}
	cmd := &cobra.Command{
		Use:   "lint",
		Short: "Check a valid dataset for what a careful editor would question",
		Long: `Lint reads a dataset, validates it (as dyad validate does), then applies the
checks a careful editor makes: the same claim made twice over overlapping
periods, evidence published before what it reports, a contesting source
older than the period it contests, a stance with no end that a later stance
contradicts, coarse locators ("whole report" for a long document, "passim"),
sources on weak hosts, records no claim or event mentions, relations with no
claims, and relation ids not in canonical order.

Every problem is reported at once, as file:line:col: severity: rule: message.
Exit status 1 means at least one problem of severity error (or an invalid
dataset); warnings and infos are reported only.

The lint section of the config file (dyad.yaml) turns rules off, changes
their severity and adds hosts to the weak-host list:

  lint:
    rules:
      coarse-locator: off       # off, info, warning or error
      relation-without-claims: info
    weak-hosts: [example.org]   # a host covers its subdomains

docs/lint.md explains every rule with an example.`,
		Example: `  dyad lint
  dyad lint --data ./my-dataset
  dyad lint --format json | jq '.problems[] | select(.severity == "error")'
  dyad lint --rules`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := checkFormat(opts.Format, "text", "json"); err != nil {
				return err
			}
			cfg, err := e.config(cmd)
			if err != nil {
				return err
			}
			opts.Dataset = func() (*graph.Dataset, error) { return readDatasetWithPositions(cfg) }
			opts.Config = cfg.LintRules
			if runF != nil {
				return runF(opts)
			}
			return lintRun(opts)
		},
	}
	addDataFlag(cmd)
	addFormatFlag(cmd, &opts.Format, "text", "json")
	cmd.Flags().BoolVar(&opts.ListRules, "rules", false, "list the rules, with their severity under the config file, and exit")
	return cmd
}

// lintReport is dyad lint's JSON output.
type lintReport struct {
	Problems []lint.Problem `json:"problems"`
	Errors   int            `json:"errors"`
	Warnings int            `json:"warnings"`
	Infos    int            `json:"infos"`
}

func lintRun(opts *LintOptions) error {
	if opts.ListRules {
		return listRules(opts)
	}
	ds, err := opts.Dataset()
	if err != nil {
		return err
	}
	ps := lint.Run(ds, opts.Config)
	rep := lintReport{Problems: ps, Errors: lint.Count(ps, lint.Error), Warnings: lint.Count(ps, lint.Warning), Infos: lint.Count(ps, lint.Info)}
	if rep.Problems == nil {
		rep.Problems = []lint.Problem{}
	}
	if opts.Format == "json" {
		enc := json.NewEncoder(opts.IO.Out)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			return err
		}
	} else {
		for _, p := range ps {
			fmt.Fprintln(opts.IO.Out, p)
		}
	}
	summary := fmt.Sprintf("%d error(s), %d warning(s), %d info(s)", rep.Errors, rep.Warnings, rep.Infos)
	if rep.Errors > 0 {
		// Wrapping graph.ErrInvalid makes the exit status 1, as for an
		// invalid dataset (exitCode).
		return &graph.CodeError{Code: graph.EINVALID, Message: "lint: " + summary, Err: graph.ErrInvalid}
	}
	fmt.Fprintf(opts.IO.ErrOut, "lint: %s\n", summary)
	return nil
}

// listRules prints every rule with the severity it runs at.
func listRules(opts *LintOptions) error {
	type ruleInfo struct {
		Name     string        `json:"name"`
		Severity lint.Severity `json:"severity"`
		Default  lint.Severity `json:"default"`
		Doc      string        `json:"doc"`
	}
	var rs []ruleInfo
	for _, r := range lint.Rules() {
		rs = append(rs, ruleInfo{r.Name, opts.Config.Severity(r), r.Severity, r.Doc})
	}
	if opts.Format == "json" {
		enc := json.NewEncoder(opts.IO.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(rs)
	}
	tw := tabwriter.NewWriter(opts.IO.Out, 0, 0, 2, ' ', 0)
	for _, r := range rs {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", r.Name, r.Severity, r.Doc)
	}
	return tw.Flush()
}
