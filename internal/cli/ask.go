package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dyad-kg/dyad/neo4j"
	"github.com/dyad-kg/dyad/queries"
)

// AskOptions are the inputs of dyad ask.
type AskOptions struct {
	IO       *IO
	Question string
	Format   string
	// All shows every finding with its evidence after the gist.
	All bool
	// NoPager writes straight to the terminal, never through a pager.
	NoPager bool
	Backend string
	// Limit is --limit: the most findings to list ("" for the question's
	// default, "0" or "all" for every one).
	Limit string
	// Cite, when set (bibtex or csljson), writes the answer's references
	// instead of the answer.
	Cite string
	// Open returns the backend to answer from, a phrase saying where that
	// is ("from Neo4j at bolt://..."), and a function to release it.
	Open func(ctx context.Context) (queries.Backend, string, func(), error)
}

var askFormats = []string{"text", "json", "markdown", "cypher"}

func newAskCmd(e *env, runF func(*AskOptions) error) *cobra.Command {
	opts := &AskOptions{IO: e.io}
	cmd := &cobra.Command{
		Use:   "ask QUESTION...",
		Short: "Answer a question in plain English, with the evidence for each finding",
		Long: `Ask maps a plain-English question onto the question catalog (see 'dyad
queries') and answers it with the evidence for each finding: the source, the
locator in it, and whether the source argues the point or reports it.

Names may be ids, names, aliases, capitals or adjectives, in any case:
"Russia–Japan", "Moscow-Tokyo ties", "Russo-Japanese", "Sino-Russian", "the
Kremlin", "the Northern Territories". Add "in 2005", "between 1992 and 2001",
"since 2012" or "before 2000" for a period, and "directly" for direct causes.

With --backend auto (the default) the answer comes from Neo4j when a Neo4j URI
is configured (flag, NEO4J_URI or dyad.yaml), else from the dataset built into
dyad (or --data DIR), in memory. --format cypher prints the query's Cypher and
a :param line to paste into Neo4j Browser.

Every answer says how dyad read the question ("Read as: what weakened
Russia–Japan relations, direct and indirect causes (chains of up to 3
claims), all periods"), names any part of it the answer does not use (a third
state, a period given to a question that takes none, a stray number, words it
does not know), and the other questions the words could also mean; the JSON
carries them as read_as, unused and alternatives.

A question dyad does not understand, a name it does not know (with the
closest known one), a year it cannot read, a depth beyond 3 (4 for feedback loops) or characters no
question needs exit 2. With nothing loaded in Neo4j, every question says "the
graph is empty: run dyad load" and exits 1.`,
		Example: `  dyad ask "What factors weakened Russia–Japan ties?"
  dyad ask "Which disputes is Japan party to?"
  dyad ask "What strengthened Sino-Russian relations?" --format json
  dyad ask "What weakened Moscow–Tokyo ties in 2005?" --format cypher
  dyad ask "What weakened Russia–Japan ties?" --cite bibtex > references.bib
  dyad ask "What weakened Russia–Japan ties?" --limit 10     # the 10 first: direct causes, most-cited first
  dyad ask "What weakened Russia–Japan ties?" --limit all    # every finding (also --limit 0)`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageError{errors.New("ask needs a question, such as: dyad ask \"What factors weakened Russia–Japan ties?\"")}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Question = strings.Join(args, " ")
			if err := checkFormat(opts.Format, askFormats...); err != nil {
				return err
			}
			if err := checkCite(opts.Cite, opts.Format); err != nil {
				return err
			}
			if _, err := parseLimit(opts.Limit); err != nil {
				return err
			}
			backends := []string{"auto", "memory", "neo4j"}
			if !slices.Contains(backends, opts.Backend) {
				return usageError{fmt.Errorf("invalid --backend %q: want %s", opts.Backend, joinOr(backends))}
			}
			cfg, err := e.config(cmd)
			if err != nil {
				return err
			}
			opts.Open = func(ctx context.Context) (queries.Backend, string, func(), error) {
				return openBackend(ctx, cfg, opts.Backend, opts.Format, opts.IO.ErrOut)
			}
			if runF != nil {
				return runF(opts)
			}
			return askRun(cmd.Context(), opts)
		},
	}
	addDataFlag(cmd)
	addNeo4jFlags(cmd)
	addFormatFlag(cmd, &opts.Format, askFormats...)
	cmd.Flags().BoolVar(&opts.All, "all", false, "after the gist, show every finding: each chain with all its evidence")
	cmd.Flags().BoolVar(&opts.All, "detail", false, "the same as --all")
	cmd.Flags().BoolVar(&opts.NoPager, "no-pager", false, "do not page the answer on a terminal (paging uses DYAD_PAGER, PAGER or less -FRX)")
	cmd.Flags().StringVar(&opts.Backend, "backend", "auto", "where to answer from: auto, memory or neo4j (auto: Neo4j if configured, else memory)")
	cmd.Flags().StringVar(&opts.Limit, "limit", "", fmt.Sprintf("list at most N findings (default %d, the first in the question's rank: shortest chains, most-cited first); 0 or all lists every one, e.g. --limit all", queries.DefaultLimit))
	cmd.Flags().StringVar(&opts.Cite, "cite", "", "write the sources the answer cites instead of the answer: bibtex or csljson (for Zotero, BibTeX, Pandoc)")
	_ = cmd.RegisterFlagCompletionFunc("cite", cobra.FixedCompletions(citeFormats, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("backend", cobra.FixedCompletions([]string{"auto", "memory", "neo4j"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// openBackend opens the backend kind names. For --format cypher, auto means
// memory: the names are resolved without connecting to anything. A warning
// that Neo4j holds part of a split load goes to warn.
func openBackend(ctx context.Context, cfg *Config, kind, format string, warn io.Writer) (queries.Backend, string, func(), error) {
	if kind == "auto" {
		kind = "memory"
		if cfg.Neo4j.Configured && format != "cypher" {
			kind = "neo4j"
		}
	}
	if kind == "neo4j" {
		db, err := connect(ctx, cfg)
		if err != nil {
			return nil, "", nil, err
		}
		warnLoadState(ctx, warn, db)
		return queries.NewNeo4j(db), "from Neo4j at " + neo4j.Redact(cfg.Neo4j.URI), func() { _ = db.Close(context.WithoutCancel(ctx)) }, nil
	}
	el, err := readElements(cfg)
	if err != nil {
		return nil, "", nil, err
	}
	where := "from the built-in dataset (in memory)"
	if cfg.Data != "" {
		where = "from the dataset in " + cfg.Data + " (in memory)"
	}
	return queries.NewMemoryElements(el), where, func() {}, nil
}

func askRun(ctx context.Context, opts *AskOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	b, where, closeFn, err := opts.Open(ctx)
	if err != nil {
		return err
	}
	defer closeFn()
	req, err := parseQuestion(ctx, b, opts.Question)
	if err != nil {
		return err
	}
	if req.Params.Limit, err = parseLimit(opts.Limit); err != nil {
		return err
	}
	if opts.Format == "cypher" {
		q, err := queries.Lookup(req.Query)
		if err != nil {
			return err
		}
		p := req.Params
		if err := q.Check(&p); err != nil {
			return err
		}
		return writeCypher(opts.IO.Out, q, p)
	}
	ans, err := answer(ctx, b, req)
	if err != nil {
		return err
	}
	if opts.Cite != "" {
		return writeCitations(ctx, opts.IO.Out, b, ans, opts.Cite)
	}
	if opts.Format == "json" {
		enc := json.NewEncoder(opts.IO.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(askJSON{Answer: ans, ReadAs: req.ReadAs, Unused: req.Unused, Alternatives: req.Alternatives})
	}
	ents, err := b.Entities(ctx)
	if err != nil {
		return err
	}
	to := queries.TextOptions{Entities: ents, Where: where, Color: opts.IO.Color(), All: opts.All, Request: &req}
	if opts.Format == "markdown" {
		return queries.WriteMarkdown(opts.IO.Out, ans, to)
	}
	return page(opts.IO, opts.NoPager, func(w io.Writer) error { return queries.WriteText(w, ans, to) })
}

// parseLimit reads --limit: a positive number, 0 or "all" (any case, or a
// number past the largest int) for every
// finding (queries.AllFindings), "" for the question's default (0).
func parseLimit(s string) (int, error) {
	switch strings.ToLower(s) {
	case "":
		return 0, nil
	case "all", "0":
		return queries.AllFindings, nil
	}
	n, err := strconv.Atoi(s)
	if errors.Is(err, strconv.ErrRange) && !strings.HasPrefix(s, "-") {
		return queries.AllFindings, nil // more than any graph holds
	}
	if err != nil || n < 0 {
		return 0, usageError{fmt.Errorf("invalid --limit %q: want a number of findings, or 0 or all for every one", s)}
	}
	return n, nil
}

// askJSON is ask's JSON: the answer, with how the question was read.
type askJSON struct {
	*queries.Answer
	ReadAs       string         `json:"read_as"`
	Unused       []string       `json:"unused,omitempty"`
	Alternatives []queries.Name `json:"alternatives,omitempty"`
}

// writeCypher prints a Neo4j Browser :param command for p, then q's gist
// Cypher if it has one, then its Cypher, each ending with ';': pasted whole
// into Browser's editor (which runs statements separated by ';' in turn), it
// sets the parameters and runs the queries, showing each one's status; run
// one on its own after the :param line to see its rows.
func writeCypher(w io.Writer, q *queries.Query, p queries.Params) error {
	fmt.Fprintln(w, queries.ParamCommand(q.CypherParams(p))+";")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "// Pasted whole, Neo4j Browser runs every statement below and shows each one's")
	fmt.Fprintln(w, "// status. To see a statement's rows, run the :param line above, then it alone.")
	if q.GistCypher != "" {
		// The answer's first layer, grouped and ranked as dyad ask shows it.
		fmt.Fprintln(w)
		fmt.Fprintln(w, strings.TrimRight(q.GistCypher, "\n")+";")
	}
	fmt.Fprintln(w)
	_, err := fmt.Fprintln(w, strings.TrimRight(q.Cypher, "\n")+";")
	return err
}
