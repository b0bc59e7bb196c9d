package queries

import (
	"fmt"
	"io"
	"slices"
	"strings"
)

// WriteMarkdown writes ans as a short report to paste into a paper or a
// note: the question as a heading, the gist (or the findings, for answers
// without one) as lists whose claims carry numbered citations ([1, para 4]),
// and the numbered references at the end.
func WriteMarkdown(w io.Writer, ans *Answer, opts TextOptions) error {
	m := &mdWriter{w: w, refs: map[string]int{}, short: shortNames(opts.Entities)}
	m.line("## " + ans.Title)
	m.line("")
	if ans.Gist != nil && len(ans.Findings) > 0 {
		m.gist(ans)
	} else {
		m.findings(ans)
	}
	if ans.More {
		if q, err := Lookup(ans.Query); err == nil {
			m.line("")
			m.line("*" + leftOut(q, ans) + "*")
		}
	}
	m.references(ans)
	m.line("")
	m.line(fmt.Sprintf("*Answered %s by Dyad.*", opts.Where))
	return m.err
}

type mdWriter struct {
	w     io.Writer
	refs  map[string]int // source id -> citation number
	order []string
	short map[string]string
	err   error
}

func (m *mdWriter) line(s string) {
	if m.err == nil {
		_, m.err = fmt.Fprintln(m.w, s)
	}
}

// cite is "[1, para 4; 2, p. 12]": each piece of evidence numbered by its
// source, in order of first citation.
func (m *mdWriter) cite(es []Evidence) string {
	var parts []string
	seen := map[string]bool{}
	for _, e := range es {
		n, ok := m.refs[e.Source]
		if !ok {
			n = len(m.order) + 1
			m.refs[e.Source] = n
			m.order = append(m.order, e.Source)
		}
		part := fmt.Sprintf("%d, %s", n, e.Locator)
		if !seen[part] {
			seen[part] = true
			parts = append(parts, part)
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return " [" + strings.Join(parts, "; ") + "]"
}

func (m *mdWriter) gist(ans *Answer) {
	g := ans.Gist
	m.line(fmt.Sprintf("%d %s behind %d %s, ranked by the weight of their evidence.",
		g.Causes, plural(g.Causes, "cause", "causes"), g.Findings, plural(g.Findings, "finding", "findings")))
	for _, v := range g.Argued {
		if len(v.Thesis) > 0 {
			m.line("")
			m.line(fmt.Sprintf("The source's thesis puts first: %s.", refNames(v.Thesis, m.short)))
		}
		if len(v.Partial) > 0 {
			m.line(fmt.Sprintf("It says these explain only part of the story: %s.", refNames(v.Partial, m.short)))
		}
	}
	if len(g.Both) > 0 {
		m.line("")
		m.line("**Above all, these moved both at once:** " + bothNames(g.Both) + ".")
	}
	for _, s := range g.Sections {
		if len(g.Sections) > 1 {
			m.line("")
			m.line(fmt.Sprintf("### What %s %s", past(s.Effect), s.Object.Name))
		}
		for _, gr := range s.Groups {
			m.line("")
			m.line("**" + gr.Name + "**")
			m.line("")
			for _, c := range gr.Causes {
				m.line(fmt.Sprintf("%d. %s: %s%s", c.Rank, c.Subject.Name, ways(c, m.short), m.cite(causeEvidence(c))))
			}
		}
	}
}

func (m *mdWriter) findings(ans *Answer) {
	if len(ans.Findings) == 0 {
		m.line("No findings.")
		return
	}
	for i, f := range ans.Findings {
		text := f.Subject.Name
		if f.Date != "" {
			text = f.Date + " " + text
		}
		if f.Summary != "" {
			text += ": " + f.Summary
		}
		if len(f.Via) > 0 {
			text += "; reaches " + f.Via[len(f.Via)-1].To.Name + " through " + chainText(f.Via, m.short)
		}
		ev := f.Evidence
		for _, s := range slices.Concat(f.Chain, f.Via) {
			ev = append(ev, s.Evidence...)
		}
		m.line(fmt.Sprintf("%d. %s%s", i+1, text, m.cite(ev)))
	}
}

// references lists the sources cited, numbered.
func (m *mdWriter) references(ans *Answer) {
	if len(m.order) == 0 {
		return
	}
	info := map[string]Evidence{}
	walk(ans, func(es []Evidence) []Evidence {
		for _, e := range es {
			info[e.Source] = e
		}
		return es
	})
	m.line("")
	m.line("### References")
	m.line("")
	for i, id := range m.order {
		e := info[id]
		ref := fmt.Sprintf("%d. %s", i+1, e.Title)
		if e.Title == "" {
			ref = fmt.Sprintf("%d. %s", i+1, id)
		}
		if e.URL != "" {
			ref += " <" + e.URL + ">"
		}
		m.line(ref + " (`" + id + "`)")
	}
}

// causeEvidence is the evidence of a cause's own claims.
func causeEvidence(c Cause) []Evidence {
	var out []Evidence
	for _, p := range c.Paths {
		out = append(out, p.Evidence...)
	}
	return out
}

// ways is "directly; via the Eurasia-focused pivot".
func ways(c Cause, short map[string]string) string {
	var ws []string
	for _, p := range c.Paths {
		if len(p.Via) == 0 {
			ws = append(ws, "directly")
		} else {
			ws = append(ws, "via "+refNames(p.Via, short))
		}
	}
	return strings.Join(compact(ws), "; ")
}

func bothNames(bs []Shared) string {
	rs := make([]Ref, len(bs))
	for i, b := range bs {
		rs[i] = b.Subject
	}
	return refNames(rs, nil)
}
