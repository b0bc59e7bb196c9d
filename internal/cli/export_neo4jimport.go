package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/neo4j"
)

// Neo4jImportOptions are the inputs of dyad export neo4j-import.
type Neo4jImportOptions struct {
	IO      *IO
	Dataset func() (*graph.Dataset, error)
	// Output is the folder to write the CSV files, import.sh and README into.
	Output string
	// Database is the database import.sh imports into by default.
	Database string
}

func newExportNeo4jImportCmd(e *env, runF func(*Neo4jImportOptions) error) *cobra.Command {
	opts := &Neo4jImportOptions{IO: e.io}
	cmd := &cobra.Command{
		Use:   "neo4j-import -o DIR",
		Short: "Write CSV files for neo4j-admin database import full, the bulk path for a first load",
		Long: `Neo4j-import writes the dataset (the one built into dyad, or --data) as the
CSV files that 'neo4j-admin database import full' reads: one file per node
label and per relationship type, with typed headers, holding the graph
'dyad load' writes (same labels, ids, properties and dyad marker). Beside
them it writes import.sh, which runs the import, and a README.

neo4j-admin writes the database files directly, far faster than any load,
but only into a stopped database, and it replaces what the database held.
Afterwards start Neo4j and run 'dyad load' once: it creates the constraints
and indexes, and reports every element unchanged. docs/bulk-import.md shows
the commands for scripts/neo4j and for Docker.`,
		Example: `  dyad export neo4j-import -o /tmp/dyad-import
  scripts/neo4j stop
  NEO4J_ADMIN="scripts/neo4j admin" sh /tmp/dyad-import/import.sh
  scripts/neo4j start && dyad load`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if opts.Output == "" {
				return usageError{fmt.Errorf("dyad export neo4j-import needs -o DIR, the folder to write the files into")}
			}
			cfg, err := e.config(cmd)
			if err != nil {
				return err
			}
			opts.Dataset = func() (*graph.Dataset, error) { return readDataset(cfg) }
			if runF != nil {
				return runF(opts)
			}
			return neo4jImportRun(opts)
		},
	}
	addDataFlag(cmd)
	f := cmd.Flags()
	f.StringVarP(&opts.Output, "output", "o", "", "folder to write the CSV files into (created if need be)")
	f.StringVar(&opts.Database, "database", "neo4j", "database import.sh imports into (Community Edition has only neo4j)")
	return cmd
}

func neo4jImportRun(opts *Neo4jImportOptions) error {
	if st, err := os.Stat(opts.Output); err == nil && !st.IsDir() {
		return fmt.Errorf("-o %s is a file: give a folder", opts.Output)
	}
	ds, err := opts.Dataset()
	if err != nil {
		return err
	}
	imp, err := neo4j.WriteAdminImport(opts.Output, ds.Elements())
	if err != nil {
		return err
	}
	abs, err := filepath.Abs(opts.Output)
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(opts.Output, "import.sh"), []byte(importScript(imp, opts.Database)), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(opts.Output, "README.md"), []byte(importReadme(imp)), 0o644); err != nil {
		return err
	}
	nodes, rels := imp.Elements()
	fmt.Fprintf(opts.IO.ErrOut, "wrote %d nodes and %d relationships in %d files to %s\n", nodes, rels, len(imp.Nodes)+len(imp.Relationships), opts.Output)
	fmt.Fprintf(opts.IO.ErrOut, "with Neo4j stopped, import them (replacing database %s) with:\n  %s\nthen start Neo4j and run dyad load (it creates the constraints; everything should be unchanged)\n",
		opts.Database, shellLine(append([]string{"neo4j-admin"}, imp.Args(abs, opts.Database)...)))
	return nil
}

// importScript is import.sh: neo4j-admin (NEO4J_ADMIN, default neo4j-admin
// on the PATH) importing the files beside the script into a database
// (first argument, default the one given to export).
func importScript(imp *neo4j.AdminImport, database string) string {
	args := imp.Args("$here", "$db")
	var b strings.Builder
	nodes, rels := imp.Elements()
	fmt.Fprintf(&b, `#!/bin/sh
# Written by dyad export neo4j-import: %d nodes, %d relationships.
# Imports them with neo4j-admin into a database, REPLACING what it holds.
# Stop Neo4j first (neo4j-admin writes the store files directly), then start it
# and run 'dyad load', which creates the constraints and indexes.
#
#   sh import.sh [DATABASE]                           neo4j-admin on the PATH (database %s by default)
#   NEO4J_ADMIN="scripts/neo4j admin" sh import.sh    Dyad's launcher (run from the Dyad checkout)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
db=${1:-%s}
${NEO4J_ADMIN:-neo4j-admin}`, nodes, rels, database, database)
	for _, a := range args {
		fmt.Fprintf(&b, " \\\n  %s", scriptQuote(a))
	}
	b.WriteString("\n")
	return b.String()
}

// scriptQuote double-quotes a for sh, keeping $here and $db expanded (the
// other arguments hold no $, ` or \ of their own: file names and flags).
func scriptQuote(a string) string {
	return `"` + a + `"`
}

// shellLine joins args into one line for a POSIX shell, single-quoting any
// argument that needs it.
func shellLine(args []string) string {
	out := make([]string, len(args))
	for i, a := range args {
		if a != "" && !strings.ContainsAny(a, " \t\n'\"\\$`;|&<>()*?[]#~!{}") {
			out[i] = a
			continue
		}
		out[i] = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
	}
	return strings.Join(out, " ")
}

func importReadme(imp *neo4j.AdminImport) string {
	var b strings.Builder
	nodes, rels := imp.Elements()
	fmt.Fprintf(&b, "# Dyad graph for neo4j-admin database import full\n\n%d nodes and %d relationships, written by `dyad export neo4j-import`.\n\n", nodes, rels)
	b.WriteString("| file | label or type | rows |\n| --- | --- | ---: |\n")
	for _, f := range append(append([]neo4j.ImportFile{}, imp.Nodes...), imp.Relationships...) {
		fmt.Fprintf(&b, "| %s | %s | %d |\n", f.Name, f.Kind, f.Count)
	}
	fmt.Fprintf(&b, `
Node ids are in one id space (%s); lists are string arrays separated by %q
(--array-delimiter); every node and relationship has dyad=true, as after dyad load.

1. Stop Neo4j: neo4j-admin writes the database's store files directly, and
   replaces what the database holds (--overwrite-destination).
2. Run import.sh: with neo4j-admin on the PATH, sh import.sh; with Dyad's
   launcher, NEO4J_ADMIN="scripts/neo4j admin" sh import.sh from the Dyad checkout.
3. Start Neo4j and run dyad load (with the same dataset): it creates the
   constraints and indexes Dyad needs, and reports every element unchanged.

docs/bulk-import.md in the Dyad repository has the commands for Docker.
`, neo4j.IDSpace, imp.ArrayDelimiter)
	return b.String()
}
