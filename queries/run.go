package queries

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/dyad-kg/dyad/graph"
)

// Run answers the catalog question name with params p from backend b.
func Run(ctx context.Context, b Backend, name Name, p Params) (*Answer, error) {
	q, err := Lookup(name)
	if err != nil {
		return nil, err
	}
	if err := q.Check(&p); err != nil {
		return nil, err
	}
	ents, err := b.Entities(ctx)
	if err != nil {
		return nil, err
	}
	if err := resolve(q, p, ents); err != nil {
		return nil, err
	}
	rows, err := b.rows(ctx, q, q.CypherParams(p))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	ans := &Answer{Query: name, Params: p, Title: title(q, p, ents), Findings: []Finding{}}
	type keyed struct {
		key string
		f   Finding
	}
	var fs []keyed
	seen := map[string]bool{}
	for _, r := range rows {
		f := finding(q.Name, r)
		k := key(q.Name, &f)
		if seen[k] {
			continue
		}
		seen[k] = true
		fs = append(fs, keyed{k, f})
	}
	slices.SortFunc(fs, func(x, y keyed) int { return strings.Compare(x.key, y.key) })
	for _, k := range fs {
		ans.Findings = append(ans.Findings, k.f)
	}
	if err := cite(ctx, b, ans); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return ans, nil
}

func title(q *Query, p Params, ents []Entity) string {
	name := func(id string) string {
		for _, e := range ents {
			if e.ID == id {
				return e.Name
			}
		}
		return id
	}
	rel := name(p.A) + "–" + name(p.B) + " relations"
	var t string
	switch q.Name {
	case Weakened:
		t = "What weakened " + rel
	case Strengthened:
		t = "What strengthened " + rel
	case Timeline:
		t = "The timeline of " + rel
	case Disputes:
		t = "The disputes " + name(p.A) + " is party to"
	case Stances:
		t = "The stances " + name(p.A) + " held"
	case Regions:
		t = "The regions that matter to " + rel
		if p.Node != "" {
			t = "The role of " + name(p.Node) + " in " + rel
		}
	case Compare:
		t = name(p.A) + "'s relations compared"
		if len(p.Others) > 0 {
			others := make([]string, len(p.Others))
			for i, o := range p.Others {
				others[i] = name(o)
			}
			t += " (with " + strings.Join(others, ", ") + ")"
		}
	case Paths:
		t = "How " + name(p.Node) + " reached "
		if p.A != "" && p.B != "" {
			t += rel
		} else {
			t += "the relations it affected"
		}
	case SourceClaims:
		t = "What \u201c" + name(p.Source) + "\u201d claims"
	case Contested:
		t = "Contested claims"
		if p.A != "" && p.B != "" {
			t += " about " + rel
		}
	default:
		t = q.Title
	}
	switch {
	case q.Name == Disputes || q.Name == SourceClaims || q.Name == Contested:
		// These questions take no period; saying one would mislead.
	case p.From != 0 && p.From == p.To:
		t += fmt.Sprintf(" in %d", p.From)
	case p.From != 0 && p.To != 0:
		t += fmt.Sprintf(", %d–%d", p.From, p.To)
	case p.From != 0:
		t += fmt.Sprintf(" since %d", p.From)
	case p.To != 0:
		t += fmt.Sprintf(" until %d", p.To)
	}
	if q.Name == Weakened || q.Name == Strengthened {
		t += "?"
	}
	return t
}

// ErrNotFound is returned when a question names a state, relation, node or
// source the graph does not have.
var ErrNotFound = errors.New("not found")

