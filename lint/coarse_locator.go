package lint

import (
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/dyad-kg/dyad/graph"
)

var _ = register(&Rule{
	Name:     "coarse-locator",
	Severity: Warning,
	Doc:      `A citation whose locator does not narrow the source down: "passim", "n/a", or "whole report" for a long document.`,
	check:    coarseLocator,
})

// vagueLocator matches locators that point nowhere, for any source.
var vagueLocator = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^\s*(passim|throughout|various|n/?a|none|tbd|todo|see (above|below|text)|[-–—?.]*)\s*$`)
})

// wholeLocator matches locators that name the whole document.
var wholeLocator = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)^\s*(the\s+)?(whole|entire|full|complete)\b`) })

// longKinds are the kinds of source long enough that "the whole of it" does
// not tell a reader where to look; a news report, statement or web page is
// short enough to be cited whole.
var longKinds = []graph.SourceKind{graph.SourceArticle, graph.SourceBook, graph.SourceReport, graph.SourceTreaty}

// coarseLocator reports citations with a vague locator, and citations of a
// long document as a whole.
func coarseLocator(p *pass) {
	for _, c := range citations(p.ds) {
		src := p.ds.Source(c.Source)
		switch {
		case vagueLocator().MatchString(c.Locator):
			p.report(c.Loc.At(c.Path+"/locator"), "%s cites %s at %q, which points nowhere: give a paragraph, page, section or article",
				c.Owner, c.Source, strings.TrimSpace(c.Locator))
		case src != nil && slices.Contains(longKinds, src.Kind) && wholeLocator().MatchString(c.Locator):
			p.report(c.Loc.At(c.Path+"/locator"), "%s cites %s (%s) at %q, the whole of a long document: give the paragraph, page or section that says it",
				c.Owner, c.Source, src.Kind, strings.TrimSpace(c.Locator))
		}
	}
}
