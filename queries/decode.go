package queries

import (
	"fmt"
	"slices"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/neo4j"
)

// Decoding of the values the catalog's Cypher returns (neo4j.Record: int64,
// string, []any, map[string]any) into findings. Every statement returns its
// claims in one projection, r {.*, type, start, end}, which step reads.

func str(m map[string]any, k string) string {
	s, _ := m[k].(string)
	return s
}

func strs(m map[string]any, k string) []string {
	switch v := m[k].(type) {
	case []string:
		return slices.Clone(v)
	case []any:
		out := make([]string, 0, len(v))
		for _, x := range v {
			out = append(out, fmt.Sprint(x))
		}
		return out
	}
	return nil
}

func mapOf(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

func mapList(v any) []map[string]any {
	l, _ := v.([]any)
	out := make([]map[string]any, 0, len(l))
	for _, x := range l {
		if m, ok := x.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out
}

// ref reads a node projection {id, name, label}.
func ref(m map[string]any) Ref {
	if m == nil {
		return Ref{}
	}
	return Ref{ID: str(m, "id"), Label: graph.Label(str(m, "label")), Name: str(m, "name")}
}

func refp(m map[string]any) *Ref {
	if m == nil {
		return nil
	}
	r := ref(m)
	return &r
}

// evidence reads the parallel citation lists (sources, locators, modes) of
// a node or edge's properties, with a prefix ("contested_").
func evidence(m map[string]any, prefix string) []Evidence {
	src, loc, mode, role := strs(m, prefix+"sources"), strs(m, prefix+"locators"), strs(m, prefix+"modes"), strs(m, prefix+"roles")
	var out []Evidence
	for i, s := range src {
		e := Evidence{Source: s}
		if i < len(loc) {
			e.Locator = loc[i]
		}
		if i < len(mode) {
			e.Mode = graph.Mode(mode[i])
		}
		if i < len(role) {
			e.Role = graph.Role(role[i])
		}
		out = append(out, e)
	}
	return out
}

func effectOf(t graph.RelType) graph.Effect {
	for _, e := range []graph.Effect{graph.Weakens, graph.Strengthens, graph.Drives} {
		if e.RelType() == t {
			return e
		}
	}
	return ""
}

// step reads one claim projection.
func step(m map[string]any) Step {
	return Step{
		Claim:       str(m, "id"),
		From:        ref(mapOf(m["start"])),
		Effect:      effectOf(graph.RelType(str(m, "type"))),
		To:          ref(mapOf(m["end"])),
		Summary:     str(m, "summary"),
		Period:      str(m, "period"),
		Evidence:    evidence(m, ""),
		ContestedBy: evidence(m, "contested_"),
		span:        span(m),
	}
}

// span reads a claim's period from its from and to properties (dates as
// graph.Date writes them).
func span(m map[string]any) graph.Period {
	var p graph.Period
	p.From, _ = graph.ParseDate(str(m, "from"))
	p.To, _ = graph.ParseDate(str(m, "to"))
	return p
}

// steps reads a list of claim projections from column col.
func steps(r neo4j.Record, col string) []Step {
	ms := mapList(r[col])
	if len(ms) == 0 {
		return nil
	}
	out := make([]Step, len(ms))
	for i, m := range ms {
		out[i] = step(m)
	}
	return out
}

// record reads a node's properties ({.*}) as a finding about it.
func record(n map[string]any, label graph.Label) Finding {
	return Finding{
		Subject:  Ref{ID: str(n, "id"), Label: label, Name: str(n, "name")},
		Summary:  str(n, "description"),
		Evidence: evidence(n, ""),
	}
}
