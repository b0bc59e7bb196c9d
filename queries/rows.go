package queries

import (
	"context"
	"fmt"
	"slices"

	"github.com/dyad-kg/dyad/graph"
)

// Backend answers catalog queries: the in-memory graph (NewMemory) or Neo4j
// (NewNeo4j). Both return the same rows for the same data, which Run turns
// into Answers; the conformance suite in package querytest holds them to it.
type Backend interface {
	// rows runs q with Cypher parameters and returns its rows.
	rows(ctx context.Context, q *Query, params map[string]any) ([]row, error)
	// sources describes the sources with the given ids.
	sources(ctx context.Context, ids []string) (map[string]sourceInfo, error)
	// Entities lists the nodes a question can name (everything but sources
	// and events are included; events too, for "how did X reach...").
	Entities(ctx context.Context) ([]Entity, error)
}

// Entity is a nameable node, for resolving names in questions.
type Entity struct {
	Ref
	Aliases    []string `json:"aliases,omitempty"`
	Capital    string   `json:"capital,omitempty"`
	Adjectives []string `json:"adjectives,omitempty"`
	// States are a relation's two states.
	States []string `json:"states,omitempty"`
}

type sourceInfo struct {
	Title string
	URL   string
}

// row is one result row, shaped like the Cypher's RETURN columns. Maps hold
// node and edge properties as Neo4j returns them ({.*} projections).
type row struct {
	Steps     []map[string]any // steps: a path's claims, in order
	Region    map[string]any   // regions
	Relation  map[string]any   // compare
	Opposed   []string         // contested
	Node      map[string]any   // event, dispute or stance
	Territory map[string]any   // disputes
	Parties   []map[string]any // disputes
	Toward    []map[string]any // stances
	Effects   []map[string]any // timeline, disputes, stances
}

// Conversions from property values, which are int64 / []any from Neo4j and
// int64 / []string from memory.

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

func mapOf(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

func mapList(v any) []map[string]any {
	switch l := v.(type) {
	case []map[string]any:
		return l
	case []any:
		out := make([]map[string]any, 0, len(l))
		for _, x := range l {
			if m, ok := x.(map[string]any); ok {
				out = append(out, m)
			}
		}
		return out
	}
	return nil
}

func evidence(m map[string]any, prefix string) []Evidence {
	src, loc, mode := strs(m, prefix+"sources"), strs(m, prefix+"locators"), strs(m, prefix+"modes")
	var out []Evidence
	for i, s := range src {
		e := Evidence{Source: s}
		if i < len(loc) {
			e.Locator = loc[i]
		}
		if i < len(mode) {
			e.Mode = graph.Mode(mode[i])
		}
		out = append(out, e)
	}
	return out
}

func effectOf(relType string) graph.Effect {
	switch graph.RelType(relType) {
	case graph.RelWeakens:
		return graph.Weakens
	case graph.RelStrengthens:
		return graph.Strengthens
	case graph.RelDrives:
		return graph.Drives
	}
	return ""
}

func step(m map[string]any) Step {
	return Step{
		Claim:       str(m, "id"),
		From:        ref(mapOf(m["start"])),
		Effect:      effectOf(str(m, "type")),
		To:          ref(mapOf(m["end"])),
		Summary:     str(m, "summary"),
		Period:      str(m, "period"),
		Evidence:    evidence(m, ""),
		ContestedBy: evidence(m, "contested_"),
	}
}

func steps(ms []map[string]any) []Step {
	if len(ms) == 0 {
		return nil
	}
	out := make([]Step, len(ms))
	for i, m := range ms {
		out[i] = step(m)
	}
	return out
}
