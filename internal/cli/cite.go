package cli

import (
	"context"
	"fmt"
	"io"
	"slices"

	"github.com/dyad-kg/dyad/cite"
	"github.com/dyad-kg/dyad/queries"
)

// citeFormats are the values of dyad ask --cite: the reference formats
// Zotero, BibTeX/BibLaTeX, Pandoc and citeproc read.
var citeFormats = []string{"bibtex", "csljson"}

// checkCite checks ask's --cite value against its --format: the references
// replace the answer, so they go with the text format only.
func checkCite(citeFormat, format string) error {
	if citeFormat == "" {
		return nil
	}
	if !slices.Contains(citeFormats, citeFormat) {
		return usageError{fmt.Errorf("invalid --cite %q: want %s", citeFormat, joinOr(citeFormats))}
	}
	if format != "text" {
		return usageError{fmt.Errorf("--cite %s writes the answer's references instead of the answer: leave out --format %s", citeFormat, format)}
	}
	return nil
}

// writeCitations writes the sources ans cites, as BibTeX or CSL-JSON.
func writeCitations(ctx context.Context, w io.Writer, b queries.Backend, ans *queries.Answer, format string) error {
	srcs, err := queries.Sources(ctx, b, ans)
	if err != nil {
		return err
	}
	if format == "csljson" {
		return cite.WriteCSLJSON(w, srcs)
	}
	return cite.WriteBibTeX(w, srcs)
}
