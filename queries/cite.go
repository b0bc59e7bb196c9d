package queries

import (
	"context"
	"slices"
	"strings"

	"github.com/dyad-kg/dyad/graph"
)

// Sources returns the sources answer a cites (in its findings, chains,
// contesting claims and dispute positions) as records, sorted by id: what a
// reference list needs (see package cite for BibTeX and CSL-JSON).
func Sources(ctx context.Context, b Backend, a *Answer) ([]graph.Source, error) {
	var ids []string
	walk(a, func(es []Evidence) []Evidence {
		for _, e := range es {
			ids = append(ids, e.Source)
		}
		return es
	})
	if len(ids) == 0 {
		return nil, nil
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	info, err := b.sources(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]graph.Source, 0, len(ids))
	for _, id := range ids {
		if s, ok := info[id]; ok {
			out = append(out, s.Record)
		}
	}
	return out, nil
}

// sourceRecord rebuilds a Source from its node's properties.
func sourceRecord(p map[string]any) graph.Source {
	s := graph.Source{
		Entity:    graph.Entity{ID: str(p, "id"), Name: str(p, "name"), Aliases: strs(p, "aliases"), Description: str(p, "description")},
		Kind:      graph.SourceKind(str(p, "kind")),
		Authors:   strs(p, "authors"),
		Publisher: str(p, "publisher"),
		URL:       str(p, "url"),
	}
	if d := strings.TrimSpace(str(p, "published")); d != "" {
		s.Published, _ = graph.ParseDate(d)
	}
	return s
}
