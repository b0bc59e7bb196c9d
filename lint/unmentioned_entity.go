package lint

import (
	"github.com/dyad-kg/dyad/graph"
)

var _ = register(&Rule{
	Name:     "unmentioned-entity",
	Severity: Warning,
	Doc:      "A state, region, dispute, stance, factor or organization that no claim or event mentions, directly or through the records they mention.",
	check:    unmentionedEntity,
})

// unmentionedEntity reports the records that no claim or event reaches:
// starting from every claim's subject and object and every event, it
// follows each record's references (a stance's holder, a factor's state
// and regions, a relation's states, a dispute's parties...) and reports the
// records it never reaches. Events are starting points, sources are cited
// rather than mentioned, and relations have a rule of their own
// (relation-without-claims).
func unmentionedEntity(p *pass) {
	byID := records(p.ds)
	reached := map[string]bool{}
	var visit func(id string)
	visit = func(id string) {
		if id == "" || reached[id] {
			return
		}
		reached[id] = true
		for _, ref := range references(byID[id]) {
			visit(ref)
		}
	}
	for _, c := range p.ds.Claims {
		visit(c.Subject)
		visit(c.Object)
	}
	for _, e := range p.ds.Events {
		visit(e.ID)
	}
	for _, k := range graph.Kinds() {
		switch k.Label {
		case graph.LabelEvent, graph.LabelSource, graph.LabelRelation:
			continue
		}
		for _, r := range p.ds.Records(k.Label) {
			e := graph.EntityOf(r)
			if !reached[e.ID] {
				p.report(e.Loc.Pos, "%s %s is mentioned by no claim or event: add what it is there for, or remove it",
					lower(k.Label), e.ID)
			}
		}
	}
}

// references returns the ids record r refers to.
func references(r graph.Record) []string {
	switch r := r.(type) {
	case *graph.Event:
		return concat(r.States, r.Regions, r.Disputes)
	case *graph.Stance:
		return concat([]string{r.Holder}, r.Toward)
	case *graph.Factor:
		return concat([]string{r.Within}, r.Regions)
	case *graph.Relation:
		return r.States[:]
	case *graph.Dispute:
		refs := []string{r.Territory}
		for _, party := range r.Parties {
			refs = append(refs, party.State)
		}
		return refs
	case *graph.Region:
		return concat(r.PartOf, r.Members)
	case *graph.State:
		return r.Predecessors
	case *graph.Organization:
		return r.Members
	}
	return nil
}

// records returns every node record of ds by id.
func records(ds *graph.Dataset) map[string]graph.Record {
	m := map[string]graph.Record{}
	for _, k := range graph.Kinds() {
		for _, r := range ds.Records(k.Label) {
			m[graph.EntityOf(r).ID] = r
		}
	}
	return m
}

func concat(xs ...[]string) []string {
	var out []string
	for _, x := range xs {
		out = append(out, x...)
	}
	return out
}

// lower returns a label as a word in a sentence: "state", "factor".
func lower(l graph.Label) string {
	b := []byte(l)
	if len(b) > 0 && b[0] >= 'A' && b[0] <= 'Z' {
		b[0] += 'a' - 'A'
	}
	return string(b)
}
