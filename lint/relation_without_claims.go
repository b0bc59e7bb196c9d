package lint

var _ = register(&Rule{
	Name:     "relation-without-claims",
	Severity: Warning,
	Doc:      "A relation that no claim weakens or strengthens: nothing in the dataset says what shaped it.",
	check:    relationWithoutClaims,
})

// relationWithoutClaims reports relations that are the object of no claim.
func relationWithoutClaims(p *pass) {
	objects := map[string]bool{}
	for _, c := range p.ds.Claims {
		objects[c.Object] = true
	}
	for _, r := range p.ds.Relations {
		if !objects[r.ID] {
			p.report(r.Loc.Pos, "relation %s has no claims: add the claims that say what weakened or strengthened it, or remove it", r.ID)
		}
	}
}
