package queries

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/neo4j"
)

// Turning asks when the relation between A and B cooled or warmed: "When
// did Russia–Japan relations enter a deep freeze?".
const Turning Name = "turning"

// trajectoryWords ask how a relation moved over the years.
var trajectoryWords = []string{"over time", "over the years", "trajectory", "evolv", "evolution", "ups and downs", "warmed and cooled", "changed over", "change over"}

// turnWords ask for the moment something changed.
var turnWords = []string{"when$", "turning", "turn$", "watershed", "breakthrough", "what year", "which year", "at what point", "low point", "high point", "peak", "nadir", "enter", "begin", "began", "start"}

var _ = register(35, &Query{
	Name:     Turning,
	Title:    "When the relation between A and B cooled (sign -1) or warmed (sign 1)",
	Doc:      "The dated events with claims on the relation, and the starts of other claims' periods, each with its effect and its year's tally of cooling and warming claims; asked for one direction, the years that moved most that way come first, else in date order.",
	Needs:    []Param{ParamA, ParamB},
	Example:  Params{A: "RUS", B: "JPN", Sign: -1},
	Ask:      "When did Russia–Japan relations enter a deep freeze?",
	Cypher:   neo4j.Statement("turning"),
	Parallel: true,
	Hint: func(p Params) string {
		return fmt.Sprintf("Draw it: dyad plot trajectory %s-%s -o trajectory.svg (the balance of warming and cooling claims, year by year)", p.A, p.B)
	},
	Phrasing: Phrasing{
		Words: append(slices.Clone(turnWords), trajectoryWords...),
		// Before weakened/strengthened (60) and timeline (70): "when did
		// relations sour" asks when, not what.
		Rules: []Rule{{Priority: 55, When: func(c *Clues) bool {
			return c.has(turnWords) && len(c.States) >= 2 && (c.effectWords() || c.has([]string{"turning", "watershed", "breakthrough", "low point", "high point", "peak", "nadir", "lowest", "highest", "worst", "best$"}))
		}}, {Priority: 56, When: func(c *Clues) bool {
			// "How have Russia–Japan relations changed over time?": the
			// warming and cooling, year by year (no pivot year: change).
			changed := c.has([]string{"chang", "evolv", "develop", "shift"}) && c.has([]string{"over time", "over years", "since"})
			return len(c.States) >= 2 && c.Pivot == 0 && !c.effectWords() && (changed || c.has([]string{"trajectory", "ups and downs"}))
		}}},
		Bind: func(c *Clues, p *Params) {
			bindPair(c, p)
			switch {
			case c.effectWords():
				p.Sign = []int{-1, 1}[c.first(weakWords, strongWords)]
			case c.has([]string{"low point", "nadir", "lowest", "worst"}):
				p.Sign = -1
			case c.has([]string{"high point", "peak", "highest", "best$"}):
				p.Sign = 1
			}
		},
	},
	params: func(p Params, m map[string]any) { m["sign"] = int64(p.Sign) },
	memory: turning,
	decode: func(r neo4j.Record) Finding {
		f := turningFinding(mapOf(r["event"]), ref(mapOf(r["subject"])), str(r, "date"), steps(r, "effects"))
		sign, _ := r["sign"].(int64)
		tally(&f, int(sign), count(r["cooling"]), count(r["warming"]))
		return f
	},
	key: func(f *Finding) string { return f.rank + "\x00" + sortableDate(f.Date) + "\x00" + f.Subject.ID },
	heading: func(p Params, name func(string) string) string {
		switch p.Sign {
		case -1:
			return "When " + relationName(p, name) + " cooled"
		case 1:
			return "When " + relationName(p, name) + " warmed"
		}
		return "When " + relationName(p, name) + " turned"
	},
})

func count(v any) int {
	n, _ := v.(int64)
	return int(n)
}

// turningFinding is an event with its claims on the relation, or (event
// nil) a claim of subject on it whose period starts on date.
func turningFinding(event map[string]any, subject Ref, date string, effects []Step) Finding {
	if event != nil {
		return eventFinding(event, effects)
	}
	f := Finding{Subject: subject, Date: date, Chain: effects, Effect: firstEffect(effects)}
	if len(effects) > 0 {
		o := effects[0].To
		f.Object = &o
		f.Evidence = effects[0].Evidence
	}
	return f
}

// tally notes the finding's year's cooling and warming claims and ranks it:
// asked for a direction (sign), the findings that move that way in a year
// that moved most that way come first.
func tally(f *Finding, sign, cooling, warming int) {
	year := sortableDate(f.Date)[:4]
	f.Note = fmt.Sprintf("%s: %d cooling, %d warming", year, cooling, warming)
	if sign == 0 {
		return
	}
	score := warming - cooling
	if sign < 0 {
		score = cooling - warming
	}
	moves := false
	for _, s := range f.Chain {
		moves = moves || s.Effect.Sign() == sign
	}
	f.rank = "1"
	if moves && score > 0 {
		f.rank = "0" + strconv.Itoa(9999-score)
	}
}

// turning finds the dated events with claims on the relation between A and
// B, and the starts of the other claims on it, in the period.
func turning(g *Memory, p Params) []Finding {
	rel := g.relationBetween(p.A, p.B)
	if rel == "" {
		return nil
	}
	events := map[string][]Step{}
	var out []Finding
	for _, e := range g.in[rel] {
		if !isSigned(e) {
			continue
		}
		if g.label(e.From) == graph.LabelEvent {
			events[e.From] = append(events[e.From], g.step(e))
			continue
		}
		y, ok := e.Props["from_year"].(int64)
		if ok && (p.From == 0 || int(y) >= p.From) && (p.To == 0 || int(y) <= p.To) {
			out = append(out, turningFinding(nil, g.ref(e.From), str(e.Props, "from"), []Step{g.step(e)}))
		}
	}
	for id, effects := range events {
		n := g.nodes[id]
		if graph.InYears(n.Props, p.Years()) {
			out = append(out, turningFinding(n.Props, Ref{}, "", effects))
		}
	}
	cooling, warming := map[string]int{}, map[string]int{}
	for _, f := range out {
		for _, s := range f.Chain {
			if s.Effect == graph.Weakens {
				cooling[f.Date[:4]]++
			} else {
				warming[f.Date[:4]]++
			}
		}
	}
	for i := range out {
		y := out[i].Date[:4]
		tally(&out[i], p.Sign, cooling[y], warming[y])
	}
	return out
}
