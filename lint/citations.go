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
	cites := func(owner string, loc graph.Loc, r graph.Citing) {
		for _, c := range r.CitedIn() {
			add(owner, loc, c.Path, c.Citations)
		}
	}
	for _, k := range graph.Kinds() {
		for _, r := range ds.Records(k.Label) {
			if c, ok := r.(graph.Citing); ok {
				e := graph.EntityOf(r)
				cites(e.ID, e.Loc, c)
			}
		}
	}
	for _, c := range ds.Claims {
		cites(c.ID, c.Loc, c)
	}
	return out
}
