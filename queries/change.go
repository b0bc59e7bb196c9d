package queries

import (
	"fmt"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/neo4j"
)

// Change asks what changed in the relation between A and B around a year:
// "What changed in Russia–Japan relations after 2014?".
const Change Name = "change"

// changeWords ask what changed.
var changeWords = []string{"chang", "shift", "transform", "before and after", "what ended", "what started", "what began"}

var _ = register(78, &Query{
	Name:     Change,
	Title:    "What changed in the relation between A and B around pivot (a year)",
	Doc:      "The claims on the relation whose period ended before the pivot year (what ended), then those that started in it or later (what started; an event's claim starts at the event), each dated; claims that held across the pivot or are undated are left out.",
	Needs:    []Param{ParamA, ParamB},
	Example:  Params{A: "RUS", B: "JPN", Pivot: 2014},
	Ask:      "What changed in Russia–Japan relations after 2014?",
	Cypher:   neo4j.Statement("change"),
	NoPeriod: true,
	Phrasing: Phrasing{
		Words: changeWords,
		// Before compare (30): "how did ties change after 2008" names a
		// pivot year, not a period to compare over; a question that
		// compares relations ("compare ... since 2012") stays compare.
		Rules: []Rule{{Priority: 28, When: func(c *Clues) bool {
			return c.Pivot != 0 && len(c.States) == 2 && c.has(changeWords) && !c.has([]string{"compar", "contrast", "versus", "vs$"})
		}}},
		Bind: func(c *Clues, p *Params) {
			bindPair(c, p)
			p.Pivot, p.From, p.To = c.Pivot, 0, 0
		},
	},
	check: func(p Params) error {
		if p.Pivot == 0 {
			return fmt.Errorf("%w: change needs \"pivot\" (a year)", ErrMissingParam)
		}
		return nil
	},
	params: func(p Params, m map[string]any) { m["pivot"] = int64(p.Pivot) },
	memory: change,
	decode: func(r neo4j.Record) Finding {
		f := pathFinding(steps(r, "steps"))
		pivot, _ := r["pivot"].(int64)
		phase(&f, str(r, "phase"), str(r, "date"), int(pivot))
		return f
	},
	key:  func(f *Finding) string { return f.rank + "\x00" + sortableDate(f.Date) + "\x00" + chainIDs(f.Chain) },
	head: effectHead,
	heading: func(p Params, name func(string) string) string {
		return fmt.Sprintf("What changed in %s around %d", relationName(p, name), p.Pivot)
	},
})

// phase dates and notes a claim that ended before pivot or started from it.
func phase(f *Finding, phase, date string, pivot int) {
	f.Date = date
	if phase == "ended" {
		f.rank, f.Note = "0", fmt.Sprintf("ended %s, before %d", date, pivot)
		return
	}
	f.rank, f.Note = "1", fmt.Sprintf("started %s, in %d or later", date, pivot)
}

// change finds the claims on the relation between A and B that ended
// before Pivot or started in it or later.
func change(g *Memory, p Params) []Finding {
	rel := g.relationBetween(p.A, p.B)
	if rel == "" {
		return nil
	}
	var out []Finding
	for _, e := range g.in[rel] {
		if !isClaim(e) {
			continue
		}
		start, startDate := e.Props["from_year"], str(e.Props, "from")
		if n := g.nodes[e.From]; start == nil && n.Label == graph.LabelEvent {
			start, startDate = n.Props["year"], str(n.Props, "date")
		}
		f := pathFinding([]Step{g.step(e)})
		switch {
		case e.Props["to_year"] != nil && int(e.Props["to_year"].(int64)) < p.Pivot:
			phase(&f, "ended", str(e.Props, "to"), p.Pivot)
		case start != nil && int(start.(int64)) >= p.Pivot:
			phase(&f, "started", startDate, p.Pivot)
		default:
			continue
		}
		out = append(out, f)
	}
	return out
}
