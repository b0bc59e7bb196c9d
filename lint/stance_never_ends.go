package lint

import (
	"slices"

	"github.com/dyad-kg/dyad/graph"
)

var _ = register(&Rule{
	Name:     "stance-never-ends",
	Severity: Warning,
	Doc:      "A stance with no end that a later stance of the same holder, toward the same states, contradicts: it is still listed after it was given up.",
	check:    stanceNeverEnds,
})

// stanceNeverEnds reports a dated stance with no end when a later stance
// of the same holder, aimed at a state it is aimed at and with no end
// either, contradicts it: a claim says the later one weakens it, or the
// claims give the two stances opposite effects on the same relation,
// factor or stance. A later stance that ended is not reported: the earlier
// one outlived it.
func stanceNeverEnds(p *pass) {
	effects := stanceEffects(p.ds)
	weakens := map[[2]string]bool{}
	for _, c := range p.ds.Claims {
		if c.Effect == graph.Weakens {
			weakens[[2]string{c.Subject, c.Object}] = true
		}
	}
	byHolder := map[string][]*graph.Stance{}
	for _, s := range p.ds.Stances {
		byHolder[s.Holder] = append(byHolder[s.Holder], s)
	}
	for _, s := range p.ds.Stances {
		if s.Period.From.IsZero() || !s.Period.To.IsZero() {
			continue
		}
		for _, t := range byHolder[s.Holder] {
			if !supersedes(t, s) {
				continue
			}
			why := ""
			switch {
			case weakens[[2]string{t.ID, s.ID}]:
				why = "a claim says " + t.ID + " weakens it"
			default:
				if obj := opposed(effects[s.ID], effects[t.ID]); obj != "" {
					why = "the claims give the two opposite effects on " + obj
				}
			}
			if why == "" {
				continue
			}
			p.report(s.Loc.At("period"), "stance %s of %s has no end, but %s, from %s, contradicts it (%s): give %s the end of its period, or say why both hold",
				s.ID, s.Holder, t.ID, t.Period.From, why, s.ID)
			break
		}
	}
}

// supersedes reports whether t could have replaced s: another stance of
// the same holder, aimed at a state s is aimed at, starting later, with no
// end.
func supersedes(t, s *graph.Stance) bool {
	return t != s && t.Holder == s.Holder && t.Period.To.IsZero() &&
		t.Period.From.Compare(s.Period.From) > 0 && sharesState(s.Toward, t.Toward)
}

// stanceEffects maps each stance id to the sign of its claims' effects by
// object: +1 strengthens or drives, -1 weakens.
func stanceEffects(ds *graph.Dataset) map[string]map[string]int {
	m := map[string]map[string]int{}
	for _, c := range ds.Claims {
		if ds.Stance(c.Subject) == nil {
			continue
		}
		if m[c.Subject] == nil {
			m[c.Subject] = map[string]int{}
		}
		m[c.Subject][c.Object] = c.Effect.Sign()
	}
	return m
}

// opposed returns the first object (by id) on which a and b have opposite
// signs, or "".
func opposed(a, b map[string]int) string {
	var objs []string
	for o, sa := range a {
		if sb, ok := b[o]; ok && sa != sb {
			objs = append(objs, o)
		}
	}
	if len(objs) == 0 {
		return ""
	}
	slices.Sort(objs)
	return objs[0]
}

func sharesState(a, b []string) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}