// resolve checks that the entities p names exist, with the right labels,
// and that a question about two states has their relation to ask about.
func resolve(q *Query, p Params, ents []Entity) error {
	byID := make(map[string]*Entity, len(ents))
	for i := range ents {
		byID[ents[i].ID] = &ents[i]
	}
	want := func(id string, what string, labels ...graph.Label) error {
		if id == "" {
			return nil
		}
		e, ok := byID[id]
		if !ok || !slices.Contains(labels, e.Label) {
			return fmt.Errorf("%w: no %s %q in the graph", ErrNotFound, what, id)
		}
		return nil
	}
	for _, id := range append([]string{p.A, p.B}, p.Others...) {
		if err := want(id, "state", graph.LabelState); err != nil {
			return err
		}
	}
	nodeKinds := []graph.Label{graph.LabelEvent, graph.LabelFactor, graph.LabelStance, graph.LabelRegion, graph.LabelDispute}
	nodeWhat := "event, factor, stance, region or dispute"
	if q.Name == Regions {
		nodeKinds, nodeWhat = []graph.Label{graph.LabelRegion}, "region"
	}
	if err := want(p.Node, nodeWhat, nodeKinds...); err != nil {
		return err
	}
	if err := want(p.Source, "source", graph.LabelSource); err != nil {
		return err
	}
	if p.A == "" || p.B == "" || q.Name == Compare {
		return nil
	}
	for _, e := range ents {
		if e.Label == graph.LabelRelation && slices.Contains(e.States, p.A) && slices.Contains(e.States, p.B) {
			return nil
		}
	}
	return fmt.Errorf("%w: the graph has no relation between %s and %s", ErrNotFound, byID[p.A].Name, byID[p.B].Name)
}

func finding(name Name, r row) Finding {
	f := buildFinding(name, r)
	if name == Timeline || name == Disputes || name == Stances {
		// Parallel claims, parties and targets come in no set order.
		slices.SortFunc(f.Chain, func(x, y Step) int { return strings.Compare(x.Claim, y.Claim) })
		slices.SortFunc(f.Parties, func(x, y Party) int { return strings.Compare(x.State.ID, y.State.ID) })
		slices.SortFunc(f.Toward, func(x, y Ref) int { return strings.Compare(x.ID, y.ID) })
		if name == Timeline {
			f.Effect = netEffect(f.Chain, true)
		}
	}
	return f
}

func buildFinding(name Name, r row) Finding {
	switch name {
	case Timeline:
		f := nodeFinding(r.Node, graph.LabelEvent)
		f.Date, f.Kind = str(r.Node, "date"), str(r.Node, "kind")
		f.Chain = steps(r.Effects)
		f.Effect = netEffect(f.Chain, true)
		if f.Chain != nil {
			o := f.Chain[0].To
			f.Object = &o
		}
		return f
	case Disputes:
		f := nodeFinding(r.Node, graph.LabelDispute)
		f.Object = refp(r.Territory)
		f.Chain = steps(r.Effects)
		for _, p := range r.Parties {
			f.Parties = append(f.Parties, Party{State: ref(mapOf(p["state"])), Position: str(p, "position"), Evidence: evidence(p, "")})
		}
		return f
	case Stances:
		f := nodeFinding(r.Node, graph.LabelStance)
		f.Period = str(r.Node, "period")
		f.Chain = steps(r.Effects)
		for _, t := range r.Toward {
			f.Toward = append(f.Toward, ref(t))
		}
		return f
	case SourceClaims, Contested:
		f := pathFinding(steps(r.Steps))
		if len(r.Opposed) > 0 {
			o := slices.Clone(r.Opposed)
			slices.Sort(o)
			f.Note = "opposed by claim " + strings.Join(o, ", ")
		}
		return f
	case Regions:
		f := pathFinding(steps(r.Steps))
		f.Note = "via " + f.Subject.Name
		f.Subject = ref(r.Region)
		return f
	}
	return pathFinding(steps(r.Steps)) // weakened, strengthened, compare, paths
}

func nodeFinding(n map[string]any, label graph.Label) Finding {
	return Finding{
		Subject:  Ref{ID: str(n, "id"), Label: label, Name: str(n, "name")},
		Summary:  str(n, "description"),
		Evidence: evidence(n, ""),
	}
}

func pathFinding(chain []Step) Finding {
	if len(chain) == 0 {
		return Finding{}
	}
	first, last := chain[0], chain[len(chain)-1]
	obj := last.To
	f := Finding{Subject: first.From, Object: &obj, Effect: netEffect(chain, false), Summary: first.Summary, Chain: chain}
	var periods []graph.Period
	for _, s := range chain {
		f.Evidence = appendNew(f.Evidence, s.Evidence...)
		f.Contested = appendNew(f.Contested, s.ContestedBy...)
		periods = append(periods, parsePeriod(s.Period))
	}
	f.Period = intersect(periods).String()
	return f
}

