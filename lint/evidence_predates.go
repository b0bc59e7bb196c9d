package lint

import (
	"fmt"

	"github.com/dyad-kg/dyad/graph"
)

var _ = register(&Rule{
	Name:     "evidence-predates",
	Severity: Error,
	Doc:      "A source cited as evidence was published before the claim's period, the event or the stance it supports began.",
	check:    evidencePredates,
})

// evidencePredates reports citations whose source was surely published
// before what they support began: a claim's or stance's period start, an
// event's date. Records with no start date, and sources with no published
// date, are not checked.
func evidencePredates(p *pass) {
	for _, c := range p.ds.Claims {
		predates(p, c.Loc, "evidence", c.Evidence, "claim "+c.ID+", from", c.Period.From)
	}
	for _, e := range p.ds.Events {
		predates(p, e.Loc, "sources", e.Sources, "event "+e.ID+", dated", e.Date)
	}
	for _, s := range p.ds.Stances {
		predates(p, s.Loc, "sources", s.Sources, "stance "+s.ID+", from", s.Period.From)
	}
}

func predates(p *pass, loc graph.Loc, field string, cs []graph.Citation, what string, start graph.Date) {
	for i, c := range cs {
		src := p.ds.Source(c.Source)
		if src == nil || !surelyBefore(src.Published, start) {
			continue
		}
		p.report(loc.At(fmt.Sprintf("%s/%d/source", field, i)),
			"%s %s, cites %s, published %s: a source cannot %s what had not yet happened; cite a later source or correct the dates",
			what, start, c.Source, src.Published, verb(c.Mode))
	}
}

// verb says what a citation of mode m does: report a fact or argue a point.
func verb(m graph.Mode) string {
	if m == graph.Argued {
		return "argue about"
	}
	return "report"
}
