package queries

import (
	"strconv"

	"github.com/dyad-kg/dyad/neo4j"
)

// influence answers weakened (sign -1) and strengthened (sign +1): direct
// causes and chains into the relation whose net sign is sign.
func influence(sign int) func(g *Memory, p Params) []Finding {
	return func(g *Memory, p Params) []Finding {
		rel := g.relationBetween(p.A, p.B)
		if rel == "" {
			return nil
		}
		x := g.claimChains()
		signed := func(c *chain) bool { return x.sign(c) == sign }
		return g.chainFindings(g.bestInto([]string{rel}, p, p.keep, signed))
	}
}

// decodePath reads a record whose steps column is one causal path.
func decodePath(r neo4j.Record) Finding { return pathFinding(steps(r, "steps")) }

// pathKey orders causal paths: direct causes first, then by the cause's
// name, its object and the claims.
func pathKey(f *Finding) string {
	return strconv.Itoa(len(f.Chain)) + "\x00" + f.Subject.Name + "\x00" + f.Subject.ID + "\x00" + objectKey(f) + "\x00" + chainIDs(f.Chain)
}

func objectKey(f *Finding) string {
	if f.Object == nil {
		return ""
	}
	return f.Object.Name + "\x00" + f.Object.ID
}

// effectHead is " —weakens→ Russia–Japan relations", for causal findings.
func effectHead(f *Finding) string {
	if f.Effect == "" || f.Object == nil {
		return ""
	}
	return " —" + string(f.Effect) + "→ " + f.Object.Name
}

// signParams sets the $sign parameter.
func signParams(sign int) func(Params, map[string]any) {
	return func(_ Params, m map[string]any) { m["sign"] = int64(sign) }
}
