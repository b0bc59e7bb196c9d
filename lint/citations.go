package lint

import (
	"fmt"

	"github.com/dyad-kg/dyad/graph"
)

// citation is one citation in a dataset, with the record that makes it and
// where.
type citation struct {
	graph.Citation
	// Owner is the id of the record that cites.
	Owner string
	// Loc is the owner's location; Path the citation's field path in it
	// ("evidence/0"), so Loc.At(Path+"/locator") is the locator's position.
	Loc  graph.Loc
	Path string
}

// citations returns every citation in ds: claims' evidence and
// contested_by, and the sources of every kind of node that has them.
func citations(ds *graph.Dataset) []citation {
	var out []citation
	add := func(owner string, loc graph.Loc, field string, cs []graph.Citation) {
		for i, c := range cs {
			out = append(out, citation{c, owner, loc, fmt.Sprintf("%s/%d", field, i)})
		}
	}
	for _, k := range graph.Kinds() {
		for _, r := range ds.Records(k.Label) {
			e := graph.EntityOf(r)
			switch v := r.(type) {
			case *graph.State:
				add(e.ID, e.Loc, "sources", v.Sources)
			case *graph.Region:
				add(e.ID, e.Loc, "sources", v.Sources)
			case *graph.Dispute:
				add(e.ID, e.Loc, "sources", v.Sources)
				for i, party := range v.Parties {
					add(e.ID, e.Loc, fmt.Sprintf("parties/%d/sources", i), party.Sources)
				}
			case *graph.Event:
				add(e.ID, e.Loc, "sources", v.Sources)
			case *graph.Stance:
				add(e.ID, e.Loc, "sources", v.Sources)
			case *graph.Factor:
				add(e.ID, e.Loc, "sources", v.Sources)
			case *graph.Relation:
				add(e.ID, e.Loc, "sources", v.Sources)
			case *graph.Organization:
				add(e.ID, e.Loc, "sources", v.Sources)
			}
		}
	}
	for _, c := range ds.Claims {
		add(c.ID, c.Loc, "evidence", c.Evidence)
		add(c.ID, c.Loc, "contested_by", c.ContestedBy)
	}
	return out
}
