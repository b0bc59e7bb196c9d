package graph

import (
	"slices"
	"strings"
)

// Node is a node of the property graph: a label from Labels, a stable id and
// its properties.
type Node struct {
	Label Label
	ID    string
	// Props holds the node's properties, "id" and "name" included. Values are
	// string, int64, bool or []string; empty values are left out.
	Props map[string]any
}

// Edge is an edge of the property graph: a type from RelTypes between two
// node ids, with a stable id of its own (the claim id for claims).
type Edge struct {
	Type RelType
	ID   string
	From string
	To   string
	// Props holds the edge's properties, "id" included; values as for Node.
	Props map[string]any
}

// Elements is a Dataset as a labelled property graph: what Dyad writes to
// Neo4j and exports as GraphML.
type Elements struct {
	Nodes []Node
	Edges []Edge
}

// Len returns the number of nodes and edges.
func (e *Elements) Len() int { return len(e.Nodes) + len(e.Edges) }

// CountLabels returns the number of nodes of each label.
func (e *Elements) CountLabels() map[Label]int {
	m := map[Label]int{}
	for _, n := range e.Nodes {
		m[n.Label]++
	}
	return m
}

// CountTypes returns the number of edges of each type.
func (e *Elements) CountTypes() map[RelType]int {
	m := map[RelType]int{}
	for _, r := range e.Edges {
		m[r.Type]++
	}
	return m
}

// Elements converts d, which should be valid, into nodes and edges in a
// deterministic order: nodes by label (in the order of Labels) then id, edges
// by type (in the order of RelTypes) then id.
func (d *Dataset) Elements() *Elements {
	b := &builder{seen: map[string]bool{}}
	for _, k := range kinds {
		for _, r := range k.store.records(d) {
			k.build(b, r)
		}
	}
	b.citations()
	for _, c := range d.Claims {
		b.claimNode(c)
	}
	labelRank := func(l Label) int { return KindOf(l).Rank }
	typeRanks := make(map[RelType]int, len(RelTypes))
	for i, t := range RelTypes {
		typeRanks[t] = i
	}
	typeRank := func(t RelType) int {
		if r, ok := typeRanks[t]; ok {
			return r
		}
		return -1 // as slices.Index: an unregistered type sorts first
	}
	slices.SortFunc(b.g.Nodes, func(a, b Node) int {
		if r := labelRank(a.Label) - labelRank(b.Label); r != 0 {
			return r
		}
		return strings.Compare(a.ID, b.ID)
	})
	slices.SortFunc(b.g.Edges, func(a, b Edge) int {
		if r := typeRank(a.Type) - typeRank(b.Type); r != 0 {
			return r
		}
		return strings.Compare(a.ID, b.ID)
	})
	return &b.g
}

type builder struct {
	g    Elements
	seen map[string]bool
}

func (b *builder) node(l Label, id string, props map[string]any) {
	if name, ok := props["name"].(string); ok {
		k := KindOf(l)
		props["short"] = ShortCaption(name, k.NodeDiameter, k.NodeFontSize)
	}
	b.g.Nodes = append(b.g.Nodes, Node{Label: l, ID: id, Props: props})
}

// EdgeID returns the id of a structural (non-claim) edge.
func EdgeID(t RelType, from, to string) string { return string(t) + ":" + from + ":" + to }

func (b *builder) edge(t RelType, from, to string, props map[string]any) {
	b.claim(t, EdgeID(t, from, to), from, to, props)
}

func (b *builder) claim(t RelType, id, from, to string, props map[string]any) {
	if b.seen[id] {
		return
	}
	b.seen[id] = true
	if props == nil {
		props = map[string]any{}
	}
	props["id"] = id
	b.g.Edges = append(b.g.Edges, Edge{Type: t, ID: id, From: from, To: to, Props: props})
}

// citations links each source that a node's record cites (its sources
// property) to the node by a SUPPORTS edge, and each source that an edge
// cites (a state's position in a dispute) to the edge's end node, naming
// the edge; claims link their own (claimNode).
func (b *builder) citations() {
	for _, n := range slices.Clone(b.g.Nodes) {
		b.supports(n.ID, "", n.Props)
	}
	for _, e := range slices.Clone(b.g.Edges) {
		b.supports(e.To, e.ID, e.Props)
	}
}

// supports writes a SUPPORTS edge to target for each citation held in p
// as parallel lists (setCitations); edge, if set, is the id of the cited
// edge, kept on the SUPPORTS edge as "edge".
func (b *builder) supports(target, edge string, p map[string]any) {
	src, _ := p["sources"].([]string)
	loc, _ := p["locators"].([]string)
	mode, _ := p["modes"].([]string)
	role, _ := p["roles"].([]string)
	for i, s := range src {
		ep := citationProps(loc[i], mode[i], "")
		if role != nil {
			setStr(ep, "role", role[i])
		}
		setStr(ep, "edge", edge)
		b.claim(RelSupports, CitationID(RelSupports, s, target, edge, loc[i]), s, target, ep)
	}
}

func entityProps(e *Entity) map[string]any {
	p := map[string]any{"id": e.ID, "name": e.Name}
	setList(p, "aliases", e.Aliases)
	setStr(p, "description", e.Description)
	return p
}

func setStr(p map[string]any, k, v string) {
	if v != "" {
		p[k] = v
	}
}

func setList(p map[string]any, k string, v []string) {
	if len(v) > 0 {
		p[k] = slices.Clone(v)
	}
}

// setPeriod writes a period as from/to dates, from_year/to_year integers for
// filtering, and a readable "period".
func setPeriod(p map[string]any, prefix string, per Period) {
	if !per.From.IsZero() {
		p[prefix+"from"] = per.From.String()
		p[prefix+"from_year"] = int64(per.From.Year)
	}
	if !per.To.IsZero() {
		p[prefix+"to"] = per.To.String()
		p[prefix+"to_year"] = int64(per.To.Year)
	}
	if prefix == "" && !per.IsZero() {
		p["period"] = per.String()
	}
}

// setCitations writes citations as parallel lists (Neo4j properties cannot
// hold maps): sources, locators and modes, index by index.
func setCitations(p map[string]any, prefix string, cs []Citation) {
	if len(cs) == 0 {
		return
	}
	src := make([]string, len(cs))
	loc := make([]string, len(cs))
	mode := make([]string, len(cs))
	role := make([]string, len(cs))
	roles := false
	for i, c := range cs {
		src[i], loc[i], mode[i], role[i] = c.Source, c.Locator, string(c.Mode), string(c.Role)
		roles = roles || c.Role != ""
	}
	p[prefix+"sources"] = src
	p[prefix+"locators"] = loc
	p[prefix+"modes"] = mode
	if roles {
		// Only where a source gives a role, so other graphs keep their shape.
		p[prefix+"roles"] = role
	}
}
