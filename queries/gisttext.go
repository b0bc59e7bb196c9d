package queries

import (
	"fmt"
	"strings"

	"github.com/dyad-kg/dyad/graph"
)

// gist writes the synthesis: counts, what the sources argue, and each
// section's causes by group, one line each with how they reach the object
// and the weight of their evidence.
func (t *textWriter) gist(g *Gist) {
	t.line("")
	t.line(fmt.Sprintf("%d %s behind %d %s, grouped by kind and ranked by the weight of their evidence.",
		g.Causes, plural(g.Causes, "cause", "causes"), g.Findings, plural(g.Findings, "finding", "findings")))
	for _, v := range g.Argued {
		title := v.Title
		if title == "" {
			title = v.Source
		}
		if len(v.Thesis) > 0 {
			t.line(fmt.Sprintf("%s puts first (its thesis): %s.", title, refNames(v.Thesis, t.short)))
		}
		if len(v.Partial) > 0 {
			t.line(fmt.Sprintf("It says these explain only part of the story: %s.", refNames(v.Partial, t.short)))
		}
	}
	if len(g.Both) > 0 {
		t.line("")
		t.line(t.bold("Above all, these did both:"))
		for _, b := range g.Both {
			var does []string
			for _, d := range b.Does {
				does = append(does, past(d.Effect)+" "+d.Object.Name)
			}
			t.line(fmt.Sprintf("  - %s: %s", b.Subject.Name, strings.Join(does, ", ")))
		}
	}
	for _, s := range g.Sections {
		if len(g.Sections) > 1 {
			t.line("")
			t.line(t.bold(fmt.Sprintf("What %s %s", past(s.Effect), s.Object.Name)))
		}
		for _, gr := range s.Groups {
			t.line("")
			t.line(t.bold(gr.Name))
			for _, c := range gr.Causes {
				t.line(t.causeLine(c))
			}
		}
	}
}

// causeLine is " 10. Eurasia-focused pivot: directly; via the Central Asia
// factor · 3 sources (2 argued) · thesis".
func (t *textWriter) causeLine(c Cause) string {
	line := fmt.Sprintf("%3d. %s: %s · %s", c.Rank, c.Subject.Name, ways(c, t.short), c.Weight)
	switch c.Role {
	case graph.Thesis:
		line += " · the source's thesis"
	case graph.Partial:
		line += " · only part of the story"
	}
	return line
}

// refNames is "A, B and C" with short names where there are.
func refNames(rs []Ref, short map[string]string) string {
	names := make([]string, len(rs))
	for i, r := range rs {
		names[i] = r.Name
		if s, ok := short[r.ID]; ok {
			names[i] = s
		}
	}
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// compact drops repeated strings, keeping the first of each.
func compact(xs []string) []string {
	seen := map[string]bool{}
	out := xs[:0]
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// past is "weakened", "strengthened" or "drove".
func past(e graph.Effect) string {
	switch e {
	case graph.Weakens:
		return "weakened"
	case graph.Strengthens:
		return "strengthened"
	case graph.Drives:
		return "drove"
	}
	return string(e)
}
