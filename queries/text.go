package queries

import (
	"cmp"
	"fmt"
	"io"
	"strings"

	"github.com/dyad-kg/dyad/graph"
)

// TextOptions control WriteText.
type TextOptions struct {
	// Entities give chains their short names (an alias for a long name).
	Entities []Entity
	// Where says where the answer came from ("from Neo4j at ...").
	Where string
	// Color adds bold and dim (ANSI) for a terminal.
	Color bool
	// All writes every finding with all its evidence after the gist; by
	// default an answer with a gist shows the gist alone.
	All bool
	// Request, if set, is the parsed question: how it was read, what it
	// did not use and what else it could mean are shown under the title.
	Request *Request
}

// WriteText writes ans as people read it: the title, then each finding
// numbered with its evidence, then the count and where it was answered.
// How a finding's headline reads is the question's own (Query.head).
func WriteText(w io.Writer, ans *Answer, opts TextOptions) error {
	q, err := Lookup(ans.Query)
	if err != nil {
		return err
	}
	t := &textWriter{w: w, q: q, color: opts.Color, short: shortNames(opts.Entities)}
	t.line(t.bold(ans.Title))
	t.reading(opts.Request)
	detail := ans.Gist == nil || opts.All || len(ans.Findings) == 0
	if ans.Gist != nil && len(ans.Findings) > 0 {
		t.gist(ans.Gist)
	}
	if detail {
		for i := range ans.Findings {
			t.finding(i+1, &ans.Findings[i])
		}
	}
	if len(ans.Findings) == 0 {
		t.line("")
		t.line(cmp.Or(q.Empty, "No findings."))
	}
	t.line("")
	n := fmt.Sprintf("%d %s", len(ans.Findings), plural(len(ans.Findings), "finding", "findings"))
	if !detail {
		n += " (--all shows every chain and its evidence)"
	}
	if ans.More {
		t.line(leftOut(q, ans))
	}
	if q.Hint != nil {
		t.line(q.Hint(ans.Params))
	}
	t.line(t.dim(n + " · answered " + opts.Where))
	return t.err
}

// leftOut says that an answer lists only some findings, which, and how to
// see them all.
func leftOut(q *Query, ans *Answer) string {
	first := "the first finding"
	if n := len(ans.Findings); n != 1 {
		first = fmt.Sprintf("the first %d findings", n)
	}
	s := fmt.Sprintf("This answer lists only %s (%s); the graph holds more: dyad ask --limit N lists N, --limit all every one.",
		first, cmp.Or(q.Rank, "in the answer's order"))
	if q.TooLong != "" {
		s += " " + q.TooLong
	}
	return s
}

// reading writes how the question was read, what it did not use and the
// other questions it could mean.
func (t *textWriter) reading(r *Request) {
	if r == nil {
		return
	}
	if r.ReadAs != "" {
		t.line(t.dim("Read as: " + r.ReadAs))
	}
	for _, u := range r.Unused {
		t.line(t.dim("Not used: " + u))
	}
	if len(r.Alternatives) > 0 {
		alt := make([]string, len(r.Alternatives))
		for i, a := range r.Alternatives {
			alt[i] = string(a)
		}
		t.line(t.dim("Could also mean: " + strings.Join(alt, ", ") + " (see dyad queries)"))
	}
}

// textWriter writes one answer, remembering the first write error.
type textWriter struct {
	w     io.Writer
	q     *Query
	color bool
	short map[string]string
	err   error
}

func (t *textWriter) line(s string) {
	if t.err == nil {
		_, t.err = fmt.Fprintln(t.w, s)
	}
}

func (t *textWriter) bold(s string) string {
	if t.color {
		return "\x1b[1m" + s + "\x1b[0m"
	}
	return s
}

func (t *textWriter) dim(s string) string {
	if t.color {
		return "\x1b[2m" + s + "\x1b[0m"
	}
	return s
}

