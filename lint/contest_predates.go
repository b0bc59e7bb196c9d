package lint

import (
	"fmt"
)

var _ = register(&Rule{
	Name:     "contest-predates",
	Severity: Error,
	Doc:      "A source that contests a claim was published before the claim's period began, so it cannot speak to it.",
	check:    contestPredates,
})

// contestPredates reports contested_by citations whose source was surely
// published before the claim's period began.
func contestPredates(p *pass) {
	for _, c := range p.ds.Claims {
		for i, cit := range c.ContestedBy {
			src := p.ds.Source(cit.Source)
			if src == nil || !surelyBefore(src.Published, c.Period.From) {
				continue
			}
			p.report(c.Loc.At(fmt.Sprintf("contested_by/%d/source", i)),
				"claim %s, from %s, is contested by %s, published %s, which cannot speak to a period that had not begun; cite a source on that period, or drop the citation",
				c.ID, c.Period.From, cit.Source, src.Published)
		}
	}
}
