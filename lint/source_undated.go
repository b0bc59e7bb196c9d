package lint

var _ = register(&Rule{
	Name:     "source-undated",
	Severity: Warning,
	Doc:      "A source with no publication date, so no date check can weigh what it reports against when it was written.",
	check:    sourceUndated,
})

// sourceUndated reports sources with no published date. The rules that
// compare a source's date with what it supports (evidence-predates,
// contest-predates) skip such sources, so an undated source passes them
// unchecked; a year, or a year and month, is enough to be checked.
func sourceUndated(p *pass) {
	for _, s := range p.ds.Sources {
		if !s.Published.IsZero() {
			continue
		}
		p.report(s.Loc.Pos, "source %s (%s) has no published date, so the date checks pass it unchecked: give the year, month or day of publication (or the earliest it can date from, saying so in its description), or say in its description why it has none",
			s.ID, s.Kind)
	}
}
