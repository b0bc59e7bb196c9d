package queries

import (
	"cmp"
	"slices"
	"strings"

	"github.com/dyad-kg/dyad/graph"
)

// pathFinding is the finding of a causal chain: its first cause, its last
// object, its net effect, and the evidence of every step.
func pathFinding(chain []Step) Finding {
	if len(chain) == 0 {
		return Finding{}
	}
	first, last := chain[0], chain[len(chain)-1]
	obj := last.To
	f := Finding{Subject: first.From, Object: &obj, Effect: netEffect(chain), Summary: first.Summary, Chain: chain}
	periods := make([]graph.Period, 0, len(chain))
	for _, s := range chain {
		if f.Evidence == nil && len(s.Evidence) > 0 {
			f.Evidence = make([]Evidence, 0, evidenceCount(chain))
		}
		f.Evidence = appendNew(f.Evidence, s.Evidence...)
		f.Contested = appendNew(f.Contested, s.ContestedBy...)
		periods = append(periods, s.span)
	}
	f.Period = intersect(periods).String()
	return f
}

// evidenceCount is how many evidence entries chain's steps hold.
func evidenceCount(chain []Step) int {
	n := 0
	for _, s := range chain {
		n += len(s.Evidence)
	}
	return n
}

// netEffect multiplies the signs of a chain's steps: weakening a weakener
// strengthens. A chain that ends in drives with a positive sign drives.
func netEffect(chain []Step) graph.Effect {
	if len(chain) == 0 {
		return ""
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

// firstEffect is the effect of the first of a record's parallel claims.
func firstEffect(chain []Step) graph.Effect {
	if len(chain) == 0 {
		return ""
	}
	return chain[0].Effect
}

func appendNew(list []Evidence, es ...Evidence) []Evidence {
	for _, e := range es {
		if !slices.Contains(list, e) {
			list = append(list, e)
		}
	}
	return list
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

// chainIDs is "c1>c2>c3", for keys.
func chainIDs(chain []Step) string {
	s := ""
	for i, st := range chain {
		if i > 0 {
			s += ">"
		}
		s += st.Claim
	}
	return s
}

// pathRank says in words how pathFirst ranks causal chains.
const pathRank = "direct causes and the shortest chains first, then those whose first claim cites the most sources, then by claim id"

// pathFirst ranks causal chains for a limit (pathRank): fewer claims
// first, then more sources cited by the first claim, then the claims' ids.
// The Cypher of the questions that use it orders its paths the same way
// (ORDER BY length(p), size(relationships(p)[0].sources) DESC, claim ids).
func pathFirst(a, b *Finding) int {
	return cmp.Or(cmp.Compare(len(a.Chain), len(b.Chain)),
		cmp.Compare(ownCites(b.Chain), ownCites(a.Chain)),
		slices.CompareFunc(a.Chain, b.Chain, func(x, y Step) int { return strings.Compare(x.Claim, y.Claim) }))
}

// ownCites is how many citations the first claim of a chain has.
func ownCites(chain []Step) int {
	if len(chain) == 0 {
		return 0
	}
	return len(chain[0].Evidence)
}
