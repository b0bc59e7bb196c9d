package queries

import (
	"context"
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
	fp := p
	fp.keep = q.fetch(p)
	fs, err := b.findings(ctx, q, fp)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	fs, more := limit(q, p, order(q, fs))
	ans := &Answer{Query: name, Params: p, Title: title(q, p, ents), Findings: fs, More: more}
	if err := cite(ctx, b, ans); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if q.Synthesis {
		ans.Gist = gistOf(ans.Findings, ents)
	}
	return ans, nil
}

// limit keeps the first findings in q's rank (first, then key), as many as
// q lists for p, in their order (fs is in key order), and reports whether
// there were more.
func limit(q *Query, p Params, fs []Finding) ([]Finding, bool) {
	n := q.limitOf(p)
	if n == 0 || len(fs) <= n {
		return fs, false
	}
	if q.first != nil {
		// fs is in key order: a stable sort breaks first's ties by key.
		idx := make([]int, len(fs))
		for i := range idx {
			idx[i] = i
		}
		slices.SortStableFunc(idx, func(a, b int) int { return q.first(&fs[a], &fs[b]) })
		idx = idx[:n]
		slices.Sort(idx)
		kept := make([]Finding, n)
		for i, j := range idx {
			kept[i] = fs[j]
		}
		return kept, true
	}
	return fs[:n], true
}

// order normalises each finding, drops duplicates and sorts them by the
// question's key: the same answer whatever order a backend found them in.
func order(q *Query, fs []Finding) []Finding {
	// The findings are sorted by index: a finding is a large struct,
	// copied once, into its place.
	type keyed struct {
		key string
		i   int
	}
	ks := make([]keyed, 0, len(fs))
	seen := make(map[string]bool, len(fs))
	for i := range fs {
		f := &fs[i]
		normalise(q, f)
		k := q.key(f)
		if seen[k] {
			continue
		}
		seen[k] = true
		ks = append(ks, keyed{k, i})
	}
	slices.SortFunc(ks, func(x, y keyed) int { return strings.Compare(x.key, y.key) })
	out := make([]Finding, len(ks))
	for i, k := range ks {
		out[i] = fs[k.i]
	}
	return out
}

// normalise sorts what comes in no set order: parallel claims, parties and
// targets.
func normalise(q *Query, f *Finding) {
	if q.Parallel {
		slices.SortFunc(f.Chain, func(x, y Step) int { return strings.Compare(x.Claim, y.Claim) })
		if f.Effect != "" {
			f.Effect = firstEffect(f.Chain)
		}
	}
	slices.SortFunc(f.Parties, func(x, y Party) int { return strings.Compare(x.State.ID, y.State.ID) })
	slices.SortFunc(f.Toward, func(x, y Ref) int { return strings.Compare(x.ID, y.ID) })
}

// title is the answer's title: the question's heading and the period.
func title(q *Query, p Params, ents []Entity) string {
	t := q.heading(p, indexOf(ents).name)
	asks := strings.HasSuffix(t, "?")
	t = strings.TrimSuffix(t, "?")
	if !q.NoPeriod {
		t += periodText(p)
	}
	if asks {
		t += "?"
	}
	return t
}

// periodText is " in 2005", ", 1992–2001", " since 2012", " until 2000" or "".
func periodText(p Params) string {
	switch {
	case p.From != 0 && p.From == p.To:
		return fmt.Sprintf(" in %d", p.From)
	case p.From != 0 && p.To != 0:
		return fmt.Sprintf(", %d–%d", p.From, p.To)
	case p.From != 0:
		return fmt.Sprintf(" since %d", p.From)
	case p.To != 0:
		return fmt.Sprintf(" until %d", p.To)
	}
	return ""
}

// relationName is "Russia–Japan relations".
func relationName(p Params, name func(string) string) string {
	return name(p.A) + "–" + name(p.B) + " relations"
}

// ErrNotFound is returned when a question names a state, relation, node or
// source the graph does not have.
var ErrNotFound = graph.Sentinel(graph.ENOTFOUND, "not found")

// resolve checks that the entities p names exist, with the right labels,
// and that a question about two states has their relation to ask about.
func resolve(q *Query, p Params, ents []Entity) error {
	x := indexOf(ents)
	want := func(id string, labels ...graph.Label) error {
		if id == "" {
			return nil
		}
		e, ok := x.byID[id]
		if !ok || !slices.Contains(labels, e.Label) {
			return fmt.Errorf("%w: no %s %q in the graph", ErrNotFound, labelWords(labels), id)
		}
		return nil
	}
	for _, id := range append([]string{p.A, p.B, p.Actor}, p.Others...) {
		if err := want(id, graph.LabelState); err != nil {
			return err
		}
	}
	// A question that takes no node ignores one (it used to panic here).
	if len(q.NodeLabels) > 0 {
		if err := want(p.Node, q.NodeLabels...); err != nil {
			return err
		}
	}
	if err := want(p.Source, graph.LabelSource); err != nil {
		return err
	}
	if p.A == "" || p.B == "" || x.relations[[2]string{p.A, p.B}] {
		return nil
	}
	return fmt.Errorf("%w: the graph has no relation between %s and %s", ErrNotFound, x.byID[p.A].Name, x.byID[p.B].Name)
}

// labelWords is "event, factor, stance, region or dispute".
func labelWords(ls []graph.Label) string {
	ws := make([]string, len(ls))
	for i, l := range ls {
		ws[i] = strings.ToLower(string(l))
	}
	switch len(ws) {
	case 0:
		return "node"
	case 1:
		return ws[0]
	}
	return strings.Join(ws[:len(ws)-1], ", ") + " or " + ws[len(ws)-1]
}

// cite fills in the titles and URLs of every source an answer cites.
func cite(ctx context.Context, b Backend, a *Answer) error {
	var ids []string
	walk(a, func(es []Evidence) []Evidence {
		for _, e := range es {
			ids = append(ids, e.Source)
		}
		return es
	})
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
		for _, chain := range [][]Step{f.Chain, f.Via} {
			for j := range chain {
				chain[j].Evidence = fn(chain[j].Evidence)
				chain[j].ContestedBy = fn(chain[j].ContestedBy)
			}
		}
		for j := range f.Parties {
			f.Parties[j].Evidence = fn(f.Parties[j].Evidence)
		}
	}
}
