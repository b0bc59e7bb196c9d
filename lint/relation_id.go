package lint

var _ = register(&Rule{
	Name:     "relation-id",
	Severity: Warning,
	Doc:      "A relation whose id is not its two states' ids joined by '-' in the order its states field lists them (the canonical id).",
	check:    relationID,
})

// relationID reports relations whose id is not graph's canonical form,
// STATE1-STATE2 in the order of the states field. Users may type either
// order (graph.ResolveRelation); the id shows one.
func relationID(p *pass) {
	for _, r := range p.ds.Relations {
		want := r.States[0] + "-" + r.States[1]
		if r.ID != want {
			p.report(r.Loc.At("id"), "relation %s between %s and %s: name it %s, its states in the order they are listed, so that its id says which relation it is",
				r.ID, r.States[0], r.States[1], want)
		}
	}
}
