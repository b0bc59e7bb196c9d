package queries

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// readAs says in words how the question was read: the question chosen with
// its names, how far it follows causes, and its period ("what weakened
// Russia–Japan relations, direct and indirect causes (chains of up to 3
// claims), all periods").
func (p *parser) readAs(q *Query, params Params) string {
	s := q.Title
	if q.heading != nil {
		s = q.heading(params, p.nameOf)
	}
	s = strings.TrimSuffix(strings.TrimSpace(s), "?")
	if first, _, _ := strings.Cut(s, " "); slices.Contains([]string{"What", "How", "The", "Which", "Why", "When", "Who", "Contested", "Feedback"}, first) {
		s = strings.ToLower(s[:1]) + s[1:]
	}
	parts := []string{s}
	if !q.Parallel && !q.NoPeriod && !q.NoDepth {
		parts = append(parts, describeDepth(params.Depth))
	}
	if !q.NoPeriod {
		parts = append(parts, describePeriod(params.From, params.To))
	}
	return strings.Join(parts, ", ")
}

// describeDepth says in words how far causes are followed.
func describeDepth(d int) string {
	if d == 0 {
		d = MaxDepth
	}
	if d == 1 {
		return "direct causes only"
	}
	return fmt.Sprintf("direct and indirect causes (chains of up to %d claims)", d)
}

// unused names what the question said that the request does not use, and
// why.
func (p *parser) unused(q *Query, c *Clues, params Params) []string {
	var out []string
	bound := append([]string{params.A, params.B}, params.Others...)
	for _, s := range c.States {
		if !slices.Contains(bound, s) {
			out = append(out, fmt.Sprintf("%q: a state this %s question does not use", p.nameOf(s), q.Name))
		}
	}
	if c.Node != "" && params.Node == "" && c.Region == "" {
		out = append(out, fmt.Sprintf("%q: this %s question takes no %s", p.nameOf(c.Node), q.Name, strings.ToLower(string(c.NodeLabel))))
	}
	if c.Source != "" && params.Source == "" {
		out = append(out, fmt.Sprintf("%q: this %s question takes no source", p.nameOf(c.Source), q.Name))
	}
	if p.when.Period != "" && q.NoPeriod && !p.periodUsed(params) {
		out = append(out, fmt.Sprintf("%q: this %s question takes no period", p.when.Period, q.Name))
	}
	if p.when.DepthText != "" && (q.Parallel || q.NoPeriod) {
		out = append(out, fmt.Sprintf("%q: this %s question follows no causal chains", p.when.DepthText, q.Name))
	}
	return append(out, p.strayWords(c)...)
}

// periodUsed reports whether a question that takes no period used the
// words of one for something else: the year that picked a source among an
// author's ("what did Reuters report in 2014?"), or the pivot year ("what
// changed after 2014?").
func (p *parser) periodUsed(params Params) bool {
	return p.sourceYear != "" && strings.Contains(p.when.Period, p.sourceYear) ||
		params.Pivot != 0 && strings.Contains(p.when.Period, strconv.Itoa(params.Pivot))
}

// strayWords names numbers read as neither a year nor a depth, and words
// outside names that no question uses.
func (p *parser) strayWords(c *Clues) []string {
	used := strings.Fields(p.when.Period + " " + p.when.DepthText)
	for _, q := range Catalog {
		for _, s := range q.Phrasing.Words {
			if strings.Contains(s, " ") && c.has([]string{s}) {
				used = append(used, strings.Fields(s)...)
			}
		}
	}
	var out, words []string
	for i, t := range c.toks {
		if c.inMention[i] || i >= p.phrase[0] && i < p.phrase[1] || p.namedNode(i) {
			continue
		}
		switch {
		case slices.ContainsFunc(p.when.Stray, func(n string) bool { return strings.TrimLeft(n, "-") == t.text }):
			out = append(out, fmt.Sprintf("%q: read as neither a year nor a depth", t.orig))
		case isVocab(t.text) || slices.Contains(phraseStop, t.text) || slices.Contains(used, t.text) || slices.Contains(fillerWords, t.text):
		default:
			if !slices.Contains(words, t.orig) {
				words = append(words, t.orig)
			}
		}
	}
	if len(words) > 0 {
		out = append(out, "words not understood: "+strings.Join(quoteAll(words), ", "))
	}
	return out
}

// fillerWords carry no meaning a question needs (intensifiers among them:
// "a deep freeze" is a freeze).
var fillerWords = strings.Fields(`please kindly exactly really so very well today now currently actually
just also mainly mostly chiefly whole entire overall recent recently late early mid ever
toward towards against out get gets got getting take takes took taken become became becoming
adopt adopts adopted pursue pursued involve involves involved involving stay stays name describe
trace explain anything something way ways point
deep deeply deeper sharp sharply severe severely serious seriously significant significantly marked markedly`)

// alternatives are the other questions whose rules also held, at a
// priority close to the chosen one's, and that the clues could answer.
func alternatives(c *Clues, chosen *Query) []Name {
	const close = 20
	best := map[Name]int{}
	top := -1
	for _, q := range Catalog {
		for _, r := range q.Phrasing.Rules {
			if r.When(c) {
				if old, ok := best[q.Name]; !ok || r.Priority < old {
					best[q.Name] = r.Priority
				}
				if top < 0 || r.Priority < top {
					top = r.Priority
				}
			}
		}
	}
	var out []Name
	for _, q := range Catalog {
		pri, ok := best[q.Name]
		if !ok || q == chosen || pri == top || pri > top+close || !feasible(q, c) {
			continue
		}
		out = append(out, q.Name)
	}
	slices.SortStableFunc(out, func(a, b Name) int { return best[a] - best[b] })
	return out
}

// feasible reports whether the clues name what q needs.
func feasible(q *Query, c *Clues) bool {
	if n := statesNeeded(q); len(c.States) < n && (q.Phrasing.Fewer == "" || len(c.States) == 0) {
		return false
	}
	for _, n := range q.Needs {
		if n == ParamNode && c.Node == "" || n == ParamSource && c.Source == "" {
			return false
		}
	}
	return true
}
