package dynamics

import "github.com/dyad-kg/dyad/graph"

// Weight is how much one claim counts in a yearly series: the evidence rule
// of the trajectory and of the panel's balance. It is
//
//	(1 + 0.5 × (n − 1)) × a × k
//
// where n is the number of distinct sources cited as evidence (each further
// independent source adds half), a is 1 when at least one source argues the
// influence and 0.75 when every source only reports the facts (the causal
// reading is then the curator's), and k is 0.5 when a source contests the
// claim and 1 otherwise. A claim argued by one source weighs 1; argued by
// one source and corroborated by a report, 1.5; reported by one source and
// contested, 0.375. Every weight is a multiple of 1/64, so sums are exact.
//
// ds is unused today; it is there so that a rule that looks at the sources
// themselves (their kind, their date) can replace this one without changing
// the callers.
func Weight(c *graph.Claim, ds *graph.Dataset) float64 {
	_ = ds
	sources := map[string]bool{}
	argued := false
	for _, e := range c.Evidence {
		sources[e.Source] = true
		argued = argued || e.Mode == graph.Argued
	}
	w := 1 + 0.5*float64(max(len(sources), 1)-1)
	if !argued {
		w *= 0.75
	}
	if c.Contested() {
		w *= 0.5
	}
	return w
}