// netEffect multiplies the signs of a chain's steps. For a timeline's
// effects (parallel claims, not a chain) it reports the first.
func netEffect(chain []Step, parallel bool) graph.Effect {
	if len(chain) == 0 {
		return ""
	}
	if parallel {
		return chain[0].Effect
	}
	sign := 1
	for _, s := range chain {
		sign *= s.Effect.Sign()
	}
	if chain[len(chain)-1].Effect == graph.Drives && sign > 0 {
		return graph.Drives
	}
	if sign < 0 {
		return graph.Weakens
	}
	return graph.Strengthens
}

func appendNew(list []Evidence, es ...Evidence) []Evidence {
	for _, e := range es {
		if !slices.Contains(list, e) {
			list = append(list, e)
		}
	}
	return list
}

func parsePeriod(s string) graph.Period {
	from, to, ok := strings.Cut(s, "–")
	if !ok {
		return graph.Period{}
	}
	var p graph.Period
	p.From, _ = graph.ParseDate(from)
	p.To, _ = graph.ParseDate(to)
	return p
}

// intersect returns the span in which every period holds.
func intersect(ps []graph.Period) graph.Period {
	var out graph.Period
	for _, p := range ps {
		if !p.From.IsZero() && (out.From.IsZero() || p.From.Compare(out.From) > 0) {
			out.From = p.From
		}
		if !p.To.IsZero() && (out.To.IsZero() || p.To.Compare(out.To) < 0) {
			out.To = p.To
		}
	}
	return out
}

// key orders and deduplicates findings.
func key(name Name, f *Finding) string {
	var ids []string
	for _, s := range f.Chain {
		ids = append(ids, s.Claim)
	}
	chain := strings.Join(ids, ">")
	obj := ""
	if f.Object != nil {
		obj = f.Object.Name + "\x00" + f.Object.ID
	}
	switch name {
	case Timeline:
		return sortableDate(f.Date) + "\x00" + f.Subject.ID
	case Disputes, Stances:
		return f.Subject.Name + "\x00" + f.Subject.ID
	case SourceClaims, Contested:
		return chain
	case Regions:
		return f.Subject.Name + "\x00" + f.Subject.ID + "\x00" + fmt.Sprintf("%d", len(f.Chain)) + chain
	case Compare:
		return obj + "\x00" + string(f.Effect) + fmt.Sprintf("\x00%d\x00", len(f.Chain)) + f.Subject.Name + "\x00" + chain
	}
	return fmt.Sprintf("%d\x00", len(f.Chain)) + f.Subject.Name + "\x00" + f.Subject.ID + "\x00" + obj + "\x00" + chain
}

func sortableDate(s string) string {
	d, err := graph.ParseDate(s)
	if err != nil {
		return s
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, max(d.Month, 0), max(d.Day, 0))
}

// cite fills in the titles and URLs of every source an answer cites.
func cite(ctx context.Context, b Backend, a *Answer) error {
	var ids []string
	visit := func(es []Evidence) {
		for _, e := range es {
			ids = append(ids, e.Source)
		}
	}
	walk(a, func(es []Evidence) []Evidence { visit(es); return es })
	if len(ids) == 0 {
		return nil
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	info, err := b.sources(ctx, ids)
	if err != nil {
		return err
	}
	walk(a, func(es []Evidence) []Evidence {
		for i := range es {
			es[i].Title, es[i].URL = info[es[i].Source].Title, info[es[i].Source].URL
		}
		return es
	})
	return nil
}

// walk applies fn to every evidence list in a.
func walk(a *Answer, fn func([]Evidence) []Evidence) {
	for i := range a.Findings {
		f := &a.Findings[i]
		f.Evidence = fn(f.Evidence)
		f.Contested = fn(f.Contested)
		for j := range f.Chain {
			f.Chain[j].Evidence = fn(f.Chain[j].Evidence)
			f.Chain[j].ContestedBy = fn(f.Chain[j].ContestedBy)
		}
		for j := range f.Parties {
			f.Parties[j].Evidence = fn(f.Parties[j].Evidence)
		}
	}
}