// finding writes finding number i.
func (t *textWriter) finding(i int, f *Finding) {
	t.line("")
	t.line(t.headline(i, f))
	if f.Summary != "" {
		t.line("   " + f.Summary)
	}
	if !t.q.Parallel {
		if len(f.Chain) > 1 {
			t.line("   chain: " + chainText(f.Chain, t.short))
		} else if len(f.Chain) == 1 {
			t.line("   direct cause")
		}
	}
	if len(f.Toward) > 0 {
		names := make([]string, len(f.Toward))
		for i, r := range f.Toward {
			names[i] = r.Name
		}
		t.line("   toward: " + strings.Join(names, ", "))
	}
	for _, p := range f.Parties {
		t.line(fmt.Sprintf("   %s: %s", p.State.Name, p.Position))
		t.evidence("     ", p.Evidence)
	}
	if f.Note != "" {
		t.line("   " + f.Note)
	}
	t.evidence("   ", f.Evidence)
	if len(f.Contested) > 0 {
		t.line("   contested by:")
		t.evidence("     ", f.Contested)
	}
	t.via(f)
	if t.q.Parallel {
		t.effects(f.Chain)
	}
}

// via writes how a loop reaches the relation asked about (Finding.Via):
// the chain, then the evidence of its claims.
func (t *textWriter) via(f *Finding) {
	if len(f.Via) == 0 {
		return
	}
	t.line(fmt.Sprintf("   reaches %s (%s it) through: %s", f.Via[len(f.Via)-1].To.Name, netEffect(f.Via), chainText(f.Via, t.short)))
	var es []Evidence
	for _, s := range f.Via {
		es = appendNew(es, s.Evidence...)
	}
	t.evidence("     ", es)
}

// headline is "3. 2014-03  Crimea (war) —weakens→ Russia–Japan  [2014–]".
func (t *textWriter) headline(i int, f *Finding) string {
	head := f.Subject.Name
	if f.Date != "" {
		head = f.Date + "  " + head
	}
	if f.Kind != "" {
		head += " (" + f.Kind + ")"
	}
	line := fmt.Sprintf("%d. %s", i, t.bold(head))
	if t.q.head != nil {
		line += t.q.head(f)
	}
	if f.Period != "" {
		line += "  [" + f.Period + "]"
	}
	return line
}

// effects writes a record's parallel claimed effects, each with evidence.
func (t *textWriter) effects(chain []Step) {
	for _, s := range chain {
		l := "   → " + string(s.Effect) + " " + s.To.Name
		if s.Period != "" {
			l += "  [" + s.Period + "]"
		}
		if s.Summary != "" {
			l += ": " + s.Summary
		}
		t.line(l)
		t.evidence("     ", s.Evidence)
		if len(s.ContestedBy) > 0 {
			t.line("     contested by:")
			t.evidence("       ", s.ContestedBy)
		}
	}
}

func (t *textWriter) evidence(indent string, es []Evidence) {
	for _, e := range es {
		mode := string(e.Mode)
		if e.Role != "" {
			mode += ", " + string(e.Role)
		}
		l := fmt.Sprintf("%s[%s, %s, %s] %s", indent, e.Source, e.Locator, mode, e.Title)
		if e.URL != "" {
			l += " " + t.dim("<"+e.URL+">")
		}
		t.line(l)
	}
}

// chainText writes a chain as "a —drives→ b —weakens→ c".
func chainText(chain []Step, short map[string]string) string {
	name := func(r Ref) string {
		if s, ok := short[r.ID]; ok {
			return s
		}
		return r.Name
	}
	var b strings.Builder
	b.WriteString(name(chain[0].From))
	for _, s := range chain {
		fmt.Fprintf(&b, " —%s→ %s", s.Effect, name(s.To))
	}
	return b.String()
}

// shortNames maps entities with long names to their first, shorter alias,
// for chains ("territorial nationalism" for "Territory-focused Russian
// nationalism"). Relations and states keep their names.
func shortNames(ents []Entity) map[string]string {
	out := map[string]string{}
	for _, e := range ents {
		if e.Label == graph.LabelRelation || e.Label == graph.LabelState || len(e.Aliases) == 0 {
			continue
		}
		if a := e.Aliases[0]; len([]rune(e.Name)) > 28 && len(a) < len(e.Name) {
			out[e.ID] = a
		}
	}
	return out
}
